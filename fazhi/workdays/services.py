"""The process-wide working-day calendar.

`get_calendar()` rebuilds when any holiday notice changed — in this process or in
another one — by comparing the notices' (id, revision) pairs: one small query, as
there is at most one notice per year.
"""

from __future__ import annotations

import threading

from fazhi.workdays.calendar import WorkCalendar
from fazhi.workdays.models import HolidayNotice

_lock = threading.Lock()
_cache: tuple[frozenset[tuple[int, str]], WorkCalendar] | None = None


def get_calendar() -> WorkCalendar:
    global _cache
    key = frozenset(
        (pk, str(rev)) for pk, rev in HolidayNotice.objects.values_list("pk", "revision")
    )
    cached = _cache
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        notices = {}
        for notice in HolidayNotice.objects.all():
            notices[notice.year] = notice.parsed()
        calendar = WorkCalendar(notices=notices)
        _cache = (key, calendar)
    return calendar
