"""REST API: cases, certificates and supervision letters, scoped exactly like the
screens. `POST /api/enforcement-cases/<id>/transition/` (and the same on certificates
and letters) with {"action", "on", "note", inputs…} goes through the same form and
`apply()` as the action buttons; creation goes through `register()` / `issue()`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.enforcement.forms import action_form_class
from fazhi.enforcement.models import Case, Certificate, SupervisionLetter
from fazhi.kit.api import ScopedModelViewSet, TransitionMixin
from fazhi.org.scope import can_write_unit


class _Allowed(serializers.ModelSerializer):
    allowed_actions = serializers.SerializerMethodField()

    def get_allowed_actions(self, obj: Any) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in obj.allowed_actions(request.user)] if request else []


class CaseSerializer(_Allowed):
    party = serializers.CharField(source="masked_party", read_only=True)
    party_name = serializers.CharField(write_only=True, max_length=100)

    class Meta:
        model = Case
        fields = [
            "id",
            "unit",
            "number",
            "kind",
            "party",
            "party_name",
            "party_kind",
            "matter",
            "opened_on",
            "is_major",
            "state",
            "legal_review_on",
            "legal_review_passed",
            "full_record",
            "decided_on",
            "no_penalty",
            "leniency_item",
            "publication_due",
            "published_on",
            "published_late",
            "note",
            "allowed_actions",
        ]
        read_only_fields = [
            "state",
            "legal_review_on",
            "legal_review_passed",
            "full_record",
            "decided_on",
            "no_penalty",
            "leniency_item",
            "publication_due",
            "published_on",
            "published_late",
        ]


class CertificateSerializer(_Allowed):
    holder = serializers.CharField(source="person.masked_name", read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "id",
            "person",
            "holder",
            "unit",
            "role",
            "number",
            "field",
            "issuing_authority",
            "issued_on",
            "valid_until",
            "state",
            "cancelled_on",
            "cancel_reason",
            "allowed_actions",
        ]
        read_only_fields = ["unit", "state", "cancelled_on", "cancel_reason"]
        extra_kwargs = {"person": {"write_only": True}}


class LetterSerializer(_Allowed):
    class Meta:
        model = SupervisionLetter
        fields = [
            "id",
            "issuer",
            "recipient",
            "number",
            "issued_on",
            "problems",
            "state",
            "reported_on",
            "report",
            "reported_late",
            "closed_on",
            "allowed_actions",
        ]
        read_only_fields = ["state", "reported_on", "report", "reported_late", "closed_on"]


def _raise(exc: ValidationError) -> None:
    raise ApiValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else exc.messages
    ) from exc


class _WorkflowViewSet(TransitionMixin, ScopedModelViewSet):
    http_method_names = ["get", "post", "head", "options"]

    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)


class CaseViewSet(_WorkflowViewSet):
    queryset = Case.objects.select_related("unit").order_by("-opened_on", "-id")
    serializer_class = CaseSerializer

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        if not can_write_unit(self.request.user, data["unit"]):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")
        try:
            serializer.instance = Case.register(by=self.request.user, **data)
        except ValidationError as exc:
            _raise(exc)


class CertificateViewSet(_WorkflowViewSet):
    queryset = Certificate.objects.select_related("person", "unit").order_by("unit__path", "number")
    serializer_class = CertificateSerializer

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        if not can_write_unit(self.request.user, data["person"].unit):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")
        try:
            serializer.instance = Certificate.register(by=self.request.user, **data)
        except ValidationError as exc:
            _raise(exc)


class LetterViewSet(_WorkflowViewSet):
    queryset = SupervisionLetter.objects.select_related("issuer", "recipient").order_by(
        "-issued_on", "-id"
    )
    serializer_class = LetterSerializer

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        if not can_write_unit(self.request.user, data["issuer"]):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")
        try:
            serializer.instance = SupervisionLetter.issue(by=self.request.user, **data)
        except ValidationError as exc:
            _raise(exc)


ROUTES = [
    ("enforcement-cases", CaseViewSet),
    ("enforcement-certificates", CertificateViewSet),
    ("enforcement-letters", LetterViewSet),
]
