"""Certificate renewal (换证 / 延续): through apply(), with its history, on the screen and
the API; a cancelled card or a validity that does not extend the old one is refused."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from fazhi.audit.models import Entry
from fazhi.core.workflow import TransitionNotAllowed
from fazhi.enforcement.models import Certificate, CertificateRenewal
from fazhi.enforcement.rules import CancelReason, CertificateState
from fazhi.enforcement.tests.helpers import certificate, deadline
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db

RENEWAL = "enforcement_certificate_renewal"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def expiring(coordinator, unit_a1, today):
    return certificate(coordinator, unit_a1, "豫A100", valid_until=today + timedelta(days=40))


def test_a_renewal_extends_the_validity_records_the_old_card_and_meets_the_reminder(
    coordinator, expiring, today
):
    reminder = deadline(expiring, RENEWAL)
    assert reminder.is_open
    new_until = today + timedelta(days=5 * 365)
    expiring.apply("renew", by=coordinator, on=today, valid_until=new_until, new_number="豫B100")
    expiring.refresh_from_db()
    assert expiring.valid_until == new_until and expiring.number == "豫B100"
    assert expiring.state == CertificateState.VALID
    r = CertificateRenewal.objects.get()
    assert (r.old_number, r.new_number) == ("豫A100", "豫B100")
    assert r.old_valid_until == today + timedelta(days=40) and r.new_valid_until == new_until
    reminder.refresh_from_db()
    assert not reminder.is_open and reminder.on_time is True
    # The new expiry is years away: no new reminder until it enters the window.
    assert deadline(expiring, RENEWAL).pk == reminder.pk
    assert Entry.objects.for_object(expiring).filter(verb="renew").exists()


def test_a_renewal_without_a_new_number_keeps_the_number(coordinator, expiring, today):
    expiring.apply(
        "renew", by=coordinator, on=today, valid_until=today + timedelta(days=60), new_number=""
    )
    expiring.refresh_from_db()
    assert expiring.number == "豫A100"
    # Still inside the window: the next reminder is open, for the new expiry.
    assert deadline(expiring, RENEWAL).is_open
    assert deadline(expiring, RENEWAL).start_date == today + timedelta(days=60)


@pytest.mark.parametrize(
    "days, message",
    [(40, "须晚于原有效期至"), (10, "须晚于原有效期至"), (None, "请填写新的有效期至")],
)
def test_a_validity_that_does_not_extend_the_old_one_is_refused_and_changes_nothing(
    coordinator, expiring, today, days, message
):
    until = today + timedelta(days=days) if days is not None else None
    with pytest.raises(TransitionNotAllowed, match=message):
        expiring.apply("renew", by=coordinator, on=today, valid_until=until)
    fresh = Certificate.objects.get(pk=expiring.pk)
    assert fresh.valid_until == today + timedelta(days=40)
    assert not CertificateRenewal.objects.exists() and deadline(expiring, RENEWAL).is_open


def test_a_cancelled_certificate_cannot_be_renewed(coordinator, expiring, today):
    expiring.apply("cancel", by=coordinator, on=today, cancel_reason=CancelReason.LEFT_POST)
    with pytest.raises(TransitionNotAllowed, match="已注销"):
        expiring.apply("renew", by=coordinator, on=today, valid_until=today + timedelta(days=900))
    assert not CertificateRenewal.objects.exists()


def test_a_number_held_by_another_certificate_is_refused(coordinator, unit_a1, expiring, today):
    certificate(coordinator, unit_a1, "豫A200", name="李四光")
    with pytest.raises(TransitionNotAllowed, match="豫A200"):
        expiring.apply(
            "renew",
            by=coordinator,
            on=today,
            valid_until=today + timedelta(days=900),
            new_number="豫A200",
        )
    assert Certificate.objects.get(pk=expiring.pk).number == "豫A100"


def test_an_expired_card_is_renewed_late_and_may_enforce_again(coordinator, unit_a1, today):
    cert = certificate(coordinator, unit_a1, "豫A300", valid_until=today - timedelta(days=3))
    assert not cert.is_valid_on(today)
    cert.apply("renew", by=coordinator, on=today, valid_until=today + timedelta(days=1000))
    assert cert.is_valid_on(today)


def test_renewal_on_the_certificate_screen(
    client_for, coordinator, leader, liaison_a2, expiring, today
):
    url = f"/enforcement/certificates/{expiring.pk}/"
    c = client_for(coordinator)
    assert "换证（延续有效期）" in c.get(url).content.decode()
    bad = c.post(
        url + "act/renew/",
        {"renew-on": today.isoformat(), "renew-valid_until": today.isoformat()},
    )
    assert bad.status_code == 400 and "须晚于原有效期至" in bad.content.decode()
    new_until = today + timedelta(days=1800)
    ok = c.post(
        url + "act/renew/",
        {"renew-on": today.isoformat(), "renew-valid_until": new_until.isoformat()},
    )
    assert ok.status_code == 302
    page = c.get(url).content.decode()
    assert "换证记录" in page and new_until.isoformat() in page
    assert client_for(leader).post(url + "act/renew/", {}).status_code == 403
    assert client_for(liaison_a2).post(url + "act/renew/", {}).status_code == 404


def test_renewal_through_the_api_transition(client_for, coordinator, liaison_a2, expiring, today):
    api = client_for(coordinator)
    url = f"/api/enforcement-certificates/{expiring.pk}/transition/"

    def post(client, data):
        return client.post(url, json.dumps(data), content_type="application/json")

    refused = post(
        api,
        {"version": version_of(expiring), "action": "renew", "on": today.isoformat(), "valid_until": "2000-01-01"},
    )
    assert refused.status_code == 400 and "须晚于原有效期至" in str(refused.json())
    new_until = (today + timedelta(days=1800)).isoformat()
    ok = post(api, {"version": version_of(expiring), "action": "renew", "on": today.isoformat(), "valid_until": new_until})
    assert ok.status_code == 200 and ok.json()["valid_until"] == new_until
    other = post(
        client_for(liaison_a2),
        {"version": version_of(expiring), "action": "renew", "on": today.isoformat(), "valid_until": new_until},
    )
    assert other.status_code == 404
