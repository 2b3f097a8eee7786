"""Lawsuits are kept on the register's own screens (every change through apply());
the admin only lists them read-only for support."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from fazhi.litigation.models import Lawsuit


@admin.register(Lawsuit)
class LawsuitAdmin(admin.ModelAdmin):
    list_display = [
        "case_number",
        "unit",
        "court",
        "instance",
        "state",
        "result",
        "received_on",
        "closed_on",
    ]
    list_filter = ["state", "instance", "result"]
    search_fields = ["case_number", "court", "cause"]
    exclude = ["plaintiff_name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
