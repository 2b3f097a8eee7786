"""URLs. Every fazhi app with a `urls.py` is mounted at /<app label>/.

A register joins the site by having `urls.py` (with `app_name`); nothing here needs
editing when one is added.
"""

from importlib.util import find_spec

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from fazhi.core import views as core_views

admin.site.site_header = "法治政府建设工作平台 · 基础数据管理"
admin.site.site_title = "法治 · 基础数据"
admin.site.index_title = "基础数据"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("switch-unit/", core_views.switch_unit, name="switch_unit"),
    path("keepalive/", core_views.keepalive, name="keepalive"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("fazhi.org.account_urls")),
    path("admin/", admin.site.urls),
    path("api/", include("fazhi.api.urls")),
]

for config in apps.get_app_configs():
    label = config.name.removeprefix("fazhi.")
    if config.name.startswith("fazhi.") and label != "api" and find_spec(f"{config.name}.urls"):
        urlpatterns.append(path(f"{label}/", include(f"{config.name}.urls")))

# Chinese error pages inside the site's layout (JSON under /api/): fazhi/core/errors.py.
handler400 = "fazhi.core.errors.bad_request"
handler403 = "fazhi.core.errors.permission_denied"
handler404 = "fazhi.core.errors.page_not_found"
handler500 = "fazhi.core.errors.server_error"
