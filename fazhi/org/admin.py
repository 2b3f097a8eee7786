from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from fazhi.org.models import Person, Unit, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code", "parent", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "short_name", "code", "uscc"]
    ordering = ["path"]
    autocomplete_fields = ["parent"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["masked_name", "position", "unit", "masked_phone", "masked_id_number"]
    search_fields = ["name", "position"]
    autocomplete_fields = ["unit"]


@admin.register(User)
class FazhiUserAdmin(UserAdmin):
    list_display = ["username", "full_name", "unit", "role", "is_active", "is_staff"]
    list_filter = ["role", "is_active", "is_staff"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("单位与角色", {"fields": ("full_name", "phone", "unit", "role")}))
    add_fieldsets = (*(UserAdmin.add_fieldsets or ()), ("单位与角色", {"fields": ("full_name", "unit", "role")}))
    autocomplete_fields = ["unit"]
