"""REST API of the decisions register, scoped exactly like the screens.

`/api/decision-catalogues/` (yearly catalogues), `/api/decisions/` (decisions with their
recorded steps) and `POST /api/decisions/<id>/transition/` with {"action", "on", "note",
"version", inputs…}: the same `apply()` as the buttons, so the statutory order of the
steps (rules.REQUIRES) holds for every entry point.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.decisions.forms import CatalogueForm, DecisionForm, action_form_class
from fazhi.decisions.models import Catalogue, Decision, DecisionStep
from fazhi.kit.api import ScopedModelViewSet, TransitionMixin
from fazhi.kit.api_workflow import (
    AllowedActionsField,
    CleanSerializer,
    record_fields,
    simple_viewset,
)

# Catalogues are corrected, never erased: a decision hangs on its catalogue.
CatalogueViewSet = simple_viewset(
    Catalogue,
    CatalogueForm.Meta.fields,
    ordering=("-year", "id"),
    methods=("get", "post", "patch"),
)


class StepSerializer(serializers.ModelSerializer):
    step_label = serializers.CharField(source="get_step_display", read_only=True)
    conclusion_label = serializers.CharField(read_only=True)

    class Meta:
        model = DecisionStep
        fields = [
            "step",
            "step_label",
            "applicable",
            "on",
            "reason",
            "start_on",
            "end_on",
            "received",
            "adopted",
            "conclusion",
            "conclusion_label",
            "meeting",
            "detail",
        ]
        read_only_fields = fields


WORKFLOW_FIELDS = ["state", "comment_start_on", "comment_end_on", "comment_channel", "version"]


class DecisionSerializer(CleanSerializer):
    steps = StepSerializer(many=True, read_only=True)
    allowed_actions = AllowedActionsField()

    class Meta:
        model = Decision
        fields = record_fields(DecisionForm, *WORKFLOW_FIELDS, "steps", "allowed_actions")
        read_only_fields = WORKFLOW_FIELDS

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None:
            for name in ("unit", "year"):
                if name in attrs and attrs[name] != getattr(self.instance, name):
                    raise ApiValidationError({name: "登记后不能修改决策机关或年度。"})
        return super().validate(attrs)


class DecisionViewSet(TransitionMixin, ScopedModelViewSet):
    queryset = (
        Decision.objects.select_related("unit", "lead_unit", "catalogue")
        .prefetch_related("steps")
        .order_by("-year", "id")
    )
    serializer_class = DecisionSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)


ROUTES = [
    ("decision-catalogues", CatalogueViewSet),
    ("decisions", DecisionViewSet),
]
