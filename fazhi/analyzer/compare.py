"""Several reports side by side (xlsx and the data behind the HTML charts), and one
report's published figures beside Fazhi's own for the same unit and year."""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from . import lexicon as lx
from .extract import _num
from .report import Analysis

HIGHLIGHT = PatternFill("solid", fgColor="FFE699")
BAD = PatternFill("solid", fgColor="F8CBAD")


def report_label(a: Analysis) -> str:
    parts = [a.unit or a.name, f"{a.year}年" if a.year else ""]
    return " ".join(p for p in parts if p) or a.name


def headline_values(a: Analysis) -> dict[str, Decimal]:
    """One value per catalogue code: the first figure that is not a part of another
    nor last year's, the whole jurisdiction's (全县, 全区…) before its government's own (本级)."""
    out: dict[str, Decimal] = {}
    whole: set[str] = set()
    # The cells a table's 总计 adds up are parts too.
    parts = {j for r in a.relations if r.kind == "sum" and r.consistent for j in r.parts}
    for i, f in enumerate(a.figures):
        if f.is_other or f.part_of is not None or i in parts or f.indicator in whole:
            continue
        if lx.unit_group(f.unit) == "tenths":
            continue  # 出庭应诉率超八成 says less than a rate in %: not in a column of them
        if "上年" in f.scope:
            continue  # 由上年的816件上升到1087件: last year's value is not the report's
        if f.scope.startswith("全"):
            out[f.indicator] = f.value
            whole.add(f.indicator)
        elif f.indicator not in out:
            out[f.indicator] = f.value
    return out


# An outlier needs this many reports giving the figure (a median of two says nothing).
OUTLIER_MIN_REPORTS = 3
# A count this many times the median (or a median this many times the count)…
OUTLIER_FACTOR = Decimal(3)
# …or a rate this many percentage points from the median.
OUTLIER_POINTS = Decimal(15)


def _median(xs: list[Decimal]) -> Decimal:
    ys = sorted(xs)
    mid = len(ys) // 2
    return ys[mid] if len(ys) % 2 else (ys[mid - 1] + ys[mid]) / 2


def outlier_reason(value: Decimal, median: Decimal, unit: str) -> str:
    """Why a value stands out from the other reports' median ("" when it does not)."""
    if unit == "%":
        gap = value - median
        if abs(gap) >= OUTLIER_POINTS:
            return f"比中位数{_num(median)}%{'高' if gap > 0 else '低'}{_num(abs(gap))}个百分点"
        return ""
    if median > 0 and value >= median * OUTLIER_FACTOR:
        return f"是中位数{_num(median)}的{_num((value / median).quantize(Decimal('0.1')))}倍"
    if median > 0 and value * OUTLIER_FACTOR <= median:
        return f"不到中位数{_num(median)}的三分之一"
    return ""


def comparison_rows(analyses: list[Analysis]) -> list[dict[str, Any]]:
    """[{code, label, unit, values: [value or None per report], median, outliers:
    [reason or "" per report]}], catalogue order: the same indicator across reports,
    with the values far from the others' median marked."""
    per = [headline_values(a) for a in analyses]
    codes = [c for c in lx.CODE_UNIT if any(c in p for p in per)]
    rows = []
    for c in codes:
        present = [p[c] for p in per if c in p]
        median = _median(present) if len(present) >= OUTLIER_MIN_REPORTS else None
        unit = lx.CODE_UNIT[c]
        rows.append(
            {
                "code": c,
                "label": lx.label(c),
                "unit": unit,
                "values": [_num(p[c]) if c in p else None for p in per],
                "median": _num(median) if median is not None else None,
                "outliers": [
                    outlier_reason(p[c], median, unit) if median is not None and c in p else ""
                    for p in per
                ],
            }
        )
    return rows


def inconsistency_rows(analyses: list[Analysis]) -> list[dict[str, Any]]:
    """Each report's 不符 (with how sure) and how many relations it could not judge."""
    return [
        {
            "report": report_label(a),
            "inconsistent": [
                {
                    "indicator": lx.label(r.as_dict(a.figures).get("indicator", "")),
                    "note": r.note,
                    "confidence": r.confidence,
                }
                for r in a.inconsistencies
            ],
            "checked": len(a.relations),
            "unchecked": len(a.unchecked),
        }
        for a in analyses
    ]


def chart_data(analyses: list[Analysis]) -> dict[str, Any]:
    """Series for the comparison page: counts and rates kept apart (different scales)."""
    rows = comparison_rows(analyses)
    reports = [report_label(a) for a in analyses]
    counts = [r for r in rows if r["unit"] != "%" and sum(v is not None for v in r["values"]) >= 1]
    rates = [r for r in rows if r["unit"] == "%"]
    return {
        "reports": reports,
        "counts": {"labels": [r["label"] for r in counts], "series": _series(reports, counts)},
        "rates": {"labels": [r["label"] for r in rates], "series": _series(reports, rates)},
        "specificity": {
            "figures": [len(a.figures) for a in analyses],
            "per_section": [round(a.structure.figures_per_section, 2) for a in analyses],
            "inconsistent": [len(a.inconsistencies) for a in analyses],
        },
    }


