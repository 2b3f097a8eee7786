"""REST API: supervision tasks and suggestions / proposals, scoped like the screens.

`POST /api/supervision/<id>/transition/` and `/api/suggestions/<id>/transition/` with
{"action", "on", "note", "version", inputs…} go through the same forms and `apply()`.
Creation proposes a task (`Task.propose`) or assigns a suggestion (`Suggestion.assign`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.api.base import ScopedModelViewSet, TransitionMixin
from fazhi.oversight.forms import action_form_class
from fazhi.oversight.models import Suggestion, Task

TASK_WORKFLOW = [
    "state",
    "responsible",
    "due_on",
    "approved_on",
    "approved_by",
    "assigned_on",
    "reported_on",
    "closed_on",
    "accepted_by",
    "rejected",
    "archived_on",
    "version",
]
SUGGESTION_WORKFLOW = [
    "state",
    "contacted_on",
    "contact_means",
    "extended_on",
    "replied_on",
    "category",
    "replied_on_time",
    "evaluated_on",
    "satisfaction",
    "version",
]


class _Transitions(TransitionMixin):
    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)  # type: ignore[attr-defined]


def _raise(exc: ValidationError) -> None:
    raise ApiValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else exc.messages
    ) from exc


class TaskSerializer(serializers.ModelSerializer):
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = [
            "id",
            "number",
            "title",
            "requirement",
            "source_kind",
            "source_ref",
            "office",
            "unit",
            "co_units",
            "proposed_on",
            "note",
            *TASK_WORKFLOW,
            "allowed_actions",
        ]
        read_only_fields = TASK_WORKFLOW

    def get_allowed_actions(self, obj: Task) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in obj.allowed_actions(request.user)] if request else []


class TaskViewSet(_Transitions, ScopedModelViewSet):
    queryset = (
        Task.objects.select_related("unit", "office")
        .prefetch_related("co_units")
        .order_by("-proposed_on", "-id")
    )
    serializer_class = TaskSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        self._check_unit(serializer)
        data = dict(serializer.validated_data)
        co_units = data.pop("co_units", [])
        try:
            serializer.instance = Task.propose(by=self.request.user, co_units=co_units, **data)
        except ValidationError as exc:
            _raise(exc)


class SuggestionSerializer(serializers.ModelSerializer):
    proposer = serializers.CharField(source="masked_proposer", read_only=True)
    proposer_name = serializers.CharField(write_only=True, max_length=100)
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Suggestion
        fields = [
            "id",
            "kind",
            "number",
            "title",
            "proposer",
            "proposer_name",
            "office",
            "unit",
            "co_units",
            "assigned_on",
            "note",
            *SUGGESTION_WORKFLOW,
            "allowed_actions",
        ]
        read_only_fields = SUGGESTION_WORKFLOW

    def get_allowed_actions(self, obj: Suggestion) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in obj.allowed_actions(request.user)] if request else []


class SuggestionViewSet(_Transitions, ScopedModelViewSet):
    queryset = Suggestion.objects.select_related("unit", "office").order_by("-assigned_on", "-id")
    serializer_class = SuggestionSerializer
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        self._check_unit(serializer)
        try:
            serializer.instance = Suggestion.assign(
                by=self.request.user, **serializer.validated_data
            )
        except ValidationError as exc:
            _raise(exc)


ROUTES = [("supervision", TaskViewSet), ("suggestions", SuggestionViewSet)]
