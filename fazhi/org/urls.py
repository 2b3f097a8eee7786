from django.urls import path

from fazhi.org import views

app_name = "org"
urlpatterns = [
    path("units/", views.units, name="units"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
]
