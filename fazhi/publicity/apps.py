from django.apps import AppConfig


class PublicityConfig(AppConfig):
    name = "fazhi.publicity"
    verbose_name = "普法学法"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.publicity.models import (
            Activity,
            ExamResult,
            LawReport,
            Responsibility,
            StudySession,
        )

        track(Responsibility, Activity, StudySession, ExamResult, LawReport)
