"""Official documents (公文) in GB/T 9704-2012 form, rendered to .docx with python-docx.

``OfficialDocument`` describes one document element by element (版头, 主体, 版记);
``render_docx(doc)`` returns the .docx bytes. ``check(doc)`` lists every problem in
Chinese and ``render_docx`` refuses a document that has any, so nothing half-valid is
ever written. Pure Python, no database.

The numbers come from ``shared/domain/statutes.md`` §11; the ones that section marks
[M] (from memory, not yet checked against the standard's text) sit together in the
constants block below so that they can be corrected in one place.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from fazhi.documents.numfmt import chinese_numeral, cn_date

# --- GB/T 9704-2012 values (statutes.md §11) ------------------------------------------
# Confirmed there [C-page]:
PAGE_WIDTH_MM = 210  # A4, GB/T 148
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37  # 天头
MARGIN_LEFT_MM = 28  # 订口
TYPE_AREA_WIDTH_MM = 156  # 版心 156 mm × 225 mm
TYPE_AREA_HEIGHT_MM = 225
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_SIZE_PT = 16  # 3号: body, headings, 主送, 署名, 成文日期
TITLE_SIZE_PT = 22  # 2号小标宋 title
PAGE_NUMBER_SIZE_PT = 14  # 4号半角宋体 page numbers
PAGE_NUMBER_GAP_MM = 7  # page number sits 7 mm below the type area
# Marked [M] in §11 — defaults to check against the standard before relying on them:
MARGIN_RIGHT_MM = 26  # [M] derived: 210 − 28 − 156
MARGIN_BOTTOM_MM = 35  # [M] derived: 297 − 37 − 225
ISSUER_MARK_TOP_MM = 35  # [M] 发文机关标志 top edge 35 mm below the top of the type area
ISSUER_MARK_MAX_PT = 42  # [M] size "set by the issuing body"; 初号 is our default, shrunk to fit
NUMBER_LINES_BELOW_MARK = 2  # [M] 发文字号 two lines below the 标志
RED_LINE_BELOW_NUMBER_MM = 4  # [M] 版头分隔线 4 mm below the 发文字号
TITLE_LINES_BELOW_RED_LINE = 2  # [C-page] title two lines below the red line
IMPRINT_SIZE_PT = 14  # [M] 版记 (抄送, 印发) in 4号仿宋
IMPRINT_THICK_MM = 0.35  # [M] first and last 版记 lines
IMPRINT_THIN_MM = 0.25  # [M] middle 版记 lines
DATE_RIGHT_CHARS = 4  # [C-page] 成文日期 4 characters in from the right
SIGNATURE_LINES_ABOVE = 2  # [M] room above the 署名 for the seal
# Not fixed by the standard; our choices:
RED = RGBColor(0xFF, 0x00, 0x00)  # print red is Y80% M80%; screen red is the usual stand-in
RED_LINE_PT = 1.5
GRID_TYPE = "lines"  # see _setup: the 28 characters come from the condensed spacing
CONDENSE_TWIPS = 5  # ¼ pt less advance per character; see _setup

FONT_FANGSONG = "仿宋_GB2312"
FONT_KAITI = "楷体_GB2312"
FONT_HEITI = "黑体"
FONT_SONGTI = "宋体"
FONT_XIAOBIAOSONG = "方正小标宋简体"
# Written into the font table as w:altName, for machines without the GB2312-era fonts.
FONT_FALLBACKS = {FONT_FANGSONG: "仿宋", FONT_KAITI: "楷体", FONT_XIAOBIAOSONG: "宋体"}

# One grid line: the type area's height over 22 lines (≈ 28.99 pt); one grid character:
# its width over 28 characters (≈ 15.79 pt).
LINE_PITCH_PT = TYPE_AREA_HEIGHT_MM / 25.4 * 72 / LINES_PER_PAGE
CHAR_PITCH_PT = TYPE_AREA_WIDTH_MM / 25.4 * 72 / CHARS_PER_LINE
CHAR_PT = BODY_SIZE_PT  # "一字" for indents: one 3号 character

DOCUMENT_NUMBER_RE = re.compile(r"^.+〔\d{4}〕[1-9]\d*号$")


class DocumentError(ValueError):
    """A document that cannot be issued as it stands; the message lists each problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("公文不能生成：" + "；".join(self.problems))


