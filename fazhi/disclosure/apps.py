from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "fazhi.disclosure"
    verbose_name = "政务公开"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.disclosure.models import ProactiveItem, ReportFiling, Request

        track(ProactiveItem, Request, ReportFiling)
