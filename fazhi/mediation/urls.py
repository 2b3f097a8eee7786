from django.urls import path

from fazhi.kit.screens import screen_urls
from fazhi.mediation import views

app_name = "mediation"

urlpatterns = [
    # list "", detail "<int:pk>/", act "<int:pk>/act/<slug:action>/" and the xlsx sheet
    *views.DISPUTES.urls(),
    path("new/", views.register, name="register"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("figures/", views.figures, name="figures"),
    *screen_urls(views.SECTION, *views.SCREENS),
]
