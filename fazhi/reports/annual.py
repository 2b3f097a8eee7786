"""The annual report: figures, placeholders, the first draft and rendering.

Staff write the narrative; code writes the numbers. A section's text carries
placeholders such as `{{recon_received}}` which are filled from the indicator engine
(overlaid by figures staff entered by hand, `ReportFigure`) in Chinese style (42件,
95%, 1534.93万元). Rates and sums of parts that staff did not enter themselves are
re-derived from the counts they rest on, so they can never drift apart.

Text format of a section: one paragraph per line; a line starting with "（一）" is a
second-level heading whose first sentence is the heading and the rest runs on
("（一）坚持党的领导。坚持主要领导亲自抓……"). Headings are numbered when rendered, so
sections can be reordered without renumbering by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.core.privacy import personal_name_fields
from fazhi.deadlines.services import open_deadline
from fazhi.documents import convert
from fazhi.documents import gbt9704 as g
from fazhi.documents.anonymise import anonymise_document
from fazhi.documents.demonstration import DEMO_MARK, DEMO_PREFIX, demonstration
from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import display, engine
from fazhi.indicators.catalogue import Indicator
from fazhi.indicators.prose import fill, placeholders
from fazhi.org.models import Person, Unit, UnitKind
from fazhi.org.scope import scope_field
from fazhi.reports import compose, outline
from fazhi.reports.models import (
    DEFAULT_ORDER,
    AnnualReport,
    ReportFigure,
    ReportSection,
    ReportTemplate,
    SectionKind,
    SectionRevision,
    Status,
    default_heading,
)
from fazhi.reports.rules import PERIOD

PROMPT = re.compile(r"【请填写[^】]*】")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）\s*")
LEADING_NUMBER = re.compile(r"^[一二三四五六七八九十]+、\s*")

Values = dict[str, Any]


# --- Figures -------------------------------------------------------------------------


def figure_text(ind: Indicator, value: Any) -> str:
    """A figure as the report prints it, in the house style (indicators/display.py)."""
    return display.figure(ind, value)


def _number(raw: Any) -> Any:
    if raw is None:
        return None
    value = Decimal(str(raw))
    return int(value) if value == value.to_integral_value() and "." not in str(raw) else value


def manual_values(figures: list[ReportFigure]) -> Values:
    cat = cat_module.catalogue()
    out: Values = {}
    for f in figures:
        ind = cat.get(f.code)
        value = f.value
        if (
            ind is not None
            and ind.kind != "rate"
            and ind.decimals == 0
            and value == value.to_integral_value()
        ):
            out[f.code] = int(value)
        else:
            out[f.code] = value.normalize() if value == value.to_integral_value() else value
    return out


def effective_values(report: AnnualReport, figures: list[ReportFigure] | None = None) -> Values:
    """{code: value} the report prints: frozen at issue, else computed plus hand-entered."""
    if report.is_issued:
        return {code: _number(v) for code, v in (report.figures or {}).items()}
    values: Values = dict(engine.compute(report.unit, report.year, from_records=True))
    if figures is None:
        figures = list(report.manual_figures.all()) if report.pk else []
    manual = manual_values(figures)
    values.update(manual)
    # Rates and sums of parts follow the figures entered by hand, through the engine's
    # own derivation; a rate or sum entered by hand stays as entered (validation flags it).
    engine.derive(values, keep=manual)
    return values


# --- Structure -----------------------------------------------------------------------


def template_for(unit: Unit) -> ReportTemplate | None:
    """The unit's own template, else the nearest ancestor's, else a shared one."""
    ancestors = {u.pk: u.depth for u in unit.ancestors()}
    best = None
    for t in ReportTemplate.objects.filter(unit__isnull=True) | ReportTemplate.objects.filter(
        unit_id__in=ancestors
    ):
        rank = ancestors.get(t.unit_id, -1) if t.unit_id else -1
        if best is None or rank > best[0]:
            best = (rank, t)
    return best[1] if best else None


def scope_word(unit: Unit) -> str:
    """How reports name a unit's whole jurisdiction: 全县, 全市, 全省, 本单位."""
    return {
        UnitKind.COUNTY: "全县",
        UnitKind.CITY: "全市",
        UnitKind.PROVINCE: "全省",
        UnitKind.TOWNSHIP: "全镇（乡、街道）",
    }.get(unit.kind, "本单位")


def doc_prefix(unit: Unit) -> str:
    # 确山县人民政府 → 确政文: the first character of the place name plus 政文, the usual
    # 机关代字 of a county government's 上行文; staff correct it where it differs.
    name = unit.short_name or unit.name
    return (
        f"{name[:1]}政文"
        if unit.kind in (UnitKind.COUNTY, UnitKind.CITY, UnitKind.PROVINCE)
        else f"{name[:2]}文"
    )


