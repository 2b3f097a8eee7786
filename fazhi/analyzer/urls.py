from django.urls import path

from . import views

app_name = "analyzer"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("results/", views.results, name="results"),
    path("report/<int:index>/", views.report, name="report"),
    path("compare/", views.compare, name="compare"),
    path("compare.xlsx", views.compare_xlsx, name="compare_xlsx"),
]
