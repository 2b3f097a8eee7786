from django.apps import AppConfig


class PublicityConfig(AppConfig):
    name = "fazhi.publicity"
    verbose_name = "普法学法"
    audited = ("Responsibility", "Activity", "StudySession", "ExamResult", "LawReport")
