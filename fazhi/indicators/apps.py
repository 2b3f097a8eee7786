from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    verbose_name = "指标"

    def ready(self) -> None:
        from fazhi.indicators import figcache

        figcache.connect()
