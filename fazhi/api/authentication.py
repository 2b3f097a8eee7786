"""How the REST API knows who calls: a token (`ApiToken`) or the screens' session."""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.utils import timezone
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from fazhi.api.models import ApiToken, digest
from fazhi.org.security import LOCKOUT_USERNAME, password_expired, second_factor_pending

REFUSED = "接口令牌无效或已过期。"


class ApiTokenAuthentication(TokenAuthentication):
    """A token acts for its user only while the user could sign in on the screens.

    Refused (issue 17 item 10): a token issued before the user's last password change
    (the change also revokes it, `api.apps`), while the password is expired, while the
    account is locked for this caller's address (django-axes, the screens' lockout), and
    once the account is disabled.
    """

    keyword = "Token"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        result = super().authenticate(request)
        if result is None:
            return None

        user = result[0]
        credentials = {"username": user.username}
        setattr(request._request, LOCKOUT_USERNAME, user.username)  # the lock's length is the account's
        if settings.AXES_ENABLED and AxesProxyHandler.is_locked(request._request, credentials):
            raise AuthenticationFailed(REFUSED)
        return result

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = ApiToken.objects.select_related("user").filter(key_digest=digest(key)).first()
        if token is None or not token.is_valid or password_expired(token.user):
            # One message for unknown, expired, revoked and deactivated: nothing to probe.
            raise AuthenticationFailed(REFUSED)
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token


class PolicySessionAuthentication(SessionAuthentication):
    """The browser's session on the API, under the same sign-in policy as the screens.

    `SecurityPolicyMiddleware` exempts `/api/` (tokens are issued per user by an
    administrator), so without this a coordinator who typed the password but not yet the
    second-factor code, or whose password has expired, could read and write every
    register through the API with the session cookie the screens refuse.
    """

    def authenticate(self, request: Any) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        user = result[0]
        if second_factor_pending(user):
            raise AuthenticationFailed("请先在网页上输入动态验证码完成登录。")
        if password_expired(user):
            raise AuthenticationFailed("密码已过期，请先在网页上修改密码。")
        return result
