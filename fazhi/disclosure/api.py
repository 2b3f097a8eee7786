"""REST API: requests (scoped like the screens) and their workflow moves; proactive items.

`POST /api/disclosure/<id>/transition/` with {"action", "on", "note", "version", inputs…}
goes through the same form and `apply()` as the action buttons.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.disclosure.forms import action_form_class
from fazhi.disclosure.models import ProactiveItem, Request
from fazhi.kit.api import ScopedModelViewSet, TransitionMixin
from fazhi.org.scope import can_write_unit

WORKFLOW_FIELDS = [
    "state",
    "correction_requested_on",
    "correction_notice_late",
    "correction_received_on",
    "consulted_on",
    "consultation_done_on",
    "extended_on",
    "replied_on",
    "reply_type",
    "replied_on_time",
    "reconsideration",
    "lawsuit",
    "version",
]


class RequestSerializer(serializers.ModelSerializer):
    applicant = serializers.CharField(source="masked_applicant", read_only=True)
    applicant_name = serializers.CharField(write_only=True, max_length=100)
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Request
        fields = [
            "id",
            "number",
            "unit",
            "applicant",
            "applicant_name",
            "applicant_kind",
            "content",
            "channel",
            "received_on",
            "note",
            *WORKFLOW_FIELDS,
            "allowed_actions",
        ]
        read_only_fields = WORKFLOW_FIELDS

    def get_allowed_actions(self, obj: Request) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in obj.allowed_actions(request.user)] if request else []

    def update(self, instance: Request, validated_data: dict[str, Any]) -> Request:
        for name in ("unit", "received_on"):
            if name in validated_data and validated_data[name] != getattr(instance, name):
                raise ApiValidationError(
                    {name: "登记后不能修改（答复期限自收到申请之日起计算），请撤回重新登记。"}
                )
        return super().update(instance, validated_data)


class RequestViewSet(TransitionMixin, ScopedModelViewSet):
    queryset = Request.objects.select_related("unit").order_by("-received_on", "-id")
    serializer_class = RequestSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        if not can_write_unit(self.request.user, data["unit"]):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")
        try:
            serializer.instance = Request.register(by=self.request.user, **data)
        except ValidationError as exc:
            raise ApiValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc

    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)


class ProactiveItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProactiveItem
        fields = ["id", "unit", "category", "title", "published_on", "formed_on", "channel", "url"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        current = (
            {}
            if self.instance is None
            else {
                f.name: getattr(self.instance, f.name)
                for f in ProactiveItem._meta.concrete_fields
                if f.name != "id"
            }
        )
        try:
            ProactiveItem(**{**current, **attrs}).full_clean()
        except ValidationError as exc:
            raise ApiValidationError(exc.message_dict) from exc
        return attrs


class ProactiveItemViewSet(ScopedModelViewSet):
    queryset = ProactiveItem.objects.select_related("unit").order_by("-published_on", "-id")
    serializer_class = ProactiveItemSerializer


ROUTES = [("disclosure", RequestViewSet), ("disclosure-items", ProactiveItemViewSet)]
