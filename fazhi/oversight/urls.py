from django.urls import path

from fazhi.oversight import views

app_name = "oversight"

urlpatterns = [
    *views.TASKS.urls(),
    path("<int:pk>/archive/", views.task_archive, name="task_archive"),
    path("<int:pk>/milestones/new/", views.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/edit/", views.milestone_edit, name="milestone_edit"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("due/", views.due, name="due"),
    *views.SUGGESTIONS.urls(),
]
