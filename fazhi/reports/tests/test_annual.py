"""The first draft, placeholders and the GB/T 9704 rendering, read back with python-docx."""

import io
from datetime import date

import pytest
from docx import Document
from docx.shared import Mm

from fazhi.reports import annual
from fazhi.reports.models import DEFAULT_ORDER, ReportFigure, ReportTemplate, SectionKind

pytestmark = pytest.mark.django_db


def test_a_first_draft_has_every_kind_of_section_and_a_sentence_per_figure(staffed, county_a):
    draft = annual.first_draft(county_a, 2022, today=date(2023, 3, 1))
    assert [s.kind for s in draft.sections] == [str(k) for k in DEFAULT_ORDER]
    measures = next(s for s in draft.sections if s.kind == SectionKind.MEASURES)
    for code in ("people", "principals", "staff", "people_again", "principal_rate"):
        assert "{{" + code + "}}" in measures.text
    filled = annual.fill(measures.text, draft.values)
    assert "人员4名" in filled and "负责人占比为50%" in filled and "全县" in filled
    assert draft.report.doc_number == "确政文〔2023〕1号"
    assert draft.report.addressee == "驻马店市人民政府"


def test_a_template_sets_the_order_and_headings_of_the_sections(staffed, county_a):
    ReportTemplate.objects.create(
        name="确山县",
        unit=county_a,
        order=["principals", "measures", "shortcomings", "plans"],
        headings={"measures": "{year}年主要举措", "plans": "{next_year}年工作安排"},
    )
    draft = annual.first_draft(county_a, 2022)
    assert [s.kind for s in draft.sections] == ["principals", "measures", "shortcomings", "plans"]
    assert (
        draft.sections[1].heading == "2022年主要举措"
        and draft.sections[3].heading == "2023年工作安排"
    )


def test_fill_writes_figures_in_chinese_style_and_leaves_unknown_placeholders(staffed, county_a):
    values = annual.effective_values(annual.create_draft(county_a, 2022))
    assert (
        annual.fill("共{{people}}，占比{{principal_rate}}，{{nope}}", values)
        == "共4名，占比50%，{{nope}}"
    )


def test_figures_entered_by_hand_override_and_rates_follow_them(staffed, county_a):
    report = annual.create_draft(county_a, 2022)
    ReportFigure.objects.create(report=report, code="people", value=8, source="人事报表")
    values = annual.effective_values(report)
    assert values["people"] == 8 and values["principal_rate"] == 25


def test_the_draft_is_saved_with_its_sections(staffed, county_a):
    report = annual.create_draft(county_a, 2022)
    assert report.sections.count() == 5 and report.status == "draft"


def read_back(data: bytes):
    return Document(io.BytesIO(data))


def test_the_docx_is_a4_with_the_gbt9704_margins_fonts_and_sizes(staffed, county_a):
    draft = annual.first_draft(county_a, 2022, today=date(2023, 3, 1))
    data = annual.render(annual.build_document(draft.report, draft.sections, draft.values), "docx")
    doc = read_back(data)
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
    assert abs(sec.top_margin - Mm(37)) < Mm(1) and abs(sec.left_margin - Mm(28)) < Mm(1)
    assert abs(sec.right_margin - Mm(26)) < Mm(1) and abs(sec.bottom_margin - Mm(35)) < Mm(1)
    texts = [p.text for p in doc.paragraphs]
    body = "\n".join(texts)
    assert "确山县人民政府文件" in body and "确政文〔2023〕1号" in body
    assert "驻马店市人民政府：" in body
    assert "人员4名" in body and "负责人占比为50%" in body and "{{" not in body
    assert "2023年3月1日" in body
    heading = next(p for p in doc.paragraphs if p.text.startswith("一、"))
    assert heading.runs[0].font.size.pt == 16
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs if r.font.name}
    assert {"仿宋_GB2312", "黑体"} <= fonts
    title = next(p for p in doc.paragraphs if "法治政府建设情况" in p.text)
    assert title.runs[0].font.size.pt == 22


def test_subheadings_are_renumbered_when_sections_move(staffed, county_a):
    doc = annual.build_document(
        annual.first_draft(county_a, 2022).report,
        [
            annual.ReportSection(
                kind="plans",
                position=1,
                heading="三、工作安排",
                text="（五）第一项。内容\n（九）第二项。",
            ),
            annual.ReportSection(kind="measures", position=2, heading="一、举措", text="段落"),
        ],
        {},
    )
    heads = [b.text for b in doc.body if hasattr(b, "level")]
    assert heads == ["一、工作安排", "（一）第一项。", "（二）第二项。", "二、举措"]


def test_names_are_reduced_to_surname_and_mougmou_in_the_published_document(staffed, county_a):
    draft = annual.first_draft(county_a, 2022)
    draft.sections[0].text = "（一）表彰。张伟同志获评先进，联系电话13812345678。"
    doc = annual.build_document(draft.report, draft.sections, draft.values)
    text = "".join(getattr(b, "text", "") + getattr(b, "run_in", "") for b in doc.body)
    assert "张某某同志" in text and "张伟" not in text and "13812345678" not in text
    internal = annual.build_document(draft.report, draft.sections, draft.values, publish=False)
    assert "张伟" in "".join(getattr(b, "run_in", "") for b in internal.body)


def test_the_html_for_the_website_carries_the_figures(staffed, county_a):
    draft = annual.first_draft(county_a, 2022)
    html = annual.render(
        annual.build_document(draft.report, draft.sections, draft.values), "html"
    ).decode()
    assert "人员4名" in html and "确山县人民政府" in html


def test_an_unknown_format_is_a_clear_error(staffed, county_a):
    draft = annual.first_draft(county_a, 2022)
    with pytest.raises(annual.RenderError, match="不支持的格式"):
        annual.render(annual.build_document(draft.report, draft.sections, draft.values), "odt")
