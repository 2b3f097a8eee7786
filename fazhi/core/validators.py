"""Checks that records of every register share, with their Chinese messages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

FUTURE_DATE = "日期{value:%Y-%m-%d}晚于今天，不能登记未来的日期。"


def not_future(value: date | None, field: str, today: date | None = None) -> dict[str, str]:
    """`{field: message}` when `value` is later than today (a record of what happened
    cannot be dated tomorrow), else an empty dict: merge it into a clean()'s errors."""
    if value is not None and value > (today or timezone.localdate()):
        return {field: FUTURE_DATE.format(value=value)}
    return {}


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
