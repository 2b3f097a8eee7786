from django.urls import path

from fazhi.kit.screens import screen_urls
from fazhi.legalservices import views

app_name = "legalservices"

urlpatterns = [
    path("aid/new/", views.aid_register, name="aid_new"),
    path("aid/<int:pk>/", views.aid_detail, name="aid_detail"),
    path("aid/<int:pk>/act/<slug:action>/", views.aid_act, name="aid_act"),
    path("figures/", views.figures, name="figures"),
    *screen_urls(views.SECTION, *views.SCREENS),
]
