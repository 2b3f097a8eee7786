"""Checks that records of every register share, with their Chinese messages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

FUTURE_DATE_OF = "{label}{value:%Y-%m-%d}晚于今天，不能登记未来的日期。"
FUTURE_DATE = FUTURE_DATE_OF.replace("{label}", "日期")


def is_future(value: date | None, today: date | None = None) -> bool:
    return value is not None and value > (today or timezone.localdate())


def future_message(value: date, label: str = "日期") -> str:
    """The one message for a date later than today, e.g. "受理日期2030-01-01晚于今天……"."""
    return FUTURE_DATE_OF.format(label=label, value=value)


def not_future(
    value: date | None, field: str, today: date | None = None, label: str = "日期"
) -> dict[str, str]:
    """`{field: message}` when `value` is later than today (a record of what happened
    cannot be dated tomorrow), else an empty dict: merge it into a clean()'s errors."""
    if value is not None and is_future(value, today):
        return {field: future_message(value, label)}
    return {}


def future_dates(record: Any, names: Iterable[str], today: date | None = None) -> dict[str, str]:
    """`not_future` for each of a record's date fields, each message naming its field
    (its verbose name): `{name: "受理日期…晚于今天……"}` for every date later than today."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    for name in names:
        label = str(record._meta.get_field(name).verbose_name)
        errors.update(not_future(getattr(record, name), name, today, label))
    return errors


def active_on(day: date, start: str, end: str) -> Q:
    """Rows in force on `day`: started on or before it (or undated) and not ended by it."""
    return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": day})) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day})
    )


def as_bool(value: Any, default: bool = False) -> bool:
    """A yes/no input as typed on a form, in a sheet or in JSON (是, 1, true, on …);
    missing or blank is `default`."""
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip() in ("1", "true", "True", "on", "是", "yes")
    return bool(value)
