from django.apps import AppConfig


class LegalservicesConfig(AppConfig):
    name = "fazhi.legalservices"
    verbose_name = "法律服务"
    audited = ("AidApplication", "Notarisation", "LegalHelper", "ServiceVisit")
