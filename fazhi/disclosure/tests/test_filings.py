"""The annual report's due date (条例第49条): opened by the year's first record, met when
the report is published, refused while its tables disagree."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.models import Status
from fazhi.disclosure import report as annual
from fazhi.disclosure.models import ProactiveItem, ReportFiling
from fazhi.disclosure.rules import FilingState, ProactiveCategory, ReplyType
from fazhi.disclosure.tests.helpers import deadline, received

pytestmark = pytest.mark.django_db
D = date
# Part 五 of the report, which the pre-issue check (reports/statutory.py) requires written.
PROBLEMS = "答复文书说理有待加强，下一年度将规范答复文书。"


def filing(unit, year):
    return ReportFiling.objects.get(unit=unit, year=year)


def test_a_departments_first_request_opens_its_report_due_31_january_and_the_countys_31_march(
    coordinator, county_a, unit_a1
):
    received(coordinator, unit_a1, D(2023, 5, 8))
    dept = filing(unit_a1, 2023)
    county = filing(county_a, 2023)
    d = deadline(dept, "disclosure_report_department")
    assert (d.due_date, d.status, d.unit) == (D(2024, 1, 31), Status.OPEN, unit_a1)
    g = deadline(county, "disclosure_report_government")
    assert (g.due_date, g.status, g.unit) == (D(2024, 3, 31), Status.OPEN, county_a)
    # More records of the same year open nothing more; another year opens that year's.
    received(coordinator, unit_a1, D(2023, 6, 1))
    ProactiveItem.objects.create(
        unit=unit_a1, category=ProactiveCategory.POLICY, title="x", published_on=D(2023, 7, 3)
    )
    assert ReportFiling.objects.count() == 2
    ProactiveItem.objects.create(
        unit=unit_a1, category=ProactiveCategory.POLICY, title="y", published_on=D(2022, 7, 4)
    )
    assert set(ReportFiling.objects.values_list("unit__name", "year")) == {
        (unit_a1.name, 2023),
        (county_a.name, 2023),
        (unit_a1.name, 2022),
        (county_a.name, 2022),
    }


def test_a_township_reports_with_the_departments_and_a_village_files_no_report(
    coordinator, county_a, township_a, village_a
):
    ProactiveItem.objects.create(
        unit=township_a, category=ProactiveCategory.NEWS, title="x", published_on=D(2023, 3, 1)
    )
    assert deadline(filing(township_a, 2023), "disclosure_report_department").due_date == D(
        2024, 1, 31
    )
    ProactiveItem.objects.create(
        unit=village_a, category=ProactiveCategory.NEWS, title="y", published_on=D(2023, 3, 2)
    )
    assert not ReportFiling.objects.filter(unit=village_a).exists()
    assert set(ReportFiling.objects.values_list("unit__name", flat=True)) == {
        township_a.name,
        county_a.name,
    }


def test_an_import_of_items_opens_the_reports_of_their_years(coordinator, county_a, unit_a1):
    from datetime import datetime

    from fazhi.disclosure.importing import ITEM_SHEET
    from fazhi.kit.tests.sheets import xlsx
    from fazhi.kit.xlsx import import_file

    data = xlsx(
        ITEM_SHEET.title,
        ["公开单位", "类别", "标题", "公开日期"],
        *[[unit_a1.name, "政策文件", f"文件{i}", datetime(2021, 3, i)] for i in range(1, 4)],
    )
    result = import_file(ITEM_SHEET, data, user=coordinator)
    assert result.ok and result.created == 3
    assert filing(unit_a1, 2021).state == FilingState.DUE
    assert deadline(filing(county_a, 2021), "disclosure_report_government").due_date == D(
        2022, 3, 31
    )


def test_publishing_meets_the_deadline_and_keeps_the_published_figures(
    coordinator, county_a, unit_a1
):
    req = received(coordinator, unit_a1, D(2023, 5, 8))
    req.apply("reply", by=coordinator, on=D(2023, 5, 20), reply_type=ReplyType.DISCLOSED)
    dept = filing(unit_a1, 2023)
    dept.apply(
        "publish", by=coordinator, on=D(2024, 1, 31), number="确司公开〔2024〕1号", problems=PROBLEMS
    )
    dept.refresh_from_db()
    assert (dept.state, dept.published_on, dept.published_on_time) == (
        FilingState.PUBLISHED,
        D(2024, 1, 31),
        True,
    )
    assert dept.figures["新收申请"] == 1 and dept.figures["办理结果总计"] == 1
    d = deadline(dept, "disclosure_report_department")
    assert (d.status, d.on_time) == (Status.MET, True)
    county = filing(county_a, 2023)
    county.apply("publish", by=coordinator, on=D(2024, 4, 1), problems=PROBLEMS)
    assert county.published_on_time is False
    assert deadline(county, "disclosure_report_government").on_time is False


def test_a_report_cannot_be_published_before_its_year_ends(coordinator, unit_a1):
    received(coordinator, unit_a1, D(2023, 5, 8))
    dept = filing(unit_a1, 2023)
    with pytest.raises(TransitionNotAllowed, match="2023年度尚未结束"):
        dept.apply("publish", by=coordinator, on=D(2023, 12, 29))
    dept.refresh_from_db()
    assert dept.state == FilingState.DUE and dept.published_on is None
    assert deadline(dept, "disclosure_report_department").status == Status.OPEN


def test_a_report_whose_tables_disagree_is_not_published_and_nothing_changes(
    coordinator, unit_a1, monkeypatch
):
    received(coordinator, unit_a1, D(2023, 5, 8))
    dept = filing(unit_a1, 2023)
    monkeypatch.setattr(
        annual, "validate", lambda rep: ["表三“自然人”列：（七）总计1不等于各办理结果之和0"]
    )
    with pytest.raises(TransitionNotAllowed, match="校验未通过，不能公布"):
        dept.apply("publish", by=coordinator, on=D(2024, 1, 20))
    dept.refresh_from_db()
    assert (dept.state, dept.figures, dept.version) == (FilingState.DUE, {}, 0)
    assert deadline(dept, "disclosure_report_department").status == Status.OPEN


def test_a_report_is_opened_by_hand_for_a_unit_without_records_but_not_for_a_village(
    client_for, coordinator, unit_a2, village_a
):
    c = client_for(coordinator)
    r = c.post("/disclosure/reports/new/", {"unit": unit_a2.pk, "year": 2023})
    f = filing(unit_a2, 2023)
    assert r.status_code == 302 and r["Location"] == f.get_absolute_url()
    assert deadline(f, "disclosure_report_department").due_date == D(2024, 1, 31)
    # Again: the same report, nothing new.
    assert c.post("/disclosure/reports/new/", {"unit": unit_a2.pk, "year": 2023})["Location"] == (
        f.get_absolute_url()
    )
    r = c.post("/disclosure/reports/new/", {"unit": village_a.pk, "year": 2023})
    assert r.status_code == 200 and "不单独编制" in r.content.decode()
    r = c.post("/disclosure/reports/new/", {"unit": unit_a2.pk, "year": 2999})
    assert r.status_code == 200
    assert ReportFiling.objects.count() == 1


def test_the_screens_list_show_and_publish_reports_within_scope(
    client_for, coordinator, liaison_a1, liaison_a2, coordinator_b, leader, county_a, unit_a1
):
    received(coordinator, unit_a1, D(2023, 5, 8))
    dept = filing(unit_a1, 2023)
    c = client_for(liaison_a1)
    page = c.get("/disclosure/reports/").content.decode()
    assert unit_a1.name in page and "2024-01-31" in page
    assert county_a.name not in page  # the county's report is not the department's to see
    detail = c.get(dept.get_absolute_url()).content.decode()
    assert "公布年度报告" in detail and "各表合计与分项一致" in detail
    assert "disclosure_report_department" not in detail and "部门政府信息公开工作年度报告" in detail
    for outsider in (liaison_a2, coordinator_b):
        assert client_for(outsider).get(dept.get_absolute_url()).status_code == 404
        assert unit_a1.name not in client_for(outsider).get("/disclosure/reports/").content.decode()
    r = client_for(leader).post(
        f"/disclosure/reports/{dept.pk}/act/publish/", {"publish-on": "2024-01-20"}
    )
    assert r.status_code == 403
    r = c.post(f"/disclosure/reports/{dept.pk}/act/publish/", {"publish-on": "2023-12-20"})
    assert r.status_code == 400 and "尚未结束" in r.content.decode()
    form = {"publish-on": "2024-01-20", "publish-number": "确司公开〔2024〕1号", "publish-version": 0}
    r = c.post(f"/disclosure/reports/{dept.pk}/act/publish/", form)
    assert r.status_code == 400 and "尚未填写" in r.content.decode()  # the pre-issue check
    other = "本年度未收取信息处理费。"
    r = c.post(
        f"/disclosure/reports/{dept.pk}/act/publish/",
        {**form, "publish-problems": PROBLEMS, "publish-other": other},
    )
    assert r.status_code == 302
    dept.refresh_from_db()
    assert dept.state == FilingState.PUBLISHED and dept.number == "确司公开〔2024〕1号"
    # Parts 五 and 六 are kept as published, and the report printed afterwards carries them.
    assert (dept.problems_text, dept.other_text) == (PROBLEMS, other)
    docx = c.get(f"/disclosure/report.docx?year=2023&unit={unit_a1.pk}")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert PROBLEMS in text and other in text and "请填写" not in text


def test_the_open_report_is_on_the_shared_due_list(client_for, coordinator, unit_a1):
    received(coordinator, unit_a1, D(2023, 5, 8))
    page = client_for(coordinator).get("/deadlines/?register=disclosure").content.decode()
    assert "部门政府信息公开工作年度报告" in page and "政府政府信息公开工作年度报告" in page


def test_the_report_page_of_a_unit_links_its_filing(client_for, coordinator, unit_a1):
    received(coordinator, unit_a1, D(2023, 5, 8))
    page = (
        client_for(coordinator)
        .get(f"/disclosure/report/?unit={unit_a1.pk}&year=2023")
        .content.decode()
    )
    assert f"{unit_a1.name}2023年政府信息公开工作年度报告" in page
    assert filing(unit_a1, 2023).get_absolute_url() in page
