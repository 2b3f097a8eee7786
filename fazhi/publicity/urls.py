from django.urls import path

from fazhi.kit.screens import screen_urls
from fazhi.publicity import views

app_name = "publicity"

urlpatterns = [
    path("figures/", views.figures, name="figures"),
    *screen_urls(views.SECTION, *views.SCREENS),
]
