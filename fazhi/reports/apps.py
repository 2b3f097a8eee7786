from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = "报告"
    audited = ("ReportTemplate", "AnnualReport", "ReportSection", "ReportFigure")

    def ready(self) -> None:
        # The pre-issue check of the registers' statutory documents, reached through
        # their workflow's guards (the registers may not import this layer).
        from fazhi.reports.statutory import register_guards

        register_guards()
