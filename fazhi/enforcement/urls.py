from collections.abc import Callable
from typing import Any

from django.urls import URLResolver, include, path

from fazhi.enforcement import views
from fazhi.enforcement.importing import CASE_SHEET, CERTIFICATE_SHEET, LETTER_SHEET, REVIEW_SHEET
from fazhi.kit.xlsx import Sheet
from fazhi.kit.xlsx_views import xlsx_urls

app_name = "enforcement"


def _sheet_urls(prefix: str, sheet: Sheet, rows: Callable[..., Any]) -> URLResolver:
    """A sheet's template / import / export under /enforcement/<prefix>/xlsx/."""
    urls = xlsx_urls(sheet, rows, list_url=f"/enforcement/{prefix}/")
    return path(f"{prefix}/xlsx/", include((urls, f"{prefix}-xlsx")))


urlpatterns = [
    path("", views.case_list, name="list"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/act/<slug:action>/", views.case_act, name="case_act"),
    path("officers/", views.officers, name="officers"),
    path("officers/new/", views.certificate_new, name="certificate_new"),
    path("certificates/<int:pk>/", views.certificate_detail, name="certificate"),
    path("certificates/<int:pk>/act/<slug:action>/", views.certificate_act, name="certificate_act"),
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/new/<int:sheet_pk>/", views.review_new, name="review_new"),
    path("reviews/sheets/", views.sheets, name="sheets"),
    path("reviews/sheets/new/", views.sheet_new, name="sheet_new"),
    path("reviews/sheets/<int:pk>/", views.sheet_detail, name="sheet"),
    path("reviews/sheets/<int:pk>/edit/", views.sheet_edit, name="sheet_edit"),
    path("letters/", views.letters, name="letters"),
    path("letters/new/", views.letter_new, name="letter_new"),
    path("letters/<int:pk>/", views.letter_detail, name="letter"),
    path("letters/<int:pk>/act/<slug:action>/", views.letter_act, name="letter_act"),
    path("leniency/", views.leniency, name="leniency"),
    path("leniency/new/", views.leniency_new, name="leniency_new"),
    path("leniency/<int:pk>/", views.leniency_list, name="leniency_list"),
    path("leniency/<int:pk>/edit/", views.leniency_edit, name="leniency_edit"),
    path("figures/", views.figures, name="figures"),
    path("publication/", views.publications, name="publications"),
    path("publication/<int:unit_pk>/<int:year>/", views.publication_detail, name="publication"),
    path(
        "publication/<int:unit_pk>/<int:year>/data.xlsx",
        views.publication_xlsx,
        name="publication_xlsx",
    ),
    path(
        "publication/<int:unit_pk>/<int:year>/document.docx",
        views.publication_docx,
        name="publication_docx",
    ),
    # Cases: enforcement:template / import / export; the other sheets under their list:
    # enforcement:officers-xlsx:…, enforcement:reviews-xlsx:…, enforcement:letters-xlsx:…
    *xlsx_urls(CASE_SHEET, views.filtered_cases, list_url="/enforcement/"),
    _sheet_urls("officers", CERTIFICATE_SHEET, views.filtered_certificates),
    _sheet_urls("reviews", REVIEW_SHEET, views.filtered_reviews),
    _sheet_urls("letters", LETTER_SHEET, views.filtered_letters),
]
