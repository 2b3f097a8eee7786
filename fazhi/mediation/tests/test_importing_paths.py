"""The import's short paths refuse and write exactly what the plain ORM paths would.

`core.xlsx` skips `validate_unique()` / `validate_constraints()` where they cannot find
anything, and writes new rows with one `executemany` instead of `bulk_create()`. Here
the same ledger goes through both ways and must come out the same: the same errors,
row by row and column by column, and the same records.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fazhi.core.tests.test_xlsx_paths import errors, plain_orm  # noqa: F401 - plain_orm is a fixture
from fazhi.kit import xlsx
from fazhi.kit.xlsx import KEEP, import_file
from fazhi.mediation.importing import DISPUTE_SHEET
from fazhi.mediation.models import Dispute
from fazhi.mediation.tests.factories import make_committee
from fazhi.mediation.tests.test_importing import workbook as mediation_workbook

pytestmark = pytest.mark.django_db

HEADER = ["调委会", "卷宗编号", "纠纷类型", "受理日期", "当事人", "当事人数", "涉及金额（元）", "纠纷简要情况", "调解结果", "结案日期", "备注"]
FUTURE = timezone.localdate() + timedelta(days=30)

GOOD = [
    ["县交通事故调委会", "1", "道路交通事故", "2022-03-01", "张三、李四", 2, 5000, "撞车", "达成口头协议", "2022-03-03", None],
    ["县交通事故调委会", "2", "邻里纠纷", date(2022, 3, 2), "王五", 3, 0.5, None, "调解不成", date(2022, 3, 9), "备注"],
    ["县交通事故调委会", None, "邻里纠纷", "2022年3月5日", "赵六", None, None, None, None, None, None],
    ["县交通事故调委会", "4", "婚姻家庭", "2022/3/6", "钱七、孙八、周九", 3, "1,234.50", "=1+1", "达成书面协议", "2022.3.7", "'="],
]

BAD = [
    # unknown committee, label, impossible date, empty parties, negative amount
    ["不存在的调委会", "5", "打架", "2022-13-01", "", 2, -5, None, "达成口头协议", None, None],
    # closing date without outcome
    ["县交通事故调委会", "6", "邻里纠纷", "2022-03-05", "李四", 2, None, None, None, "2022-03-06", None],
    # closed before received
    ["县交通事故调委会", "7", "邻里纠纷", "2022-03-05", "王五", 2, None, None, "达成书面协议", "2022-03-01", None],
    # future dates, party count out of range, amount too long, number too long
    ["县交通事故调委会", "8" * 60, "邻里纠纷", FUTURE, "周", -1, Decimal("1234567890123.45"), None, "移交其他部门处理", FUTURE, None],
    # outcome without closing date, parties too long, party count not a number
    ["县交通事故调委会", "9", "邻里纠纷", "2022-03-05", "吴" * 201, "两个", None, None, "调解不成", None, None],
    # party count fractional, amount not a number, received before the committee existed
    ["县交通事故调委会", "10", "邻里纠纷", "1999-03-05", "郑", 2.5, "很多", None, None, None, None],
]


def workbook(rows: list[list[object]]) -> bytes:
    return mediation_workbook(rows, HEADER)


@pytest.fixture
def committee(unit_a1):
    return make_committee(unit_a1, name="县交通事故调委会", established_on=date(2011, 6, 1))


def records():
    skip = {"id", "created_at"}
    return [{k: v for k, v in row.items() if k not in skip} for row in Dispute.objects.order_by("id").values()]


def test_the_checks_skipped_for_disputes_are_those_that_cannot_refuse_a_new_row():
    checks = xlsx._Checks(Dispute)
    assert (checks.unique, checks.constraints) == (False, False)


def test_bad_rows_get_the_same_errors_as_with_every_check_of_full_clean(committee, liaison_a1, request):
    data = workbook(GOOD[:2] + BAD + GOOD[2:])
    fast = import_file(DISPUTE_SHEET, data, user=liaison_a1, duplicates=KEEP)  # the same rows twice
    request.getfixturevalue("plain_orm")
    plain = import_file(DISPUTE_SHEET, data, user=liaison_a1, duplicates=KEEP)
    assert not fast.ok and errors(fast) == errors(plain)
    named = {(row, column) for row, column, _ in errors(fast)}
    assert named == {
        (4, "调委会"), (4, "纠纷类型"), (4, "受理日期"), (4, "当事人"), (4, "涉及金额（元）"), (4, "结案日期"),
        (5, "调解结果"),
        (6, "结案日期"),
        (7, "卷宗编号"), (7, "受理日期"), (7, "当事人数"), (7, "涉及金额（元）"), (7, "结案日期"),
        (8, "当事人"), (8, "当事人数"), (8, "结案日期"),
        (9, "当事人数"), (9, "涉及金额（元）"), (9, "受理日期"),
    }
    assert not Dispute.objects.exists()


def test_valid_rows_are_written_the_same_as_by_bulk_create(committee, liaison_a1, request, monkeypatch):
    monkeypatch.setattr(xlsx, "BATCH", 3)  # several batches, the last one short
    data = workbook(GOOD * 2)
    fast = import_file(DISPUTE_SHEET, data, user=liaison_a1, duplicates=KEEP)  # the same rows twice
    assert fast.ok and fast.created == 8, fast.errors
    written = records()
    Dispute.objects.all().delete()
    request.getfixturevalue("plain_orm")
    plain = import_file(DISPUTE_SHEET, data, user=liaison_a1, duplicates=KEEP)
    assert plain.created == 8
    assert written == records()
    assert written[3]["amount"] == Decimal("1234.50") and written[3]["summary"] == ""  # a formula: never its text
    assert all(d.created_at is not None and d.version == 0 for d in Dispute.objects.all())
