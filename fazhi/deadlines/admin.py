"""基础数据管理 → 法定期限: administrators check the "M" rows against local rules here."""

from __future__ import annotations

from django.contrib import admin

from fazhi.deadlines.models import Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "law",
        "article",
        "length_label",
        "start_event",
        "law_version",
        "effective_from",
        "effective_until",
        "confidence",
        "active",
    )
    list_filter = ("confidence", "mode", "active")
    search_fields = ("code", "name", "law", "article")
    ordering = ("code", "effective_from")

    @admin.display(description="期限")
    def length_label(self, obj: Period) -> str:
        return obj.length_label
