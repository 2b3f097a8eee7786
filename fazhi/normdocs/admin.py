"""Admin for reference data only: the 制定主体清单 (bodies allowed to issue normative
documents). Documents, reviews and cleanups change only through the screens, the API
and `apply()`. The validity defaults are settings (FAZHI_NORMDOC_VALIDITY_YEARS,
FAZHI_NORMDOC_PROVISIONAL_VALIDITY_YEARS); the review, filing and expiry periods are
rows of the deadlines app (normdoc_legality_review, normdoc_filing, normdoc_expiry)."""

from django.contrib import admin

from fazhi.normdocs.models import Issuer


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["unit", "listed_on", "delisted_on", "basis"]
    list_filter = ["delisted_on"]
    search_fields = ["unit__name", "basis"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]
