from django.apps import AppConfig


class LegalservicesConfig(AppConfig):
    name = "fazhi.legalservices"
    verbose_name = "法律服务"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.legalservices.models import (
            AidApplication,
            LegalHelper,
            Notarisation,
            ServiceVisit,
        )

        track(AidApplication, Notarisation, LegalHelper, ServiceVisit)
