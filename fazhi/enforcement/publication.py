"""The yearly enforcement data publication (行政执法数据年度公开) of a unit: the
figures as table rows (HTML, xlsx) and as an official document (GB/T 9704 .docx).

The figures are the register's indicators for the unit's subtree and the year, so the
publication and the figures screen cannot disagree. The due date (118号: by 31 January
[M]) is the `enforcement_annual_data` row of the deadlines app.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import Workbook

from fazhi.documents.demonstration import DEMO_MARK, demonstration
from fazhi.documents.gbt9704 import Heading, OfficialDocument, Paragraph, Table, render_docx
from fazhi.enforcement.models import Case, Certificate
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import format_value, label, shown_value
from fazhi.indicators.engine import compute, compute_many
from fazhi.indicators.prose import prose
from fazhi.kit.xlsx import safe_cell
from fazhi.org.models import Unit

# The published figures, in the order of the publication table.
CODES = [
    "enforcers_certified",
    "enforcement_supervisors",
    "enforcers_passed_review",
    "enforcers_failed",
    "enforcers_trained",
    "enforcement_cases",
    "enforcement_cases_penalty",
    "enforcement_cases_permit",
    "enforcement_cases_coercion",
    "enforcement_cases_inspection",
    "enforcement_cases_levy",
    "enforcement_cases_other",
    "enforcement_no_penalty_leniency",
    "enforcement_major_reviewed",
    "enforcement_publishable",
    "enforcement_published_on_time",
    "enforcement_publication_timely_rate",
    "case_files_reviewed",
    "enforcement_supervision_letters",
]
# The columns of the per-unit overview (the county's table of its enforcing units).
OVERVIEW_CODES = [
    "enforcers_certified",
    "enforcement_cases",
    "enforcement_cases_penalty",
    "enforcement_cases_permit",
    "enforcement_publication_timely_rate",
    "case_files_reviewed",
]


# The summary of the published document (indicators.prose syntax: a sentence or segment
# whose figure is zero is left out).
SUMMARY = [
    "{year}年末持有有效执法证件的行政执法人员{{enforcers_certified}}[[，行政执法监督人员{{enforcement_supervisors}}]]。",
    "年度审验通过{{enforcers_passed_review}}[[，未通过并注销证件{{enforcers_failed}}]]。",
    "全年办结行政执法案件{{enforcement_cases}}[[，其中行政处罚{{enforcement_cases_penalty}}]]"
    "[[、行政许可{{enforcement_cases_permit}}]]。",
]


def rows(unit: Unit, year: int, *, from_records: bool = False) -> list[dict[str, Any]]:
    """[{code, name, unit, value (formatted), number (raw; None for a rate without base),
    text (the number alone, "—" when None), definition}] for the unit's subtree and the year.
    The published document and workbook pass from_records=True: the records' figures at
    that moment."""
    values = compute(unit, year, CODES, from_records=from_records)
    cat = catalogue()
    return [
        {
            "code": c,
            "name": label(cat[c]),
            "unit": cat[c].unit,
            "value": format_value(cat[c], values[c]),
            "number": values[c],
            "text": "—" if values[c] is None else str(values[c]),
            "definition": cat[c].definition,
        }
        for c in CODES
    ]


def enforcing_units(root: Unit) -> list[Unit]:
    """Units of the subtree holding an enforcement certificate or a case: the ones that publish."""
    ids = set(Certificate.objects.in_subtree(root).values_list("unit_id", flat=True).distinct())
    ids |= set(Case.objects.in_subtree(root).values_list("unit_id", flat=True).distinct())
    return list(Unit.objects.filter(pk__in=ids).order_by("path"))


def overview(root: Unit, year: int) -> tuple[list[str], list[dict[str, Any]]]:
    """(headers, [{unit, values}]) of every enforcing unit of the subtree, in one grouped query per model."""
    units = enforcing_units(root)
    cat = catalogue()
    values = compute_many(units, year, OVERVIEW_CODES) if units else {}
    headers = [cat[c].name for c in OVERVIEW_CODES]
    return headers, [
        {"unit": u, "values": [format_value(cat[c], values[u.pk][c]) for c in OVERVIEW_CODES]}
        for u in units
    ]


def workbook(unit: Unit, year: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年度行政执法数据"[:31]
    ws.append([f"{unit.name}{year}年度行政执法数据"])
    ws.append(["指标", "计量单位", "数值", "统计口径"])
    for r in rows(unit, year, from_records=True):
        number = r["number"]
        ws.append(
            [
                safe_cell(r["name"]),
                r["unit"],
                float(number) if number is not None else "—",
                safe_cell(r["definition"]),
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def document(unit: Unit, year: int, *, number: str, dated: date) -> Any:
    """The publication as an OfficialDocument (fazhi.documents.gbt9704), its figures
    the catalogue's computed from the records."""
    cat = catalogue()
    data = rows(unit, year, from_records=True)
    values = {r["code"]: r["number"] for r in data}
    intro = (
        f"根据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》"
        f"（国办发〔2018〕118号）要求，现将{unit.name}{year}年度行政执法总体情况有关数据公开如下。"
    )
    summary = prose(SUMMARY, values, {"year": str(year)}) or f"{year}年度无行政执法数据。"
    table = Table(
        header=("指标", "计量单位", "数值"),
        rows=tuple(
            (r["name"], r["unit"], "—" if r["number"] is None else format(shown_value(cat[r["code"]], r["number"]), "f"))
            for r in data
        ),
        caption=f"{unit.name}{year}年度行政执法数据",
    )
    return OfficialDocument(
        issuer_mark=f"{unit.name}文件",
        number=number,
        title=f"{unit.name}\n{year}年度行政执法数据公开",
        addressee="社会公众",
        body=(
            Paragraph(intro),
            Heading("一、总体情况"),
            Paragraph(summary),
            Heading("二、数据明细"),
            table,
        ),
        signature=unit.name,
        dated=dated,
        watermark=DEMO_MARK if demonstration() else "",
    )


def docx(unit: Unit, year: int, *, number: str, dated: date) -> bytes:
    return render_docx(document(unit, year, number=number, dated=dated))
