from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "fazhi.decisions"
    verbose_name = "重大行政决策"
    audited = ("Catalogue", "Decision", "DecisionStep")
