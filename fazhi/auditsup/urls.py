from django.urls import path

from fazhi.auditsup import views
from fazhi.kit.screens import screen_urls

app_name = "auditsup"

urlpatterns = [
    path("figures/", views.figures, name="figures"),
    *screen_urls(views.SECTION, *views.SCREENS),
]
