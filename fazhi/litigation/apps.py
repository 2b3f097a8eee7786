from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    verbose_name = "行政应诉"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.litigation.models import Hearing, Lawsuit

        track(Lawsuit, Hearing)
