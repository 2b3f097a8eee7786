from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "fazhi.lists"
    verbose_name = "权责清单"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.lists.models import ListAdjustment, ListItem

        track(ListItem, ListAdjustment)
