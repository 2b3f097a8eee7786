"""REST API: applications (scoped exactly like the screens) and their workflow moves.

`POST /api/reconsideration/<id>/transition/` with {"action", "on", "note", inputs…}
goes through the same form and `apply()` as the action buttons.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.kit.api import ScopedModelViewSet, TransitionMixin
from fazhi.kit.api_workflow import AllowedActionsField
from fazhi.org.scope import can_write_unit
from fazhi.reconsideration.forms import action_form_class
from fazhi.reconsideration.models import Application, SuperiorCase

WORKFLOW_FIELDS = [
    "state",
    "procedure",
    "agency",
    "accepted_on",
    "deemed_accepted",
    "refused_on",
    "refusal_reason",
    "copy_sent_on",
    "copy_received_on",
    "reply_received_on",
    "reply_late",
    "hearing_on",
    "suspended_on",
    "suspension_ground",
    "resumed_on",
    "extended_on",
    "closed_on",
    "outcome",
    "termination_reason",
    "closed_late",
    "handling_days",
    "performance_status",
    "performance_checked_on",
    "version",
]


class ApplicationSerializer(serializers.ModelSerializer):
    applicant = serializers.CharField(source="masked_applicant", read_only=True)
    applicant_name = serializers.CharField(write_only=True, max_length=100)
    allowed_actions = AllowedActionsField()

    class Meta:
        model = Application
        fields = [
            "id",
            "case_number",
            "applicant",
            "applicant_name",
            "applicant_kind",
            "respondent",
            "act",
            "act_kind",
            "channel",
            "received_on",
            "note",
            *WORKFLOW_FIELDS,
            "allowed_actions",
        ]
        read_only_fields = WORKFLOW_FIELDS

    def update(self, instance: Application, validated_data: dict[str, Any]) -> Application:
        # Workflow fields are read-only; the respondent and receipt date are fixed once the
        # acceptance review has started (its deadline runs from them).
        for name in ("respondent", "received_on"):
            if name in validated_data and validated_data[name] != getattr(instance, name):
                raise ApiValidationError({name: "登记后不能修改，请撤回重新登记。"})
        return super().update(instance, validated_data)


class ApplicationViewSet(TransitionMixin, ScopedModelViewSet):
    queryset = (
        Application.objects.select_related("respondent", "agency")
        .prefetch_related("letters")
        .order_by("-received_on", "-id")
    )
    serializer_class = ApplicationSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        if not can_write_unit(self.request.user, data["respondent"]):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")
        try:
            serializer.instance = Application.register(by=self.request.user, **data)
        except ValidationError as exc:
            raise ApiValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc

    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)


class SuperiorCaseSerializer(serializers.ModelSerializer):
    applicant = serializers.CharField(source="masked_applicant", read_only=True)
    applicant_name = serializers.CharField(write_only=True, max_length=100)

    class Meta:
        model = SuperiorCase
        fields = [
            "id",
            "respondent",
            "superior_body",
            "case_number",
            "applicant",
            "applicant_name",
            "act",
            "accepted_on",
            "closed_on",
            "outcome",
            "note",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance = SuperiorCase(
            **{**({} if self.instance is None else _fields(self.instance)), **attrs}
        )
        try:
            instance.full_clean()
        except ValidationError as exc:
            raise ApiValidationError(exc.message_dict) from exc
        return attrs


def _fields(obj: SuperiorCase) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in obj._meta.concrete_fields if f.name != "id"}


class SuperiorCaseViewSet(ScopedModelViewSet):
    queryset = SuperiorCase.objects.select_related("respondent").order_by("-accepted_on", "-id")
    serializer_class = SuperiorCaseSerializer


ROUTES = [
    ("reconsideration", ApplicationViewSet),
    ("reconsideration-superior", SuperiorCaseViewSet),
]