def words(unit: Unit, year: int) -> dict[str, str]:
    """What the outline's {year}, {next_year}, {scope} and {unit} stand for."""
    return {
        "year": str(year),
        "next_year": str(year + 1),
        "scope": scope_word(unit),
        "unit": unit.display_name,
    }


PROMPTS = {
    SectionKind.PRINCIPALS: "【请填写：{year}年党政主要负责人履行推进法治建设第一责任人职责的情况】",
    SectionKind.MEASURES: "【请填写：主要举措和成效】",
    SectionKind.SHORTCOMINGS: "【请填写：存在的不足及其原因】",
    SectionKind.PLANS: "【请填写：{next_year}年推进法治政府建设的主要安排】",
    SectionKind.OTHER: "【请填写：其他需要报告的情况；没有的可删除本章节】",
}


def draft_text(
    kind: str,
    unit: Unit,
    year: int,
    values: Values,
    *,
    template: ReportTemplate | None = None,
    names: compose.Names | None = None,
) -> str:
    """A section's first draft in prose from the records (compose.py), following the
    template's outline; a prompt where the outline gives the section nothing to say."""
    themes = template.outline() if template is not None else outline.THEMES
    names = names or compose.records_names(unit, year)
    text = compose.compose_section(kind, themes, values, names, words(unit, year))
    if text:
        return text
    return PROMPTS[SectionKind(kind)].replace("{year}", str(year)).replace("{next_year}", str(year + 1))


@dataclass
class Draft:
    report: AnnualReport
    sections: list[ReportSection]
    values: Values


def first_draft(
    unit: Unit, year: int, *, template: ReportTemplate | None = None, today: date | None = None
) -> Draft:
    """A complete, unsaved draft for the unit and year, pre-filled from the records."""
    template = template if template is not None else template_for(unit)
    values: Values = dict(engine.compute(unit, year, from_records=True))
    parent = unit.parent
    report = AnnualReport(
        unit=unit,
        year=year,
        template=template,
        title=f"{unit.name}\n关于{year}年度法治政府建设情况的\n报告",
        issuer_mark=f"{unit.name}文件",
        # Demonstration data never carries a real government's document number.
        doc_number=f"{DEMO_PREFIX if demonstration() else doc_prefix(unit)}〔{year + 1}〕1号",
        addressee=parent.name if parent is not None else "",
        signature=unit.name,
        dated=today or timezone.localdate(),
        intro=(
            f"{year}年度，{unit.display_name}深入践行习近平法治思想，全面贯彻法治政府建设决策部署，"
            f"切实推动法治政府建设各项目标任务落实。现将{year}年度法治政府建设工作开展情况报告如下。"
        ),
        printed_by=f"{unit.name}办公室",
    )
    kinds = template.kinds() if template is not None else [str(k) for k in DEFAULT_ORDER]
    names = compose.records_names(unit, year)
    sections = [
        ReportSection(
            kind=kind,
            position=i,
            heading=template.heading(kind, year)
            if template is not None
            else default_heading(kind, year),
            text=draft_text(kind, unit, year, values, template=template, names=names),
        )
        for i, kind in enumerate(kinds, start=1)
    ]
    return Draft(report, sections, values)


@transaction.atomic
def create_draft(
    unit: Unit, year: int, *, template: ReportTemplate | None = None, by: Any = None
) -> AnnualReport:
    """Save a first draft for the unit and year (the caller checks there is none yet)."""
    draft = first_draft(unit, year, template=template)
    draft.report.save()
    for s in draft.sections:
        s.report = draft.report
        s.save()
        _keep_revision(s, by, "按记录生成的初稿")
    # On the due list from now on: published before 1 April of the next year.
    open_deadline(
        draft.report,
        PERIOD,
        start=date(year, 12, 31),
        title=f"{unit.display_name}{year}年法治政府建设年度报告公开",
        unit=unit,
        url=draft.report.get_absolute_url(),
    )
    return draft.report


def _keep_revision(section: ReportSection, by: Any, note: str) -> SectionRevision:
    last = section.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    return SectionRevision.objects.create(
        section=section,
        number=last + 1,
        heading=section.heading,
        text=section.text,
        changed_by=by if getattr(by, "is_authenticated", False) else None,
        note=note,
    )


@transaction.atomic
def save_section(
    section: ReportSection, *, version: int, by: Any, heading: str, text: str, position: int
) -> ReportSection:
    """Save a section edited from the version the editor loaded, keeping a revision.

    Raises ConcurrentEdit when someone saved the section since (nothing is written)."""
    section.check_version(version)
    section.heading, section.text, section.position = heading, text, position
    section.save()  # Versioned: refused if another save got in between
    _keep_revision(section, by, "修改")
    return section