# --- The document ---------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A body heading: level 1 "一、…" (黑体), 2 "（一）…" (楷体), 3 "1." (仿宋).

    ``text`` carries its own number ("一、提升政治站位") unless ``number_headings`` adds it.
    ``run_in`` is body text that continues on the same paragraph, as in
    "（一）坚持党的领导。坚持主要领导亲自抓……".
    """

    text: str
    level: int = 1
    run_in: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Imprint:
    """版记: 抄送机关, 印发机关 and 印发日期."""

    printed_by: str
    printed_on: date
    copy_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficialDocument:
    issuer_mark: str  # 发文机关标志, "确山县人民政府文件"
    number: str  # 发文字号, "确政文〔2023〕47号"
    title: str  # "\n" marks where a long title breaks
    addressee: str  # 主送机关, without the colon
    body: tuple[Block, ...]
    signature: str  # 署名: the issuing body
    dated: date  # 成文日期
    signer: str = ""  # 签发人 (上行文 only)
    attachments: tuple[str, ...] = ()  # 附件说明: the attachments' names
    note: str = ""  # 附注, without the parentheses
    imprint: Imprint | None = None  # 版记
    # A mark in every page's header (and across the top of the HTML page): "演示数据，非正式公文"
    # on anything made from demonstration data, so it cannot pass for a real document.
    watermark: str = ""


def number_headings(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Prefix each heading with its number: 一、 / （一） / 1. — counters reset per parent.

    Lets the annual report reorder its sections without renumbering by hand.
    """
    counters = [0, 0, 0]
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            i = block.level - 1
            counters[i] += 1
            for deeper in range(i + 1, 3):
                counters[deeper] = 0
            n = counters[i]
            prefix = (f"{chinese_numeral(n)}、", f"（{chinese_numeral(n)}）", f"{n}.")[i]
            out.append(replace(block, text=prefix + block.text))
        else:
            out.append(block)
    return tuple(out)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def check(doc: OfficialDocument) -> list[str]:
    """Every problem that stops the document from being issued, in Chinese; [] if none."""
    problems: list[str] = []
    for label, value in (
        ("发文机关标志", doc.issuer_mark),
        ("发文字号", doc.number),
        ("标题", doc.title),
        ("主送机关", doc.addressee),
        ("发文机关署名", doc.signature),
    ):
        if not _text(value):
            problems.append(f"{label}不能为空")
    if _text(doc.number) and not DOCUMENT_NUMBER_RE.match(_text(doc.number)):
        problems.append(
            f"发文字号“{doc.number}”格式不正确：应为“机关代字〔年份〕序号号”，"
            "年份用六角括号〔〕，序号不编虚位（如“确政文〔2023〕47号”）"
        )
    if _text(doc.addressee).endswith(("：", ":")):
        problems.append("主送机关末尾不要写冒号，冒号由排版自动加上")
    if not isinstance(doc.dated, date):
        problems.append("成文日期必须是日期")
    if not doc.body:
        problems.append("正文不能为空")
    for i, block in enumerate(doc.body, start=1):
        if isinstance(block, Heading):
            if block.level not in (1, 2, 3):
                problems.append(f"正文第{i}段：标题层级应为1、2或3（收到 {block.level}）")
            if not _text(block.text):
                problems.append(f"正文第{i}段：标题不能为空")
        elif isinstance(block, Paragraph):
            if not _text(block.text):
                problems.append(f"正文第{i}段：段落不能为空")
        elif isinstance(block, Table):
            width = len(block.header)
            if width == 0:
                problems.append(f"正文第{i}段：表格没有表头")
            for r, row in enumerate(block.rows, start=1):
                if len(row) != width:
                    problems.append(f"正文第{i}段：表格第{r}行有{len(row)}列，表头有{width}列")
        else:
            problems.append(f"正文第{i}段：无法识别的内容类型")
    for k, name in enumerate(doc.attachments, start=1):
        if not _text(name):
            problems.append(f"附件{k}名称不能为空")
        elif name.rstrip()[-1] in "。，；、.,;":
            problems.append(f"附件{k}名称后不加标点")
    if doc.imprint is not None:
        if not _text(doc.imprint.printed_by):
            problems.append("版记：印发机关不能为空")
        if not isinstance(doc.imprint.printed_on, date):
            problems.append("版记：印发日期必须是日期")
        elif isinstance(doc.dated, date) and doc.imprint.printed_on < doc.dated:
            problems.append("版记：印发日期不能早于成文日期")
    return problems


