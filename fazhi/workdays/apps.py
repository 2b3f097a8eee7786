from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "fazhi.workdays"
    verbose_name = "工作日历"
    audited = ("HolidayNotice",)
