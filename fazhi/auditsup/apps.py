from django.apps import AppConfig


class AuditsupConfig(AppConfig):
    name = "fazhi.auditsup"
    verbose_name = "审计监督"
    audited = ("AuditProject", "ProjectCheck", "SettlementReview")
