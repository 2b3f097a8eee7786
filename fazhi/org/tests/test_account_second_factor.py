"""Issue 17 item 7: no account action before the second factor where it is required."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.testing import PASSWORD

NEW = "Brand-new-Pass-9"


@pytest.fixture
def half_signed_in(settings, coordinator):
    """A coordinator with an enrolled authenticator who typed only the password."""
    settings.FAZHI_REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    c = Client()
    c.force_login(coordinator)
    return c, device


def _code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_password_change_before_the_second_factor_is_refused(half_signed_in, coordinator):
    c, _ = half_signed_in
    r = c.get("/account/password/")
    assert r.status_code == 302 and "/account/2fa/verify/" in r["Location"]
    r = c.post("/account/password/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert r.status_code == 302 and "/account/2fa/verify/" in r["Location"]
    coordinator.refresh_from_db()
    assert coordinator.check_password(PASSWORD)


def test_a_new_authenticator_cannot_replace_the_enrolled_one_before_the_second_factor(half_signed_in, coordinator):
    c, device = half_signed_in
    r = c.get("/account/2fa/setup/")
    assert r.status_code == 302 and "/account/2fa/verify/" in r["Location"]
    assert list(TOTPDevice.objects.filter(user=coordinator)) == [device]


def test_after_the_second_factor_the_password_can_be_changed(half_signed_in, coordinator):
    c, device = half_signed_in
    r = c.post("/account/2fa/verify/", {"token": _code(device), "next": "/account/password/"})
    assert r.status_code == 302 and r["Location"] == "/account/password/"
    r = c.post("/account/password/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert r.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password(NEW)


def test_an_expired_password_is_changed_after_the_second_factor(half_signed_in, coordinator, settings):
    from datetime import timedelta

    from django.utils import timezone

    coordinator.password_changed_at = timezone.now() - timedelta(days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS + 1)
    coordinator.save()
    c, device = half_signed_in
    assert "/account/2fa/verify/" in c.get("/account/password/")["Location"]
    c.post("/account/2fa/verify/", {"token": _code(device)})
    assert c.get("/account/password/").status_code == 200
    assert "/account/password/" in c.get("/org/units/")["Location"]
