"""One word per state: a deadline's state reads the same on the workbench, the due
list and the record's own page (issue 19 item 7)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine

from fazhi.deadlines.models import Deadline, Status, state_word
from fazhi.reconsideration.tests.helpers import received

pytestmark = pytest.mark.django_db


def _cells_of(page: str) -> list[str]:
    return re.findall(r'<td class="nowrap"><span class="light light-\w+" title="([^"]+)"></span>', page)


def test_a_yellow_deadline_reads_临期_on_the_case_page_and_on_the_workbench(client_for, coordinator, unit_a1):
    app = received(coordinator, unit_a1, on=dt.date(2024, 9, 23))
    deadline = Deadline.objects.get(status=Status.OPEN)
    c = client_for(coordinator)
    with time_machine.travel(deadline.due_date - dt.timedelta(days=1)):
        detail = c.get(f"/reconsideration/{app.pk}/").content.decode()
        home = c.get("/").content.decode()
    assert _cells_of(detail) == ["临期"]
    assert "临期" in _cells_of(home)
    assert "进行中" not in detail


def test_every_state_has_one_word():
    d = Deadline(status=Status.OPEN, due_date=dt.date(2024, 10, 8))
    assert [state_word(d, light) for light in ("red", "yellow", "green")] == ["逾期", "临期", "正常"]
    d.paused_since = dt.date(2024, 10, 1)
    assert state_word(d, "green") == "暂停中"
    met = Deadline(status=Status.MET, due_date=dt.date(2024, 10, 8))
    assert state_word(met, "green") == "按期完成" and state_word(met, "red") == "逾期完成"
    assert state_word(Deadline(status=Status.CANCELLED), "green") == "已取消"
