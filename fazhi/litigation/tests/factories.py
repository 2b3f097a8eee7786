"""Plain factory functions for litigation tests."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from fazhi.litigation.models import Lawsuit
from fazhi.org.models import Unit

_serial = itertools.count(1)


def make_lawsuit(
    unit: Unit, *, by: Any, year: int = 2023, kind: str = "行初", **extra: Any
) -> Lawsuit:
    """A registered lawsuit (state 待答辩) through the real `register()` path."""
    filed = extra.pop("filed_on", date(year, 3, 1))
    fields: dict[str, Any] = {
        "unit": unit,
        "court": "确山县人民法院",
        "case_number": f"（{filed.year}）豫1725{kind}{next(_serial)}号",
        "cause": "行政处罚",
        "plaintiff_name": "张三",
        "filed_on": filed,
        "received_on": extra.pop("received_on", filed),
        **extra,
    }
    return Lawsuit.register(by=by, **fields)
