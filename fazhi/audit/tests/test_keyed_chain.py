"""Issue 17 item 5: a keyed chain and a signed head kept outside the database.

Someone with database access but without the audit key (kept, like the secret key,
outside the database) can neither rewrite entries and recompute the chain, nor remove
the newest entries unnoticed once a signed head (`fazhi audit_anchor`, or a backup) is
kept elsewhere.
"""

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from fazhi.audit.models import Action, Entry
from fazhi.audit.trail import record, verify_chain
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


def _attacker_digest(entry, prev):
    """The chain's digest as anyone reading the code recomputes it: no key."""
    payload = {
        "at": entry.at.isoformat(), "user": entry.user_id, "username": entry.username,
        "action": entry.action, "verb": entry.verb, "model": entry.model,
        "object_pk": entry.object_pk, "object_repr": entry.object_repr,
        "unit_path": entry.unit_path, "before": entry.before, "after": entry.after,
        "note": entry.note, "ip": entry.ip,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((prev + blob).encode("utf-8")).hexdigest()


def _rewrite_from(first_id, **changes):
    """Edit an entry, then recompute every hash from it on, as an attacker would."""
    Entry.objects.filter(pk=first_id).update(**changes)
    prev = Entry.objects.filter(id__lt=first_id).order_by("-id").values_list("hash", flat=True).first() or ""
    for entry in Entry.objects.filter(id__gte=first_id).order_by("id"):
        new = _attacker_digest(entry, prev)
        fields = {f.name: "" for f in Entry._meta.fields if f.name == "scheme"}  # a keyed chain's mark, dropped
        Entry.objects.filter(pk=entry.pk).update(prev_hash=prev, hash=new, **fields)
        prev = new


@pytest.fixture
def chain(unit_a1):
    for i in range(5):
        make_person(unit_a1, f"人员{i}")
    return list(Entry.objects.order_by("id").values_list("id", flat=True))


def test_an_edit_with_the_chain_recomputed_is_detected(chain):
    victim = chain[2]
    _rewrite_from(victim, note="篡改")
    checked, broken = verify_chain()
    assert broken is not None and broken.pk == victim


def test_the_chain_does_not_verify_under_another_key(chain, settings):
    assert verify_chain()[1] is None
    settings.FAZHI_AUDIT_KEY = "another-key"
    assert verify_chain()[1] is not None


def _anchor(tmp_path):
    path = tmp_path / "head.json"
    call_command("audit_anchor", str(path))
    return path


def test_removing_the_newest_entries_is_detected_against_a_kept_head(chain, tmp_path):
    head = _anchor(tmp_path)
    call_command("audit_verify", "--anchor", str(head))
    Entry.objects.filter(id__gte=chain[-2]).delete()
    assert verify_chain()[1] is None  # the remaining chain itself is intact…
    with pytest.raises(CommandError, match="截断"):
        call_command("audit_verify", "--anchor", str(head))  # …but shorter than the kept head


def test_rewriting_the_whole_chain_unkeyed_is_detected_against_a_kept_head(chain, tmp_path):
    head = _anchor(tmp_path)
    _rewrite_from(chain[0], note="全部重算")
    with pytest.raises(CommandError):
        call_command("audit_verify", "--anchor", str(head))


def test_a_forged_head_is_refused(chain, tmp_path):
    head = _anchor(tmp_path)
    data = json.loads(head.read_text(encoding="utf-8"))
    data["last_id"] = chain[1]
    head.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="签名"):
        call_command("audit_verify", "--anchor", str(head))


def test_the_daily_head_goes_to_the_data_dir_readable_by_its_owner_only(chain, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("audit_anchor")
    (path,) = (tmp_path / "audit-anchors").iterdir()
    assert path.stat().st_mode & 0o777 == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["last_id"] == chain[-1]
    # Without --anchor, the newest kept head in the data directory is checked.
    Entry.objects.filter(id=chain[-1]).delete()
    with pytest.raises(CommandError, match="截断"):
        call_command("audit_verify")


def test_entries_written_before_the_upgrade_still_verify_and_stay_protected(unit_a1):
    # Entries as the unkeyed chain wrote them, before the upgrade.
    Entry.objects.all().delete()
    prev = ""
    for i in range(3):
        e = Entry(at=timezone.now(), action=Action.EXPORT, object_repr=f"旧{i}")
        e.prev_hash, e.hash = prev, _attacker_digest(e, prev)
        e.save()
        prev = e.hash
    old = list(Entry.objects.order_by("id").values_list("id", flat=True))
    record(Action.EXPORT, object_repr="升级后")
    assert verify_chain() == (4, None)
    # Rewriting an old entry and its unkeyed successors breaks at the first keyed one.
    Entry.objects.filter(pk=old[1]).update(note="篡改")
    p = Entry.objects.get(pk=old[0]).hash
    for pk in old[1:]:
        e = Entry.objects.get(pk=pk)
        h = _attacker_digest(e, p)
        Entry.objects.filter(pk=pk).update(prev_hash=p, hash=h)
        p = h
    checked, broken = verify_chain()
    assert checked == 3 and broken.pk > old[-1]
