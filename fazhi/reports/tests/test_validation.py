"""Validation before issue: each problem says where it is."""

from datetime import date

import pytest

from fazhi.reports import annual
from fazhi.reports.models import ReportFigure, ReportSection
from fazhi.reports.tests import fakes
from fazhi.reports.validation import validate

pytestmark = pytest.mark.django_db


def test_a_complete_report_passes_and_shows_the_publication_deadline(staffed, county_a):
    result = validate(fakes.ready_draft(county_a), today=date(2023, 3, 1))
    assert result.ok, result.messages()
    assert result.deadline == date(2023, 3, 31)
    assert "2023年3月31日前" in result.deadline_text and "4月1日前" in result.deadline_text
    assert result.warnings == []


def test_a_report_past_its_deadline_is_warned(staffed, county_a):
    result = validate(fakes.ready_draft(county_a), today=date(2023, 4, 2))
    assert result.warnings and "已超过公开期限" in result.warnings[0]


def test_it_catches_an_unresolved_placeholder_naming_the_section(staffed, county_a):
    report = fakes.ready_draft(county_a)
    s = report.sections.get(kind="shortcomings")
    s.text = "人员{{people}}，复议{{recon_unknown}}。"
    s.save()
    problems = validate(report).problems
    assert [str(p) for p in problems] == [
        "第2部分“存在的不足和原因” {{recon_unknown}}：未知指标代码，无法填入数值"
    ]


def test_it_catches_a_placeholder_without_a_value(staffed, county_a, unit_a1):
    report = fakes.ready_draft(county_a)
    ReportFigure.objects.create(report=report, code="people", value=0, source="测试")
    ReportFigure.objects.create(report=report, code="principals", value=0, source="测试")
    messages = validate(report).messages()
    assert any("{{principal_rate}}" in m and "没有数值" in m and "第1部分" in m for m in messages)


def test_it_catches_a_wrong_rate_naming_where_it_is_printed(staffed, county_a):
    report = fakes.ready_draft(county_a)
    ReportFigure.objects.create(report=report, code="principal_rate", value=80, source="手工")
    messages = validate(report).messages()
    wrong = [m for m in messages if "负责人占比" in m]
    assert len(wrong) == 1
    assert wrong[0].startswith("第1部分“2022年推进法治政府建设的主要举措和成效” {{principal_rate}}")
    assert "写为80%" in wrong[0] and "负责人2÷人员4" in wrong[0] and "应为50%" in wrong[0]


def test_it_catches_a_broken_sum_of_parts(staffed, county_a):
    report = fakes.ready_draft(county_a)
    ReportFigure.objects.create(report=report, code="people_again", value=5, source="手工")
    messages = validate(report).messages()
    broken = [m for m in messages if "人员合计" in m]
    assert len(broken) == 1 and "{{people_again}}" in broken[0] and "第1部分" in broken[0]
    assert "负责人2＋工作人员2 ＝ 4" in broken[0]


def test_a_rate_not_printed_anywhere_is_reported_against_the_hand_entered_figures(
    staffed, county_a
):
    report = fakes.ready_draft(county_a)
    s = report.sections.get(kind="measures")
    s.text = "人员{{people}}。"
    s.save()
    ReportFigure.objects.create(report=report, code="principal_rate", value=80, source="手工")
    assert any(m.startswith("手工填报数据 principal_rate：") for m in validate(report).messages())


def test_it_catches_prompts_left_unfilled_and_stray_braces(staffed, county_a):
    report = annual.create_draft(county_a, 2022)
    s = report.sections.get(kind="plans")
    s.text += "\n还有{{people"
    s.save()
    messages = validate(report).messages()
    assert any(
        m.startswith("第4部分“2023年推进法治政府建设的主要安排” 【请填写")
        and m.endswith("尚未填写")
        for m in messages
    )
    assert any("第4部分" in m and "不完整的占位符" in m for m in messages)


def test_it_requires_the_four_mandatory_sections(staffed, county_a):
    report = fakes.ready_draft(county_a)
    report.sections.filter(kind="principals").delete()
    assert any(
        "缺少必须报告的章节“党政主要负责人履行推进法治建设第一责任人职责情况”" in m
        for m in validate(report).messages()
    )


def test_it_checks_the_document_number_in_gbt9704_form(staffed, county_a):
    report = fakes.ready_draft(county_a)
    report.doc_number = "确政文[2023]47号"
    report.save()
    assert any(m.startswith("文头与版记：发文字号") for m in validate(report).messages())


def test_an_unsaved_draft_can_be_validated(staffed, county_a):
    draft = annual.first_draft(county_a, 2022)
    result = validate(draft.report, draft.sections, draft.values)
    assert all(isinstance(s, ReportSection) for s in draft.sections)
    assert any("尚未填写" in m for m in result.messages())
