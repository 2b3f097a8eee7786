"""The pre-issue check of the other statutory documents (issue 21 point 7): the
政府信息公开工作年度报告 (条例第49–50条) and the enforcement annual data publication
(国办发〔2018〕118号), held against the records before they may be published.

The check reads the document as it will be published — the .docx the system renders,
read back paragraph by paragraph and cell by cell — and finds:

- stated ≠ records: a figure of the prose (read by the analyzer, as `fazhi analyze`
  reads it) or a table cell whose value is not what the catalogue computes from the
  records (`from_records=True`) for the unit and year;
- a figure from another year: the value the records hold for the year before;
- rate ≠ its parts, parts ≠ total: the analyzer's relations in the prose, the
  catalogue's rates and sums of parts among the cells, and the statutory table's own
  sums (table 三 and 四 of the 政府信息公开 report, `disclosure.report.validate`);
- a required part missing or left unwritten (条例第50条's six parts; the publication's
  two).

Each finding names the part, table, row and column, quotes the words and is in
Chinese. The registers may not import this layer, so it reaches their workflows as a
guard (`core.workflow.add_guard`, registered in `ReportsConfig.ready()`): `apply()`
refuses the publishing move while findings remain — the screen and the API alike.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from fazhi.analyzer.report import analyze_text
from fazhi.core.workflow import add_guard
from fazhi.disclosure import report as annual
from fazhi.disclosure.rules import ProactiveCategory
from fazhi.documents.gbt9704 import DocumentError, render_docx
from fazhi.enforcement import publication
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import label
from fazhi.org.models import Unit
from fazhi.reports import checking
from fazhi.reports.checking import Finding, Records

HEADING = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
PLACEHOLDER = re.compile(r"^（请填写[^）]*）$")


@dataclass
class DocTable:
    part: str  # "第三部分“收到和处理政府信息公开申请情况”"
    caption: str
    rows: list[list[str]]  # the header row first

    @property
    def name(self) -> str:
        return f"{self.part}表“{self.caption}”" if self.caption else f"{self.part}表格"


@dataclass
class ReadDocument:
    """A document's text as published: the prose (with where each line is), the parts
    by heading (with their prose), the tables."""

    text: str = ""
    places: list[tuple[int, int, str]] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)
    part_labels: dict[str, str] = field(default_factory=dict)  # name → 第五部分“…”
    tables: list[DocTable] = field(default_factory=list)

    def where(self, position: int) -> str:
        for start, end, place in self.places:
            if start <= position <= end:
                return place
        return "正文"


def read_docx(data: bytes) -> ReadDocument:
    """The body of a .docx in order: paragraphs and tables; a paragraph that stands just
    before a table is its caption."""
    document = docx.Document(io.BytesIO(data))
    blocks: list[Any] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(DocxParagraph(child, document).text.strip())
        elif tag == "tbl":
            table = DocxTable(child, document)
            blocks.append([[cell.text.strip() for cell in row.cells] for row in table.rows])
    out = ReadDocument()
    part = "正文"
    for i, block in enumerate(blocks):
        if isinstance(block, list):
            before = blocks[i - 1] if i and isinstance(blocks[i - 1], str) else ""
            before = "" if HEADING.match(before) else before
            out.tables.append(DocTable(part, before, block))
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        m = HEADING.match(block)
        if not block or (isinstance(nxt, list) and not m):
            continue  # blank, or a table's caption
        if m:
            part = f"第{m.group(1)}部分“{m.group(2)}”"
            out.parts[m.group(2)] = []
            out.part_labels[m.group(2)] = part
        elif out.parts:
            out.parts[list(out.parts)[-1]].append(block)
        start = len(out.text)
        out.text += block + "\n"
        out.places.append((start, start + len(block), part))
    return out


@dataclass(frozen=True)
class Spec:
    """What one kind of document must hold: its required parts, the catalogue code of
    each table cell by (row label, column header), the words its prose puts before each
    figure it states (words, code), and its tables' own rules."""
    required_parts: tuple[str, ...]
    cells: Mapping[tuple[str, str], str]
    phrases: tuple[tuple[str, str], ...] = ()
    table_rules: Callable[[ReadDocument], list[Finding]] = lambda read: []

    @property
    def codes(self) -> set[str]:
        return {*self.cells.values(), *(code for _, code in self.phrases)}


NUMBER = r"(\d+(?:\.\d+)?)(万?)"
TEMPLATE_FIELD = re.compile(r"([^\[\]{}，。、；（）]*)\{\{(\w+)\}\}")


