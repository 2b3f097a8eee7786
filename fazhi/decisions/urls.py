from django.urls import path

from fazhi.decisions import views
from fazhi.decisions.importing import SHEET
from fazhi.kit.xlsx_views import xlsx_urls

app_name = "decisions"

urlpatterns = [
    path("", views.decision_list, name="list"),
    path("timeline/", views.timeline, name="timeline"),
    path("new/", views.decision_create, name="create"),
    path("catalogues/new/", views.catalogue_create, name="catalogue_create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    *xlsx_urls(SHEET, views.rows, list_url="/decisions/"),
]
