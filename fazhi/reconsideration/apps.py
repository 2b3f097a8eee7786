from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "fazhi.reconsideration"
    verbose_name = "行政复议"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.reconsideration.models import Application, Letter, SuperiorCase

        track(Application, Letter, SuperiorCase)
