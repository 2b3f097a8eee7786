"""Sign-in policy for 等保三级 (GB/T 22239-2019, 安全计算环境·身份鉴别).

- a) complexity (`CharacterClassValidator`), periodic change (password expiry) and no
  reuse of recent passwords (`HistoryValidator`);
- b) lockout after repeated failures (django-axes, settings AXES_*), idle timeout
  (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST);
- d) a second factor (TOTP, django-otp) for coordinators and administrators.

All numbers are settings (environment variables) with the common 测评 values as
defaults; the standard itself gives none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import password_validation as _pv
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django_otp import user_has_device

from fazhi.org.models import PasswordHistory, User

# Sent after a user's password is set (changed or reset): the API revokes the user's
# tokens (`fazhi.api.apps`).
password_set = Signal()

CLASSES = (
    (re.compile(r"[a-z]"), "小写字母"),
    (re.compile(r"[A-Z]"), "大写字母"),
    (re.compile(r"\d"), "数字"),
    (re.compile(r"[^a-zA-Z\d]"), "符号"),
)


class CharacterClassValidator:
    """At least three of: lower case, upper case, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        present = sum(1 for pattern, _ in CLASSES if pattern.search(password))
        if present < self.min_classes:
            raise ValidationError(
                f"密码须包含大写字母、小写字母、数字、符号中的至少{self.min_classes}类。", code="password_classes"
            )

    def get_help_text(self) -> str:
        return f"密码须包含大写字母、小写字母、数字、符号中的至少{self.min_classes}类。"


class HistoryValidator:
    """Not one of the user's last N passwords; records each new one after it is set."""

    def validate(self, password: str, user: Any = None) -> None:
        n = settings.FAZHI_PASSWORD_HISTORY
        if user is None or user.pk is None or n == 0:
            return
        recent = user.password_history.values_list("password", flat=True)[:n]
        if any(check_password(password, h) for h in recent):
            raise ValidationError(f"不能使用最近{n}次用过的密码。", code="password_reused")

    def password_changed(self, password: str, user: Any = None) -> None:
        if user is None or user.pk is None:
            return
        PasswordHistory.objects.create(user=user, password=make_password(password))
        User.objects.filter(pk=user.pk).update(password_changed_at=timezone.now())
        password_set.send(sender=type(user), user=user)
        keep = list(user.password_history.values_list("id", flat=True)[: max(settings.FAZHI_PASSWORD_HISTORY, 1)])
        user.password_history.exclude(id__in=keep).delete()

    def get_help_text(self) -> str:
        return "不能与最近几次用过的密码相同。"


LONGEST_LOCK = timedelta(days=1)
# Set on a request whose lock is checked outside the login form (an API token), since
# django-axes hands the cool-off only the request (axes clears its own credentials).
LOCKOUT_USERNAME = "fazhi_lockout_username"


def lockout_cooloff(request: Any = None) -> timedelta:
    """How long an account stays locked from the request's source (django-axes).

    FAZHI_LOCKOUT_MINUTES once the failure limit is reached, doubled by every further
    failure from the same source while locked, at most a day.
    """
    base = timedelta(minutes=settings.FAZHI_LOCKOUT_MINUTES)
    ip = getattr(request, "axes_ip_address", None)
    if request is None or not ip:
        return base

    username = get_client_username(request, getattr(request, "axes_credentials", None)) or getattr(
        request, LOCKOUT_USERNAME, None
    )
    if not username:
        return base
    failures = max(
        AccessAttempt.objects.filter(username=username, ip_address=ip).values_list("failures_since_start", flat=True),
        default=0,
    )
    extra = max(0, failures - settings.AXES_FAILURE_LIMIT)
    return min(base * 2 ** min(extra, 16), LONGEST_LOCK)


def password_expired(user: Any, now: Any = None) -> bool:
    days = settings.FAZHI_PASSWORD_MAX_AGE_DAYS
    if days == 0 or not user.has_usable_password():
        return False
    changed = user.password_changed_at or user.date_joined
    return (now or timezone.now()) - changed > timedelta(days=days)


EXEMPT_PREFIXES = ("/static/", "/login/", "/logout/", "/api/")
# The pages that complete the sign-in: the second factor's (enrolment only for a user
# without an authenticator, see `otp_setup`) and the password change (only after it).
SECOND_FACTOR_PATHS = ("/account/2fa/",)
PASSWORD_CHANGE_PATH = "/account/password/"  # noqa: S105 - a URL, not a password


def second_factor_pending(user: Any) -> bool:
    """A signed-in user who must still type the second factor's code."""
    if not (settings.FAZHI_REQUIRE_2FA and user.needs_second_factor):
        return False
    is_verified = getattr(user, "is_verified", None)
    return is_verified is None or not is_verified()


class SecurityPolicyMiddleware:
    """Send a signed-in user to the second-factor or password-change page when due.

    Every page, the account's own included (password change, a new authenticator),
    waits for the second factor where it is required (issue 17 item 7); only the second
    factor's pages are open before it. The API checks the same in
    `api.authentication.PolicySessionAuthentication` (tokens are issued per user by an
    administrator and are scoped like the screens).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        path = request.path
        if user is not None and user.is_authenticated and not path.startswith(EXEMPT_PREFIXES):
            if second_factor_pending(user):
                if not path.startswith(SECOND_FACTOR_PATHS):
                    return redirect_to_second_factor(request)
            elif password_expired(user) and not path.startswith((PASSWORD_CHANGE_PATH, *SECOND_FACTOR_PATHS)):
                return redirect(f"{reverse('account:password_change')}?expired=1")
        return self.get_response(request)


def redirect_to_second_factor(request: HttpRequest) -> HttpResponse:
    target = "account:otp_verify" if user_has_device(request.user) else "account:otp_setup"
    return redirect(f"{reverse(target)}?next={request.get_full_path()}")


# Django's own validators, with their messages in Chinese (the zh_Hans catalogue
# lacks some of them).
class MinimumLengthValidator(_pv.MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(f"密码太短：至少需要{self.min_length}个字符。", code="password_too_short")

    def get_help_text(self) -> str:
        return f"密码至少需要{self.min_length}个字符。"


class _RefusedInChinese:
    """Django's own check, its refusal replaced by `refusal` (same `code`)."""

    refusal = ""
    code = ""

    def validate(self, password: str, user: Any = None) -> None:
        try:
            # super() is the Django validator that follows this class in the MRO.
            super().validate(password, user)  # type: ignore[misc]
        except ValidationError as exc:
            raise ValidationError(self.refusal, code=self.code) from exc


class CommonPasswordValidator(_RefusedInChinese, _pv.CommonPasswordValidator):
    refusal, code = "该密码过于常见，请换一个。", "password_too_common"

    def get_help_text(self) -> str:
        return "不能使用常见密码。"


class NumericPasswordValidator(_pv.NumericPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if password.isdigit():
            raise ValidationError("密码不能全是数字。", code="password_entirely_numeric")

    def get_help_text(self) -> str:
        return "密码不能全是数字。"


class UserAttributeSimilarityValidator(_RefusedInChinese, _pv.UserAttributeSimilarityValidator):
    refusal, code = "密码与用户名或姓名过于相似。", "password_too_similar"

    def get_help_text(self) -> str:
        return "密码不能与用户名或姓名相似。"