# --- Rendering ------------------------------------------------------------------------


# Child order of w:pPr (ECMA-376 CT_PPrBase): an element out of order makes Word refuse
# the file, so every element we add by hand goes in through _ppr_insert.
_PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()


# What follows w:spacing in w:rPr (CT_RPr order).
_RPR_AFTER_SPACING = tuple(
    f"w:{t}"
    for t in "w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath".split()
)


def _ppr_insert(p, el) -> None:
    """Insert ``el`` into the w:pPr of a paragraph (or a style) in schema order."""
    ppr = p._p.get_or_add_pPr() if hasattr(p, "_p") else p.element.get_or_add_pPr()
    later = _PPR_ORDER[_PPR_ORDER.index(el.tag.split("}")[1]) + 1 :]
    successors = [f"w:{t}" for t in later]
    ppr.insert_element_before(el, *successors)


def _twips(pt: float) -> str:
    return str(round(pt * 20))


def _set_fonts(rpr_owner, font: str, size_pt: float, *, bold: bool = False) -> None:
    """Set one font for Latin and East-Asian text (w:ascii, w:hAnsi, w:eastAsia)."""
    rpr_owner.font.size = Pt(size_pt)
    if bold:
        rpr_owner.font.bold = True
    fonts = rpr_owner.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in _FONT_ATTRS:
        fonts.set(attr, font)


_FONT_ATTRS = tuple(qn(f"w:{a}") for a in ("ascii", "hAnsi", "eastAsia", "cs"))


def _run(paragraph, text: str, font: str = FONT_FANGSONG, size: float = BODY_SIZE_PT, **kw):
    run = paragraph.add_run()
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k:
            run.add_break(WD_BREAK.LINE)
        for t, piece in enumerate(line.split("\t")):
            if t:
                run.add_tab()
            if piece:
                run.add_text(piece)
    _set_fonts(run, font, size, **kw)
    return run


def _paragraph(container, *, align=None, first_line_chars: float = 0, **fmt):
    p = container.add_paragraph()
    pf = p.paragraph_format
    if align is not None:
        pf.alignment = align
    if first_line_chars:
        pf.first_line_indent = Pt(first_line_chars * CHAR_PT)
        # Word measures "characters" on the document grid; keep both forms in step.
        p._p.get_or_add_pPr().get_or_add_ind().set(
            qn("w:firstLineChars"), str(round(first_line_chars * 100))
        )
    for key, value in fmt.items():
        setattr(pf, key, value)
    return p


def _border(p, side: str, size_pt: float, color: str = "000000", space_pt: float = 1) -> None:
    bdr = p._p.get_or_add_pPr().find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        _ppr_insert(p, bdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(round(size_pt * 8)))  # eighths of a point
    el.set(qn("w:space"), str(round(space_pt)))
    el.set(qn("w:color"), color)
    bdr.append(el)


def _line_exact(p, points: float = LINE_PITCH_PT) -> None:
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(points)


def _page_number_footer(footer, *, odd: bool) -> None:
    """Page numbers "— 7 —" in 4号宋体: odd pages right, even pages left, one character in (§11 页码)."""
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        p.paragraph_format.right_indent = Pt(PAGE_NUMBER_SIZE_PT)
    else:
        p.paragraph_format.left_indent = Pt(PAGE_NUMBER_SIZE_PT)
    _run(p, "— ", FONT_SONGTI, PAGE_NUMBER_SIZE_PT)
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = _run(p, "", FONT_SONGTI, PAGE_NUMBER_SIZE_PT)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.add_text(text)
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
    _run(p, " —", FONT_SONGTI, PAGE_NUMBER_SIZE_PT)


