from django.urls import path

from fazhi.disclosure import views

app_name = "disclosure"

urlpatterns = [
    *views.REQUESTS.urls(),
    path("report/", views.report_view, name="report"),
    path("report.docx", views.report_docx, name="report_docx"),
    *views.FILINGS.urls(),
    path("reports/new/", views.filing_new, name="filing_new"),
    *views.ITEMS.urls(),
    path("items/new/", views.item_new, name="item_new"),
]
