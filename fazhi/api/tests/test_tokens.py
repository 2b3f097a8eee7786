"""API tokens: a program signs in with `Authorization: Token <key>` and gets its user's scope."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from fazhi.api.models import ApiToken, digest
from fazhi.audit.models import Action, Entry
from fazhi.reconsideration.tests.helpers import received

pytestmark = pytest.mark.django_db


def _get(url: str, key: str) -> Any:
    return Client(raise_request_exception=False).get(url, HTTP_AUTHORIZATION=f"Token {key}")


def test_a_token_signs_in_as_its_user_with_exactly_that_users_scope(
    coordinator: Any, liaison_a1: Any, liaison_a2: Any, unit_a1: Any
) -> None:
    record = received(coordinator, unit_a1)
    _, key_a1 = ApiToken.issue(liaison_a1)
    _, key_a2 = ApiToken.issue(liaison_a2)
    assert _get(f"/api/reconsideration/{record.pk}/", key_a1).status_code == 200
    assert _get(f"/api/reconsideration/{record.pk}/", key_a2).status_code == 404
    listed = _get("/api/reconsideration/", key_a2).json()
    assert listed["count"] == 0


def test_a_token_can_write_what_its_user_may_write_and_no_more(leader: Any, unit_a1: Any) -> None:
    _, key = ApiToken.issue(leader)
    response = Client().post(
        "/api/units/", {"name": "新单位", "parent": unit_a1.pk}, HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 403


def test_only_a_digest_of_the_key_is_stored(liaison_a1: Any) -> None:
    token, key = ApiToken.issue(liaison_a1)
    token.refresh_from_db()
    assert token.key_digest == digest(key) and key not in token.key_digest
    assert token.prefix == key[:8]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda t: ApiToken.objects.filter(pk=t.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        ),
        lambda t: ApiToken.objects.filter(pk=t.pk).update(revoked_at=timezone.now()),
        lambda t: type(t.user).objects.filter(pk=t.user_id).update(is_active=False),
    ],
    ids=["expired", "revoked", "user deactivated"],
)
def test_an_expired_revoked_or_orphaned_token_is_refused_in_chinese(
    liaison_a1: Any, spoil: Any
) -> None:
    token, key = ApiToken.issue(liaison_a1)
    assert _get("/api/units/", key).status_code == 200
    spoil(token)
    response = _get("/api/units/", key)
    assert response.status_code == 403
    assert response.json()["detail"] == "接口令牌无效或已过期。"


# A WSGI server hands headers over decoded as latin-1: UTF-8 bytes arrive like the last.
@pytest.mark.parametrize(
    "header", ["Token nonsense", "Token ", "Token a b", "Token " + "字".encode().decode("latin-1")]
)
def test_an_unknown_or_malformed_token_is_refused_not_a_server_error(db: None, header: str) -> None:
    response = Client(raise_request_exception=False).get("/api/units/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 403


def test_a_use_is_recorded_on_the_token(liaison_a1: Any) -> None:
    token, key = ApiToken.issue(liaison_a1)
    assert token.last_used_at is None
    _get("/api/units/", key)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_command_issues_a_token_once_lists_it_without_the_key_and_revokes_it(
    liaison_a1: Any,
) -> None:
    out = StringIO()
    call_command("api_token", "liaison_a1", "--name", "市级平台对接", "--days", "30", stdout=out)
    key = out.getvalue().split("：", 1)[1].split()[0]
    token = ApiToken.objects.get(user=liaison_a1)
    assert token.key_digest == digest(key)
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert Entry.objects.filter(action=Action.CREATE, model="api.apitoken").exists()
    listing = StringIO()
    call_command("api_token", "liaison_a1", "--list", stdout=listing)
    assert "市级平台对接" in listing.getvalue() and key not in listing.getvalue()
    call_command("api_token", "liaison_a1", "--revoke", stdout=StringIO())
    assert _get("/api/units/", key).status_code == 403


def test_the_command_refuses_unknown_users_and_silly_lifetimes(liaison_a1: Any) -> None:
    with pytest.raises(CommandError, match="用户不存在"):
        call_command("api_token", "nobody", stdout=StringIO())
    with pytest.raises(CommandError, match="有效天数"):
        call_command("api_token", "liaison_a1", "--days", "0", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_a_session_without_the_second_factor_cannot_use_the_api(
    settings: Any, client_for: Any, coordinator: Any, liaison_a1: Any
) -> None:
    settings.FAZHI_REQUIRE_2FA = True
    response = client_for(coordinator).get("/api/units/")
    assert response.status_code == 403
    assert response.json()["detail"] == "请先在网页上输入动态验证码完成登录。"
    # Roles that need no second factor, and tokens issued by an administrator, go on.
    assert client_for(liaison_a1).get("/api/units/").status_code == 200
    _, key = ApiToken.issue(coordinator)
    assert _get("/api/units/", key).status_code == 200


def test_a_session_whose_password_has_expired_cannot_use_the_api(
    settings: Any, client_for: Any, liaison_a1: Any
) -> None:
    liaison_a1.password_changed_at = timezone.now() - timedelta(
        days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS + 1
    )
    liaison_a1.save()
    response = client_for(liaison_a1).get("/api/units/")
    assert response.status_code == 403
    assert "密码已过期" in response.json()["detail"]
