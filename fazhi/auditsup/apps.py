from django.apps import AppConfig


class AuditsupConfig(AppConfig):
    name = "fazhi.auditsup"
    verbose_name = "审计监督"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview

        track(AuditProject, ProjectCheck, SettlementReview)
