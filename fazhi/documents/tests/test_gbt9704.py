"""Render seed 001's document and read it back: layout properties, never bytes."""

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from fazhi.documents.gbt9704 import (
    CHARS_PER_LINE,
    CONDENSE_TWIPS,
    LINES_PER_PAGE,
    DocumentError,
    Heading,
    Imprint,
    OfficialDocument,
    Paragraph,
    Table,
    check,
    number_headings,
    render_docx,
)
from fazhi.documents.samples import seed_001_document

GOLDEN = Path(__file__).parent / "golden" / "seed_001_docx.json"


@pytest.fixture(scope="module")
def rendered():
    return Document(io.BytesIO(render_docx(seed_001_document())))


def east_asia(run) -> str:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


def paragraph_with(document, text: str):
    return next(p for p in document.paragraphs if p.text.startswith(text))


def summary(document) -> list[list]:
    """Each body paragraph as [text, alignment, (font, size) of each run]: the golden form."""
    out = []
    for p in document.paragraphs:
        runs = [[east_asia(r), r.font.size.pt] for r in p.runs if r.text]
        out.append([p.text, str(p.alignment) if p.alignment is not None else None, runs])
    return out


def test_it_matches_the_golden_text_and_fonts(rendered):
    assert summary(rendered) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_it_uses_a4_with_the_standard_margins(rendered):
    section = rendered.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    assert section.top_margin.mm == pytest.approx(37, abs=0.1)
    assert section.left_margin.mm == pytest.approx(28, abs=0.1)
    assert section.right_margin.mm == pytest.approx(26, abs=0.1)
    assert section.bottom_margin.mm == pytest.approx(35, abs=0.1)


def test_it_lays_22_lines_on_the_type_area(rendered):
    grid = rendered.sections[0]._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch")))  # twips
    type_area_height = 225 / 25.4 * 1440
    assert pitch * LINES_PER_PAGE == pytest.approx(type_area_height, abs=LINES_PER_PAGE)
    assert grid.get(qn("w:charSpace")) is not None
    normal = rendered.styles["Normal"]
    assert normal.paragraph_format.line_spacing.twips == pitch


def test_it_fits_28_body_characters_on_a_line(rendered):
    spacing = rendered.styles["Normal"].element.rPr.find(qn("w:spacing"))
    advance = 16 + int(spacing.get(qn("w:val"))) / 20  # points per 3号 character
    assert int(spacing.get(qn("w:val"))) == -CONDENSE_TWIPS
    width = 156 / 25.4 * 72
    assert advance * CHARS_PER_LINE <= width < advance * (CHARS_PER_LINE + 1)


def test_it_prints_the_issuer_mark_in_red_xiaobiaosong_centred(rendered):
    mark = rendered.paragraphs[0]
    assert mark.text == "确山县人民政府文件"
    assert mark.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert east_asia(mark.runs[0]) == "方正小标宋简体"
    assert str(mark.runs[0].font.color.rgb) == "FF0000"
    assert mark.paragraph_format.space_before.mm == pytest.approx(35, abs=0.1)


def test_it_draws_the_red_separator_line_under_the_document_number(rendered):
    number = rendered.paragraphs[1]
    assert number.text == "确政文〔2023〕47号"
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"
    assert bottom.get(qn("w:val")) == "single"
    assert int(bottom.get(qn("w:space"))) == pytest.approx(4 / 25.4 * 72, abs=1)  # 4 mm


def test_it_sets_the_title_in_2hao_xiaobiaosong(rendered):
    title = rendered.paragraphs[2]
    assert title.text == "确山县人民政府\n关于2022年度法治政府建设情况的\n报告"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert {(east_asia(r), r.font.size.pt) for r in title.runs} == {("方正小标宋简体", 22)}


def test_it_puts_the_addressee_flush_left_with_a_full_width_colon(rendered):
    addressee = rendered.paragraphs[3]
    assert addressee.text == "驻马店市人民政府："
    assert addressee.paragraph_format.first_line_indent is None


