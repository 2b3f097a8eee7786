"""REST API of the normative-documents register, scoped exactly like the screens.

- `/api/normdoc-issuers/`: the 制定主体清单;
- `/api/normdocs/`: documents (created as drafts); `POST /api/normdocs/<id>/transition/`
  with {"action", "on", "note", "version", inputs…} goes through `apply()` (review,
  publication with registration number, filing, repeal…);
- `/api/normdoc-reviews/`: other items legally reviewed (contracts, agenda items…);
- `/api/normdoc-cleanups/`: cleanups; `POST /api/normdoc-cleanups/<id>/decide/` with
  {"document", "outcome", "on", "note"} records one document's outcome and applies it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.kit.api import ScopedModelViewSet, TransitionMixin
from fazhi.kit.api_workflow import (
    AllowedActionsField,
    CleanSerializer,
    record_fields,
    simple_viewset,
)
from fazhi.kit.xlsx import parse_date
from fazhi.normdocs.forms import CleanupForm, DocumentForm, action_form_class
from fazhi.normdocs.models import Cleanup, CleanupResult, Document, Issuer, ReviewItem
from fazhi.normdocs.rules import CleanupOutcome, ReviewKind
from fazhi.org.scope import visible_to

IssuerViewSet = simple_viewset(
    Issuer,
    ["unit", "listed_on", "delisted_on", "basis"],
    ordering=("unit__path", "id"),
    methods=("get", "post", "patch"),
)


# Set only through apply() (the workflow) or computed by the deadlines app.
WORKFLOW_FIELDS = [
    "state",
    "doc_no",
    "register_no",
    "review_received_on",
    "reviewed_on",
    "review_opinion",
    "adopted_on",
    "published_on",
    "effective_from",
    "valid_until",
    "filing_due",
    "filed_on",
    "filing_conform",
    "ended_on",
    "version",
]


class DocumentSerializer(CleanSerializer):
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    filed_on_time = serializers.BooleanField(read_only=True, allow_null=True)
    allowed_actions = AllowedActionsField()

    class Meta:
        model = Document
        fields = record_fields(DocumentForm, *WORKFLOW_FIELDS, "state_label", "filed_on_time",
                               "allowed_actions")
        read_only_fields = WORKFLOW_FIELDS

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and "unit" in attrs and attrs["unit"] != self.instance.unit:
            raise ApiValidationError({"unit": "登记后不能修改制定机关。"})
        return super().validate(attrs)


class DocumentViewSet(TransitionMixin, ScopedModelViewSet):
    queryset = Document.objects.select_related("unit", "filing_authority").order_by(
        "-drafted_on", "id"
    )
    serializer_class = DocumentSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)


class ReviewItemSerializer(CleanSerializer):
    class Meta:
        model = ReviewItem
        fields = ["id", "unit", "kind", "title", "received_on", "reviewed_on", "opinion", "detail"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # A document's review is recorded by its own `review` move (Document.on_review).
        if attrs.get("kind") == ReviewKind.NORMDOC:
            raise ApiValidationError({"kind": "规范性文件的合法性审核请在该文件的办理中登记。"})
        return super().validate(attrs)


class ReviewItemViewSet(ScopedModelViewSet):
    queryset = ReviewItem.objects.select_related("unit").order_by("-received_on", "id")
    serializer_class = ReviewItemSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]


class CleanupResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = CleanupResult
        fields = ["document", "outcome", "decided_on", "note"]
        read_only_fields = fields


class CleanupSerializer(CleanSerializer):
    results = CleanupResultSerializer(many=True, read_only=True)

    class Meta:
        model = Cleanup
        fields = record_fields(CleanupForm, "results")


class CleanupViewSet(ScopedModelViewSet):
    queryset = (
        Cleanup.objects.select_related("unit").prefetch_related("results").order_by("-started_on")
    )
    serializer_class = CleanupSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: Any = None) -> Response:
        cleanup = self.get_object()
        outcome = str(request.data.get("outcome", ""))
        labels = {label: value for value, label in CleanupOutcome.choices}
        outcome = labels.get(outcome, outcome)
        raw = str(request.data.get("document", "")).strip()
        docs = visible_to(request.user, Document.objects.select_related("unit"))
        doc = docs.filter(pk=raw).first() if raw.isdigit() else None
        if doc is None:
            return Response({"document": ["请选择文件。"]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            on = parse_date(request.data.get("on", ""))
            cleanup.decide(
                doc, outcome, by=request.user, on=on, note=str(request.data.get("note", ""))[:200]
            )
        except ValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(self.get_queryset().get(pk=cleanup.pk)).data)


ROUTES = [
    ("normdoc-issuers", IssuerViewSet),
    ("normdocs", DocumentViewSet),
    ("normdoc-reviews", ReviewItemViewSet),
    ("normdoc-cleanups", CleanupViewSet),
]
