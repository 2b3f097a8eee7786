from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction

from fazhi.workdays.models import HolidayNotice


@admin.register(HolidayNotice)
class HolidayNoticeAdmin(admin.ModelAdmin):
    list_display = ("year", "title", "doc_number", "published_on", "updated_at")
    search_fields = ("title", "doc_number")
    readonly_fields = ("created_at", "updated_at")
    fields = (
        "year",
        "title",
        "doc_number",
        "published_on",
        "rest_dates",
        "makeup_workdays",
        "note",
        "created_at",
        "updated_at",
    )

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        # One by one so that each delete recomputes the deadlines it touches.
        with transaction.atomic():
            for notice in queryset:
                notice.delete()
