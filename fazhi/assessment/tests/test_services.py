"""Score sheets: automatic scores from the engine, manual scores with evidence, totals,
who may score, rankings and ties."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from fazhi.assessment import services
from fazhi.assessment.models import AutoScore, ManualScore, ScoreSheet
from fazhi.assessment.tests.helpers import attachment, sheet_for, small_system
from fazhi.core.workflow import TransitionNotAllowed
from fazhi.indicators.engine import compute
from fazhi.normdocs.models import Document
from fazhi.org.models import Role, UnitKind
from fazhi.testing import make_unit, make_user

pytestmark = pytest.mark.django_db


def _docs(unit, issued: int, filed: int) -> None:
    for i in range(issued):
        Document.objects.create(
            unit=unit,
            title=f"规范性文件{i}",
            drafted_on=date(2022, 1, 5),
            published_on=date(2022, 3, 1),
            filed_on=date(2022, 3, 10) if i < filed else None,
        )


def test_the_automatic_score_uses_the_engines_value_and_says_how(coordinator, unit_a1):
    _docs(unit_a1, issued=10, filed=9)
    sheet = sheet_for(unit_a1, coordinator)
    engine = compute(unit_a1, 2022, ["normdoc_filed_rate"])["normdoc_filed_rate"]
    auto = AutoScore.objects.get(sheet=sheet, node__number="1.1")
    assert engine == 90
    assert auto.value == D(engine)
    assert auto.points == D("2.00")  # halfway between 80 (0) and 100 (4)
    assert "90 介于零分线80与满分线100之间" in auto.explanation
    assert auto.computed_at is not None and sheet.computed_at == auto.computed_at


def test_recomputing_picks_up_new_records_and_keeps_one_row_per_rule(coordinator, unit_a1):
    _docs(unit_a1, issued=5, filed=4)
    sheet = sheet_for(unit_a1, coordinator)
    assert AutoScore.objects.get(sheet=sheet, node__number="1.1").points == D("0.00")  # 80%
    Document.objects.filter(filed_on__isnull=True).update(filed_on=date(2022, 4, 1))
    services.recompute(sheet, by=coordinator)
    assert AutoScore.objects.filter(sheet=sheet).count() == 2
    assert AutoScore.objects.get(sheet=sheet, node__number="1.1").points == D("4.00")


def test_a_unit_without_cases_gets_full_points_on_its_deduction_rule(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    auto = AutoScore.objects.get(sheet=sheet, node__number="2.1")
    assert auto.value == 0 and auto.points == D("3.00")


def test_a_deduction_counts_the_units_records_and_stops_at_the_rules_points(
    county_a, unit_a1, unit_a2, city
):
    from fazhi.assessment import loader
    from fazhi.assessment.tests.helpers import SMALL

    text = SMALL.format(code="counsel").replace(
        "indicator: recon_overdue", "indicator: units_without_counsel"
    )
    system = loader.load_text(text)
    city_office = make_user("city_coordinator", city, Role.COORDINATOR)
    make_unit("竹沟镇人民政府", UnitKind.TOWNSHIP, parent=county_a)
    sheet = services.create_sheet(
        system=system, unit=county_a, year=2022, by=city_office, on=date(2023, 1, 5)
    )
    count = compute(county_a, 2022, ["units_without_counsel"])["units_without_counsel"]
    auto = AutoScore.objects.get(sheet=sheet, node__number="2.1")
    assert count == 4  # the county, two departments and the township: none has counsel
    assert auto.value == 4 and auto.points == D("0.00")
    assert "扣完3分为止" in auto.explanation


def test_a_manual_score_needs_its_evidence_and_the_latest_entry_counts(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    node = sheet.system.nodes.get(number="1.2")
    with pytest.raises(ValidationError, match="证明材料"):
        services.enter_manual(sheet, node, by=coordinator, points=D(2), note="查阅了材料。")
    assert not ManualScore.objects.exists()
    services.enter_manual(
        sheet, node, by=coordinator, points=D(1), note="渠道未公开。", link="https://a.example/1"
    )
    services.enter_manual(
        sheet,
        node,
        by=coordinator,
        points=D("1.5"),
        note="补充材料后复核。",
        attachment=attachment(),
    )
    line = next(x for x in services.flatten(services.tree(sheet)) if x.node.number == "1.2")
    assert line.points == D("1.50") and len(line.history) == 2
    assert line.manual.evidence.sha256 == line.manual.evidence_sha256 != ""


def test_a_manual_score_above_the_rules_points_is_refused(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    node = sheet.system.nodes.get(number="2.2")  # 1 point, no evidence needed
    with pytest.raises(ValidationError, match="超过本项分值1分"):
        services.enter_manual(sheet, node, by=coordinator, points=D(2))
    services.enter_manual(sheet, node, by=coordinator, points=D(1))
    assert ManualScore.objects.count() == 1


def test_several_manual_scores_are_recorded_together_or_not_at_all(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    good = services.ManualEntry(node=sheet.system.nodes.get(number="2.2"), points=D(1))
    bad = services.ManualEntry(node=sheet.system.nodes.get(number="2.2"), points=D(5))
    with pytest.raises(ValidationError, match="超过本项分值1分"):
        services.enter_manual_many(sheet, [good, bad], by=coordinator)
    assert not ManualScore.objects.exists()
    services.enter_manual_many(sheet, [good], by=coordinator)
    sheet.refresh_from_db()
    line = next(x for x in services.flatten(services.tree(sheet)) if x.node.number == "2.2")
    assert line.points == D(1) and ManualScore.objects.count() == 1


def test_an_automatic_rule_cannot_be_scored_by_hand(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    with pytest.raises(ValidationError, match="不是人工评分规则"):
        services.enter_manual(
            sheet,
            sheet.system.nodes.get(number="1.1"),
            by=coordinator,
            points=D(4),
            note="x",
            link="https://a.example",
        )


def test_the_total_rolls_up_items_and_areas(coordinator, unit_a1):
    _docs(unit_a1, issued=10, filed=9)
    sheet = sheet_for(unit_a1, coordinator)
    assert sheet.total == D("5.00")  # 2 (1.1) + 3 (2.1); manual rules not scored yet
    services.enter_manual(
        sheet,
        sheet.system.nodes.get(number="1.2"),
        by=coordinator,
        points=D(2),
        note="核查。",
        link="https://a.example",
    )
    services.enter_manual(
        sheet, sheet.system.nodes.get(number="2.2"), by=coordinator, points=D("0.5")
    )
    sheet.refresh_from_db()
    assert sheet.total == D("7.50")
    roots = services.tree(sheet)
    assert roots[0].points == D("7.50")
    assert [c.points for c in roots[0].children] == [D("4.00"), D("3.50")]


def test_only_the_assessing_unit_scores_and_the_assessed_units_liaison_is_refused(
    coordinator, liaison_a1, unit_a1, leader
):
    sheet = sheet_for(unit_a1, coordinator)
    node = sheet.system.nodes.get(number="2.2")
    for user in (liaison_a1, leader):
        with pytest.raises(ValidationError, match="须由考核单位（确山县人民政府）办理"):
            services.enter_manual(sheet, node, by=user, points=D(1))
    with pytest.raises(ValidationError, match="须由考核单位"):
        services.create_sheet(
            system=sheet.system, unit=unit_a1, year=2021, by=liaison_a1, on=date(2023, 1, 1)
        )
    assert not ManualScore.objects.exists()


def test_a_submitted_sheet_is_locked_until_sent_back(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    for number, pts, kw in (
        ("1.2", 2, {"note": "核查。", "link": "https://a.example"}),
        ("2.2", 1, {}),
    ):
        services.enter_manual(
            sheet, sheet.system.nodes.get(number=number), by=coordinator, points=D(pts), **kw
        )
    sheet.apply("submit", by=coordinator, on=date(2023, 2, 10))
    with pytest.raises(ValidationError, match="不能修改评分"):
        services.enter_manual(
            sheet, sheet.system.nodes.get(number="2.2"), by=coordinator, points=D(0)
        )
    with pytest.raises(ValidationError, match="不能修改评分"):
        services.recompute(sheet, by=coordinator)
    sheet.apply("send_back", by=coordinator, on=date(2023, 2, 11))
    services.enter_manual(sheet, sheet.system.nodes.get(number="2.2"), by=coordinator, points=D(0))
    sheet.apply("submit", by=coordinator, on=date(2023, 2, 12))
    sheet.apply("confirm", by=coordinator, on=date(2023, 2, 13))
    assert sheet.state == "confirmed" and sheet.confirmed_on == date(2023, 2, 13)


def test_a_sheet_with_unscored_manual_rules_cannot_be_submitted(coordinator, unit_a1, liaison_a1):
    sheet = sheet_for(unit_a1, coordinator)
    with pytest.raises(TransitionNotAllowed, match="1.2、2.2"):
        sheet.apply("submit", by=coordinator, on=date(2023, 2, 10))
    with pytest.raises(TransitionNotAllowed, match="须由考核单位"):
        sheet.apply("submit", by=liaison_a1, on=date(2023, 2, 10))
    assert ScoreSheet.objects.get(pk=sheet.pk).state == "draft"


def test_a_unit_gets_one_sheet_per_system_and_year(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    with pytest.raises(ValidationError, match="已有按"):
        services.create_sheet(
            system=sheet.system, unit=unit_a1, year=2022, by=coordinator, on=date(2023, 1, 1)
        )


def _with_total(sheet, total):
    ScoreSheet.objects.filter(pk=sheet.pk).update(total=total)
    sheet.refresh_from_db()
    return sheet


def test_rankings_put_the_highest_total_first_and_ties_share_a_rank(
    coordinator, county_a, unit_a1, unit_a2
):
    system = small_system()
    t1 = make_unit("竹沟镇人民政府", UnitKind.TOWNSHIP, parent=county_a, sort_order=100)
    t2 = make_unit("任店镇人民政府", UnitKind.TOWNSHIP, parent=county_a, sort_order=101)
    totals = {unit_a1: "8.5", unit_a2: "9", t1: "8.5", t2: "7"}
    for unit, total in totals.items():
        _with_total(sheet_for(unit, coordinator, system=system), D(total))
    ranked = services.ranking_for(county_a, 2022, system, user=coordinator)
    assert [(r.rank, r.sheet.unit.name, r.tied) for r in ranked] == [
        (1, "确山县市场监督管理局", False),
        (2, "确山县司法局", True),
        (2, "竹沟镇人民政府", True),
        (4, "任店镇人民政府", False),
    ]


def test_a_ranking_only_holds_the_sheets_of_that_assessor_and_year(
    coordinator, county_a, unit_a1, unit_a2
):
    system = small_system()
    sheet_for(unit_a1, coordinator, system=system)
    sheet_for(unit_a2, coordinator, system=system, year=2021)
    assert [
        r.sheet.unit for r in services.ranking_for(county_a, 2022, system, user=coordinator)
    ] == [unit_a1]
    assert services.ranking_for(unit_a1, 2022, system, user=coordinator) == []
