from django.urls import path

from fazhi.kit.screens import screen_urls
from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.mediation import views
from fazhi.mediation.importing import DISPUTE_SHEET

app_name = "mediation"

urlpatterns = [
    path("", views.dispute_list, name="list"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    path("figures/", views.figures, name="figures"),
    *xlsx_urls(DISPUTE_SHEET, views.filtered, list_url="/mediation/"),
    *screen_urls(views.SECTION, *views.SCREENS),
]
