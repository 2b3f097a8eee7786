from django.apps import AppConfig


class CounselConfig(AppConfig):
    name = "fazhi.counsel"
    verbose_name = "法律顾问"
    audited = ("Counsel", "Opinion")
