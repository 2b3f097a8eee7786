"""The one place that decides which records a user may see and change.

Every list, detail, edit, export and API call goes through `visible_to` or
`get_for_user_or_404`. A record's unit is found through the model's `scope_field`
(default "unit"); a user sees the subtree of their own unit, with their role deciding
whether they may read or write there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404

from fazhi.org.models import Unit

if TYPE_CHECKING:
    from fazhi.org.models import Unit

M = TypeVar("M", bound=models.Model)


def scope_field(model: type[models.Model]) -> str:
    return getattr(model, "scope_field", "unit")


def _path_lookup(model: type[models.Model]) -> str:
    field = scope_field(model)
    return f"{field}__path__startswith" if field else "path__startswith"


def visible_to(user: Any, qs: models.QuerySet[M], *, write: bool = False) -> models.QuerySet[M]:
    """The records of `qs` this user may read (or, with write=True, change)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    allowed = user.can_write_records if write else user.can_read_records
    if not allowed or user.unit_id is None:
        return qs.none()
    return qs.filter(**{_path_lookup(qs.model): user.unit.path})


READER_REFUSAL = "您的角色不能查看业务记录。"


def require_record_reader(user: Any) -> None:
    """Refuse (403) a signed-in role that reads no register: the auditor (org/README.md).

    Lists, figures and indicators built from records refuse the role itself, rather than
    show it an empty page that looks like "no records".
    """
    if user.is_authenticated and not user.can_read_records:
        raise PermissionDenied(READER_REFUSAL)


def _may_in_subtree(user: Any, unit: Unit, permission: str) -> bool:
    """A superuser anywhere; a signed-in user whose role grants `permission` (the name of
    a user property) within their own unit's subtree."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(
        getattr(user, permission) and user.unit_id and unit.path.startswith(user.unit.path)
    )


def can_read_unit(user: Any, unit: Unit) -> bool:
    return _may_in_subtree(user, unit, "can_read_records")


def can_write_unit(user: Any, unit: Unit) -> bool:
    return _may_in_subtree(user, unit, "can_write_records")


def unit_of(obj: models.Model) -> Unit:
    field = scope_field(type(obj))
    # A scope_field may follow relations ("task__unit"): walk them.
    for name in field.split("__") if field else ():
        obj = getattr(obj, name)
    return obj  # type: ignore[return-value]


def get_for_user_or_404(
    model_or_qs: type[M] | models.QuerySet[M], pk: Any, user: Any, *, write: bool = False
) -> M:
    """The record `pk` if the user may read it; 404 when out of scope, 403 when read-only.

    Out-of-scope records answer 404, not 403, so that a URL does not reveal that a
    record of another unit exists.
    """
    if user.is_authenticated and not user.is_superuser and not user.can_read_records:
        # A role that reads no register (the auditor) is refused as a role, before the
        # lookup, as on the register lists and the API: it learns nothing of the record.
        raise PermissionDenied("您的角色不能查看台账记录。")
    qs = model_or_qs if isinstance(model_or_qs, models.QuerySet) else model_or_qs._default_manager.all()
    try:
        obj = visible_to(user, qs).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404("记录不存在或无权查看。") from exc
    if write and not can_write_unit(user, unit_of(obj)):
        raise PermissionDenied("您对该记录只有查看权限。")
    return obj


def writable_units(user: Any) -> models.QuerySet[Unit]:
    return visible_to(user, Unit.objects.active(), write=True)


def within(qs: models.QuerySet[M], unit: Unit) -> models.QuerySet[M]:
    """The records of `qs` inside `unit`'s subtree, through the model's `scope_field`."""
    return qs.filter(**{_path_lookup(qs.model): unit.path})


class ScopedQuerySet(models.QuerySet[M]):
    """Base QuerySet for register records: `Model.objects.visible_to(user)`."""

    def visible_to(self, user: Any, *, write: bool = False) -> Self:
        return visible_to(user, self, write=write)  # type: ignore[return-value]

    def in_subtree(self, unit: Unit) -> Self:
        return within(self, unit)  # type: ignore[return-value]
