from django.apps import AppConfig


class AnalyzerConfig(AppConfig):
    name = "fazhi.analyzer"
    verbose_name = "报告体检"
