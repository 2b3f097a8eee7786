"""The records behind a figure as a table: each record with its date, unit, state and
the fields that made it count (issue 19, point 6), on the screen and as xlsx.

The fields come from the indicator's own `where` (the Q it is computed with for the
period), so the columns say why a record is in the figure without a list per indicator.
Personal fields are never columns; the record's own name is masked as on every list.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from openpyxl import Workbook

from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.core.spreadsheets import safe_cell
from fazhi.indicators.catalogue import Indicator, Period

MAX_EXPORT_ROWS = 100000


def records_url(code: str, unit: Any, year: int) -> str:
    """The drill-down page of a figure: the records it counted for the unit and year."""
    return f"{reverse('indicators:records', args=[code])}?{urlencode({'unit': unit.pk, 'year': year})}"


@dataclass
class DrillColumn:
    header: str
    field: models.Field[Any, Any]

    def value(self, obj: Any) -> Any:
        f = self.field
        if f.choices:
            return getattr(obj, f"get_{f.name}_display")()
        value = getattr(obj, f.name)
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, models.Model):
            return getattr(value, "name", None) or str(value)
        return value


def q_fields(q: Q) -> list[str]:
    """The model fields a Q filters on (the first name of each lookup), in order."""
    names: list[str] = []
    for child in q.children:
        if isinstance(child, Q):
            found = q_fields(child)
        elif isinstance(child, tuple):
            found = [child[0].split("__")[0]]
        else:  # an expression (Exists, …): no single field to show
            found = []
        names += [n for n in found if n not in names]
    return names


def columns(ind: Indicator, period: Period) -> list[DrillColumn]:
    """单位, 状态 and the indicator's own fields, each once, dates first."""
    model = ind.model_class
    personal = set(getattr(model, "personal_name_fields", ()))
    scope = getattr(model, "scope_field", "unit") or ""
    names = [scope, "state"] if scope else ["state"]
    names += [n for n in q_fields(ind.q(period)) if n not in names]
    fields: list[models.Field[Any, Any]] = []
    for name in names:
        try:
            f = model._meta.get_field(name)
        except FieldDoesNotExist:  # "pk" or an annotation: no column of its own
            continue
        if isinstance(f, models.Field) and f.concrete and not f.primary_key and name not in personal:
            fields.append(f)
    dated = [f for f in fields if isinstance(f, models.DateField)]
    rest = [f for f in fields if not isinstance(f, models.DateField)]
    return [DrillColumn(str(f.verbose_name), f) for f in dated + rest]


def related(cols: list[DrillColumn]) -> list[str]:
    return [c.field.name for c in cols if c.field.is_relation]


def table(cols: list[DrillColumn], objs: Any) -> list[dict[str, Any]]:
    return [
        {
            "label": str(obj),
            "url": obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "",
            "cells": [c.value(obj) for c in cols],
        }
        for obj in objs
    ]


def workbook(ind: Indicator, unit: Any, year: int, cols: list[DrillColumn], qs: Any, *, user: Any) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(ind.name[:31])
    ws.append(["记录", *(c.header for c in cols)])
    n = 0
    for obj in qs[:MAX_EXPORT_ROWS].iterator(chunk_size=2000):
        ws.append([safe_cell(v) for v in (str(obj), *(c.value(obj) for c in cols))])
        n += 1
    notes = wb.create_sheet("说明")
    for line in (
        ("指标", ind.name),
        ("指标代码", ind.code),
        ("口径", ind.definition),
        ("单位", f"{unit.name}（含下级单位）"),
        ("年度", year),
        ("记录数", n),
        ("导出日期", timezone.localdate().isoformat()),
    ):
        notes.append([safe_cell(v) for v in line])
    buf = io.BytesIO()
    wb.save(buf)
    record(Action.EXPORT, user=user, verb=ind.name, model=ind.model,
           object_repr=f"{ind.name}明细：{n}行",
           unit_path=user.unit.path if getattr(user, "unit_id", None) else "")
    return buf.getvalue()
