"""Backup and restore round trip on the test database (SQLite or PostgreSQL)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from fazhi.audit.models import Entry
from fazhi.core.backup import BackupError, read_header, table_counts
from fazhi.org.models import Person
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def table_rows():
    rows = {}
    with connection.cursor() as cur:
        for table in sorted(connection.introspection.table_names(cur)):
            cur.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = sorted(repr(r) for r in cur.fetchall())
    return rows


def test_a_backup_restores_every_table_exactly(tmp_path, unit_a1, unit_a2):
    for i in range(20):
        make_person(unit_a1 if i % 2 else unit_a2, f"人员{i}", phone="13812345678")
    before = table_rows()
    target = tmp_path / "b.backup"
    call_command("backup", str(target))
    Person.objects.filter(unit=unit_a1).delete()
    make_person(unit_a2, "后来者")
    assert table_rows() != before
    call_command("restore", str(target), "--yes")
    # The restore itself is audited (issue 17 item 6): one entry more than the backup.
    restored = Entry.objects.order_by("-id").first()
    assert restored.verb == "restore"
    restored.delete()
    assert table_rows() == before


def test_a_tampered_backup_is_refused(tmp_path, unit_a1):
    target = tmp_path / "b.backup"
    call_command("backup", str(target))
    data = bytearray(target.read_bytes())
    data[-10] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="校验值"):
        read_header(target)
    with pytest.raises(CommandError, match="校验值"):
        call_command("restore", str(target), "--yes")


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, db):
    f = tmp_path / "x.backup"
    f.write_bytes(b"hello")
    with pytest.raises(CommandError, match="不是法治系统的备份文件"):
        call_command("restore", str(f), "--yes")


def test_the_header_records_every_tables_row_count(tmp_path, unit_a1):
    target = tmp_path / "b.backup"
    call_command("backup", str(target))
    header, _ = read_header(target)
    assert header["tables"] == table_counts()
    assert header["engine"] == connection.vendor
