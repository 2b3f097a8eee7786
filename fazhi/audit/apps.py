from django.apps import AppConfig, apps


class AuditConfig(AppConfig):
    name = "fazhi.audit"
    verbose_name = "审计日志"

    def ready(self) -> None:
        from fazhi.audit import signals  # noqa: F401
        from fazhi.audit.trail import track

        # Each app names the models whose saves and deletes are audited, `audited` on its
        # AppConfig (model names of that app); every model is loaded before any ready() runs.
        for config in apps.get_app_configs():
            track(*(config.get_model(name) for name in getattr(config, "audited", ())))
