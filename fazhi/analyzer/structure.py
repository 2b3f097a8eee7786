"""A report's sections against the five kinds the annual report must have
(DOMAIN.md; 《法治政府建设与责任落实督察工作规定》第二十五条 as shared/domain/statutes.md
recalls it, not verified verbatim), and how specific it
is: figures per section and sections without a single figure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import lexicon as lx
from .extract import Figure

CN_ORDER = "一二三四五六七八九十"


@dataclass
class Section:
    heading: str
    kind: str
    start: int
    end: int
    figures: int = 0


@dataclass
class Structure:
    sections: list[Section]
    kinds_in_headings: list[str]
    kinds_in_body_only: list[str]
    kinds_missing: list[str]
    figures_total: int
    figures_per_section: float
    sections_without_figures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        labels = {k: label for k, label, _ in lx.SECTION_KINDS}
        return {
            "sections": [
                {
                    "heading": s.heading,
                    "kind": s.kind,
                    "kind_label": labels[s.kind],
                    "figures": s.figures,
                }
                for s in self.sections
            ],
            "kinds_in_headings": [labels[k] for k in self.kinds_in_headings],
            "kinds_in_body_only": [labels[k] for k in self.kinds_in_body_only],
            "kinds_missing": [labels[k] for k in self.kinds_missing],
            "specificity": {
                "figures": self.figures_total,
                "figures_per_section": round(self.figures_per_section, 2),
                "sections_without_figures": self.sections_without_figures,
            },
        }


def _cn_index(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + CN_ORDER.index(numeral[1]) + 1
    return CN_ORDER.index(numeral[0]) + 1 if len(numeral) == 1 else 0


def section_kind(heading: str) -> str:
    for kind, _label, pattern in lx.SECTION_KINDS:
        if pattern and re.search(pattern, heading):
            return kind
    return "measures"


def find_sections(text: str) -> list[Section]:
    """The top-level headings (一、… 二、…), in order; numbering must run on."""
    found: list[Section] = []
    expected = 1
    for m in lx.HEADING.finditer(text):
        if _cn_index(m.group(1)) != expected:
            continue
        heading = m.group(0).strip()
        if re.search(r"[\t|｜]", heading):
            continue  # a table row (一、本年新收政府信息公开申请数量 | 40 | …), not a heading
        if len(heading) > 60 and heading[-1] in "。；":
            continue  # a numbered paragraph, not a heading
        found.append(Section(heading, section_kind(heading), m.start(), len(text)))
        expected += 1
    for a, b in zip(found, found[1:], strict=False):
        a.end = b.start
    return found


def check_structure(text: str, figures: list[Figure]) -> Structure:
    sections = find_sections(text)
    for s in sections:
        s.figures = sum(1 for f in figures if s.start <= f.position < s.end)
    in_headings = []
    for s in sections:
        if s.kind not in in_headings:
            in_headings.append(s.kind)
    body_only = [
        k
        for k, _l, _p in lx.SECTION_KINDS
        if k not in in_headings and re.search(lx.SECTION_BODY_HINTS[k], text)
    ]
    # 其他需要报告的情况 may be left out when there is nothing to report; it is not
    # counted missing.
    missing = [
        k
        for k, _l, _p in lx.SECTION_KINDS
        if k not in in_headings and k not in body_only and k != "other"
    ]
    per_section = (len(figures) / len(sections)) if sections else float(len(figures))
    return Structure(
        sections=sections,
        kinds_in_headings=in_headings,
        kinds_in_body_only=body_only,
        kinds_missing=missing,
        figures_total=len(figures),
        figures_per_section=per_section,
        sections_without_figures=[s.heading for s in sections if s.figures == 0],
    )
