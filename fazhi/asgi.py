import os

from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
application = get_asgi_application()

from django.conf import settings  # noqa: E402

if not settings.SECRET_KEY:
    raise ImproperlyConfigured("未设置 FAZHI_SECRET_KEY：生产部署必须设置（演示系统 `fazhi demo` 会自动生成）。")
