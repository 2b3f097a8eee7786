from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fazhi.core"
    verbose_name = "公共"

    def ready(self) -> None:
        from fazhi.core import checks  # noqa: F401
