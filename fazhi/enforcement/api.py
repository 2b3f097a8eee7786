"""REST API: cases, certificates and supervision letters, scoped exactly like the
screens; the yearly data publications, read-only but for their `publish` move, which
the pre-issue check may refuse. `POST /api/enforcement-cases/<id>/transition/` (and the
same on certificates, letters and publications) with {"action", "on", "note", inputs…} goes through the same form and
`apply()` as the action buttons; creation goes through `register()` / `issue()`.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from fazhi.enforcement.forms import CaseForm, CertificateForm, LetterForm, action_form_class
from fazhi.enforcement.models import Case, Certificate, DataPublication, SupervisionLetter
from fazhi.kit.api_workflow import (
    AllowedActionsField,
    RegisterViewSet,
    WorkflowSerializer,
    record_fields,
    workflow_meta,
)
from fazhi.kit.registers import MovedOnlyViewSet, masked_person
from fazhi.org.scope import can_write_unit

# What a case's moves set (through `apply()`), never the API's client.
CASE_MOVES = [
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


class CaseSerializer(WorkflowSerializer, masked_person("party")):
    Meta = workflow_meta(Case, CaseForm, CASE_MOVES, "party")


class CertificateSerializer(serializers.ModelSerializer):
    holder = serializers.CharField(source="person.masked_name", read_only=True)
    allowed_actions = AllowedActionsField()

    class Meta:
        model = Certificate
        read_only_fields = ["unit", "state", "cancelled_on", "cancel_reason"]
        # The API does not carry the certificate's note (the screens' form does).
        fields = record_fields(CertificateForm, "holder", *read_only_fields, "allowed_actions",
                               leave_out=("note",))
        extra_kwargs = {"person": {"write_only": True}}


class LetterSerializer(serializers.ModelSerializer):
    allowed_actions = AllowedActionsField()

    class Meta:
        model = SupervisionLetter
        read_only_fields = ["state", "reported_on", "report", "reported_late", "closed_on"]
        # The API does not carry the linked file review (the screens' form does).
        fields = record_fields(LetterForm, *read_only_fields, "allowed_actions",
                               leave_out=("file_review",))


class _RegisteredThenMoved(RegisterViewSet):
    """Created through the model's own registration (`create_with`, which opens its
    periods), moved only through transitions: GET and POST."""

    http_method_names = ["get", "post", "head", "options"]
    form_for = staticmethod(action_form_class)


class CaseViewSet(_RegisteredThenMoved):
    queryset = Case.objects.select_related("unit").order_by("-opened_on", "-id")
    serializer_class = CaseSerializer


class CertificateViewSet(_RegisteredThenMoved):
    queryset = Certificate.objects.select_related("person", "unit").order_by("unit__path", "number")
    serializer_class = CertificateSerializer
    unit_from = "person"  # registered into its holder's unit


class LetterViewSet(_RegisteredThenMoved):
    queryset = SupervisionLetter.objects.select_related("issuer", "recipient").order_by(
        "-issued_on", "-id"
    )
    serializer_class = LetterSerializer
    create_with = "issue"

    def _check_unit(self, serializer: Any) -> None:
        # Only the issuing 司法局 registers its letters (their scope is the recipient's).
        if not can_write_unit(self.request.user, serializer.validated_data["issuer"]):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")


class PublicationSerializer(WorkflowSerializer):
    class Meta:
        model = DataPublication
        fields = [
            "id", "unit", "year", "state", "due_on", "published_on", "published_late", "where",
            "version", "allowed_actions",
        ]
        read_only_fields = fields


class PublicationViewSet(MovedOnlyViewSet):
    """`GET /api/enforcement-publications/` and `/<id>/`; `POST /<id>/transition/`
    publishes. A publication is prepared on its screen (which opens its deadline)."""

    queryset = DataPublication.objects.select_related("unit").order_by("-year", "unit__path")
    serializer_class = PublicationSerializer
    form_for = staticmethod(action_form_class)


ROUTES = [
    ("enforcement-cases", CaseViewSet),
    ("enforcement-certificates", CertificateViewSet),
    ("enforcement-letters", LetterViewSet),
    ("enforcement-publications", PublicationViewSet),
]
