from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from fazhi.deadlines.models import LIGHT_LABELS, soon_until
from fazhi.workdays.services import get_calendar

register = template.Library()


@register.simple_tag
def with_lights(deadlines: Any, today: dt.date) -> list[dict[str, Any]]:
    """[{deadline, light, label}] for a list of deadlines; one calendar lookup in all."""
    until = soon_until(today, get_calendar())
    rows = []
    for d in deadlines:
        light = d.light(today, until=until)
        label = "暂停中" if d.is_open and d.paused_since else LIGHT_LABELS[light]
        if not d.is_open:
            label = d.get_status_display()
        rows.append(
            {
                "deadline": d,
                "light": light,
                "label": label,
                "days_left": (d.due_date - today).days,
                "overdue_days": (today - d.due_date).days,
            }
        )
    return rows
