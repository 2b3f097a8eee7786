from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "fazhi.mediation"
    verbose_name = "人民调解"
    audited = ("Committee", "Mediator", "Dispute")