def template_phrases(templates: list[str]) -> tuple[tuple[str, str], ...]:
    """(words, code) of every `{{code}}` of `indicators.prose` templates: the words that
    stand just before it in its sentence."""
    return tuple(
        (words, code) for t in templates for words, code in TEMPLATE_FIELD.findall(t) if words
    )


def _phrase_findings(
    read: ReadDocument, records: Records, spec: Spec
) -> tuple[list[Finding], list[tuple[int, int]]]:
    """The figures the document's own sentences state, by their words, held against the
    records; and where they are (the analyzer's reading of them is left aside)."""
    cat = catalogue()
    out: list[Finding] = []
    spans: list[tuple[int, int]] = []
    for words, code in spec.phrases:
        unit = cat[code].unit
        pattern = re.compile(re.escape(words) + NUMBER + re.escape(unit))
        for m in pattern.finditer(read.text):
            value = Decimal(m.group(1)) * (10000 if m.group(2) else 1)
            spans.append((m.start(), m.end()))
            said = f"{m.group(1)}{m.group(2)}{unit}"
            found = checking.stated_figure(records, code, value, said, read.where(m.start()), m.group(0))
            if found is not None:
                out.append(found)
    return out, spans


def check_docx(data: bytes, unit: Unit, year: int, spec: Spec, *, name: str = "") -> list[Finding]:
    """Every finding of the pre-issue check on the .docx `data` of `unit` and `year`."""
    read = read_docx(data)
    records = Records(unit, year)
    out: list[Finding] = []
    for part in spec.required_parts:
        if part not in read.parts:
            out.append(Finding("章节", "", f"找不到必须报告的部分“{part}”"))
        elif any(PLACEHOLDER.match(line) for line in read.parts[part]):
            out.append(Finding(read.part_labels[part], "", f"尚未填写，请在“{part}”一栏写明"))
    found, spans = _phrase_findings(read, records, spec)
    out += found

    def in_phrase(position: int) -> bool:
        return any(start <= position < end for start, end in spans)

    # The analyzer reads the rest (a figure typed into a part by hand); only figures of
    # the indicators this document reports are held against the records.
    analysis = analyze_text(read.text, name)
    codes = spec.codes
    out += checking.analysed_figures(analysis, records, where=read.where, skip=in_phrase, codes=codes)
    out += checking.analysed_relations(analysis, where=read.where, skip=in_phrase, codes=codes)
    stated: dict[str, Decimal] = {}
    places: dict[str, str] = {}
    for table in read.tables:
        if not table.rows:
            continue
        header = table.rows[0]
        for row in table.rows[1:]:
            for column, text in zip(header[1:], row[1:], strict=False):
                code = spec.cells.get((row[0], column))
                value = checking.number(text)
                if code is None or value is None:
                    continue
                place = f"{table.name}“{row[0]}”行“{column}”列"
                stated[code], places[code] = value, place
                cell = checking.stated_figure(records, code, value, text, place, text)
                if cell is not None:
                    out.append(cell)
    out += checking.related_cells(stated, lambda code: places[code])
    out += spec.table_rules(read)
    return out


# ------------------------------------------------------------------ 政府信息公开工作年度报告

DISCLOSURE_PARTS = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)


def disclosure_spec() -> Spec:
    cells: dict[tuple[str, str], str] = {
        ("行政规范性文件", "本年制发件数"): annual.NORMDOCS_MADE,
        ("行政规范性文件", "本年废止件数"): annual.NORMDOCS_REPEALED,
        ("行政规范性文件", "现行有效件数"): annual.NORMDOCS_IN_FORCE,
        ("行政许可", "本年处理决定数量"): annual.PERMITS,
        ("行政处罚", "本年处理决定数量"): annual.PENALTIES,
        ("行政强制", "本年处理决定数量"): annual.COERCIONS,
    }
    for row_label, row in annual._request_rows():
        for kind, column in zip(annual.KIND_ORDER, annual.APPLICANT_COLUMNS, strict=False):
            cells[(row_label, column)] = f"disclosure_{row}_{kind}"
        cells[(row_label, "总计")] = f"disclosure_{row}"
    for group, title in zip(annual.REVIEW_KEYS, annual.REVIEW_GROUPS, strict=True):
        for result, column in zip(annual.RESULT_KEYS, annual.RESULT_COLUMNS, strict=False):
            cells[("件数", f"{title}：{column}")] = f"disclosure_review_{group}_{result}"
        cells[("件数", f"{title}：总计")] = f"disclosure_review_{group}"
    # The summary of part 一 (report._summary): the words before each figure.
    phrases = [
        ("主动公开政府信息", annual.PROACTIVE),
        *((str(lab), f"{annual.PROACTIVE}_{value}") for value, lab in ProactiveCategory.choices),
        ("新收政府信息公开申请", "disclosure_new"),
        ("办结", "disclosure_done"),
        ("结转下年度继续办理", "disclosure_forward"),
    ]
    return Spec(DISCLOSURE_PARTS, cells, tuple(phrases), _disclosure_tables)


