"""Issue 17 item 6: backups are signed with a key kept outside the database, written
readable by their owner only, optionally encrypted; an unsigned or wrongly signed one
is restored only when the administrator forces it, and that is audited."""

import hashlib
import json
import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from fazhi.audit.models import Entry
from fazhi.core.backup import MAGIC, backup, read_header
from fazhi.org.models import User
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _split(path):
    raw = path.read_bytes()
    head, _, payload = raw[len(MAGIC):].partition(b"\n")
    return json.loads(head), payload


def _write(path, header, payload):
    """Write a backup the way someone with the file but without the key would."""
    header = {**header, "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
    path.write_bytes(MAGIC + json.dumps(header, ensure_ascii=False).encode() + b"\n" + payload)


@pytest.fixture
def backup_file(tmp_path, unit_a1, liaison_a1):
    make_person(unit_a1, "备份人")
    target = tmp_path / "b.backup"
    call_command("backup", str(target))
    return target


def test_a_backup_file_is_readable_by_its_owner_only(backup_file):
    assert backup_file.stat().st_mode & 0o777 == 0o600


def test_a_payload_changed_with_its_checksum_recomputed_is_refused(backup_file, liaison_a1):
    header, payload = _split(backup_file)
    payload = bytearray(payload)
    payload[len(payload) // 2] ^= 0x01
    _write(backup_file, header, bytes(payload))
    with pytest.raises(CommandError, match="签名"):
        call_command("restore", str(backup_file), "--yes")


def _refused_unless_forced_then_audited(backup_file, liaison_a1):
    """The forged backup (the liaison a superuser in it) is refused; forced, it is
    restored and the forcing is audited."""
    with pytest.raises(CommandError, match="签名"):
        call_command("restore", str(backup_file), "--yes")
    assert not User.objects.get(pk=liaison_a1.pk).is_superuser
    call_command("restore", str(backup_file), "--yes", "--force")
    assert User.objects.get(pk=liaison_a1.pk).is_superuser
    forced = Entry.objects.filter(verb="restore_forced").get()
    assert "签名" in forced.note and backup_file.name in forced.note


@pytest.mark.database("sqlite")  # edits a SQLite payload; PostgreSQL's own case follows
def test_a_liaison_made_superuser_in_a_backup_is_refused_and_a_forced_restore_is_audited(backup_file, liaison_a1, tmp_path):
    header, payload = _split(backup_file)
    db = tmp_path / "payload.sqlite3"
    db.write_bytes(payload)
    with sqlite3.connect(db) as forged:
        forged.execute("UPDATE org_user SET is_superuser = 1 WHERE username = ?", (liaison_a1.username,))
    forged.close()
    _write(backup_file, header, db.read_bytes())
    _refused_unless_forced_then_audited(backup_file, liaison_a1)


@pytest.mark.database("postgresql")
def test_a_liaison_made_superuser_in_a_postgresql_backup_is_refused_and_a_forced_restore_is_audited(
    backup_file, liaison_a1, tmp_path
):
    """PostgreSQL's payload is a pg_dump archive: the forger dumps a copy of the database
    in which the liaison is a superuser and puts that dump under the signed header."""
    header, _ = _split(backup_file)
    User.objects.filter(pk=liaison_a1.pk).update(is_superuser=True)  # no signal, no audit entry
    forged_source = tmp_path / "forged.backup"
    forged_header = backup(forged_source)
    User.objects.filter(pk=liaison_a1.pk).update(is_superuser=False)
    _, payload = _split(forged_source)
    _write(backup_file, {**header, "tables": forged_header["tables"]}, payload)
    _refused_unless_forced_then_audited(backup_file, liaison_a1)


def test_a_backup_signed_with_another_key_is_refused(backup_file, settings):
    settings.FAZHI_BACKUP_KEY = "another-installation"
    with pytest.raises(CommandError, match="签名"):
        call_command("restore", str(backup_file), "--yes")


def test_an_unsigned_backup_is_refused_unless_forced(backup_file):
    header, payload = _split(backup_file)
    header.pop("signature", None)
    _write(backup_file, header, payload)
    with pytest.raises(CommandError, match="未签名"):
        call_command("restore", str(backup_file), "--yes")
    call_command("restore", str(backup_file), "--yes", "--force")
    assert Entry.objects.filter(verb="restore_forced").exists()


def test_a_signed_restore_is_audited_too(backup_file):
    call_command("restore", str(backup_file), "--yes")
    assert Entry.objects.filter(verb="restore").exists()


def test_an_encrypted_backup_hides_its_contents_and_restores(tmp_path, unit_a1):
    make_person(unit_a1, "加密测试人")
    target = tmp_path / "e.backup"
    call_command("backup", str(target), "--encrypt")
    assert "加密测试人".encode() not in target.read_bytes()
    header, _ = read_header(target)
    assert header["encryption"]["alg"] == "AES-256-GCM"
    make_person(unit_a1, "之后的人")
    call_command("restore", str(target), "--yes")
    from fazhi.org.models import Person

    assert Person.objects.filter(name="加密测试人").exists() and not Person.objects.filter(name="之后的人").exists()


def test_the_backup_carries_the_audit_chains_signed_head(backup_file):
    header, _ = read_header(backup_file)
    head = header["audit_head"]
    restored_last = Entry.objects.order_by("-id").values_list("id", flat=True).first()
    assert head["last_id"] == restored_last and head["signature"]
    call_command("audit_verify", "--anchor", str(backup_file))


def test_the_sqlite_database_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "fazhi.sqlite3"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    wrapper = DatabaseWrapper({**connection.settings_dict, "ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": {}}, alias="perm")
    try:
        wrapper.ensure_connection()
    finally:
        wrapper.close()
    assert path.stat().st_mode & 0o777 == 0o600
