from django.urls import path

from fazhi.deadlines import views

app_name = "deadlines"

urlpatterns = [
    path("", views.due_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("calculator/", views.calculator, name="calculator"),
    path("periods/", views.periods, name="periods"),
]
