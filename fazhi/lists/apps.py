from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "fazhi.lists"
    verbose_name = "权责清单"
    audited = ("ListItem", "ListAdjustment")
