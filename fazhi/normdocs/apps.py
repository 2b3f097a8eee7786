from django.apps import AppConfig


class NormdocsConfig(AppConfig):
    name = "fazhi.normdocs"
    verbose_name = "行政规范性文件"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.normdocs.models import Cleanup, CleanupResult, Document, Issuer, ReviewItem

        track(Issuer, Document, ReviewItem, Cleanup, CleanupResult)
