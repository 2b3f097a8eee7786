"""The first draft written as prose, from the records, following the outline (outline.py).

`compose_section(kind, ...)` returns a section's text in the format staff edit (one
paragraph a line, "（一）" starting a subsection): figures stay `{{code}}` live fields so
they follow the records until the report is issued; the names behind them (decision
titles, lecture titles, study topics) are written out from `engine.records()`, the same
records the figures count. A sentence whose figure is zero is not written, so no zero
figure, empty family or internal label reaches the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from fazhi.documents.numfmt import chinese_numeral
from fazhi.indicators import engine
from fazhi.indicators.prose import (
    CONDITION,
    OPERATOR,
    Names,
    OutlineError,
    Values,
    segments,
    theme_sentences,
)
from fazhi.org.models import Unit
from fazhi.reports import outline
from fazhi.reports.models import SectionKind

NAMES_SHOWN = 3
LABEL = re.compile(r"^[^：:]{1,8}[：:]")


def records_names(unit: Unit, year: int, limit: int = NAMES_SHOWN) -> Names:
    """Names behind a figure: the first distinct values of `field` on its records."""

    def names(code: str, field: str) -> list[str]:
        try:
            qs = engine.records(code, unit, year)
            raw = qs.order_by("pk").values_list(field, flat=True)[:500]
        except Exception as exc:  # unknown code or field: the outline is wrong
            raise OutlineError(f"无法列出指标“{code}”记录的“{field}”：{exc}") from exc
        seen: list[str] = []
        for value in raw:
            # "会前学法：民法典" → "民法典": the label before a colon is the record's kind.
            value = LABEL.sub("", str(value or "").strip())
            if value and value not in seen:
                seen.append(value)
            if len(seen) == limit:
                break
        return seen

    return names


def _fill_words(text: str, words: dict[str, str]) -> str:
    for key, word in words.items():
        text = text.replace("{" + key + "}", word)
    return text


def written_themes(
    themes: Sequence[dict], kind: str, values: Values, names: Names, words: dict[str, str]
) -> list[tuple[dict, list[str]]]:
    out = []
    for theme in themes:
        if theme.get("section") != kind:
            continue
        sentences = theme_sentences(theme, values, names, words)
        if sentences or not theme.get("sentences") or theme.get("always") or kind != "measures":
            out.append((theme, sentences))
    return out


def compose_section(
    kind: str, themes: Sequence[dict], values: Values, names: Names, words: dict[str, str]
) -> str:
    """The section's draft text; "" when the outline gives it nothing to say."""
    if kind == "plans":
        items = [
            t.get("plan", "")
            for t, _ in written_themes(themes, "measures", values, names, words)
            if t.get("plan")
        ]
        if not items:
            return ""
        listed = "".join(f"{chinese_numeral(i)}是{_fill_words(p, words)}。" for i, p in enumerate(items, 1))
        return _fill_words(outline.PLAN_LEAD, words) + listed + _fill_words(outline.PLAN_CLOSE, words)
    lines = []
    for theme, sentences in written_themes(themes, kind, values, names, words):
        if theme.get("enumerate"):
            sentences = [f"{chinese_numeral(i)}是{s}" for i, s in enumerate(sentences, 1)]
        body = _fill_words(theme.get("lead", ""), words) + "".join(sentences)
        body += _fill_words(theme.get("close", ""), words)
        if not body:
            continue
        heading = theme.get("heading", "")
        lines.append(f"（一）{heading}。{body}" if heading else body)
    return "\n".join(lines)


def check_themes(themes: Any) -> list[str]:
    """Problems of a template's themes, in Chinese ([] if it can be used)."""
    if not isinstance(themes, list):
        return ["专题应为列表。"]
    problems = []
    for i, theme in enumerate(themes, 1):
        if not isinstance(theme, dict):
            problems.append(f"第{i}个专题应为对象。")
            continue
        where = f"第{i}个专题“{theme.get('heading') or theme.get('key') or ''}”"
        if theme.get("section") not in SectionKind.values:
            problems.append(f"{where}：章节代码“{theme.get('section')}”未知。")
        for entry in theme.get("sentences", []):
            for choice in [entry] if isinstance(entry, str) else entry:
                try:
                    segments(choice)
                    m = CONDITION.match(choice)
                    if m:
                        OPERATOR.split(m.group(1), maxsplit=1)[2]
                except (OutlineError, IndexError, TypeError) as exc:
                    problems.append(f"{where}：{exc if isinstance(exc, OutlineError) else '句子格式不正确'}")
    return problems


