from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "fazhi.oversight"
    verbose_name = "督查督办"
    audited = ("Task", "Milestone", "Progress", "Urging", "ArchiveFile", "Suggestion")
