from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from fazhi.deadlines.models import soon_until, state_word
from fazhi.workdays.services import get_calendar

register = template.Library()


@register.simple_tag
def with_lights(deadlines: Any, today: dt.date) -> list[dict[str, Any]]:
    """[{deadline, light, label}] for a list of deadlines; one calendar lookup in all."""
    until = soon_until(today, get_calendar())
    rows = []
    for d in deadlines:
        light = d.light(today, until=until)
        label = state_word(d, light)
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
