from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "fazhi.assessment"
    verbose_name = "法治政府建设考核"
    # Auto scores are derived (recomputed from the engine); each recompute writes one
    # audit entry of its own instead of one per rule (services.recompute).
    audited = ("System", "ScoreSheet", "ManualScore")