def _setup(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    # The footer's bottom edge: 7 mm below the type area, less one 4号 line.
    section.footer_distance = Mm(MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM) - Pt(PAGE_NUMBER_SIZE_PT)
    section.gutter = Mm(0)

    # 22 lines: w:linePitch in twips. w:charSpace (1/4096 pt relative to the default 3号
    # width) is the 28-character pitch; with a line grid Word only keeps it for the
    # moment a user switches Page Setup to the character grid. The 28 a line come from
    # the condensed spacing set on Normal below.
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), GRID_TYPE)
    grid.set(qn("w:linePitch"), _twips(LINE_PITCH_PT))
    grid.set(qn("w:charSpace"), str(round((CHAR_PITCH_PT - BODY_SIZE_PT) * 4096)))
    sect_pr.append(grid)

    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, odd=True)
    _page_number_footer(section.even_page_footer, odd=False)

    normal = document.styles["Normal"]
    _set_fonts(normal, FONT_FANGSONG, BODY_SIZE_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(LINE_PITCH_PT)
    normal.paragraph_format.widow_control = False
    # No automatic gap between Chinese and Latin letters or digits ("2022 年度"): the
    # published form is "2022年度", and the gap would break the 28-character line.
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        off = OxmlElement(tag)
        off.set(qn("w:val"), "0")
        _ppr_insert(normal, off)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    # 28 characters of 16 pt need 448 pt but the type area is 442 pt wide: Word squeezes
    # them onto the grid, LibreOffice gives an oversize character two grid cells (14 a
    # line). Condensing each character by ¼ pt makes it fit one cell in both.
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(-CONDENSE_TWIPS))
    rpr.insert_element_before(spacing, *_RPR_AFTER_SPACING)
    # The grid's charSpace is relative to the document default size: make that 3号 too.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        sz = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        if sz is not None:
            sz.set(qn("w:val"), str(BODY_SIZE_PT * 2))
    _add_font_fallbacks(document)


def _add_font_fallbacks(document) -> None:
    font_table = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            font_table = rel.target_part
    if font_table is None:
        return
    root = etree.fromstring(font_table.blob)  # noqa: S320 - our own template's part
    for name, alt in FONT_FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt_el = etree.SubElement(font, qn("w:altName"))
        alt_el.set(qn("w:val"), alt)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")  # GB2312
        family = etree.SubElement(font, qn("w:family"))
        family.set(qn("w:val"), "modern" if name != FONT_XIAOBIAOSONG else "script")
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_width_chars(text: str) -> float:
    """Width in 3号 characters: CJK and full-width forms 1, ASCII half-width ½."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def _render_head(document, doc: OfficialDocument) -> None:
    # 发文机关标志: red 小标宋, centred, shrunk to fit one line of the type area.
    mark = _paragraph(
        document,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_before=Mm(ISSUER_MARK_TOP_MM),
    )
    size = min(
        ISSUER_MARK_MAX_PT,
        int(CHAR_PITCH_PT * CHARS_PER_LINE / max(_text_width_chars(doc.issuer_mark), 1)),
    )
    # A line exactly as tall as the type keeps the font's leading (23 pt at 42 pt in Noto
    # CJK) from pushing the mark below the 35 mm.
    _line_exact(mark, size)
    _snap_off(mark)
    run = _run(mark, doc.issuer_mark.strip(), FONT_XIAOBIAOSONG, size)
    run.font.color.rgb = RED

    # 发文字号 two lines down, with the red separator line 4 mm under it.
    number = _paragraph(document, space_before=Pt(NUMBER_LINES_BELOW_MARK * LINE_PITCH_PT))
    if doc.signer:
        # 上行文: number one character in from the left, 签发人 one in from the right.
        # Tabs, not indents: an indent would shorten the red line drawn under this paragraph.
        tabs = number.paragraph_format.tab_stops
        tabs.add_tab_stop(Pt(CHAR_PT), WD_TAB_ALIGNMENT.LEFT)
        tabs.add_tab_stop(Mm(TYPE_AREA_WIDTH_MM) - Pt(CHAR_PT), WD_TAB_ALIGNMENT.RIGHT)
        _run(number, "\t" + doc.number.strip() + "\t签发人：")
        _run(number, doc.signer.strip(), FONT_KAITI)
    else:
        number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(number, doc.number.strip())
    _border(number, "bottom", RED_LINE_PT, str(RED), space_pt=RED_LINE_BELOW_NUMBER_MM / 25.4 * 72)

    title = _paragraph(
        document,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_before=Pt(TITLE_LINES_BELOW_RED_LINE * LINE_PITCH_PT),
    )
    _snap_off(title)  # a 2号 line would otherwise take two grid lines in LibreOffice
    _run(title, doc.title.strip(), FONT_XIAOBIAOSONG, TITLE_SIZE_PT)

    addressee = _paragraph(document, space_before=Pt(LINE_PITCH_PT))
    _run(addressee, doc.addressee.strip() + "：")


def _snap_off(p) -> None:
    """Let an oversize line keep its own height instead of snapping to grid lines."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    _ppr_insert(p, snap)