def _series(reports: list[str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"name": name, "data": [r["values"][i] for r in rows]} for i, name in enumerate(reports)
    ]


def write_xlsx(analyses: list[Analysis], target: str | IO[bytes]) -> None:
    """Sheet 对比 (one column per report, outliers highlighted), 异常值 (each outlier
    and why), 核对 (every relation, 不符 highlighted, and those not judged) and 结构."""
    wb = Workbook()
    ws = wb.active
    ws.title = "对比"
    ws.append(["指标代码", "指标", "单位", *[report_label(a) for a in analyses]])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    rows = comparison_rows(analyses)
    for r in rows:
        ws.append([r["code"], r["label"], r["unit"], *r["values"]])
        for cell, reason in zip(ws[ws.max_row][3:], r["outliers"], strict=True):
            if cell.value is None:
                cell.value = "—"
                cell.alignment = Alignment(horizontal="center")
            elif reason:
                cell.fill = HIGHLIGHT
    ws.append([])
    ws.append(["", "数据项数", "", *[len(a.figures) for a in analyses]])
    ws.append(
        ["", "每节平均数据项", "", *[round(a.structure.figures_per_section, 2) for a in analyses]]
    )
    ws.append(["", "不一致之处", "", *[len(a.inconsistencies) for a in analyses]])
    ws.append(["", "无法核对之处", "", *[len(a.unchecked) for a in analyses]])
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 26

    odd = wb.create_sheet("异常值")
    odd.append(["指标", "单位", "报告", "数值", "各报告中位数", "说明"])
    labels = [report_label(a) for a in analyses]
    for r in rows:
        for label, value, reason in zip(labels, r["values"], r["outliers"], strict=True):
            if reason:
                odd.append([r["label"], r["unit"], label, value, r["median"], reason])
    odd.column_dimensions["F"].width = 40

    rel = wb.create_sheet("核对")
    rel.append(["报告", "类型", "指标", "结论", "把握", "说明"])
    for a in analyses:
        for relation in [*a.relations, *a.unchecked]:
            d = relation.as_dict(a.figures)
            kind = {"rate": "比率", "sum": "合计", "implied": "推算", "change": "同比"}[relation.kind]
            verdict = (
                "无法核对"
                if not relation.checked
                else ("相符" if relation.consistent else "不符")
            )
            rel.append(
                [report_label(a), kind, lx.label(d.get("indicator", "")), verdict, d["confidence"], relation.note]
            )
            if relation.checked and not relation.consistent:
                for cell in rel[rel.max_row]:
                    cell.fill = BAD
    rel.column_dimensions["F"].width = 80

    st = wb.create_sheet("结构")
    st.append(["报告", "节标题", "类别", "数据项数"])
    for a in analyses:
        s = a.structure.as_dict()
        for sec in s["sections"]:
            st.append([report_label(a), sec["heading"], sec["kind_label"], sec["figures"]])
        for k in s["kinds_missing"]:
            st.append([report_label(a), "（缺少）", k, 0])
            for cell in st[st.max_row]:
                cell.fill = BAD
    st.column_dimensions["B"].width = 60
    wb.save(target)


def against_fazhi(
    analysis: Analysis, unit_name: str, year: int | None = None, user: Any = None
) -> list[dict[str, Any]]:
    """Each published catalogue figure beside the value Fazhi computes for the unit.

    Rows: code, label, unit, published, fazhi, differs. Raises Unit.DoesNotExist (with
    a Chinese message) when the unit is unknown or, given `user`, outside what the user
    may read; ValueError when no year is known.
    """
    # The analyzer reads text without Django; only this comparison with the records needs
    # the models, so they are imported here and reading stays importable on its own.
    from fazhi.indicators.catalogue import catalogue
    from fazhi.indicators.engine import compute
    from fazhi.org.models import Unit
    from fazhi.org.scope import can_read_unit

    year = year or analysis.year
    if not year:
        raise ValueError("无法从报告中识别年度，请指定年度。")
    unit = Unit.objects.resolve(unit_name)
    if user is not None:
        if not can_read_unit(user, unit):
            # Same message as an unknown unit: do not reveal units outside the scope.
            raise Unit.DoesNotExist(
                f"未找到单位“{unit_name.strip()}”（可用单位全称、简称或代码）。"
            )
    published = headline_values(analysis)
    known = set(catalogue())
    codes = [c for c in published if c in known]
    ours = compute(unit, year, codes) if codes else {}
    rows = []
    for code, value in published.items():
        mine = ours.get(code)
        mine_d = Decimal(str(mine)) if mine is not None else None
        rows.append(
            {
                "code": code,
                "label": lx.label(code),
                "unit": lx.CODE_UNIT.get(code, ""),
                "published": _num(value),
                "fazhi": _num(mine_d) if mine_d is not None else None,
                "differs": mine_d is not None and mine_d != value,
            }
        )
    return rows
