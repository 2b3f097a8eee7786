"""Factories for the disclosure tests: records made through the real paths."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.disclosure.models import Request
from fazhi.org.models import Unit, User


def received(by: User, unit: Unit, on: date = date(2024, 9, 20), **extra: Any) -> Request:
    fields: dict[str, Any] = {
        "applicant_name": "张三丰",
        "content": "2023年度财政预算执行情况",
        "received_on": on,
        **extra,
    }
    return Request.register(by=by, unit=unit, **fields)


def deadline(record: Any, code: str = "disclosure_reply") -> Any:
    from fazhi.deadlines.services import deadlines_for

    return deadlines_for(record).filter(period__code=code).order_by("-id").first()
