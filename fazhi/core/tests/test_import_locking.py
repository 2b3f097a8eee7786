"""Logins while a long import runs (issue 17.4), on the database the suite runs on.

On SQLite the suite's database lives in memory, where locks do not behave as in a
deployment, so these tests copy it to a file and run every request and the import in
threads of their own on that file, with the deployment's options (WAL, IMMEDIATE
transactions, busy timeout). On PostgreSQL the threads use the test database itself.
"""

from __future__ import annotations

import io
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from openpyxl import Workbook

from fazhi.kit.xlsx import Column, Sheet, import_file
from fazhi.org.models import Person
from fazhi.testing import PASSWORD

# serialized_rollback: the flush after each test would take the migrations' rows (content
# types, periods) from the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROWS = 30
LOGINS = 10


class Threads:
    """Runs functions in threads that use the file copy of an SQLite test database."""

    def __init__(self, tmp_path: Any) -> None:
        self.path = None
        if connection.vendor == "sqlite":
            self.path = str(tmp_path / "fazhi.sqlite3")
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()

    def start(self, fn: Callable[[], Any], options: dict[str, Any] | None = None) -> tuple[threading.Thread, dict[str, Any]]:
        out: dict[str, Any] = {}

        def target() -> None:
            db = connections["default"]
            settings = {**db.settings_dict, "OPTIONS": {**db.settings_dict["OPTIONS"], **(options or {})}}
            if self.path:
                settings["NAME"] = self.path
            db.settings_dict = settings
            try:
                out["value"] = fn()
            except BaseException as exc:  # reported by the test
                out["error"] = exc
            finally:
                connections.close_all()

        thread = threading.Thread(target=target)
        thread.start()
        return thread, out


def _login() -> Any:
    response = Client(raise_request_exception=False).post(
        "/login/", {"username": "liaison_a1", "password": PASSWORD}
    )
    return response.status_code, response.content.decode()


def _workbook() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["单位*", "姓名*"])
    for i in range(ROWS):
        ws.append(["确山县司法局", f"张{i}"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_logins_during_a_long_import_go_through_and_the_import_still_writes_everything(liaison_a1, tmp_path):
    threads = Threads(tmp_path)
    validating, release = threading.Event(), threading.Event()

    def slow(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
        if values.get("name") == "张3":  # mid-file: hold the import here while users log in
            validating.set()
            release.wait(60)

    sheet = Sheet(model=Person, title="人员", prepare=slow, columns=[
        Column("单位", "unit", kind="unit", required=True), Column("姓名", "name", required=True)])
    data = _workbook()

    def run_import() -> Any:
        from fazhi.org.models import User

        return import_file(sheet, data, user=User.objects.get(username="liaison_a1"), filename="人员.xlsx")

    importer, imported = threads.start(run_import)
    assert validating.wait(30), imported
    logins = [threads.start(_login) for _ in range(LOGINS)]
    for thread, _ in logins:
        thread.join(60)
    release.set()
    importer.join(60)
    statuses = [out.get("value", (out.get("error"), ""))[0] for _, out in logins]
    assert statuses == [302] * LOGINS
    assert "error" not in imported and imported["value"].created == ROWS
    counter, counted = threads.start(lambda: Person.objects.count())
    counter.join(30)
    assert counted["value"] == ROWS


def test_a_lock_held_past_the_busy_timeout_answers_503_please_retry_not_500(liaison_a1, tmp_path):
    threads = Threads(tmp_path)
    locked, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        if threads.path:
            con = sqlite3.connect(threads.path, isolation_level=None)
            con.execute("BEGIN IMMEDIATE")
            locked.set()
            release.wait(60)
            con.rollback()
            con.close()
        else:
            with transaction.atomic(), connections["default"].cursor() as cursor:
                cursor.execute("LOCK TABLE django_session IN ACCESS EXCLUSIVE MODE")
                locked.set()
                release.wait(60)

    holder, _ = threads.start(hold_lock)
    assert locked.wait(30)
    if threads.path:
        impatient = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=200;"}
    else:
        impatient = {"options": "-c lock_timeout=200"}
    login, out = threads.start(_login, options=impatient)
    login.join(60)
    release.set()
    holder.join(60)
    status, body = out["value"]
    assert status == 503
    assert "请稍后重试" in body
