"""Admin: indicator systems are reference data (read here; loaded from files)."""

from django.contrib import admin

from fazhi.assessment.models import Node, System


class NodeInline(admin.TabularInline):
    model = Node
    fields = ("number", "title", "kind", "points", "method", "indicator")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(System)
class SystemAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "year", "total_points", "file_name", "loaded_at")
    readonly_fields = (
        "code",
        "name",
        "year",
        "version",
        "source",
        "note",
        "total_points",
        "file_name",
        "file_sha256",
        "loaded_at",
    )
    inlines = [NodeInline]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN201, ARG002
        return False  # systems come from files: `fazhi assessment_load`
