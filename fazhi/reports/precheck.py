"""The pre-issue check: the final text read back by the analyzer and held against the records.

The report's text is rebuilt as it will be printed, remembering where each live field
(`{{code}}`, filled from the records) landed. The analyzer (its public entry point,
`analyzer.report.analyze_text`, the same as `fazhi analyze FILE`) then reads the text as
it would read anyone's published report, and every figure it finds that is not a live
field, i.e. typed by hand, is compared with the records:

- stated ≠ records: "调处矛盾纠纷1050件" where the records hold 1047;
- a figure from another year: the value the records hold for the year before;
- rate ≠ its parts and parts ≠ total, where a hand-typed figure takes part (the live
  fields among themselves are derived by the engine and agree by construction);
- a required part the analyzer cannot find;
- a hand-entered figure (`ReportFigure`) that differs from what a register records.

Each problem names the part and subsection it is in and quotes the words. The
comparison itself (a stated figure against the records, the analyzer's relations) is
checking.py's, shared with the statutory documents' check (statutory.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fazhi.analyzer.report import analyze_text
from fazhi.documents.numfmt import chinese_numeral
from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import display
from fazhi.indicators.prose import PLACEHOLDER
from fazhi.reports import annual, checking
from fazhi.reports.checking import Finding, Records
from fazhi.reports.models import AnnualReport, ReportFigure, ReportSection

LIVE_START, LIVE_END = "\ue000", "\ue001"  # private-use marks around a filled live field

__all__ = ["FinalText", "Finding", "final_text", "findings"]


@dataclass
class FinalText:
    """The report's body as printed, with where each live field and each paragraph is."""

    text: str
    live: list[tuple[int, int]]
    places: list[tuple[int, int, str]]  # (start, end, "第1部分“…”（七）…")

    def is_live(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.live)

    def where(self, position: int) -> str:
        for start, end, label in self.places:
            if start <= position <= end:
                return label
        return "正文"


def final_text(report: AnnualReport, sections: list[ReportSection], values: dict[str, Any]) -> FinalText:
    cat = cat_module.catalogue()

    def marked(text: str) -> str:
        def sub(m: Any) -> str:
            code = m.group(1)
            if code in cat and values.get(code) is not None:
                return LIVE_START + annual.figure_text(cat[code], values[code]) + LIVE_END
            return m.group(0)

        return PLACEHOLDER.sub(sub, text or "")

    lines: list[tuple[str, str]] = [(report.title.replace("\n", ""), "标题")]
    lines += [(marked(x.strip()), "导语") for x in (report.intro or "").splitlines() if x.strip()]
    ordered = sorted(sections, key=lambda s: (s.position, s.pk or 0))
    for i, s in enumerate(ordered, 1):
        part = annual.LEADING_NUMBER.sub("", s.heading.strip())
        label = f"第{i}部分“{part}”"
        lines.append((f"{chinese_numeral(i)}、{part}", label))
        sub_number = 0
        for raw in (s.text or "").splitlines():
            line = marked(raw.strip())
            if not line:
                continue
            where = label
            if annual.SUBHEADING.match(line):
                sub_number += 1
                head = annual.SUBHEADING.sub("", line).partition("。")[0]
                line = f"（{chinese_numeral(sub_number)}）" + annual.SUBHEADING.sub("", line)
                where = f"{label}（{chinese_numeral(sub_number)}）{head}"
            lines.append((line, where))
    text, live, places = "", [], []
    for line, where in lines:
        start = len(text)
        plain = ""
        for ch in line:
            if ch == LIVE_START:
                live_start = start + len(plain)
            elif ch == LIVE_END:
                live.append((live_start, start + len(plain)))
            else:
                plain += ch
        text += plain + "\n"
        places.append((start, start + len(plain), where))
    return FinalText(text, live, places)


def findings(
    report: AnnualReport,
    sections: list[ReportSection],
    values: dict[str, Any],
    *,
    figures: Iterable[ReportFigure] = (),
) -> list[Finding]:
    """Everything the final text states that the records do not bear out."""
    cat = cat_module.catalogue()
    final = final_text(report, sections, values)
    analysis = analyze_text(final.text, annual.file_name(report, "txt"))
    held = Records(report.unit, report.year)
    records = held.now
    out = checking.analysed_figures(analysis, held, where=final.where, skip=final.is_live)
    # Live fields only: the engine derived them from one another.
    out += checking.analysed_relations(analysis, where=final.where, skip=final.is_live)

    for kind in analysis.structure.as_dict()["kinds_missing"]:
        out.append(Finding("章节", "", f"找不到必须报告的部分“{kind}”"))

    for fig in figures:
        ind = cat.get(fig.code)
        recorded = records.get(fig.code)
        if ind is None or ind.kind in ("rate", "parts") or not recorded:
            continue  # rates and sums are rechecked from their parts (validation.py)
        if Decimal(str(fig.value)) != Decimal(str(recorded)):
            out.append(
                Finding(
                    "手工填报数据",
                    "{{" + fig.code + "}}",
                    f"“{display.label(ind)}”手工填报为{annual.figure_text(ind, fig.value)}"
                    f"（来源：{fig.source}），与记录{annual.figure_text(ind, recorded)}不符",
                )
            )
    return out
