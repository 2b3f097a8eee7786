"""A section on screen: live fields that open the records behind them, hand-typed figures marked.

`{{code}}` is shown as its figure, linked to the records it counts (the indicator
screen's drill-down, `indicators:records`); a figure entered by hand (`ReportFigure`)
is marked 手填 with its source; a number typed into the text itself is marked as not
linked to any record, so a reviewer sees at a glance which figures the records vouch for.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import display
from fazhi.indicators.drilldown import records_url
from fazhi.indicators.prose import PLACEHOLDER
from fazhi.org.models import Unit
from fazhi.reports import annual

# A number with a unit a report counts in, not inside a placeholder: typed by hand.
TYPED = re.compile(
    r"(?<![\d.{])(\d+(?:\.\d+)?)(余|多)?(万元|万|人次|场次|件|项|名|个|次|份|卷|条|期|人|%)"
)


def _typed(text: str) -> str:
    return TYPED.sub(
        lambda m: f'<mark class="typed-figure" title="手工输入的数字，未关联记录">{m.group(0)}</mark>',
        escape(text),
    )


def _figure(code: str, values: dict[str, Any], unit: Unit, year: int, manual: dict[str, str]) -> str:
    cat = cat_module.catalogue()
    ind = cat.get(code)
    if ind is None or values.get(code) is None:
        return format_html('<span class="missing-figure" title="无此指标或无数值">{{{{{}}}}}</span>', code)
    shown = annual.figure_text(ind, values[code])
    name = display.label(ind)
    if code in manual:
        return format_html(
            '<span class="live-figure manual" data-code="{}" title="{}：手工填报（来源：{}）">{}<sup>手填</sup></span>',
            code, name, manual[code], shown,
        )
    if ind.kind == "parts":
        return format_html(
            '<span class="live-figure" data-code="{}" title="{}：由各分项相加">{}</span>', code, name, shown
        )
    return format_html(
        '<a class="live-figure" data-code="{}" href="{}" title="{}：{}年记录，点击查看">{}</a>',
        code, records_url(code, unit, year), name, year, shown,
    )


def line_html(line: str, values: dict[str, Any], unit: Unit, year: int, manual: dict[str, str]) -> str:
    out, last = [], 0
    for m in PLACEHOLDER.finditer(line):
        out.append(_typed(line[last : m.start()]))
        out.append(_figure(m.group(1), values, unit, year, manual))
        last = m.end()
    out.append(_typed(line[last:]))
    return "".join(out)


def section_html(text: str, values: dict[str, Any], unit: Unit, year: int, manual: dict[str, str]) -> SafeString:
    """The section's paragraphs as HTML, subsection headings in bold."""
    paragraphs = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        if annual.SUBHEADING.match(line):
            number = annual.SUBHEADING.match(line).group(0)
            head, sep, rest = annual.SUBHEADING.sub("", line).partition("。")
            body = f"<strong>{escape(number)}{line_html(head + sep, values, unit, year, manual)}</strong>"
            body += line_html(rest, values, unit, year, manual)
        else:
            body = line_html(line, values, unit, year, manual)
        paragraphs.append(f"<p>{body}</p>")
    return mark_safe("".join(paragraphs))  # noqa: S308 - every piece escaped above
