from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = "报告"

    def ready(self) -> None:
        # Models are imported once the app registry is ready, not when this module loads.
        from fazhi.audit.trail import track
        from fazhi.reports.models import AnnualReport, ReportFigure, ReportSection, ReportTemplate

        track(ReportTemplate, AnnualReport, ReportSection, ReportFigure)

        # The pre-issue check of the registers' statutory documents, reached through
        # their workflow's guards (the registers may not import this layer).
        from fazhi.reports.statutory import register_guards

        register_guards()
