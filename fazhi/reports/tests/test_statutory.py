"""The pre-issue check of the 政府信息公开 annual report and the enforcement data
publication (issue 21 point 7): the document as the system renders it passes; a copy
with one figure changed by hand fails with the place named; the publishing move is
refused while findings remain — on the model, on the screen and through the API."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.disclosure.models import ReportFiling
from fazhi.disclosure.rules import FilingState, ReplyType
from fazhi.disclosure.tests.helpers import received
from fazhi.reports import statutory

pytestmark = pytest.mark.django_db
D = date
PROBLEMS = "个别申请答复说理不够充分，下一年度将加强答复文书审核。"


def _saved(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _cell_changed(data: bytes, row_label: str, column: str, new: str) -> bytes:
    """The .docx with one table cell (row `row_label`, column `column`) typed over by hand."""
    document = docx.Document(io.BytesIO(data))
    for t in document.tables:
        header = [c.text.strip() for c in t.rows[0].cells]
        for row in t.rows[1:]:
            if row.cells[0].text.strip() == row_label and column in header:
                row.cells[header.index(column)].paragraphs[0].runs[0].text = new
                return _saved(document)
    raise AssertionError(f"no cell {row_label}/{column}")


def _text_changed(data: bytes, old: str, new: str) -> bytes:
    """The .docx with the words `old` of a paragraph typed over by hand."""
    document = docx.Document(io.BytesIO(data))
    for p in document.paragraphs:
        for run in p.runs:
            if old in run.text:
                run.text = run.text.replace(old, new, 1)
                return _saved(document)
    raise AssertionError(f"{old} not in the document")


def _check(data: bytes, filing) -> list[str]:
    return [str(f) for f in statutory.check_docx(data, filing.unit, filing.year, statutory.disclosure_spec())]


@pytest.fixture
def dept_2023(coordinator, unit_a1):
    """Unit A1's 2023 report: three requests from people, two disclosed, one not held."""
    for day, reply in ((D(2023, 5, 8), ReplyType.DISCLOSED), (D(2023, 6, 8), ReplyType.DISCLOSED),
                       (D(2023, 7, 10), ReplyType.NOT_HELD)):
        req = received(coordinator, unit_a1, day)
        req.apply("reply", by=coordinator, on=day.replace(day=20), reply_type=reply)
    return ReportFiling.objects.get(unit=unit_a1, year=2023)


def test_the_disclosure_report_as_rendered_passes_with_part_five_written(dept_2023):
    found = statutory.disclosure_findings(dept_2023, {"problems": PROBLEMS})
    assert found == []


def test_part_five_left_unwritten_is_a_finding(dept_2023):
    found = [str(f) for f in statutory.disclosure_findings(dept_2023, {})]
    assert found == ["第五部分“存在的主要问题及改进情况”：尚未填写，请在“存在的主要问题及改进情况”一栏写明"]


def test_a_table_cell_changed_by_hand_is_named_by_table_row_and_column(dept_2023):
    data = statutory.disclosure_docx(dept_2023, {"problems": PROBLEMS})
    row = "三、本年度办理结果 （一）予以公开"
    found = _check(_cell_changed(data, row, "自然人", "5"), dept_2023)
    place = f"第三部分“收到和处理政府信息公开申请情况”表格“{row}”行“自然人”列"
    assert found[0].startswith(f"{place}：“5”：“") and found[0].endswith("”写为5，与记录不符：2023年记录为2件"), found
    # The row and the column no longer add up either: table 三's own sums say so.
    assert any("表三“三、本年度办理结果 （一）予以公开”：总计列2不等于各类申请人之和5" in f for f in found), found
    assert any("“自然人”列：（七）总计3不等于各办理结果之和6" in f for f in found), found


def test_a_summary_figure_changed_by_hand_is_found_in_part_one(dept_2023):
    data = statutory.disclosure_docx(dept_2023, {"problems": PROBLEMS})
    found = _check(_text_changed(data, "新收政府信息公开申请3件", "新收政府信息公开申请4件"), dept_2023)
    assert len(found) == 1 and found[0].startswith("第一部分“总体情况”：“"), found
    assert "写为4件，与记录不符：2023年记录为3件" in found[0]


