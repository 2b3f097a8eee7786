from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    verbose_name = "行政应诉"
    audited = ("Lawsuit", "Hearing")
