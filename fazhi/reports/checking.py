"""What every pre-issue check shares: a finding, the records of a unit and year, and the
comparison of a stated figure (read by the analyzer, or a table cell) with them.

Used by the annual report's check (precheck.py) and the statutory documents' checks
(statutory.py): the 政府信息公开 annual report and the enforcement data publication.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from fazhi.analyzer.report import Analysis
from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import display, engine
from fazhi.indicators.catalogue import Indicator
from fazhi.org.models import Unit


@dataclass(frozen=True)
class Finding:
    """What a check found in a document: where (a part, a table, 手工填报数据), what it
    quotes (words of the text or a placeholder; "" when none) and the message."""

    where: str
    quote: str
    message: str

    def __str__(self) -> str:
        quote = f"“{self.quote}”" if self.quote else ""
        return f"{self.where}{('：' + quote) if quote else ''}：{self.message}"


@dataclass
class Records:
    """The catalogue's figures computed from the records for a unit and year, and (on
    demand) the year before: what every stated figure is held against."""

    unit: Unit
    year: int
    codes: list[str] | None = None
    _now: dict[str, Any] | None = field(default=None, repr=False)
    _before: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def now(self) -> dict[str, Any]:
        if self._now is None:
            self._now = engine.compute(self.unit, self.year, self.codes, from_records=True)
        return self._now

    @property
    def before(self) -> dict[str, Any]:
        if self._before is None:
            self._before = engine.compute(self.unit, self.year - 1, self.codes, from_records=True)
        return self._before


def differs(ind: Indicator, stated: Decimal, recorded: Any) -> bool:
    return recorded is not None and display.shown_value(ind, recorded) != stated


def number(text: str) -> Decimal | None:
    """A table cell's number (12, 3.50, 95%, 1,200); None for —, blank or words."""
    cleaned = text.strip().replace(",", "").replace("，", "").removesuffix("%").strip()
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def stated_figure(
    records: Records, code: str, stated: Decimal, stated_text: str, where: str, quote: str
) -> Finding | None:
    """A finding when `stated` (the value of `code` the document states) is not what the
    records hold: a figure from the year before says so."""
    ind = cat_module.catalogue().get(code)
    if ind is None:
        return None
    recorded = records.now.get(code)
    if not differs(ind, stated, recorded):
        return None
    shown = display.figure(ind, recorded)
    said = f"“{display.label(ind)}”写为{stated_text}"
    if not differs(ind, stated, records.before.get(code)):
        message = f"{said}，是{records.year - 1}年的记录数；{records.year}年记录为{shown}"
    else:
        message = f"{said}，与记录不符：{records.year}年记录为{shown}"
    return Finding(where, quote, message)


def analysed_figures(
    analysis: Analysis,
    records: Records,
    *,
    where: Callable[[int], str],
    skip: Callable[[int], bool] = lambda position: False,
    codes: Container[str] | None = None,
) -> list[Finding]:
    """Every figure the analyzer read whose value the records do not bear out (a figure
    at a position `skip` names, e.g. a live field, is the records' own; with `codes`,
    only figures of those indicators are held against the records: a document of its
    own kind states no others, whatever the analyzer's lexicon takes its words for)."""
    out: list[Finding] = []
    for f in analysis.figures:
        if f.approx or f.high is not None or skip(f.position):
            continue
        if codes is not None and f.indicator not in codes:
            continue
        found = stated_figure(
            records, f.indicator, Decimal(f.value), f"{f.value}{f.unit}", where(f.position), f.quote
        )
        if found is not None:
            out.append(found)
    return out


def analysed_relations(
    analysis: Analysis,
    *,
    where: Callable[[int], str],
    skip: Callable[[int], bool] = lambda position: False,
    codes: Container[str] | None = None,
) -> list[Finding]:
    """Every rate ≠ its parts and parts ≠ total the analyzer found (unless all the
    figures involved are at positions `skip` names, or, with `codes`, one of them is of
    an indicator outside `codes`)."""
    out: list[Finding] = []
    for r in analysis.inconsistencies:
        involved = [i for i in (r.rate, r.numerator, r.denominator, r.total, *r.parts) if i is not None]
        if involved and all(skip(analysis.figures[i].position) for i in involved):
            continue
        if codes is not None and any(analysis.figures[i].indicator not in codes for i in involved):
            continue
        first = analysis.figures[involved[0]] if involved else None
        place = where(first.position) if first else "正文"
        out.append(Finding(place, first.quote if first else "", r.note or "数字之间不一致"))
    return out


def related_cells(values: dict[str, Decimal], where: Callable[[str], str]) -> list[Finding]:
    """Among the stated values by code (a table's cells), every catalogue rate that is not
    its numerator over its denominator and every total that is not the sum of its parts,
    where all the figures involved are stated."""
    out: list[Finding] = []
    for code, stated in values.items():
        ind = cat_module.catalogue().get(code)
        if ind is None or ind.kind not in ("parts", "rate"):
            continue
        needed: Iterable[str] = ind.parts if ind.kind == "parts" else (ind.numerator, ind.denominator)
        if not all(c in values for c in needed):
            continue
        expected = engine.derived(ind, dict(values))
        if expected is None:
            continue
        if display.shown_value(ind, expected) != stated:
            cat = cat_module.catalogue()
            if ind.kind == "parts":
                names = "、".join(display.label(cat[p]) for p in ind.parts)
                names = names if len(ind.parts) <= 3 else f"其{len(ind.parts)}个组成项"
                message = f"“{display.label(ind)}”{stated}不等于{names}之和{expected}"
            else:
                message = (
                    f"“{display.label(ind)}”{stated}%与“{display.label(cat[ind.numerator])}”"
                    f"除以“{display.label(cat[ind.denominator])}”所得{display.figure(ind, expected)}不符"
                )
            out.append(Finding(where(code), str(stated), message))
    return out
