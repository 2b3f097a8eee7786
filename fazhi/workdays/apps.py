from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "fazhi.workdays"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.workdays.models import HolidayNotice

        track(HolidayNotice)