HEADING_FONTS = {1: FONT_HEITI, 2: FONT_KAITI, 3: FONT_FANGSONG}


def _render_body(document, blocks: Sequence[Block]) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            p = _paragraph(document, first_line_chars=2)
            p.paragraph_format.keep_with_next = not block.run_in
            _run(p, block.text, HEADING_FONTS[block.level])
            if block.run_in:
                _run(p, block.run_in)
        elif isinstance(block, Paragraph):
            p = _paragraph(document, first_line_chars=2, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)
            _run(p, block.text)
        elif isinstance(block, Table):
            _render_table(document, block)


def _render_table(document, block: Table) -> None:
    if block.caption:
        cap = _paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(cap, block.caption, FONT_HEITI)
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, (values, row) in enumerate(zip((block.header, *block.rows), table.rows, strict=True)):
        for value, cell in zip(values, row.cells, strict=True):
            p = cell.paragraphs[0]
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            p.paragraph_format.line_spacing = 1.0
            _snap_off(p)
            _run(p, str(value), FONT_HEITI if r == 0 else FONT_FANGSONG, IMPRINT_SIZE_PT)
    # The paragraph after a table would otherwise touch it.
    _paragraph(document)


def _render_close(document, doc: OfficialDocument) -> None:
    if doc.attachments:
        # 附件说明: one line below the body, 2 characters in; later names align under the first.
        for k, name in enumerate(doc.attachments, start=1):
            many = len(doc.attachments) > 1
            label = f"{k}.{name}" if many else name
            if k == 1:
                p = _paragraph(document, first_line_chars=2, space_before=Pt(LINE_PITCH_PT))
                _run(p, "附件：" + label)
            else:
                p = _paragraph(document)
                p.paragraph_format.left_indent = Pt(5 * CHAR_PT)
                _run(p, label)

    date_text = cn_date(doc.dated)
    # 署名 centred over the 成文日期, which sits 4 characters in from the right (§11).
    offset = (_text_width_chars(date_text) - _text_width_chars(doc.signature)) / 2
    sig = _paragraph(
        document,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        space_before=Pt(SIGNATURE_LINES_ABOVE * LINE_PITCH_PT),
        right_indent=Pt(max(DATE_RIGHT_CHARS + offset, 0) * CHAR_PT),
        keep_with_next=True,
    )
    _run(sig, doc.signature.strip())
    dated = _paragraph(
        document,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        right_indent=Pt(DATE_RIGHT_CHARS * CHAR_PT),
    )
    _run(dated, date_text)

    if doc.note.strip():
        note = _paragraph(document, first_line_chars=2)
        _run(note, f"（{doc.note.strip()}）")

    if doc.imprint is not None:
        _render_imprint(document, doc.imprint)


