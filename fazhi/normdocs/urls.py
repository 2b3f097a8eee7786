from django.urls import include, path

from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.normdocs import views
from fazhi.normdocs.importing import REVIEW_SHEET, SHEET

app_name = "normdocs"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_create, name="create"),
    path("cleanups/new/", views.cleanup_create, name="cleanup_create"),
    path("cleanups/<int:pk>/", views.cleanup_detail, name="cleanup"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    *xlsx_urls(SHEET, views.rows, list_url="/normdocs/"),
    # normdocs:reviews:template / import / export — the other items reviewed.
    path(
        "reviews/",
        include((xlsx_urls(REVIEW_SHEET, views.review_rows, list_url="/normdocs/"), "reviews")),
    ),
]
