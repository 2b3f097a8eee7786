from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fazhi.audit"
    verbose_name = "审计日志"

    def ready(self) -> None:
        from fazhi.audit import signals  # noqa: F401
