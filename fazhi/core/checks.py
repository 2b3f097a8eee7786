from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_configured(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.SECRET_KEY:
        return []
    return [Error("未设置 FAZHI_SECRET_KEY：生产部署必须设置（演示系统 `fazhi demo` 会自动生成）。", id="fazhi.E001")]