def _disclosure_tables(read: ReadDocument) -> list[Finding]:
    """Tables 三 and 四 as printed, summed by the report's own rules (validate())."""

    def table(part: str) -> DocTable | None:
        return next((t for t in read.tables if part in t.part), None)

    def ints(cells: list[str]) -> list[Any]:
        return [checking.number(c) or 0 for c in cells]

    t3, t4 = table("收到和处理政府信息公开申请情况"), table("政府信息公开行政复议、行政诉讼情况")
    if t3 is None or t4 is None or len(t4.rows) < 2:
        return [Finding("章节", "", "找不到第三部分或第四部分的统计表")]
    labels = {lab for lab, _ in annual._request_rows()}
    rows = [(r[0], ints(r[1:])) for r in t3.rows[1:] if r[0] in labels]
    if len(rows) != len(labels) or any(len(v) != 7 for _, v in rows):
        return [Finding(t3.name, "", "第三部分统计表的行或列不完整")]
    if len(t4.rows[1]) != 16:
        return [Finding(t4.name, "", "第四部分统计表的列不完整")]
    sections = annual.AnnualReport(
        unit=Unit(name=""),
        year=0,
        proactive_total=0,
        proactive_by_category=[],
        section2=[],
        section3=annual.ReportTable(t3.caption, t3.rows[0], rows),
        section4=annual.ReportTable(t4.caption, t4.rows[0], [("件数", ints(t4.rows[1][1:]))]),
    )
    return [Finding(t3.name if p.startswith("表三") else t4.name, "", p) for p in annual.validate(sections)]


def disclosure_docx(filing: Any, data: Mapping[str, Any]) -> bytes:
    """The report a filing publishes, as the system renders it: the records' figures, the
    part 五 and 六 texts given with the move, the number it is published under."""
    rep = annual.build(
        filing.unit,
        filing.year,
        problems_text=str(data.get("problems") or "").strip(),
        other_text=str(data.get("other") or "").strip(),
    )
    number = str(data.get("number") or filing.number or "").strip()
    return render_docx(annual.document(rep, number=number))


def disclosure_findings(filing: Any, data: Mapping[str, Any] | None = None) -> list[Finding]:
    return check_docx(
        disclosure_docx(filing, data or {}), filing.unit, filing.year, disclosure_spec(), name=str(filing)
    )


# ------------------------------------------------------------------ 行政执法数据年度公开

PUBLICATION_PARTS = ("总体情况", "数据明细")


def publication_spec() -> Spec:
    cat = catalogue()
    cells = {(label(cat[c]), "数值"): c for c in publication.CODES}
    return Spec(PUBLICATION_PARTS, cells, template_phrases(publication.SUMMARY))


def publication_docx(pub: Any) -> bytes:
    """The publication as the system renders it (the number and date its page offers)."""

    unit = pub.unit
    number = f"{unit.short_name or unit.name}〔{pub.year + 1}〕1号"
    return publication.docx(unit, pub.year, number=number, dated=date(pub.year + 1, 1, 31))


def publication_findings(pub: Any, data: Mapping[str, Any] | None = None) -> list[Finding]:
    return check_docx(publication_docx(pub), pub.unit, pub.year, publication_spec(), name=str(pub))


# ------------------------------------------------------------------ the guards


def _as_guard(check: Callable[[Any, Mapping[str, Any]], list[Finding]]) -> Any:
    def guard(record: Any, action: str, data: Mapping[str, Any]) -> list[str]:
        try:
            return [str(f) for f in check(record, data)]
        except DocumentError as exc:  # e.g. a 文号 the GB/T 9704 renderer refuses
            return [f"公文：{problem}" for problem in exc.problems]

    guard.__name__ = f"pre_issue_{check.__name__}"
    return guard


DISCLOSURE_GUARD = _as_guard(disclosure_findings)
PUBLICATION_GUARD = _as_guard(publication_findings)


def register_guards() -> None:
    """Declare the checks on the registers' publishing moves (ReportsConfig.ready())."""
    add_guard("disclosure.ReportFiling", "publish", DISCLOSURE_GUARD)
    add_guard("enforcement.DataPublication", "publish", PUBLICATION_GUARD)
