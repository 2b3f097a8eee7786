"""What every register's API shares: the org scope, exactly as on the screens."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.org.scope import can_write_unit, scope_field, unit_of, visible_to

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class ScopedWritePermission(permissions.BasePermission):
    """Reading follows the scope; writing also needs a writing role on the record's unit."""

    message = "您对该记录只有查看权限。"

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in WRITE_METHODS:
            return bool(user.can_write_records)
        return bool(user.can_read_records)

    def has_object_permission(self, request: Request, view: Any, obj: models.Model) -> bool:
        if request.method in WRITE_METHODS:
            return can_write_unit(request.user, unit_of(obj))
        return True


class ScopedModelViewSet(viewsets.ModelViewSet):
    """A ModelViewSet whose queryset is always `visible_to(request.user)`.

    Records outside the user's subtree do not exist for them (404); writes into a unit
    the user may not write are refused (403).
    """

    permission_classes = [permissions.IsAuthenticated, ScopedWritePermission]

    def get_queryset(self) -> models.QuerySet[Any]:
        return visible_to(self.request.user, super().get_queryset())

    def _check_unit(self, serializer: Any) -> None:
        field = scope_field(serializer.Meta.model)
        unit = serializer.validated_data.get(field) if field else None
        if unit is None and serializer.instance is not None:
            unit = unit_of(serializer.instance)
        if unit is None or not can_write_unit(self.request.user, unit):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")

    def perform_create(self, serializer: Any) -> None:
        self._check_unit(serializer)
        serializer.save()

    def perform_update(self, serializer: Any) -> None:
        self._check_unit(serializer)
        serializer.save()


class TransitionMixin:
    """`POST /api/<prefix>/<id>/transition/`: one workflow move through `apply()`.

    The body names the `action`, its date `on`, an optional `note`, the `version` the
    client loaded (a stale one is refused), and the action's own inputs, validated by
    the same form the screen uses (`action_form`). Refusals answer 400 with the
    Chinese messages; nothing is changed.
    """

    def action_form(self, transition: Any, record: Any) -> Any:
        """The form class for this move's inputs (the screen's own)."""
        raise NotImplementedError

    @action(detail=True, methods=["post"])
    def transition(self, request: Request, pk: Any = None) -> Response:
        record = self.get_object()  # type: ignore[attr-defined]
        name = str(request.data.get("action", ""))
        t = record.transitions.get(name)
        if t is None:
            return Response({"action": [f"未知操作：{name}"]}, status=status.HTTP_400_BAD_REQUEST)
        form = self.action_form(t, record)(request.data, request.FILES)
        if not form.is_valid():
            return Response(form.errors, status=status.HTTP_400_BAD_REQUEST)
        data = dict(form.cleaned_data)
        on, note, version = data.pop("on"), data.pop("note", ""), data.pop("version", None)
        try:
            record.apply(name, by=request.user, on=on, note=note, expected_version=version, **data)
        except DjangoValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        fresh = self.get_queryset().get(pk=record.pk)  # type: ignore[attr-defined]
        return Response(self.get_serializer(fresh).data)  # type: ignore[attr-defined]
