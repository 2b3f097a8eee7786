"""等保三级 sign-in controls: complexity, history, expiry, lockout, second factor, idle timeout."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.audit.models import Action, Entry
from fazhi.testing import PASSWORD


@pytest.mark.parametrize("password", ["alllowercase1", "ALLUPPER12345", "abcdefghijkl", "Short1!"])
def test_weak_passwords_are_refused_in_chinese(password, liaison_a1):
    with pytest.raises(ValidationError) as exc:
        validate_password(password, liaison_a1)
    assert any("密码" in m for m in exc.value.messages)


def test_a_strong_password_passes(liaison_a1):
    validate_password("Qs-fazhi-2024x", liaison_a1)


def test_a_recent_password_cannot_be_reused(liaison_a1):
    liaison_a1.set_password("First-pass-2024")
    liaison_a1.save()
    liaison_a1.set_password("Second-pass-2024")
    liaison_a1.save()
    with pytest.raises(ValidationError, match="最近"):
        validate_password("First-pass-2024", liaison_a1)
    liaison_a1.refresh_from_db()
    assert liaison_a1.password_changed_at is not None


def test_an_expired_password_sends_the_user_to_change_it(client_for, liaison_a1):
    liaison_a1.password_changed_at = timezone.now() - timedelta(days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS + 1)
    liaison_a1.save()
    r = client_for(liaison_a1).get("/")
    assert r.status_code == 302 and "/account/password/" in r["Location"]


def test_a_fresh_password_does_not_expire(client_for, liaison_a1):
    liaison_a1.password_changed_at = timezone.now()
    liaison_a1.save()
    assert client_for(liaison_a1).get("/org/units/").status_code == 200


@pytest.mark.django_db
def test_five_failures_lock_the_account_even_for_the_right_password(settings, liaison_a1):
    settings.AXES_ENABLED = True
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        c.post("/login/", {"username": "liaison_a1", "password": "wrong"})
    r = c.post("/login/", {"username": "liaison_a1", "password": PASSWORD})
    assert "临时锁定" in r.content.decode()
    assert "_auth_user_id" not in c.session
    assert Entry.objects.filter(action=Action.LOGIN_FAILED).count() >= settings.AXES_FAILURE_LIMIT


def test_a_coordinator_must_enrol_and_use_a_second_factor(settings, coordinator, liaison_a1):
    settings.FAZHI_REQUIRE_2FA = True
    c = Client()
    c.force_login(coordinator)
    r = c.get("/org/units/")
    assert r.status_code == 302 and "/account/2fa/setup/" in r["Location"]
    page = c.get("/account/2fa/setup/")
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=coordinator)
    token = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    r = c.post("/account/2fa/setup/", {"token": token, "next": "/org/units/"})
    assert r.status_code == 302 and r["Location"] == "/org/units/"
    assert c.get("/org/units/").status_code == 200
    # A new session must verify again.
    c2 = Client()
    c2.force_login(coordinator)
    r = c2.get("/org/units/")
    assert "/account/2fa/verify/" in r["Location"]
    # Liaison staff are not asked.
    c3 = Client()
    c3.force_login(liaison_a1)
    assert c3.get("/org/units/").status_code == 200


def test_a_wrong_second_factor_code_is_refused_and_audited(settings, coordinator):
    settings.FAZHI_REQUIRE_2FA = True
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    c = Client()
    c.force_login(coordinator)
    r = c.post("/account/2fa/verify/", {"token": "123456"})
    assert "验证码不正确" in r.content.decode()
    assert Entry.objects.filter(action=Action.LOGIN_FAILED, verb="otp").exists()


def test_sessions_expire_after_idle_time():
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_a_password_change_through_the_screen_is_validated(client_for, liaison_a1):
    c = client_for(liaison_a1)
    r = c.post("/account/password/", {"old_password": PASSWORD, "new_password1": "simple", "new_password2": "simple"})
    assert r.status_code == 200 and "密码" in r.content.decode()
    r = c.post("/account/password/", {"old_password": PASSWORD, "new_password1": "Brand-new-Pass-9", "new_password2": "Brand-new-Pass-9"})
    assert r.status_code == 302
