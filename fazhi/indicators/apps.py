from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    verbose_name = "指标"

    def ready(self) -> None:
        # figcache reads the models: imported once the app registry is ready.
        from fazhi.indicators import figcache

        figcache.connect()
