"""REST API: /api/lawsuits/ (scoped like the screens) and /api/lawsuits/<id>/transition/.

Creating goes through `Lawsuit.register()`, every state change through `apply()` with
the screen's own action form (kit.api_workflow.RegisterViewSet: {"action", "on", "note",
"version", inputs…}; a stale version is refused);
the state and outcome fields are read-only here. The plaintiff's name can be written
but is only ever read back masked.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.exceptions import ValidationError as DRFValidationError

from fazhi.kit.api_workflow import (
    AllowedActionsField,
    RegisterViewSet,
    record_fields,
    refuse_changes,
)
from fazhi.litigation.forms import LawsuitForm, api_action_form
from fazhi.litigation.models import Hearing, Lawsuit

# Set by the workflow (`apply()`), never written through the API.
WORKFLOW_FIELDS = [
    "state",
    "defended_on",
    "outcome",
    "result",
    "judgment_number",
    "closed_on",
    "appealed_on",
    "appellant",
    "version",
]


class HearingSerializer(serializers.ModelSerializer):
    person_masked = serializers.SerializerMethodField()

    class Meta:
        model = Hearing
        fields = [
            "id",
            "instance",
            "notice_received_on",
            "scheduled_on",
            "held",
            "held_on",
            "appearance_required",
            "appeared",
            "person_masked",
            "position",
            "rank",
            "identity_proof_ok",
            "spoke",
            "excuse",
            "excuse_note",
            "counts_as_appearance",
        ]
        read_only_fields = fields

    def get_person_masked(self, obj: Hearing) -> str:
        return obj.person.masked_name if obj.person_id else ""


class LawsuitSerializer(serializers.ModelSerializer):
    plaintiff = serializers.CharField(source="plaintiff_masked", read_only=True)
    hearings = HearingSerializer(many=True, read_only=True)
    allowed_actions = AllowedActionsField()

    class Meta:
        model = Lawsuit
        fields = record_fields(LawsuitForm, "instance", "plaintiff", *WORKFLOW_FIELDS, "hearings",
                               "allowed_actions")
        read_only_fields = ["instance", *WORKFLOW_FIELDS]
        extra_kwargs = {"plaintiff_name": {"write_only": True}, "case_number": {"validators": []}}


def _drf_error(exc: ValidationError) -> DRFValidationError:
    return DRFValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    )


class LawsuitViewSet(RegisterViewSet):
    queryset = Lawsuit.objects.select_related("unit").prefetch_related("hearings__person")
    serializer_class = LawsuitSerializer
    form_for = staticmethod(lambda transition, record, user: api_action_form(transition, record))

    def perform_update(self, serializer: Any) -> None:
        self._check_unit(serializer)
        suit = serializer.instance
        # The defence period runs from these: fixed once registered (as in reconsideration).
        refuse_changes(
            suit,
            serializer.validated_data,
            ("unit", "received_on"),
            "登记后不能修改，如有错误请联系管理员更正。",
        )
        for k, v in serializer.validated_data.items():
            setattr(suit, k, v)
        try:
            suit.full_clean()
            suit.save()
        except ValidationError as exc:
            raise _drf_error(exc) from exc


ROUTES = [("lawsuits", LawsuitViewSet)]