def _table_borders(table, **sides: tuple[str, float]) -> None:
    """Set w:tblBorders; each side is (w:val, width in points)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        val, width = sides.get(side, ("nil", 0))
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), str(round(width * 8)))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    # w:tblBorders follows w:tblW, w:jc, w:tblCellSpacing and w:tblInd in w:tblPr.
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def _float_to_bottom(table) -> None:
    """Float the table to the foot of the type area, where the 版记 belongs (§11 版记)."""
    tbl_pr = table._tbl.tblPr
    pos = OxmlElement("w:tblpPr")
    pos.set(qn("w:vertAnchor"), "margin")
    pos.set(qn("w:horzAnchor"), "margin")
    pos.set(qn("w:tblpYSpec"), "bottom")
    pos.set(qn("w:tblpXSpec"), "center")
    # w:tblpPr comes right after w:tblStyle.
    tbl_pr.insert_element_before(
        pos,
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    )


def _render_imprint(document, imprint: Imprint) -> None:
    """版记: a one-column table at the foot of the last page, 4号仿宋.

    Its top and bottom borders are the thick first and last lines, the border between
    抄送 and 印发 the thin middle line, all as wide as the type area.
    """
    rows = []
    if imprint.copy_to:
        rows.append(("抄送：" + "，".join(imprint.copy_to) + "。", True))
    rows.append((f"{imprint.printed_by}\t{cn_date(imprint.printed_on)}印发", False))
    table = document.add_table(rows=len(rows), cols=1)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    thick, thin = IMPRINT_THICK_MM / 25.4 * 72, IMPRINT_THIN_MM / 25.4 * 72
    _table_borders(table, top=("single", thick), bottom=("single", thick), insideH=("single", thin))
    _float_to_bottom(table)
    inner = Mm(TYPE_AREA_WIDTH_MM)
    for (text, is_copy), row in zip(rows, table.rows, strict=True):
        cell = row.cells[0]
        cell.width = inner
        p = cell.paragraphs[0]
        _line_exact(p)
        # One character in from the left and from the right.
        p.paragraph_format.left_indent = Pt(IMPRINT_SIZE_PT)
        p.paragraph_format.right_indent = Pt(IMPRINT_SIZE_PT)
        if is_copy:
            # A long list wraps under the first name, past "抄送：".
            p.paragraph_format.left_indent = Pt(IMPRINT_SIZE_PT * 4)
            p.paragraph_format.first_line_indent = Pt(-IMPRINT_SIZE_PT * 3)
        else:
            p.paragraph_format.tab_stops.add_tab_stop(
                inner - Pt(IMPRINT_SIZE_PT), WD_TAB_ALIGNMENT.RIGHT
            )
        _run(p, text, FONT_FANGSONG, IMPRINT_SIZE_PT)
    # Cell margins of zero so that the indents above are measured from the type area.
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.insert_element_before(mar, "w:tblLook")
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(TYPE_AREA_WIDTH_MM / 25.4 * 1440)))
    # A floating table needs a paragraph to anchor it, and a body must not end on a
    # table; a 1 pt paragraph cannot push a page over.
    anchor = _paragraph(document)
    _line_exact(anchor, 1)
    _snap_off(anchor)


GENERATOR = "法治（Fazhi）"


def _set_properties(document, doc: OfficialDocument) -> None:
    """The file's own metadata: made by Fazhi, now (python-docx's template says otherwise)."""
    now = datetime.now(UTC).replace(microsecond=0)
    props = document.core_properties
    props.title = doc.title.replace("\n", "")
    props.author = GENERATOR
    props.last_modified_by = GENERATOR
    props.created = now
    props.modified = now
    props.revision = 1
    props.language = "zh-CN"
    props.comments = doc.watermark
    props.keywords = ""
    props.category = ""
    props.subject = ""


def _render_watermark(document, text: str) -> None:
    section = document.sections[0]
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = _run(p, text, FONT_HEITI, PAGE_NUMBER_SIZE_PT)
        run.font.color.rgb = RED


def render_docx(doc: OfficialDocument) -> bytes:
    """The document as .docx bytes; raises DocumentError listing every problem first."""
    problems = check(doc)
    if problems:
        raise DocumentError(problems)
    document = Document()
    # The template opens with one empty paragraph; start from nothing.
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _setup(document)
    _set_properties(document, doc)
    if doc.watermark:
        _render_watermark(document, doc.watermark)
    _render_head(document, doc)
    _render_body(document, doc.body)
    _render_close(document, doc)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
