"""Writing a unit's upward file for a year (`fazhi upward export`, the export button)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.indicators import engine
from fazhi.indicators.catalogue import Indicator, catalogue
from fazhi.org.models import Unit, UnitKind
from fazhi.reports import annual
from fazhi.reports.models import AnnualReport
from fazhi.upward import fileformat
from fazhi.upward.models import ImportedUnit, SigningKey, Submission

# Governments that report upward: a county to its city, a city to its province.
SENDER_KINDS = frozenset({UnitKind.COUNTY, UnitKind.CITY, UnitKind.PROVINCE})


class ExportRefused(Exception):
    """The file cannot be made (message in Chinese)."""


def software() -> str:
    try:
        return f"fazhi {version('fazhi')}"
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "fazhi"


def _unit_entry(unit: Unit) -> dict[str, Any]:
    return {"name": unit.name, "short_name": unit.short_name, "code": unit.code, "uscc": unit.uscc, "kind": unit.kind}


def sender_entry(unit: Unit) -> dict[str, Any]:
    """The sender and its ancestors (top down), each with its unified social credit code."""
    chain = [u for u in unit.ancestors() if u.pk != unit.pk]
    missing = [u.name for u in [*chain, unit] if not u.uscc]
    if missing:
        raise ExportRefused(
            f"以下单位未填写统一社会信用代码，上级无法据以核对报送单位：{'、'.join(missing)}。请先在单位信息中补全。"
        )
    return {**_unit_entry(unit), "ancestors": [_unit_entry(u) for u in chain]}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def raw_json(ind: Indicator, raw: dict[str, Any]) -> Any:
    """The engine's raw figure as JSON: int, decimal string, or {"total", "n"} for a mean."""
    value = raw.get(ind.code)
    if ind.kind == "count":
        return int(value or 0)
    if ind.kind == "avg":
        return {"total": str(Decimal(str(value or 0))), "n": int(raw.get(f"{ind.code}__n") or 0)}
    if ind.kind == "max":
        return None if value is None else str(Decimal(str(value)))
    return str(Decimal(str(value or 0)))


def figure_rows(unit: Unit, year: int) -> list[dict[str, Any]]:
    """Every indicator of the catalogue with its value and what it is computed from."""
    cat = catalogue()
    values = engine.compute(unit, year, from_records=True)
    raw = engine.raw_figures(unit, year)
    rows = []
    for code, ind in cat.items():
        row: dict[str, Any] = {
            "code": code,
            "name": ind.name,
            "unit": ind.unit,
            "kind": ind.kind,
            "definition": ind.definition,
            "decimals": ind.decimals,
            "scale": str(ind.scale),
            "value": _text(values.get(code)),
        }
        if ind.kind in engine.BASE_KINDS:
            row["raw"] = raw_json(ind, raw)
        elif ind.kind == "rate":
            row["numerator"], row["denominator"] = ind.numerator, ind.denominator
        else:
            row["parts"] = list(ind.parts)
        rows.append(row)
    return rows


def report_part(unit: Unit, year: int) -> tuple[dict[str, Any], bytes | None]:
    """The issued annual report's metadata and .docx; when none is issued, the reason."""

    report = AnnualReport.objects.filter(unit=unit, year=year).first()
    if report is None:
        return {"reason": f"{year}年度法治政府建设年度报告尚未起草。"}, None
    if not report.is_issued:
        return {"reason": f"{year}年度法治政府建设年度报告尚未印发（草稿不随文件上报）。"}, None
    docx = annual.render(annual.document_for(report), "docx")
    meta = {
        "title": str(report),
        "doc_number": report.doc_number,
        "dated": _text(report.dated),
        "issued_at": _text(report.issued_at.isoformat() if report.issued_at else None),
        "figures": report.figures,
        "file": fileformat.REPORT_DOCX,
    }
    return meta, docx


def refuse_imported(unit: Unit) -> None:
    """A unit this server knows only from upward files is another government's: it has
    no key here and nothing is signed in its name."""

    if ImportedUnit.objects.filter(unit=unit).exists():
        raise ExportRefused(
            f"{unit.name}是由上报文件导入的外报单位，其密钥和上报文件都在该单位自己的系统中，本系统不为其签名。"
        )


def export_year(unit: Unit, year: int, *, by: Any = None, now: datetime | None = None) -> bytes:
    """The signed upward file of the unit's subtree for the year; audited as an export.

    Raises ExportRefused when the unit does not report upward or lacks its codes.
    """
    if unit.kind not in SENDER_KINDS:
        raise ExportRefused(f"{unit.name}不是县级以上人民政府，不向上级报送（只有县、市、省级单位可以导出上报文件）。")
    if not 1990 <= year <= 2100:
        raise ExportRefused(f"年度 {year} 不在合理范围内。")
    today = timezone.localdate(now) if now is not None else timezone.localdate()
    if year >= today.year:
        raise ExportRefused(f"{year}年度尚未结束，不能导出该年度的上报文件（年度数据在次年上报）。")
    refuse_imported(unit)

    if Submission.objects.filter(unit=unit, year=year, current=True).exists():
        raise ExportRefused(f"{unit.name}{year}年度的数据是从其上报文件导入的，应由该单位在其本单位系统中导出。")
    sender = sender_entry(unit)
    key = SigningKey.for_unit(unit)
    report, docx = report_part(unit, year)
    data = fileformat.build(
        sender=sender,
        year=year,
        generated_at=(now or timezone.now()).isoformat(),
        software=software(),
        figures=figure_rows(unit, year),
        report=report,
        report_docx=docx,
        key_id=key.fingerprint,
        sign=key.sign,
    )
    record(
        Action.EXPORT, obj=unit, user=by, verb="导出上报文件",
        note=f"{year}年度，SHA-256 {fileformat.sha256(data)}，签名公钥 {key.fingerprint}",
    )
    return data


def file_name(unit: Unit, year: int) -> str:
    return f"{unit.display_name}{year}年度逐级上报.zip"