@pytest.mark.parametrize(
    ("start", "font"),
    [
        ("一、提升政治站位", "黑体"),
        ("（一）坚持党的领导", "楷体_GB2312"),
        ("1.持续开展清理", "仿宋_GB2312"),
    ],
)
def test_it_sets_each_heading_level_in_its_font_at_3hao(rendered, start, font):
    heading = paragraph_with(rendered, start)
    assert east_asia(heading.runs[0]) == font
    assert heading.runs[0].font.size == Pt(16)
    assert heading.paragraph_format.first_line_indent == Pt(32)


def test_it_continues_a_run_in_heading_in_fangsong(rendered):
    heading = paragraph_with(rendered, "（一）坚持党的领导")
    assert east_asia(heading.runs[1]) == "仿宋_GB2312"
    assert heading.runs[1].text.startswith("坚持主要领导亲自抓")


def test_it_sets_body_paragraphs_in_3hao_fangsong_indented_two_characters(rendered):
    body = paragraph_with(rendered, "2022年度，确山县")
    assert east_asia(body.runs[0]) == "仿宋_GB2312"
    assert body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert body._p.pPr.ind.get(qn("w:firstLineChars")) == "200"


def test_it_places_the_date_four_characters_from_the_right_and_centres_the_signature_over_it(
    rendered,
):
    dated = paragraph_with(rendered, "2023年3月15日")
    signature = next(p for p in rendered.paragraphs if p.text == "确山县人民政府")
    assert dated.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert dated.paragraph_format.right_indent == Pt(64)
    # The date is 6½ characters wide (Arabic digits are half-width), the signature 7:
    # centring puts the signature's right edge ¼ character further right, at 3¾.
    assert signature.paragraph_format.right_indent == Pt(60)
    assert signature.paragraph_format.keep_with_next


def test_it_writes_the_attachment_note_and_the_annotation(rendered):
    assert paragraph_with(rendered, "附件：").text == "附件：2022年度法治政府建设主要指标统计表"
    assert paragraph_with(rendered, "（此件").text == "（此件公开发布）"


def test_it_numbers_pages_with_dashes_right_on_odd_and_left_on_even_pages(rendered):
    assert rendered.settings.odd_and_even_pages_header_footer
    section = rendered.sections[0]
    odd = section.footer.paragraphs[0]
    even = section.even_page_footer.paragraphs[0]
    for footer in (odd, even):
        assert footer.text == "— 1 —"
        instr = footer._p.xpath(".//w:instrText")
        assert [i.text.strip() for i in instr] == ["PAGE"]
        assert {east_asia(r) for r in footer.runs} == {"宋体"}
        assert {r.font.size for r in footer.runs} == {Pt(14)}
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert odd.paragraph_format.right_indent == Pt(14)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert even.paragraph_format.left_indent == Pt(14)


def test_it_ends_with_the_imprint_between_thick_and_thin_lines(rendered):
    imprint = rendered.tables[-1]
    assert [row.cells[0].text for row in imprint.rows] == [
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "确山县人民政府办公室\t2023年3月16日印发",
    ]
    borders = imprint._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {
        side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "insideH", "bottom")
    }
    assert sizes == {"top": "8", "insideH": "6", "bottom": "8"}  # 0.35 mm, 0.25 mm, 0.35 mm
    position = imprint._tbl.tblPr.find(qn("w:tblpPr"))
    assert position.get(qn("w:tblpYSpec")) == "bottom"
    assert position.get(qn("w:vertAnchor")) == "margin"
    for row in imprint.rows:
        run = row.cells[0].paragraphs[0].runs[0]
        assert (east_asia(run), run.font.size) == ("仿宋_GB2312", Pt(14))


def test_it_renders_a_simple_table_with_a_header_row(rendered):
    table = rendered.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["项目", "件数", "占比"]
    assert [c.text for c in table.rows[-1].cells] == ["合计", "41件", "100%"]


