from django.urls import path

from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.reconsideration import views
from fazhi.reconsideration.importing import SHEET

app_name = "reconsideration"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    path("figures/", views.figures, name="figures"),
    path("superior/", views.superior_list, name="superior"),
    path("superior/new/", views.superior_form, name="superior_new"),
    path("superior/<int:pk>/", views.superior_form, name="superior_edit"),
    *xlsx_urls(SHEET, views.filtered, list_url="/reconsideration/"),
]
