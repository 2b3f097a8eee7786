"""The REST API: every app's `api.ROUTES` on one router, with the OpenAPI schema.

An app joins the API by defining `ROUTES = [("prefix", ViewSet), ...]` in its
`api.py`; nothing here needs editing when a register is added.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

router = DefaultRouter()
for config in apps.get_app_configs():
    if not config.name.startswith("fazhi.") or find_spec(f"{config.name}.api") is None:
        continue
    for prefix, viewset in getattr(import_module(f"{config.name}.api"), "ROUTES", ()):
        router.register(prefix, viewset)

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
