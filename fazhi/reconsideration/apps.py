from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "fazhi.reconsideration"
    verbose_name = "行政复议"
    audited = ("Application", "Letter", "SuperiorCase")