# --- Rendering -----------------------------------------------------------------------


# A party may be a company or an office; only values that look like a personal name
# (2–6 characters, no organisation word) are replaced, or "某某有限公司" would follow.
_ORGANISATION_WORDS = re.compile(r"公司|厂|店|局|委|会|社|中心|部|院|所|村|镇|乡|县|市|省|政府|银行|学校|合作|集团|事务")


def _party_names(unit: Unit) -> set[str]:
    """The names in the registers' declared name fields (core.privacy) in the subtree."""
    names: set[str] = set()
    for model, field in personal_name_fields():
        scope = scope_field(model)
        lookup = f"{scope}__path__startswith" if scope else "path__startswith"
        values = model._default_manager.filter(**{lookup: unit.path}).values_list(field, flat=True).distinct()
        names.update(v.strip() for v in values if v and 2 <= len(v.strip()) <= 6 and not _ORGANISATION_WORDS.search(v))
    return names


def known_names(unit: Unit) -> list[str]:
    """The people the records name in the unit's subtree: what anonymisation replaces."""
    names = set(Person.objects.filter(unit__path__startswith=unit.path).values_list("name", flat=True))
    names |= _party_names(unit)
    return sorted(names)


def section_blocks(heading: str, text: str, values: Values) -> list[g.Block]:
    blocks: list[g.Block] = [g.Heading(LEADING_NUMBER.sub("", heading.strip()), 1)]
    for raw in (text or "").splitlines():
        line = fill(raw.strip(), values)
        if not line:
            continue
        if SUBHEADING.match(line):
            rest = SUBHEADING.sub("", line)
            head, sep, run_in = rest.partition("。")
            blocks.append(g.Heading(head + sep, 2, run_in=run_in.strip()))
        else:
            blocks.append(g.Paragraph(line))
    return blocks


def build_document(
    report: AnnualReport, sections: list[ReportSection], values: Values, *, publish: bool = True
) -> g.OfficialDocument:
    """The report as a GB/T 9704 document, figures filled in, names anonymised."""
    body: list[g.Block] = [
        g.Paragraph(fill(line.strip(), values))
        for line in (report.intro or "").splitlines()
        if line.strip()
    ]
    for s in sorted(sections, key=lambda s: (s.position, s.pk or 0)):
        body.extend(section_blocks(s.heading, s.text, values))
    imprint = None
    if report.printed_by.strip():
        imprint = g.Imprint(
            printed_by=report.printed_by.strip(),
            printed_on=report.printed_on or report.dated or timezone.localdate(),
            copy_to=tuple(x.strip() for x in re.split(r"[、，,]", report.copy_to) if x.strip()),
        )
    doc = g.OfficialDocument(
        issuer_mark=report.issuer_mark or f"{report.unit.name}文件",
        number=report.doc_number.strip(),
        title=report.title,
        addressee=report.addressee.strip(),
        body=g.number_headings(body),
        signature=report.signature or report.unit.name,
        dated=report.dated or timezone.localdate(),
        imprint=imprint,
        watermark=DEMO_MARK if demonstration() else "",
    )
    # Anything published carries surname + 某某, never a full name (reports.anonymise).
    return anonymise_document(doc, known_names(report.unit)) if publish else doc


def sections_of(report: AnnualReport) -> list[ReportSection]:
    return list(report.sections.order_by("position", "pk"))


def document_for(report: AnnualReport, *, publish: bool = True) -> g.OfficialDocument:
    return build_document(report, sections_of(report), effective_values(report), publish=publish)


FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


class RenderError(Exception):
    """The report cannot be rendered in this format here (message in Chinese)."""


def render(doc: g.OfficialDocument, fmt: str) -> bytes:
    """The document as .docx, .pdf (LibreOffice, where installed) or .html bytes.

    Raises RenderError (Chinese message) when the format cannot be made here.
    """
    if fmt == "docx":
        return g.render_docx(doc)
    if fmt == "pdf":
        try:
            return convert.docx_to_pdf(g.render_docx(doc))
        except convert.ConversionError as exc:
            raise RenderError(str(exc)) from exc
    if fmt == "html":
        return convert.render_html(doc).encode("utf-8")
    raise RenderError(f"不支持的格式“{fmt}”（可选 docx、pdf、html）。")


def file_name(report: AnnualReport, fmt: str) -> str:
    return f"{report.unit.display_name}{report.year}年法治政府建设年度报告.{fmt}"


__all__ = [
    "Draft",
    "Status",
    "build_document",
    "create_draft",
    "document_for",
    "effective_values",
    "fill",
    "first_draft",
    "placeholders",
    "render",
]
