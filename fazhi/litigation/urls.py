from django.urls import path

from fazhi.litigation import views

app_name = "litigation"
urlpatterns = [
    *views.LAWSUITS.urls(),
    path("<int:pk>/", views.lawsuit_detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.lawsuit_act, name="act"),
]
