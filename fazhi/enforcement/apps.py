from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    verbose_name = "行政执法"
    audited = (
        "Certificate",
        "CertificateRenewal",
        "AnnualReview",
        "LeniencyList",
        "LeniencyItem",
        "Case",
        "ReviewSheet",
        "FileReview",
        "SupervisionLetter",
        "DataPublication",
    )