def test_a_figure_from_the_year_before_is_named_as_such(coordinator, unit_a1, dept_2023):
    for day in (D(2022, 3, 1), D(2022, 4, 1), D(2022, 5, 4), D(2022, 6, 1)):
        req = received(coordinator, unit_a1, day)
        req.apply("reply", by=coordinator, on=day.replace(day=15), reply_type=ReplyType.DISCLOSED)
    data = statutory.disclosure_docx(dept_2023, {"problems": PROBLEMS})
    found = _check(_text_changed(data, "新收政府信息公开申请3件", "新收政府信息公开申请4件"), dept_2023)
    assert len(found) == 1 and "写为4件，是2022年的记录数；2023年记录为3件" in found[0], found


def test_a_missing_part_is_a_finding(dept_2023):
    data = statutory.disclosure_docx(dept_2023, {"problems": PROBLEMS})
    found = _check(_text_changed(data, "其他需要报告的事项", "其他"), dept_2023)
    assert found == ["章节：找不到必须报告的部分“其他需要报告的事项”"]


# ------------------------------------------------------------------ the publishing move


def test_publishing_is_refused_with_the_findings_and_allowed_when_clean(coordinator, dept_2023):
    with pytest.raises(TransitionNotAllowed) as refused:
        dept_2023.apply("publish", by=coordinator, on=D(2024, 1, 20), number="确司公开〔2024〕1号")
    assert refused.value.messages == [
        "不能公布年度报告，发现1处问题",
        "第五部分“存在的主要问题及改进情况”：尚未填写，请在“存在的主要问题及改进情况”一栏写明",
    ]
    # A figure typed into part 五 by hand is held against the records too.
    with pytest.raises(TransitionNotAllowed, match="写为5件，与记录不符：2023年记录为3件"):
        dept_2023.apply(
            "publish", by=coordinator, on=D(2024, 1, 20),
            problems="全年新收政府信息公开申请5件，个别答复说理不够充分。",
        )
    dept_2023.refresh_from_db()
    assert (dept_2023.state, dept_2023.published_on, dept_2023.version) == (FilingState.DUE, None, 0)
    dept_2023.apply("publish", by=coordinator, on=D(2024, 1, 20), problems=PROBLEMS)
    dept_2023.refresh_from_db()
    assert dept_2023.state == FilingState.PUBLISHED


def test_the_filing_page_shows_the_findings_and_its_refusal(client_for, coordinator, dept_2023):
    c = client_for(coordinator)
    page = c.get(dept_2023.get_absolute_url()).content.decode()
    assert "1处问题，更正前不能公布" in page and "第五部分“存在的主要问题及改进情况”：尚未填写" in page
    url = f"/disclosure/reports/{dept_2023.pk}/act/publish/"
    r = c.post(url, {"publish-on": "2024-01-20", "publish-version": "0"}, follow=True)
    assert "尚未填写" in r.content.decode()
    dept_2023.refresh_from_db()
    assert dept_2023.state == FilingState.DUE
    c.post(url, {"publish-on": "2024-01-20", "publish-problems": PROBLEMS, "publish-version": "0"})
    dept_2023.refresh_from_db()
    assert dept_2023.state == FilingState.PUBLISHED


def test_the_api_refuses_with_the_same_findings(client_for, coordinator, dept_2023):
    c = client_for(coordinator)
    url = f"/api/disclosure-reports/{dept_2023.pk}/transition/"
    r = c.post(url, {"action": "publish", "on": "2024-01-20", "version": 0})
    assert r.status_code == 400
    assert r.json()["detail"][1] == "第五部分“存在的主要问题及改进情况”：尚未填写，请在“存在的主要问题及改进情况”一栏写明"
    r = c.post(url, {"action": "publish", "on": "2024-01-20", "version": 0, "problems": PROBLEMS})
    assert r.status_code == 200 and r.json()["state"] == FilingState.PUBLISHED


# ------------------------------------------------------------------ the enforcement publication


