"""`fazhi refresh_certificate_renewals`: the daily cron that keeps the renewal reminders
on the due list — idempotent, opening for certificates entering the window and closing
for certificates cancelled or renewed."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from fazhi.deadlines.models import Deadline
from fazhi.enforcement.models import Certificate
from fazhi.enforcement.rules import CertificateState
from fazhi.enforcement.tests.helpers import certificate, deadline

pytestmark = pytest.mark.django_db

RENEWAL = "enforcement_certificate_renewal"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("refresh_certificate_renewals", *args, stdout=out)
    return out.getvalue()


def renewal_rows():
    return list(
        Deadline.objects.filter(period__code=RENEWAL)
        .order_by("id")
        .values_list("id", "object_id", "status", "start_date")
    )


def test_it_opens_reminders_entering_the_window_and_running_twice_changes_nothing(
    coordinator, unit_a1, settings
):
    today = timezone.localdate()
    settings.FAZHI_ENF_RENEWAL_WINDOW_DAYS = 30
    # Registered while outside a 30-day window: not on the due list yet.
    entering = certificate(coordinator, unit_a1, "豫A1", valid_until=today + timedelta(days=50))
    far = certificate(
        coordinator, unit_a1, "豫A2", name="李四光", valid_until=today + timedelta(days=500)
    )
    assert deadline(entering, RENEWAL) is None
    # Time passes: the window now reaches it (a longer window stands for a later day).
    settings.FAZHI_ENF_RENEWAL_WINDOW_DAYS = 60
    first = run()
    assert "列入换证提醒1件" in first and "豫A1" in first
    assert deadline(entering, RENEWAL).is_open and deadline(far, RENEWAL) is None
    rows = renewal_rows()
    second = run()
    assert "列入换证提醒0件、已更新0件、已关闭0件" in second
    assert renewal_rows() == rows


def test_it_closes_reminders_of_cancelled_and_renewed_cards_and_keeps_overdue_ones(
    coordinator, unit_a1
):
    today = timezone.localdate()
    cancelled = certificate(coordinator, unit_a1, "豫A1", valid_until=today + timedelta(days=20))
    renewed = certificate(
        coordinator, unit_a1, "豫A2", name="李四光", valid_until=today + timedelta(days=25)
    )
    moved = certificate(
        coordinator, unit_a1, "豫A3", name="王五福", valid_until=today + timedelta(days=30)
    )
    expired = certificate(
        coordinator, unit_a1, "豫A4", name="赵六顺", valid_until=today + timedelta(days=5)
    )
    # Changed outside the workflow (an older import, the admin): the cron catches up.
    Certificate.objects.filter(pk=cancelled.pk).update(
        state=CertificateState.CANCELLED, cancelled_on=today
    )
    Certificate.objects.filter(pk=renewed.pk).update(valid_until=today + timedelta(days=1500))
    Certificate.objects.filter(pk=moved.pk).update(valid_until=today + timedelta(days=45))
    Certificate.objects.filter(pk=expired.pk).update(valid_until=today - timedelta(days=1))
    out = run()
    assert "已关闭2件" in out and "已更新1件" in out
    assert "证件已注销" in out and "证件有效期已延续至" in out
    assert not deadline(cancelled, RENEWAL).is_open
    assert deadline(cancelled, RENEWAL).cancel_reason == "证件已注销"
    assert not deadline(renewed, RENEWAL).is_open
    assert deadline(moved, RENEWAL).start_date == today + timedelta(days=45)
    assert deadline(expired, RENEWAL).is_open  # not renewed in time: stays, overdue
    rows = renewal_rows()
    assert "已列入换证提醒0件、已更新0件、已关闭0件" in run()
    assert renewal_rows() == rows


def test_a_dry_run_lists_and_writes_nothing(coordinator, unit_a1, settings):
    today = timezone.localdate()
    settings.FAZHI_ENF_RENEWAL_WINDOW_DAYS = 10
    cert = certificate(coordinator, unit_a1, "豫A1", valid_until=today + timedelta(days=50))
    out = run("--dry-run", "--within", "90")
    assert "应列入换证提醒1件" in out and deadline(cert, RENEWAL) is None
