from django.urls import path

from fazhi.counsel import views
from fazhi.counsel.importing import SHEET
from fazhi.kit.xlsx_views import xlsx_urls

app_name = "counsel"

urlpatterns = [
    path("", views.counsel_list, name="list"),
    path("opinions/new/", views.opinion_create, name="opinion_create"),
    *xlsx_urls(SHEET, views.rows, list_url="/counsel/"),
]
