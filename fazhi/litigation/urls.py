from django.urls import path

from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.litigation import views
from fazhi.litigation.importing import SHEET

app_name = "litigation"
urlpatterns = [
    path("", views.lawsuit_list, name="list"),
    path("new/", views.lawsuit_create, name="create"),
    path("<int:pk>/", views.lawsuit_detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.lawsuit_act, name="act"),
    *xlsx_urls(SHEET, views.export_rows, list_url="/litigation/"),
]
