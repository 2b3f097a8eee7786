"""The annual 政府信息公开工作年度报告: tables filled from records, totals checked, .docx."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from fazhi.disclosure import report as annual
from fazhi.disclosure.models import ProactiveItem
from fazhi.disclosure.rules import ApplicantKind, ProactiveCategory, ReplyType
from fazhi.disclosure.tests.helpers import received

pytestmark = pytest.mark.django_db
D = date


@pytest.fixture
def year_of_requests(coordinator, unit_a1, township_a):
    # Carried over from 2022: received in December, answered in January 2023.
    old = received(coordinator, unit_a1, D(2022, 12, 27))
    old.apply("reply", by=coordinator, on=D(2023, 1, 10), reply_type=ReplyType.DISCLOSED)
    # Every reply type once in 2023, alternating applicant columns.
    kinds = list(ApplicantKind.values)
    for i, reply_type in enumerate(t for t in ReplyType.values if t != ReplyType.NO_CORRECTION):
        req = received(
            coordinator,
            unit_a1 if i % 2 else township_a,
            D(2023, 3, 1),
            applicant_kind=kinds[i % len(kinds)],
        )
        req.apply("reply", by=coordinator, on=D(2023, 3, 20), reply_type=reply_type)
    gone = received(coordinator, unit_a1, D(2023, 5, 4))
    gone.apply("request_correction", by=coordinator, on=D(2023, 5, 5))
    gone.apply("abandon", by=coordinator, on=D(2023, 6, 30))
    # Carried forward into 2024.
    received(coordinator, unit_a1, D(2023, 12, 28), applicant_kind=ApplicantKind.BUSINESS)
    ProactiveItem.objects.create(
        unit=unit_a1, category=ProactiveCategory.POLICY, title="x", published_on=D(2023, 4, 1)
    )


def test_every_result_row_of_the_template_is_there_in_order():
    labels = [label for label, _ in annual.result_rows()]
    assert len(labels) == 21
    assert labels[0] == "三、本年度办理结果 （一）予以公开"
    assert labels[2] == "三、本年度办理结果 （三）不予公开 1.属于国家秘密"
    assert labels[-1] == "三、本年度办理结果 （六）其他处理 3.其他"


def test_the_tables_are_filled_from_the_records_and_their_totals_equal_their_rows(
    county_a, year_of_requests
):
    rep = annual.build(county_a, 2023)
    t3 = rep.section3
    assert t3.row(annual.ROW_NEW)[6] == 22
    assert t3.row(annual.ROW_CARRIED) == [1, 0, 0, 0, 0, 0, 1]
    assert (
        t3.row(annual.ROW_TOTAL)[6] == 22
    )  # 20 replies + the abandoned one + the carried-over one
    assert t3.row(annual.ROW_FORWARD) == [0, 1, 0, 0, 0, 0, 1]
    for label, reply_type in annual.result_rows():
        expected = 2 if reply_type == ReplyType.DISCLOSED else 1
        assert t3.row(label)[6] == expected, label
    assert annual.validate(rep) == []
    assert rep.proactive_total == 1


def test_a_table_whose_total_does_not_equal_its_rows_is_refused(county_a, year_of_requests):
    rep = annual.build(county_a, 2023)
    rep.section3.row(annual.ROW_TOTAL)[0] += 1
    problems = annual.validate(rep)
    assert any("（七）总计" in p and "自然人" in p for p in problems)
    assert any("第一项加第二项" in p for p in problems)
    with pytest.raises(annual.ReportInvalid, match="校验未通过"):
        annual.render_docx(rep)


def test_a_broken_review_table_is_refused(county_a):
    rep = annual.build(county_a, 2023)
    rep.section4.rows[0][1][4] = 3
    assert any("表四“行政复议”" in p for p in annual.validate(rep))


def test_disclosure_reconsiderations_are_counted_by_result(coordinator, county_a, unit_a1):
    from fazhi.reconsideration.models import Application
    from fazhi.reconsideration.rules import ActKind, Procedure

    app = Application.register(
        by=coordinator,
        respondent=unit_a1,
        applicant_name="张三",
        act="信息公开答复",
        act_kind=ActKind.DISCLOSURE,
        received_on=D(2023, 3, 1),
    )
    # Received in 2023: the old 行政复议法, which had no 简易程序 (2023 law 第90条).
    app.apply("accept", by=coordinator, on=D(2023, 3, 2), procedure=Procedure.ORDINARY)
    Application.register(
        by=coordinator,
        respondent=unit_a1,
        applicant_name="李四",
        act="信息公开答复",
        act_kind=ActKind.DISCLOSURE,
        received_on=D(2023, 12, 1),
    )
    app.apply("decide", by=coordinator, on=D(2023, 3, 20), outcome="uphold")
    values = annual.build(county_a, 2023).section4.rows[0][1]
    assert values[:5] == [1, 0, 0, 1, 2]


def test_the_report_renders_to_docx_with_the_national_tables(county_a, year_of_requests):
    data = annual.render_docx(annual.build(county_a, 2023))
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2023年政府信息公开工作年度报告" in text
    assert "收到和处理政府信息公开申请情况" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "三、本年度办理结果 （七）总计" in cells
    assert "行政规范性文件" in cells
