"""A unit's private signing key never stays in the audit trail (upward/README.md, "Keys in
old audit entries"): entries written before the key was excluded are cleared by
migration audit 0004 (`audit.trail.redact_secrets`) with the chain still verifiable, and
no path writes a key into the trail again."""

from __future__ import annotations

import json
from importlib import import_module

import pytest
from django.core.management import call_command
from django.utils import timezone

from fazhi.audit.models import Action, Entry
from fazhi.audit.trail import CLEARED, record, redact_secrets, snapshot, verify_chain
from fazhi.testing import make_person
from fazhi.upward.models import SigningKey

pytestmark = pytest.mark.django_db


def _everything() -> str:
    """Every entry's stored content, as one text to search."""
    return json.dumps(list(Entry.objects.values("before", "after", "note")), ensure_ascii=False)


def _old_entry(key: SigningKey) -> Entry:
    """An entry as the code before the fix wrote it: the key's fields, private half included."""
    fields = {**snapshot(key), "private_key": key.private_key}
    entry = Entry(
        at=timezone.now(), action=Action.CREATE, model="upward.signingkey", object_pk=str(key.pk),
        object_repr=str(key), before=None, after=fields,
    )
    entry.seal(Entry.objects.order_by("-id").values_list("hash", flat=True).first() or "")
    entry.save()
    return entry


@pytest.fixture
def trail(unit_a1):
    """A chain with an old key entry between ordinary ones."""
    make_person(unit_a1, "张三丰")
    key = SigningKey.for_unit(unit_a1)
    old = _old_entry(key)
    make_person(unit_a1, "李四光")
    assert key.private_key in _everything() and verify_chain()[1] is None
    return key, old


def test_an_entry_holding_a_key_is_cleared_others_untouched_and_the_chain_still_verifies(
    trail, tmp_path
):
    key, old = trail
    head = tmp_path / "head.json"
    call_command("audit_anchor", str(head))  # a head kept before the redaction
    others = {
        e.pk: (e.before, e.after, e.hash) for e in Entry.objects.exclude(pk=old.pk)
    }
    count, redaction = redact_secrets()
    assert count == 1 and redaction is not None
    old.refresh_from_db()
    assert old.after["private_key"] == CLEARED
    assert old.after["public_key"] == key.public_key  # the rest of the entry is kept
    assert key.private_key not in _everything()
    for e in Entry.objects.exclude(pk__in=[old.pk, redaction.pk]):
        assert (e.before, e.after, e.hash) == others[e.pk]
    assert verify_chain()[1] is None
    call_command("audit_verify", "--anchor", str(head))  # the kept head still holds
    assert redact_secrets() == (0, None)  # nothing left to clear


def test_a_cleared_entry_changed_afterwards_breaks_the_chain(trail):
    _, old = trail
    redact_secrets()
    Entry.objects.filter(pk=old.pk).update(note="改写")
    checked, broken = verify_chain()
    assert broken is not None and broken.pk == old.pk


def test_an_entry_tampered_with_before_the_redaction_is_cleared_but_stays_broken(trail):
    _, old = trail
    Entry.objects.filter(pk=old.pk).update(object_repr="改写")
    assert verify_chain()[1].pk == old.pk
    redact_secrets()
    old.refresh_from_db()
    assert old.after["private_key"] == CLEARED
    assert verify_chain()[1].pk == old.pk  # the redaction launders nothing


def test_the_migration_clears_the_keys(trail):
    key, old = trail
    migration = import_module("fazhi.audit.migrations.0004_redact_private_keys")
    migration.redact(None, None)
    old.refresh_from_db()
    assert old.after["private_key"] == CLEARED and key.private_key not in _everything()


def test_no_path_writes_a_private_key_into_the_trail(unit_a1):
    key = SigningKey.for_unit(unit_a1)  # a tracked model: its creation is audited
    assert Entry.objects.filter(model="upward.signingkey").exists()
    SigningKey.objects.get(pk=key.pk).save()
    # Even a caller that hands the record's fields to record() by hand.
    record(Action.UPDATE, obj=key, after={"private_key": key.private_key, "nested": [{"private_key": key.private_key}]})
    assert key.private_key not in _everything()
    assert Entry.objects.order_by("-id").first().after == {
        "private_key": CLEARED, "nested": [{"private_key": CLEARED}]
    }
    assert verify_chain()[1] is None
