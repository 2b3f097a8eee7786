"""The one write path of the lists: every change of an item is an adjustment.

`apply_adjustment` validates, changes the item and records the adjustment (with the
item before and after) in one transaction, or changes nothing and raises
ValidationError with Chinese messages by field. Screens, the API, the xlsx import of
adjustments and the demo all call it; `establish_many` enters a list as first compiled
(初始编制) in bulk, for the import of items and the demo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.validators import is_future
from fazhi.indicators import figcache
from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.rules import ADJUSTING, CREATING, ITEM_FIELDS, Action
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit

# The attributes an amendment may change (the list an item is on is not one of them:
# an item moves to another list by being removed from one and added to the other).
AMENDABLE = frozenset(ITEM_FIELDS)


def _version(
    item: ListItem,
    action: str,
    on: date,
    by: Any,
    *,
    reason: str,
    document: str,
    before: dict[str, Any] | None,
) -> ListAdjustment:
    after = None if action == Action.REMOVE else item.snapshot()
    return ListAdjustment(
        item=item,
        unit_id=item.unit_id,
        list_kind=item.list_kind,
        power_type=item.power_type,
        service_kind=item.service_kind,
        action=action,
        adjusted_on=on,
        reason=reason,
        document_number=document,
        before=before,
        after=after,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )


def _merge(errors: dict[str, list[str]], exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for k, v in exc.message_dict.items():
            errors.setdefault(k, []).extend(v)
    else:
        errors.setdefault("__all__", []).extend(exc.messages)


def apply_adjustment(
    action: str,
    *,
    by: Any,
    on: date | None,
    item: ListItem | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    document_number: str = "",
    expected_version: int | None = None,
) -> ListAdjustment:
    """Record one adjustment and change the item accordingly; all or nothing.

    `establish`/`add`: `changes` holds the new item's fields (list_kind included).
    `amend`: `changes` holds the fields that change. `remove`: no changes.
    Raises ValidationError (by field) when refused; nothing is written then.
    """
    if action not in Action.values:
        raise ValidationError({"action": f"未知的调整方式“{action}”。"})
    changes = dict(changes or {})
    reason, document_number = (reason or "").strip(), (document_number or "").strip()
    errors: dict[str, list[str]] = {}

    def err(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if on is None:
        err("adjusted_on", "请填写调整日期。")
    elif is_future(on):
        err("adjusted_on", f"调整日期{on:%Y-%m-%d}晚于今天，不能登记未来的调整。")
    if action in ADJUSTING:
        if not reason:
            err("reason", "请填写调整原因。")
        if not document_number:
            err("document_number", "请填写调整依据的文号。")

    with transaction.atomic():
        if action in CREATING:
            if item is not None:
                raise ValueError("establish/add create a new item; do not pass one")
            unknown = set(changes) - AMENDABLE - {"list_kind"}
            if unknown:
                raise ValueError(f"unknown item fields {sorted(unknown)}")
            item = ListItem(in_force_from=on, version=1, **changes)
            if item.unit_id and not can_write_unit(by, item.unit):
                err("unit", f"不能在管辖范围以外的单位（{item.unit.name}）登记事项。")
            try:
                item.full_clean(exclude=["in_force_from"] if on is None else None)
            except ValidationError as exc:
                _merge(errors, exc)
            if errors:
                raise ValidationError(errors)
            item.save()
            before = None
        else:
            if item is None:
                err("item", "请选择要调整的事项。")
                raise ValidationError(errors)
            item = ListItem.objects.select_for_update().select_related("unit").get(pk=item.pk)
            if not can_write_unit(by, item.unit):
                err("item", f"无权调整{item.unit.name}的事项。")
                raise ValidationError(errors)
            if item.in_force_until is not None:
                err("item", f"事项“{item}”已于{item.in_force_until:%Y-%m-%d}取消，不能再调整。")
            if expected_version is not None and expected_version != item.version:
                err("item", "该事项已被他人调整，请刷新页面后重试。")
            last = item.adjustments.order_by("-adjusted_on", "-id").first()
            if last is not None and on is not None and on < last.adjusted_on:
                err(
                    "adjusted_on",
                    f"调整日期{on:%Y-%m-%d}早于该事项上一次调整（{last.adjusted_on:%Y-%m-%d}），"
                    "调整须按时间先后登记。",
                )
            before = item.snapshot()
            if action == Action.AMEND:
                if "list_kind" in changes and changes["list_kind"] != item.list_kind:
                    err("list_kind", "不能变更事项所属清单：请取消后在另一清单中新增。")
                unknown = set(changes) - AMENDABLE - {"list_kind"}
                if unknown:
                    raise ValueError(f"unknown item fields {sorted(unknown)}")
                for field, value in changes.items():
                    if field != "list_kind":
                        setattr(item, field, value)
                if item.snapshot() == before and "item" not in errors:
                    err("__all__", "没有变更任何内容。")
                if item.unit_id != before["unit"] and not can_write_unit(by, item.unit):
                    err("unit", f"不能把事项调整到管辖范围以外的单位（{item.unit.name}）。")
                try:
                    item.full_clean()
                except ValidationError as exc:
                    _merge(errors, exc)
            else:  # remove
                item.in_force_until = on
            if errors:
                raise ValidationError(errors)
            item.version += 1
            item.save()
            if last is not None:
                last.superseded_on = on
                last.save(update_fields=["superseded_on"])
        adjustment = _version(
            item, action, on, by, reason=reason, document=document_number, before=before
        )
        adjustment.save()
        return adjustment


def establish_many(
    items: Iterable[ListItem],
    *,
    by: Any = None,
    reason: str = "初始编制",
    document_number: str = "",
) -> list[ListAdjustment]:
    """The 初始编制 adjustments of items already saved (bulk-created, validated by the
    caller): each item's first version, dated its `in_force_from`. An item may carry its
    own document number in `_document`."""
    adjustments = [
        _version(
            item,
            Action.ESTABLISH,
            item.in_force_from,
            by,
            reason=reason,
            document=getattr(item, "_document", "") or document_number,
            before=None,
        )
        for item in items
    ]
    created = ListAdjustment.objects.bulk_create(adjustments, batch_size=1000)
    if created:  # bulk inserts send no signals
        figcache.data_changed(*Unit.objects.filter(pk__in={a.item.unit_id for a in created}))
    return created
