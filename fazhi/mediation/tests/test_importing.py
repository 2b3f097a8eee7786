"""Importing the dispute ledger: all or nothing, every error named by row and column."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import import_file
from fazhi.mediation.importing import COMMITTEE_SHEET, DISPUTE_SHEET
from fazhi.mediation.models import Committee, Dispute
from fazhi.mediation.rules import Outcome, State
from fazhi.mediation.tests.factories import make_committee

pytestmark = pytest.mark.django_db

HEADER = [
    "调委会",
    "卷宗编号",
    "纠纷类型",
    "受理日期",
    "当事人",
    "当事人数",
    "涉及金额（元）",
    "调解结果",
    "结案日期",
]


def workbook(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    return xlsx("Sheet", header, *rows)


@pytest.fixture
def committee(unit_a1):
    return make_committee(unit_a1, name="县交通事故调委会")


def test_it_imports_open_and_concluded_disputes(committee, liaison_a1):
    data = workbook(
        [
            [
                "县交通事故调委会",
                "1",
                "道路交通事故",
                "2022-03-01",
                "张三、李四",
                2,
                5000,
                "达成口头协议",
                "2022-03-03",
            ],
            [
                "县交通事故调委会",
                "2",
                "邻里纠纷",
                date(2022, 3, 2),
                "王五",
                2,
                None,
                "调解不成",
                date(2022, 3, 9),
            ],
            ["县交通事故调委会", "3", "邻里纠纷", "2022年3月5日", "赵六", None, None, None, None],
        ]
    )
    result = import_file(DISPUTE_SHEET, data, user=liaison_a1, filename="台账.xlsx")
    assert result.ok, result.errors
    assert result.created == 3
    by_number = {d.number: d for d in Dispute.objects.all()}
    assert (by_number["1"].state, by_number["1"].outcome) == (State.SETTLED, Outcome.ORAL)
    assert by_number["2"].state == State.FAILED
    assert by_number["3"].state == State.RECEIVED and by_number["3"].unit == committee.unit


def test_it_refuses_the_whole_file_when_one_row_is_bad_and_names_each_error(committee, liaison_a1):
    data = workbook(
        [
            ["县交通事故调委会", "1", "邻里纠纷", "2022-03-01", "张三", 2, None, None, None],
            ["不存在的调委会", "2", "打架", "2022-13-01", "", 2, -5, "达成口头协议", None],
            [
                "县交通事故调委会",
                "3",
                "邻里纠纷",
                "2022-03-05",
                "李四",
                2,
                None,
                None,
                "2022-03-06",
            ],
            [
                "县交通事故调委会",
                "4",
                "邻里纠纷",
                "2022-03-05",
                "王五",
                2,
                None,
                "达成书面协议",
                "2022-03-01",
            ],
        ]
    )
    result = import_file(DISPUTE_SHEET, data, user=liaison_a1)
    assert not result.ok
    assert not Dispute.objects.exists()
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "不存在或不在您的管辖范围内" in messages[(3, "调委会")]
    assert "不是可选值" in messages[(3, "纠纷类型")]
    assert "不是有效日期" in messages[(3, "受理日期")]
    assert "必填" in messages[(3, "当事人")]
    assert "同时填写调解结果" in messages[(4, "调解结果")]
    assert "不能早于受理日期" in messages[(5, "结案日期")]


def test_it_refuses_a_committee_outside_the_users_scope(committee, liaison_a2):
    data = workbook(
        [["县交通事故调委会", "1", "邻里纠纷", "2022-03-01", "张三", 2, None, None, None]]
    )
    result = import_file(DISPUTE_SHEET, data, user=liaison_a2)
    assert not result.ok and "管辖范围" in result.errors[0].message
    assert not Dispute.objects.exists()


def test_it_imports_committees(coordinator, township_a):
    data = workbook(
        [
            [
                "竹沟镇人民政府",
                "竹沟镇人民调解委员会",
                "乡镇（街道）人民调解委员会",
                None,
                "2011-06-01",
            ]
        ],
        header=["所在单位", "调委会名称", "类别", "行业领域", "成立日期"],
    )
    result = import_file(COMMITTEE_SHEET, data, user=coordinator)
    assert result.ok, result.errors
    assert Committee.objects.get().level == "township"


def test_a_committee_import_with_the_wrong_level_changes_nothing(coordinator, township_a):
    data = workbook(
        [["竹沟镇人民政府", "竹沟村调委会", "村（社区）人民调解委员会", None, None]],
        header=["所在单位", "调委会名称", "类别", "行业领域", "成立日期"],
    )
    result = import_file(COMMITTEE_SHEET, data, user=coordinator)
    assert not result.ok and "所在单位应为村（社区）" in result.errors[0].message
    assert not Committee.objects.exists()