@pytest.fixture
def pub_2022(coordinator, unit_a1):
    """Unit A1's 2022 data: two officers, three penalty cases decided in 2022."""
    from fazhi.enforcement.models import DataPublication
    from fazhi.enforcement.tests.helpers import case, certificate

    certificate(coordinator, unit_a1, "豫A0000001", name="张三丰")
    certificate(coordinator, unit_a1, "豫A0000002", name="李四光")
    for day in (D(2022, 3, 1), D(2022, 5, 9), D(2022, 8, 1)):
        c = case(coordinator, unit_a1, opened_on=day)
        c.apply("decide", by=coordinator, on=day.replace(day=20))
    return DataPublication.prepare(by=coordinator, unit=unit_a1, year=2022)


def _pub_check(data: bytes, pub) -> list[str]:
    return [str(f) for f in statutory.check_docx(data, pub.unit, pub.year, statutory.publication_spec())]


def test_the_enforcement_publication_as_rendered_passes(pub_2022):
    assert statutory.publication_findings(pub_2022) == []


def test_a_publication_figure_changed_by_hand_fails_with_its_row(pub_2022):
    from fazhi.indicators.catalogue import catalogue
    from fazhi.indicators.display import label

    data = statutory.publication_docx(pub_2022)
    row = label(catalogue()["enforcers_certified"])
    found = _pub_check(_cell_changed(data, row, "数值", "5"), pub_2022)
    assert found == [
        f"第二部分“数据明细”表“确山县司法局2022年度行政执法数据”“{row}”行“数值”列：“5”："
        f"“{row}”写为5，与记录不符：2022年记录为2名"
    ]


def test_publishing_the_data_is_refused_while_the_text_disagrees(client_for, coordinator, pub_2022, monkeypatch):
    from fazhi.indicators.catalogue import catalogue
    from fazhi.indicators.display import label

    changed = _cell_changed(statutory.publication_docx(pub_2022), label(catalogue()["enforcers_certified"]), "数值", "5")
    monkeypatch.setattr(statutory, "publication_docx", lambda pub: changed)
    with pytest.raises(TransitionNotAllowed, match="写为5，与记录不符：2022年记录为2名"):
        pub_2022.apply("publish", by=coordinator, on=D(2023, 1, 20))
    c = client_for(coordinator)
    r = c.post(f"/api/enforcement-publications/{pub_2022.pk}/transition/", {"action": "publish", "on": "2023-01-20"})
    assert r.status_code == 400 and "与记录不符" in r.json()["detail"][1]
    page = c.get(pub_2022.get_absolute_url()).content.decode()
    assert "1处问题，更正前不能公开" in page
    monkeypatch.undo()
    r = c.post(f"/api/enforcement-publications/{pub_2022.pk}/transition/", {"action": "publish", "on": "2023-01-20"})
    assert r.status_code == 200 and r.json()["state"] == "published"


def test_the_refusal_is_the_guard_the_reports_app_declares(coordinator, dept_2023):
    from fazhi.core.workflow import add_guard, has_guards, remove_guard

    assert has_guards(dept_2023, "publish") and not has_guards(dept_2023, "link_case")
    remove_guard("disclosure.ReportFiling", "publish", statutory.DISCLOSURE_GUARD)
    try:
        assert not has_guards(dept_2023, "publish")
        # Without it the register alone would publish a report with part 五 unwritten.
        dept_2023.apply("publish", by=coordinator, on=D(2024, 1, 20))
    finally:
        add_guard("disclosure.ReportFiling", "publish", statutory.DISCLOSURE_GUARD)
    dept_2023.refresh_from_db()
    assert dept_2023.state == FilingState.PUBLISHED


def test_a_document_the_renderer_refuses_is_a_finding_not_a_crash(coordinator, pub_2022, monkeypatch):
    from fazhi.documents.gbt9704 import DocumentError

    def refused(pub):
        raise DocumentError(["发文字号不能为空"])

    monkeypatch.setattr(statutory, "publication_docx", refused)
    with pytest.raises(TransitionNotAllowed) as refusal:
        pub_2022.apply("publish", by=coordinator, on=D(2023, 1, 20))
    assert refusal.value.messages == ["不能公开年度数据，发现1处问题", "公文：发文字号不能为空"]
