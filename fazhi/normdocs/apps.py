from django.apps import AppConfig


class NormdocsConfig(AppConfig):
    name = "fazhi.normdocs"
    verbose_name = "行政规范性文件"
    audited = ("Issuer", "Document", "ReviewItem", "Cleanup", "CleanupResult")
