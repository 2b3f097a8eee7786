from django.urls import include, path

from fazhi.disclosure import views
from fazhi.disclosure.importing import ITEM_SHEET, SHEET
from fazhi.kit.xlsx_views import xlsx_urls

app_name = "disclosure"


def _renamed(patterns: list, prefix: str) -> list:
    for p in patterns:
        p.name = f"{prefix}{p.name}"
    return patterns


urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    path("figures/", views.figures, name="figures"),
    path("report/", views.report_view, name="report"),
    path("report.docx", views.report_docx, name="report_docx"),
    path("reports/", views.filing_list, name="filings"),
    path("reports/new/", views.filing_new, name="filing_new"),
    path("reports/<int:pk>/", views.filing_detail, name="filing"),
    path("reports/<int:pk>/act/<slug:action>/", views.filing_act, name="filing_act"),
    path("items/", views.item_list, name="items"),
    path("items/new/", views.item_new, name="item_new"),
    path(
        "items/",
        include(
            _renamed(
                xlsx_urls(ITEM_SHEET, views.filtered_items, list_url="/disclosure/items/"), "items_"
            )
        ),
    ),
    *xlsx_urls(SHEET, views.filtered, list_url="/disclosure/"),
]
