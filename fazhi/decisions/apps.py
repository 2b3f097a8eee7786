from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "fazhi.decisions"
    verbose_name = "重大行政决策"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.decisions.models import Catalogue, Decision, DecisionStep

        track(Catalogue, Decision, DecisionStep)
