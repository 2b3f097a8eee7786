from django.urls import path

from fazhi.upward import views

app_name = "upward"

urlpatterns = [
    path("", views.submission_list, name="list"),
    path("send/", views.export_view, name="send"),
    path("import/", views.import_view, name="import"),
    path("keys/", views.keys, name="keys"),
    path("keys/<int:pk>/revoke/", views.revoke_key, name="revoke_key"),
    path("<int:pk>/", views.submission_detail, name="detail"),
    path("<int:pk>/file/", views.download, name="download"),
    path("<int:pk>/figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
]
