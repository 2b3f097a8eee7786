"""Issue 17 item 9: nobody can lock someone else out.

A lock holds for one account *from one source*: wrong passwords typed for `admin`
somewhere else do not lock the real administrator out at their own desk. Further
failures while locked make the lock longer. An administrator unlocks an account;
nothing on the page tells whether an account exists.
"""

import datetime as dt
import re

import pytest
import time_machine
from axes.handlers.proxy import AxesProxyHandler
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from fazhi.org.security import LOCKOUT_USERNAME
from fazhi.testing import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER, DESK = "10.9.9.9", "10.1.1.5"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    return settings


def _try(username, password, ip):
    c = Client(REMOTE_ADDR=ip)
    r = c.post("/login/", {"username": username, "password": password})
    return r, "_auth_user_id" in c.session


def _request(ip, username):
    request = RequestFactory().post("/login/", REMOTE_ADDR=ip)
    setattr(request, LOCKOUT_USERNAME, username)
    return request


def _fail(username, ip, times):
    for _ in range(times):
        _try(username, "wrong-password", ip)


def test_failures_from_elsewhere_do_not_lock_the_real_user_out(axes_on, liaison_a1):
    _fail(liaison_a1.username, ATTACKER, axes_on.AXES_FAILURE_LIMIT + 3)
    r, signed_in = _try(liaison_a1.username, PASSWORD, ATTACKER)
    assert not signed_in and "临时锁定" in r.content.decode()
    _, signed_in = _try(liaison_a1.username, PASSWORD, DESK)
    assert signed_in


def _fail_now(settings, username, ip, past_limit):
    """Fail `past_limit` times past the limit now; (that moment, the base lock)."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _fail(username, ip, settings.AXES_FAILURE_LIMIT + past_limit)
    return start, dt.timedelta(minutes=settings.FAZHI_LOCKOUT_MINUTES)


def test_further_failures_while_locked_make_the_lock_longer(axes_on, liaison_a1):
    start, base = _fail_now(axes_on, liaison_a1.username, ATTACKER, 2)
    # Two failures past the limit: four times the base lock, so still locked after three.
    with time_machine.travel(start + base * 3, tick=False):
        _, signed_in = _try(liaison_a1.username, PASSWORD, ATTACKER)
        assert not signed_in
    # Any attempt while locked counts (nothing to probe with): the third past the limit
    # locks for eight times the base from then.
    with time_machine.travel(start + base * 3 + base * 8 - dt.timedelta(minutes=1), tick=False):
        assert AxesProxyHandler.is_locked(_request(ATTACKER, liaison_a1.username), {"username": liaison_a1.username})
    with time_machine.travel(start + base * 3 + base * 8 + dt.timedelta(minutes=1), tick=False):
        _, signed_in = _try(liaison_a1.username, PASSWORD, ATTACKER)
        assert signed_in


def test_a_single_lock_lasts_the_configured_minutes(axes_on, liaison_a1):
    start, base = _fail_now(axes_on, liaison_a1.username, DESK, 0)
    with time_machine.travel(start + base + dt.timedelta(minutes=1), tick=False):
        _, signed_in = _try(liaison_a1.username, PASSWORD, DESK)
        assert signed_in


def test_an_administrator_unlocks_the_account(axes_on, liaison_a1):
    _fail(liaison_a1.username, DESK, axes_on.AXES_FAILURE_LIMIT)
    assert not _try(liaison_a1.username, PASSWORD, DESK)[1]
    call_command("unlock_account", liaison_a1.username)
    assert _try(liaison_a1.username, PASSWORD, DESK)[1]


def test_the_lock_does_not_tell_whether_the_account_exists(axes_on, liaison_a1):
    _fail(liaison_a1.username, ATTACKER, axes_on.AXES_FAILURE_LIMIT)
    _fail("no_such_user", ATTACKER, axes_on.AXES_FAILURE_LIMIT)
    real, _ = _try(liaison_a1.username, "wrong-password", ATTACKER)
    ghost, _ = _try("no_such_user", "wrong-password", ATTACKER)
    assert real.status_code == ghost.status_code
    def page(response, username):
        return re.sub(r'csrf[^"]*"[^"]*"[^"]*"', "", response.content.decode(), flags=re.I).replace(username, "X")

    assert page(real, liaison_a1.username) == page(ghost, "no_such_user")


def _code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_user_locked_out_at_their_own_address_gets_in_with_their_second_factor(axes_on, coordinator):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _fail(coordinator.username, DESK, axes_on.AXES_FAILURE_LIMIT)  # a colleague behind the same address
    assert not _try(coordinator.username, PASSWORD, DESK)[1]
    c = Client(REMOTE_ADDR=DESK)
    page = c.get("/account/unlock/")
    assert page.status_code == 200 and "动态验证码" in page.content.decode()
    wrong = c.post("/account/unlock/", {"username": coordinator.username, "password": PASSWORD, "token": "000000"})
    ghost = c.post("/account/unlock/", {"username": "no_such_user", "password": PASSWORD, "token": _code(device)})
    for r in (wrong, ghost):
        assert "用户名、密码或动态验证码不正确" in r.content.decode() and "_auth_user_id" not in c.session
    # A wrong code makes the authenticator wait a moment before the next (django-otp).
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=30), tick=False):
        r = c.post("/account/unlock/", {"username": coordinator.username, "password": PASSWORD, "token": _code(device)})
        assert r.status_code == 302 and "_auth_user_id" in c.session
        assert c.get("/org/units/").status_code == 200  # signed in with the second factor verified
        assert _try(coordinator.username, PASSWORD, DESK)[1]  # and the lock at that address is lifted


def test_the_second_factor_path_does_not_sign_in_with_a_wrong_password(axes_on, coordinator):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    c = Client(REMOTE_ADDR=DESK)
    r = c.post("/account/unlock/", {"username": coordinator.username, "password": "wrong-pass", "token": _code(device)})
    assert "用户名、密码或动态验证码不正确" in r.content.decode() and "_auth_user_id" not in c.session
