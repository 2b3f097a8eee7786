from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    verbose_name = "行政执法"

    def ready(self) -> None:
        # Imported here, not at the top: Django loads this module before any model can be
        # imported (the app registry's order, not a cycle).
        from fazhi.audit.trail import track
        from fazhi.enforcement import models as m

        track(
            m.Certificate,
            m.CertificateRenewal,
            m.AnnualReview,
            m.LeniencyList,
            m.LeniencyItem,
            m.Case,
            m.ReviewSheet,
            m.FileReview,
            m.SupervisionLetter,
            m.DataPublication,
        )
