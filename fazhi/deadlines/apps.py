from typing import Any

from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "fazhi.deadlines"
    verbose_name = "法定期限"
    audited = ("Period", "Deadline", "DeadlinePause", "DeadlineExtension")

    def ready(self) -> None:
        from fazhi.workdays.signals import calendar_changed

        calendar_changed.connect(_recompute, dispatch_uid="deadlines.recompute_on_calendar_change")


def _recompute(sender: Any, years: frozenset[int], **kwargs: Any) -> None:
    from fazhi.deadlines.services import recompute_open_deadlines

    recompute_open_deadlines(years)
