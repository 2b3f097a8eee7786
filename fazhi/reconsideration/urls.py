from django.urls import path

from fazhi.reconsideration import views

app_name = "reconsideration"

urlpatterns = [
    *views.APPLICATIONS.urls(),
    path("superior/", views.superior_list, name="superior"),
    path("superior/new/", views.superior_form, name="superior_new"),
    path("superior/<int:pk>/", views.superior_form, name="superior_edit"),
]