def test_it_puts_the_signer_on_the_number_line_of_an_upward_document():
    doc = replace(seed_001_document(), signer="王某某")
    document = Document(io.BytesIO(render_docx(doc)))
    number = document.paragraphs[1]
    assert number.text == "\t确政文〔2023〕47号\t签发人：王某某"
    assert east_asia(number.runs[-1]) == "楷体_GB2312"
    # One character in from each side, by tab stops, so the red line keeps its full width.
    stops = number.paragraph_format.tab_stops
    assert [(round(t.position.pt, 1), str(t.alignment)) for t in stops] == [
        (16.0, "LEFT (0)"),
        (round(156 / 25.4 * 72 - 16, 1), "RIGHT (2)"),
    ]
    assert number.paragraph_format.left_indent is None
    assert number.paragraph_format.right_indent is None


@pytest.mark.parametrize(
    "number",
    ["确政文〔2023〕47号", "驻政办〔2024〕1号", "豫政〔2022〕120号"],
)
def test_it_accepts_well_formed_document_numbers(number):
    assert check(replace(seed_001_document(), number=number)) == []


@pytest.mark.parametrize(
    "number",
    [
        "确政文[2023]47号",  # square brackets
        "确政文(2023)47号",
        "确政文〔2023〕047号",  # leading zero
        "确政文〔23〕47号",  # two-digit year
        "确政文〔2023〕第47号",  # 第
        "〔2023〕47号",  # no issuer code
        "确政文〔2023〕47",
    ],
)
def test_it_rejects_malformed_document_numbers(number):
    with pytest.raises(DocumentError, match="发文字号.*格式不正确"):
        render_docx(replace(seed_001_document(), number=number))


def test_it_lists_every_problem_in_chinese_before_writing_anything():
    doc = OfficialDocument(
        issuer_mark="",
        number="确政文〔2023〕47号",
        title="报告",
        addressee="驻马店市人民政府：",
        body=(Heading("一、", 4), Paragraph(" "), Table(header=("甲", "乙"), rows=(("1",),))),
        signature="确山县人民政府",
        dated=date(2023, 3, 15),
        attachments=("统计表。",),
        imprint=Imprint(printed_by="办公室", printed_on=date(2023, 3, 1)),
    )
    with pytest.raises(DocumentError) as info:
        render_docx(doc)
    assert info.value.problems == [
        "发文机关标志不能为空",
        "主送机关末尾不要写冒号，冒号由排版自动加上",
        "正文第1段：标题层级应为1、2或3（收到 4）",
        "正文第2段：段落不能为空",
        "正文第3段：表格第1行有1列，表头有2列",
        "附件1名称后不加标点",
        "版记：印发日期不能早于成文日期",
    ]
    assert str(info.value).startswith("公文不能生成：")


def test_it_numbers_headings_and_restarts_below_each_parent():
    blocks = number_headings(
        [
            Heading("总体情况", 1),
            Heading("党的领导", 2),
            Heading("谋划部署", 2),
            Heading("依法行政", 1),
            Heading("规范性文件", 2),
            Heading("清理", 3),
            Heading("备案", 3),
            Paragraph("正文"),
        ]
    )
    assert [b.text for b in blocks] == [
        "一、总体情况",
        "（一）党的领导",
        "（二）谋划部署",
        "二、依法行政",
        "（一）规范性文件",
        "1.清理",
        "2.备案",
        "正文",
    ]


def test_it_shrinks_a_long_issuer_mark_to_fit_one_line():
    doc = replace(seed_001_document(), issuer_mark="驻马店市确山县人民政府办公室文件")
    document = Document(io.BytesIO(render_docx(doc)))
    size = document.paragraphs[0].runs[0].font.size.pt
    assert size * 16 <= 156 / 25.4 * 72


def test_it_reports_missing_values_in_chinese_instead_of_failing():
    doc = replace(seed_001_document(), number=None, title=None, dated=None, body=())
    assert check(doc) == ["发文字号不能为空", "标题不能为空", "成文日期必须是日期", "正文不能为空"]
