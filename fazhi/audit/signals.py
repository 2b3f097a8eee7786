"""Logins, logouts and failed logins go into the trail too."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record


def _ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    with audit_context(user=user, ip=_ip(request)):
        record(Action.LOGIN, user=user, object_repr=user.username, unit_path=user.unit.path if user.unit_id else "")


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is None:
        return
    with audit_context(user=user, ip=_ip(request)):
        record(Action.LOGOUT, user=user, object_repr=user.username, unit_path=user.unit.path if user.unit_id else "")


@receiver(user_login_failed)
def on_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    name = str(credentials.get("username", ""))[:150]
    with audit_context(ip=_ip(request)):
        record(Action.LOGIN_FAILED, object_repr=name, note=f"用户名：{name}")
