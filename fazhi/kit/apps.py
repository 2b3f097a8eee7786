from django.apps import AppConfig


class KitConfig(AppConfig):
    name = "fazhi.kit"
    verbose_name = "登记簿组件"
