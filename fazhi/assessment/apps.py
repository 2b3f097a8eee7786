from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "fazhi.assessment"
    verbose_name = "法治政府建设考核"

    def ready(self) -> None:
        from fazhi.assessment.models import ManualScore, ScoreSheet, System
        from fazhi.audit.trail import track

        # Auto scores are derived (recomputed from the engine); each recompute writes one
        # audit entry of its own instead of one per rule (services.recompute).
        track(System, ScoreSheet, ManualScore)
