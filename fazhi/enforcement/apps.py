from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    verbose_name = "行政执法"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.enforcement.models import (
            AnnualReview,
            Case,
            Certificate,
            CertificateRenewal,
            DataPublication,
            FileReview,
            LeniencyItem,
            LeniencyList,
            ReviewSheet,
            SupervisionLetter,
        )

        track(
            Certificate,
            CertificateRenewal,
            AnnualReview,
            LeniencyList,
            LeniencyItem,
            Case,
            ReviewSheet,
            FileReview,
            SupervisionLetter,
            DataPublication,
        )
