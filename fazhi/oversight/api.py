"""REST API: supervision tasks and suggestions / proposals, scoped like the screens.

`POST /api/supervision/<id>/transition/` and `/api/suggestions/<id>/transition/` with
{"action", "on", "note", "version", inputs…} go through the same forms and `apply()`.
Creation proposes a task (`Task.propose`) or assigns a suggestion (`Suggestion.assign`).
`/api/supervision-milestones/`: a task's milestones, scoped through their task's unit;
POST {task, title, due_on} (`Milestone.add`), PATCH {title, due_on} (`change`) or
{done_on} (`complete`), DELETE (`remove`: only a milestone not done and not urged).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.kit.api import ScopedModelViewSet
from fazhi.kit.api_workflow import RegisterViewSet, WorkflowSerializer, api_error, workflow_meta
from fazhi.kit.registers import masked_person
from fazhi.org.scope import can_write_unit, visible_to
from fazhi.oversight.forms import SuggestionForm, TaskForm, action_form_class
from fazhi.oversight.models import Milestone, Suggestion, Task

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


class TaskSerializer(WorkflowSerializer):
    Meta = workflow_meta(Task, TaskForm, TASK_WORKFLOW)


class TaskViewSet(RegisterViewSet):
    queryset = (
        Task.objects.select_related("unit", "office")
        .prefetch_related("co_units")
        .order_by("-proposed_on", "-id")
    )
    serializer_class = TaskSerializer
    form_for = staticmethod(action_form_class)
    create_with = "propose"

    def create_arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "co_units": data.get("co_units", [])}


class SuggestionSerializer(WorkflowSerializer, masked_person("proposer")):
    # The API carries no phone number (the screens' form does).
    Meta = workflow_meta(
        Suggestion, SuggestionForm, SUGGESTION_WORKFLOW, "proposer", leave_out=("proposer_phone",)
    )


class SuggestionViewSet(RegisterViewSet):
    queryset = Suggestion.objects.select_related("unit", "office").order_by("-assigned_on", "-id")
    serializer_class = SuggestionSerializer
    http_method_names = ["get", "post", "head", "options"]
    form_for = staticmethod(action_form_class)
    create_with = "assign"


class MilestoneSerializer(serializers.ModelSerializer):
    task = serializers.PrimaryKeyRelatedField(queryset=Task.objects.none())

    class Meta:
        model = Milestone
        fields = ["id", "task", "title", "due_on", "done_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            # Only tasks the user can see: another unit's task id is "not found".
            self.fields["task"].queryset = visible_to(request.user, Task.objects.all())
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            self.fields["task"].read_only = True

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is None:
            if attrs.get("done_on") is not None:
                raise ApiValidationError(
                    {"done_on": "新设置的节点不能同时登记完成，请先保存节点。"}
                )
            for name in ("title", "due_on"):
                if not attrs.get(name):
                    raise ApiValidationError({name: "此项为必填项。"})
        elif "done_on" in attrs and ({"title", "due_on"} & set(attrs)):
            raise ApiValidationError({"done_on": "登记完成和修改节点请分两次提交。"})
        return attrs


class MilestoneViewSet(ScopedModelViewSet):
    queryset = Milestone.objects.select_related("task__unit").order_by("task_id", "due_on", "id")
    serializer_class = MilestoneSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        task = self.request.query_params.get("task", "")
        return qs.filter(task_id=int(task)) if task.isdigit() else qs

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        task = data["task"]
        if not can_write_unit(self.request.user, task.unit):
            raise PermissionDenied("您对该督办事项只有查看权限。")
        try:
            serializer.instance = Milestone.add(
                task, by=self.request.user, title=data["title"], due_on=data["due_on"]
            )
        except ValidationError as exc:
            raise api_error(exc) from exc

    def perform_update(self, serializer: Any) -> None:
        m = serializer.instance
        data = serializer.validated_data
        try:
            if "done_on" in data:
                if data["done_on"] is None:
                    raise ValidationError({"done_on": "请填写完成日期。"})
                m.complete(by=self.request.user, on=data["done_on"])
            else:
                m.change(
                    by=self.request.user,
                    title=data.get("title", m.title),
                    due_on=data.get("due_on", m.due_on),
                )
        except ValidationError as exc:
            raise api_error(exc) from exc

    def perform_destroy(self, instance: Milestone) -> None:
        try:
            instance.remove(by=self.request.user)
        except ValidationError as exc:
            raise api_error(exc) from exc


ROUTES = [
    ("supervision", TaskViewSet),
    ("suggestions", SuggestionViewSet),
    ("supervision-milestones", MilestoneViewSet),
]
