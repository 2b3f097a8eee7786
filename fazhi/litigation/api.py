"""REST API: /api/lawsuits/ (scoped like the screens) and /api/lawsuits/<id>/transition/.

Creating goes through `Lawsuit.register()`, every state change through `apply()`;
the state and outcome fields are read-only here. The plaintiff's name can be written
but is only ever read back masked.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.api.base import ScopedModelViewSet
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import Appellant, Excuse, LeaderRank, Outcome
from fazhi.org.models import Person
from fazhi.org.scope import can_write_unit


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
    allowed_actions = serializers.SerializerMethodField()

    def get_allowed_actions(self, obj: Lawsuit) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in obj.allowed_actions(request.user)] if request else []

    class Meta:
        model = Lawsuit
        fields = [
            "id",
            "unit",
            "court",
            "case_number",
            "instance",
            "cause",
            "act_challenged",
            "plaintiff_name",
            "plaintiff",
            "filed_on",
            "received_on",
            "handler",
            "previous",
            "reconsideration",
            "note",
            "state",
            "defended_on",
            "outcome",
            "result",
            "judgment_number",
            "closed_on",
            "appealed_on",
            "appellant",
            "version",
            "hearings",
            "allowed_actions",
        ]
        read_only_fields = [
            "instance",
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
        extra_kwargs = {"plaintiff_name": {"write_only": True}, "case_number": {"validators": []}}


class ApplySerializer(serializers.Serializer):
    """One workflow move: the action, its date and the action's own inputs."""

    action = serializers.CharField()
    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    expected_version = serializers.IntegerField(required=False)
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False)
    judgment_number = serializers.CharField(required=False, allow_blank=True)
    appellant = serializers.ChoiceField(choices=Appellant.choices, required=False)
    hearing_on = serializers.DateField(required=False)
    hearing = serializers.IntegerField(required=False, allow_null=True)
    appearance_required = serializers.BooleanField(required=False, default=True)
    appeared = serializers.BooleanField(required=False, default=False)
    person = serializers.IntegerField(required=False, allow_null=True)
    rank = serializers.ChoiceField(choices=LeaderRank.choices, required=False, allow_blank=True)
    identity_proof_ok = serializers.BooleanField(required=False, default=True)
    spoke = serializers.BooleanField(required=False, default=False)
    excuse = serializers.ChoiceField(choices=Excuse.choices, required=False, allow_blank=True)
    excuse_note = serializers.CharField(required=False, allow_blank=True)
    staff = serializers.CharField(required=False, allow_blank=True)


def _drf_error(exc: ValidationError) -> DRFValidationError:
    return DRFValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    )


class LawsuitViewSet(ScopedModelViewSet):
    queryset = Lawsuit.objects.select_related("unit").prefetch_related("hearings__person")
    serializer_class = LawsuitSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        self._check_unit(serializer)
        try:
            serializer.instance = Lawsuit.register(
                by=self.request.user, **serializer.validated_data
            )
        except ValidationError as exc:
            raise _drf_error(exc) from exc

    def perform_update(self, serializer: Any) -> None:
        self._check_unit(serializer)
        suit = serializer.instance
        # The defence period runs from these: fixed once registered (as in reconsideration).
        for name in ("unit", "received_on"):
            if name in serializer.validated_data and serializer.validated_data[name] != getattr(
                suit, name
            ):
                raise DRFValidationError({name: "登记后不能修改，如有错误请联系管理员更正。"})
        for k, v in serializer.validated_data.items():
            setattr(suit, k, v)
        try:
            suit.full_clean()
            suit.save()
        except ValidationError as exc:
            raise _drf_error(exc) from exc

    @action(detail=True, methods=["post"])
    def transition(self, request: Request, pk: str | None = None) -> Response:
        suit: Lawsuit = self.get_object()
        if not can_write_unit(request.user, suit.unit):
            raise PermissionDenied("您对该记录只有查看权限。")
        data = ApplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        act = values.pop("action")
        on = values.pop("on")
        note = values.pop("note", "")
        version = values.pop("expected_version", None)
        if values.get("person"):
            person = Person.objects.filter(pk=values["person"], unit=suit.unit).first()
            if person is None:
                raise DRFValidationError({"person": "出庭负责人须为被告单位的人员。"})
            values["person"] = person
        try:
            suit.apply(act, by=request.user, on=on, note=note, expected_version=version, **values)
        except ValidationError as exc:
            raise _drf_error(exc) from exc
        fresh = self.get_queryset().get(pk=suit.pk)  # the prefetched hearings are stale now
        return Response(self.get_serializer(fresh).data, status=status.HTTP_200_OK)


ROUTES = [("lawsuits", LawsuitViewSet)]
