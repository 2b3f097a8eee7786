from django.urls import path

from fazhi.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/header/", views.edit_header, name="edit_header"),
    path("<int:pk>/sections/<int:section_pk>/", views.edit_section, name="edit_section"),
    path("<int:pk>/figures/", views.add_figure, name="add_figure"),
    path("<int:pk>/figures/<int:figure_pk>/delete/", views.delete_figure, name="delete_figure"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/issue/", views.issue_report, name="issue"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    path("<int:pk>/download.<str:fmt>", views.download, name="download"),
]
