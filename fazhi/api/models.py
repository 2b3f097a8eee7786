"""API tokens: how a program (a city platform, a script) signs in to the REST API.

A token belongs to one user and acts with exactly that user's role and scope. Only a
SHA-256 digest of the key is stored: the key is shown once, when it is issued
(`fazhi api_token <username>`). Tokens expire (`FAZHI_API_TOKEN_DAYS`, default 90, like
passwords) and stop working when the user is deactivated or the token is revoked.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("用途", max_length=100, blank=True)
    key_digest = models.CharField("令牌摘要", max_length=64, unique=True, editable=False)
    prefix = models.CharField("令牌前缀", max_length=8, editable=False)
    created_at = models.DateTimeField("签发时间", default=timezone.now)
    expires_at = models.DateTimeField("到期时间")
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} · {self.prefix}…"

    @classmethod
    def issue(cls, user: Any, *, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
        """A new token for `user`: the record and the key, which is never stored."""
        key = secrets.token_urlsafe(32)
        days = settings.FAZHI_API_TOKEN_DAYS if days is None else days
        token = cls.objects.create(
            user=user,
            name=name,
            key_digest=digest(key),
            prefix=key[:8],
            expires_at=timezone.now() + timedelta(days=days),
        )
        return token, key

    @property
    def is_valid(self) -> bool:
        changed = self.user.password_changed_at
        return (
            self.revoked_at is None
            and self.expires_at > timezone.now()
            and self.user.is_active
            # A password change ends every token issued before it (issue 17 item 10).
            and (changed is None or changed <= self.created_at)
        )

    @classmethod
    def revoke_all(cls, user: Any) -> int:
        """Revoke every live token of `user` (a password change, `fazhi api_token --revoke`)."""
        live = list(cls.objects.filter(user=user, revoked_at__isnull=True))
        for token in live:  # one by one: each revocation goes into the audit trail
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
        return len(live)
