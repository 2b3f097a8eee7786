from django.urls import path

from fazhi.enforcement import views

app_name = "enforcement"

urlpatterns = [
    # Cases (the front page, cases/…, and the sheet's template / import / export at the
    # top), certificates (officers/, certificates/…, officers/xlsx/), case-file reviews
    # (reviews/, reviews/xlsx/) and supervision letters (letters/…, letters/xlsx/).
    *views.CASES.urls(),
    *views.CERTIFICATES.urls(),
    *views.REVIEWS.urls(),
    *views.LETTERS.urls(),
    path("reviews/new/<int:sheet_pk>/", views.review_new, name="review_new"),
    path("reviews/sheets/", views.sheets, name="sheets"),
    path("reviews/sheets/new/", views.sheet_new, name="sheet_new"),
    path("reviews/sheets/<int:pk>/", views.sheet_detail, name="sheet"),
    path("reviews/sheets/<int:pk>/edit/", views.sheet_edit, name="sheet_edit"),
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
]
