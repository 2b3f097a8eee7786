"""Issue 17 item 10: a token does not outlive its user's password events."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.api.models import ApiToken

pytestmark = pytest.mark.django_db


def _status(key: str) -> int:
    """200, or 403 with the one message for every refused token (test_tokens.py)."""
    r = Client().get("/api/units/", HTTP_AUTHORIZATION=f"Token {key}")
    if r.status_code != 200:
        assert r.json()["detail"] == "接口令牌无效或已过期。"
    return r.status_code


def test_a_token_issued_before_a_password_change_is_refused(liaison_a1: Any) -> None:
    token, key = ApiToken.issue(liaison_a1)
    assert _status(key) == 200
    liaison_a1.set_password("Changed-Pass-2025")
    liaison_a1.save()
    assert _status(key) == 403
    token.refresh_from_db()
    assert token.revoked_at is not None
    _, fresh = ApiToken.issue(liaison_a1)
    assert _status(fresh) == 200


def test_a_token_stops_when_the_password_expires(liaison_a1: Any, settings: Any) -> None:
    _, key = ApiToken.issue(liaison_a1)
    type(liaison_a1).objects.filter(pk=liaison_a1.pk).update(
        password_changed_at=timezone.now() - timedelta(days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS + 1)
    )
    assert _status(key) == 403


def test_a_token_stops_while_its_account_is_locked(liaison_a1: Any, settings: Any) -> None:
    settings.AXES_ENABLED = True
    _, key = ApiToken.issue(liaison_a1)
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        c.post("/login/", {"username": liaison_a1.username, "password": "wrong"})
    assert _status(key) == 403


def test_a_token_stops_when_the_account_is_disabled(liaison_a1: Any) -> None:
    _, key = ApiToken.issue(liaison_a1)
    liaison_a1.is_active = False
    liaison_a1.save()
    assert _status(key) == 403
