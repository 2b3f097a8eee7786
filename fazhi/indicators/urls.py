from django.urls import path

from fazhi.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("records/<slug:code>/", views.records, name="records"),
    path("compare/", views.compare, name="compare"),
    path("trends/", views.trends, name="trends"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
