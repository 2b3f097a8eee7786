from typing import Any

from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "fazhi.deadlines"
    verbose_name = "法定期限"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.deadlines.models import Deadline, DeadlineExtension, DeadlinePause, Period
        from fazhi.workdays.signals import calendar_changed

        track(Period, Deadline, DeadlinePause, DeadlineExtension)
        calendar_changed.connect(_recompute, dispatch_uid="deadlines.recompute_on_calendar_change")


def _recompute(sender: Any, years: frozenset[int], **kwargs: Any) -> None:
    from fazhi.deadlines.services import recompute_open_deadlines

    recompute_open_deadlines(years)
