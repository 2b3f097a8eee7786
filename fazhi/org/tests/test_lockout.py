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
