from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "fazhi.disclosure"
    verbose_name = "政务公开"
    audited = ("ProactiveItem", "Request", "ReportFiling")
