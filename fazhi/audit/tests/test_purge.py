import datetime as dt

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from fazhi.audit.models import Action, Entry
from fazhi.audit.trail import PURGE_VERB, record, verify_chain
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


@pytest.fixture
def history(unit_a1):
    """Entries written 400, 300 and 10 days ago, then the clock stands at TODAY."""
    # Fixture setup wrote entries at the real time; start a fresh chain so ids and
    # times run in the same order, as they do in production.
    Entry.objects.all().delete()
    ids = {}
    for age in (400, 300, 10):
        with time_machine.travel(at(TODAY - dt.timedelta(days=age)), tick=False):
            make_person(unit_a1, f"人员{age}")
            record(Action.EXPORT, object_repr=f"导出{age}")
            ids[age] = Entry.objects.order_by("-id").values_list("id", flat=True).first()
    with time_machine.travel(at(TODAY), tick=False):
        yield ids


def test_it_refuses_to_remove_entries_younger_than_the_retention_period(history):
    before = Entry.objects.count()
    with pytest.raises(CommandError, match="至少保存 180 天"):
        call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=179)).isoformat())
    assert Entry.objects.count() == before


def test_it_reads_a_longer_retention_period_from_settings(history, settings):
    settings.FAZHI_AUDIT_RETENTION_DAYS = 365
    with pytest.raises(CommandError, match="至少保存 365 天"):
        call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=200)).isoformat())


def test_it_rejects_a_malformed_date(history):
    with pytest.raises(CommandError, match="日期格式不正确"):
        call_command("audit_purge", "--before", "2026/01/01")


def test_a_dry_run_counts_without_removing(history, capsys):
    before = Entry.objects.count()
    call_command(
        "audit_purge", "--before", (TODAY - dt.timedelta(days=350)).isoformat(), "--dry-run"
    )
    assert "共 2 条" in capsys.readouterr().out
    assert Entry.objects.count() == before


def test_a_purge_removes_old_entries_and_the_chain_still_verifies(history, capsys):
    kept = Entry.objects.filter(id__gt=history[400]).count()
    call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=350)).isoformat())
    assert "已清理" in capsys.readouterr().out
    assert not Entry.objects.filter(id__lte=history[400]).exists()
    purge = Entry.objects.get(verb=PURGE_VERB)
    assert purge.action == Action.DELETE and purge.after["purged"] == 2
    checked, broken = verify_chain()
    assert broken is None and checked == kept + 1
    call_command("audit_verify")


def test_two_purges_in_a_row_keep_the_chain_verifiable(history):
    call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=350)).isoformat())
    call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=200)).isoformat())
    assert Entry.objects.filter(verb=PURGE_VERB).count() == 2
    _, broken = verify_chain()
    assert broken is None
    assert not Entry.objects.filter(id__lte=history[300], verb="").exists()


def test_purging_everything_leaves_a_chain_that_starts_at_the_purge_entry(history):
    with time_machine.travel(at(TODAY + dt.timedelta(days=400)), tick=False):
        call_command("audit_purge", "--before", (TODAY + dt.timedelta(days=1)).isoformat())
        assert list(Entry.objects.values_list("verb", flat=True)) == [PURGE_VERB]
        assert verify_chain() == (1, None)


def test_after_a_purge_a_tampered_entry_is_still_named(history):
    call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=350)).isoformat())
    victim = Entry.objects.order_by("id")[1]
    Entry.objects.filter(pk=victim.pk).update(note="篡改")
    checked, broken = verify_chain()
    assert broken.pk == victim.pk and checked == 1


def test_after_a_purge_removing_the_oldest_kept_entry_is_detected(history):
    call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=350)).isoformat())
    ids = list(Entry.objects.order_by("id").values_list("id", flat=True))
    Entry.objects.filter(pk=ids[0]).delete()
    _, broken = verify_chain()
    assert broken.pk == ids[1]


def test_deleting_old_entries_outside_the_command_is_detected(history):
    Entry.objects.filter(id__lte=history[400]).delete()
    _, broken = verify_chain()
    assert broken.pk == Entry.objects.order_by("id").first().pk


def test_it_refuses_to_purge_a_broken_chain(history):
    Entry.objects.filter(id=history[300]).update(note="篡改")
    with pytest.raises(CommandError, match="断开"):
        call_command("audit_purge", "--before", (TODAY - dt.timedelta(days=350)).isoformat())
    assert Entry.objects.filter(id=history[400]).exists()
