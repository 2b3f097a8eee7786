from django.apps import AppConfig


class CounselConfig(AppConfig):
    name = "fazhi.counsel"
    verbose_name = "法律顾问"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.counsel.models import Counsel, Opinion

        track(Counsel, Opinion)
