from django.urls import path

from fazhi.workdays import views

app_name = "workdays"

urlpatterns = [
    path("", views.year_view, name="year"),
    path("<int:year>/", views.year_view, name="year_of"),
]
