"""What every register's API shares: the org scope, exactly as on the screens."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ParseError, PermissionDenied
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.audit.trail import snapshot
from fazhi.core.models import ConcurrentEdit
from fazhi.org.scope import can_write_unit, scope_field, unit_of, visible_to

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STALE = ConcurrentEdit().messages[0]


class VersionRequired(APIException):
    status_code = 428
    default_detail = (
        "请带上读取该记录时的版本：请求内容中的 version 字段，或请求头 If-Match（读取时响应头 ETag 的值），"
        "以免覆盖他人的修改。"
    )
    default_code = "version_required"


class StaleVersion(APIException):
    """The body's `version` is not the record's: 409."""

    status_code = 409
    default_detail = STALE
    default_code = "concurrent_edit"


class StaleETag(StaleVersion):
    """`If-Match` names none of the record's current ETag: 412."""

    status_code = 412


def etag_for(record: models.Model) -> str:
    """The record's version as an ETag: its `version`, or a digest of its fields."""
    version = getattr(record, "version", None)
    if isinstance(version, int):
        return f'"{version}"'
    blob = json.dumps(snapshot(record), sort_keys=True, ensure_ascii=False, default=str)
    return f'"{hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]}"'


def _bare(tag: str) -> str:
    tag = tag.strip()
    return tag.removeprefix("W/").strip('"')


def check_version(request: Request, record: models.Model) -> None:
    """Refuse a write to `record` that does not carry the version the client read."""
    current = _bare(etag_for(record))
    if_match = request.headers.get("If-Match", "").strip()
    if if_match:
        if current not in {_bare(t) for t in if_match.split(",")}:
            raise StaleETag()
        return
    sent = request.data.get("version") if isinstance(request.data, Mapping) else None
    if sent is None or str(sent).strip() == "":
        raise VersionRequired()
    if _bare(str(sent)) != current:
        raise StaleVersion()


class VersionCheckMixin:
    """Every write to an existing record needs the version the client read (issue 17
    item 8), as the screens do: `version` in the body or `If-Match` with the ETag that
    every response about one record carries. Checked once the record is found and the
    user may write it (404 and 403 first); a Versioned record's save re-checks it
    atomically, so two concurrent writers cannot both pass."""

    def get_object(self) -> Any:
        record = super().get_object()  # type: ignore[misc]
        if self.request.method in WRITE_METHODS:  # type: ignore[attr-defined]
            check_version(self.request, record)  # type: ignore[attr-defined]
        self._record = record
        return record

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        record = getattr(self, "_record", None)
        if record is not None and 200 <= response.status_code < 300 and request.method != "DELETE":
            fresh = type(record)._default_manager.filter(pk=record.pk).first()
            if fresh is not None:
                response["ETag"] = etag_for(fresh)
        return response


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


class OutOfScopeFirstMixin:
    """For any viewset over scoped records: 404 before 405, and no `Allow` on that 404.

    `ScopedModelViewSet` has it; a viewset built otherwise (e.g. from DRF's mixins) adds
    it first in its bases.
    """

    def http_method_not_allowed(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """On a record's route, 404 before 405: an outsider learns nothing of the route.

        DRF answers a method the viewset does not offer (DELETE on a register that keeps
        its records, PATCH on one moved only by transitions) with 405 before looking the
        record up, so a user outside the record's unit would learn that the record's
        route exists and what it allows. The record is looked up in the user's scope
        first; only a user who can see it is told the method is not allowed.
        """
        lookup = self.lookup_url_kwarg or self.lookup_field  # type: ignore[attr-defined]
        if lookup in kwargs:
            queryset = self.filter_queryset(self.get_queryset())  # type: ignore[attr-defined]
            get_object_or_404(queryset, **{self.lookup_field: kwargs[lookup]})  # type: ignore[attr-defined]
        return super().http_method_not_allowed(request, *args, **kwargs)  # type: ignore[misc]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if response.status_code == status.HTTP_404_NOT_FOUND and "Allow" in response:
            del response["Allow"]  # a record one may not see: not even what its route allows
        return response


class ScopedModelViewSet(OutOfScopeFirstMixin, VersionCheckMixin, viewsets.ModelViewSet):
    """A ModelViewSet whose queryset is always `visible_to(request.user)`.

    Records outside the user's subtree do not exist for them (404); writes into a unit
    the user may not write are refused (403).
    """

    permission_classes = [permissions.IsAuthenticated, ScopedWritePermission]

    def get_queryset(self) -> models.QuerySet[Any]:
        return visible_to(self.request.user, super().get_queryset())

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Every write of every register takes named fields: a JSON list, string or number
        # is refused here, once, rather than reaching code that reads `request.data.get`.
        if request.method in {"POST", "PUT", "PATCH"}:
            require_object(request)

    # A record whose unit is its owner's (a dispute's is its committee's): the owner field.
    unit_from: str = ""

    def _check_unit(self, serializer: Any) -> None:
        if self.unit_from:
            owner = serializer.validated_data.get(self.unit_from) or getattr(
                serializer.instance, self.unit_from, None
            )
            unit = owner.unit if owner is not None else None
        else:
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
        try:
            serializer.save()
        except ConcurrentEdit as exc:  # another writer between the check and the save
            raise StaleVersion() from exc


def require_object(request: Request) -> None:
    """Every write takes named fields: a JSON list, string, number or null is refused
    once, rather than reaching code that reads `request.data.get`."""
    if not isinstance(request.data, Mapping):
        raise ParseError('请求内容须为 JSON 对象（{"字段": 值, …}）。')


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
        require_object(request)  # also for viewsets that are not ScopedModelViewSets
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
        except ConcurrentEdit as exc:
            raise StaleVersion() from exc
        except DjangoValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        fresh = self.get_queryset().get(pk=record.pk)  # type: ignore[attr-defined]
        return Response(self.get_serializer(fresh).data)  # type: ignore[attr-defined]
