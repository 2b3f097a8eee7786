from django.urls import path

from fazhi.assessment import views
from fazhi.assessment.importing import SHEET
from fazhi.kit.xlsx_views import xlsx_urls

app_name = "assessment"

urlpatterns = [
    path("", views.sheet_list, name="list"),
    path("new/", views.sheet_new, name="new"),
    path("<int:pk>/", views.sheet_detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.sheet_act, name="act"),
    path("<int:pk>/recompute/", views.sheet_recompute, name="recompute"),
    path("<int:pk>/export.xlsx", views.sheet_export, name="sheet_export"),
    path("<int:pk>/rules/<int:node>/", views.rule_detail, name="rule"),
    path("<int:pk>/rules/<int:node>/score/", views.rule_score, name="score"),
    path("<int:pk>/evidence/<int:score>/", views.evidence, name="evidence"),
    path("ranking/", views.ranking, name="ranking"),
    path("ranking/export.xlsx", views.ranking_export, name="ranking_export"),
    path("systems/", views.system_list, name="systems"),
    path("systems/<int:pk>/", views.system_detail, name="system"),
    *xlsx_urls(SHEET, views._manual_export_rows, list_url="/assessment/"),
]
