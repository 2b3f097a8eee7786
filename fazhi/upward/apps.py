from django.apps import AppConfig


class UpwardConfig(AppConfig):
    name = "fazhi.upward"
    verbose_name = "逐级上报"
    audited = ("Submission", "TrustedKey", "ImportedUnit", "SigningKey")

    def ready(self) -> None:
        from fazhi.indicators.engine import register_external_source
        from fazhi.upward.rollup import SOURCE

        # The roll-up hook: counties reported from another server join the engine's figures.
        register_external_source(SOURCE)
