from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "fazhi.mediation"
    verbose_name = "人民调解"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.mediation.models import Committee, Dispute, Mediator

        track(Committee, Mediator, Dispute)
