from django.apps import AppConfig


class UpwardConfig(AppConfig):
    name = "fazhi.upward"
    verbose_name = "逐级上报"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.indicators.engine import register_external_source
        from fazhi.upward.models import ImportedUnit, SigningKey, Submission, TrustedKey
        from fazhi.upward.rollup import SOURCE

        track(Submission, TrustedKey, ImportedUnit, SigningKey)
        # The roll-up hook: counties reported from another server join the engine's figures.
        register_external_source(SOURCE)
