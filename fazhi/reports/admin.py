"""Reference data only: report templates (which sections, in what order, with which headings).

Reports themselves are edited on the report screens, where validation and issue live.
"""

from django.contrib import admin

from fazhi.reports.models import ReportTemplate


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "unit"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields: list[str] = []
    raw_id_fields = ["unit"]
