from django.urls import path

from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.oversight import views
from fazhi.oversight.importing import SHEET

app_name = "oversight"

urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_new, name="task_new"),
    path("<int:pk>/", views.task_detail, name="task"),
    path("<int:pk>/act/<slug:action>/", views.task_act, name="task_act"),
    path("<int:pk>/archive/", views.task_archive, name="task_archive"),
    path("<int:pk>/milestones/new/", views.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/edit/", views.milestone_edit, name="milestone_edit"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("due/", views.due, name="due"),
    path("figures/", views.figures, name="figures"),
    path("suggestions/", views.suggestion_list, name="suggestions"),
    path("suggestions/new/", views.suggestion_new, name="suggestion_new"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="suggestion"),
    path("suggestions/<int:pk>/act/<slug:action>/", views.suggestion_act, name="suggestion_act"),
    *xlsx_urls(SHEET, views.filtered_suggestions, list_url="/oversight/suggestions/"),
]
