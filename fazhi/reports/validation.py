"""Validation before issue: nothing leaves with a hole or a figure that does not add up.

Every problem names where it is (the section and, where there is one, the
placeholder) so that staff can go straight to it:

- every placeholder resolved (a known code with a value) and no 【请填写】 prompt left;
- every rate recomputed from its numerator and denominator;
- every sum of parts equal to its whole;
- the four mandatory kinds of section present;
- the 版头 and 版记 complete in GB/T 9704 form (发文字号 with 〔〕 and so on);
- the publication deadline shown (before 1 April of the next year);
- the final text, read back by the analyzer, against the records (precheck.py): a
  figure typed by hand that differs from the records or is last year's, a rate or a
  sum that does not add up, a required part the reader cannot find.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from fazhi.documents import gbt9704 as g
from fazhi.documents.numfmt import cn_date
from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import engine
from fazhi.indicators.prose import PLACEHOLDER, placeholders
from fazhi.reports import annual, precheck
from fazhi.reports.models import (
    AnnualReport,
    ReportFigure,
    ReportSection,
    SectionKind,
    publication_deadline,
)

# 《法治政府建设与责任落实督察工作规定》第25条 [M]: the four contents every report must have;
# "其他需要报告的情况" may be left out when there is nothing to report.
REQUIRED_KINDS = (
    SectionKind.MEASURES,
    SectionKind.SHORTCOMINGS,
    SectionKind.PRINCIPALS,
    SectionKind.PLANS,
)


@dataclass(frozen=True)
class Problem:
    """What stops a report from being issued: where it is (a section, 文头与版记,
    手工填报数据), the placeholder, code or words concerned ("" when none), what is wrong."""

    where: str
    placeholder: str
    message: str

    def __str__(self) -> str:
        spot = f"{self.where} {self.placeholder}" if self.placeholder else self.where
        return f"{spot}：{self.message}"


@dataclass
class Result:
    problems: list[Problem]
    deadline: date
    deadline_text: str
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


def section_label(index: int, section: ReportSection) -> str:
    return f"第{index}部分“{annual.LEADING_NUMBER.sub('', section.heading.strip())}”"


def _shown(ind: Any, value: Any) -> str:
    return annual.figure_text(ind, value)


def validate(
    report: AnnualReport,
    sections: list[ReportSection] | None = None,
    values: dict[str, Any] | None = None,
    *,
    figures: list[ReportFigure] | None = None,
    today: date | None = None,
) -> Result:
    """Every problem that stops the report from being issued, and the deadline to show."""
    cat = cat_module.catalogue()
    today = today or timezone.localdate()
    if sections is None:
        sections = annual.sections_of(report) if report.pk else []
    if figures is None:
        figures = list(report.manual_figures.all()) if report.pk and not report.is_issued else []
    if values is None:
        values = annual.effective_values(report, figures)
    problems: list[Problem] = []
    used: dict[str, list[str]] = {}  # code → where it is printed

    parts = [("导语", report.intro)] + [
        (section_label(i, s), s.text)
        for i, s in enumerate(sorted(sections, key=lambda s: s.position), 1)
    ]
    for where, text in parts:
        problems.extend(_text_problems(where, text or "", values, used))
    for i, s in enumerate(sorted(sections, key=lambda s: s.position), 1):
        if not (s.text or "").strip():
            problems.append(Problem(section_label(i, s), "", "正文为空"))
    present = {s.kind for s in sections}
    for kind in REQUIRED_KINDS:
        if kind not in present:
            problems.append(Problem("章节", "", f"缺少必须报告的章节“{kind.label}”"))

    manual = {f.code for f in figures}
    for f in figures:
        if f.code not in cat:
            problems.append(Problem("手工填报数据", f.code, "未知指标代码"))

    def where_of(code: str) -> tuple[str, str]:
        if code in used:
            return "、".join(dict.fromkeys(used[code])), "{{" + code + "}}"
        return ("手工填报数据" if code in manual else "指标数据"), code

    for code, ind in cat.items():
        if ind.kind == "rate" and values.get(code) is not None:
            num, den = values.get(ind.numerator), values.get(ind.denominator)
            where, ph = where_of(code)
            if not den:
                problems.append(
                    Problem(
                        where,
                        ph,
                        f"{ind.name}为{_shown(ind, values[code])}，但分母“{cat[ind.denominator].name}”为0或无数据",
                    )
                )
                continue
            expected = engine.derived(ind, values)
            if Decimal(str(values[code])) != Decimal(str(expected)):
                problems.append(
                    Problem(
                        where,
                        ph,
                        (
                            f"{ind.name}写为{_shown(ind, values[code])}，按{cat[ind.numerator].name}{num}÷"
                            f"{cat[ind.denominator].name}{den}重新计算应为{_shown(ind, expected)}"
                        ),
                    )
                )
        elif ind.kind == "parts" and values.get(code) is not None:
            total = engine.derived(ind, values)
            if Decimal(str(values[code])) != total:
                where, ph = where_of(code)
                names = "＋".join(f"{cat[p].name}{values.get(p) or 0}" for p in ind.parts)
                problems.append(
                    Problem(
                        where,
                        ph,
                        (f"{ind.name}为{values[code]}，但各分项之和 {names} ＝ {total}，二者不等"),
                    )
                )

    if not report.is_issued:
        # The final text read back by the analyzer and held against the records (precheck.py).
        problems.extend(
            Problem(f.where, f.quote, f.message)
            for f in precheck.findings(report, sections, values, figures=figures)
        )

    doc_problems = _document_problems(report, sections, values)
    problems.extend(Problem("文头与版记", "", p) for p in doc_problems)

    deadline = publication_deadline(report.year)
    text = f"本报告应于{cn_date(deadline)}前（{report.year + 1}年4月1日前）向社会公开"
    warnings = []
    if not report.is_issued and today > deadline:
        warnings.append(f"已超过公开期限（{cn_date(deadline)}），请尽快印发并公开。")
    return Result(problems, deadline, text, warnings)


def _text_problems(
    where: str, text: str, values: dict[str, Any], used: dict[str, list[str]]
) -> list[Problem]:
    cat = cat_module.catalogue()
    out = []
    for code in placeholders(text):
        ph = "{{" + code + "}}"
        if code not in cat:
            out.append(Problem(where, ph, "未知指标代码，无法填入数值"))
        elif values.get(code) is None:
            out.append(Problem(where, ph, f"“{cat[code].name}”没有数值（无数据或分母为0）"))
        else:
            used.setdefault(code, []).append(where)
    rest = PLACEHOLDER.sub("", text)
    if "{{" in rest or "}}" in rest:
        out.append(Problem(where, "", "有不完整的占位符（“{{”与“}}”不成对）"))
    for prompt in annual.PROMPT.findall(text):
        out.append(Problem(where, prompt, "尚未填写"))
    return out


def _document_problems(
    report: AnnualReport, sections: list[ReportSection], values: dict[str, Any]
) -> list[str]:
    try:
        doc = annual.build_document(report, sections, values, publish=False)
    except (ValueError, TypeError) as exc:
        return [str(exc)]
    return [p for p in g.check(doc) if not p.startswith("正文")]
