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
from collections.abc import Callable, Sequence
from typing import Any

from fazhi.documents.numfmt import chinese_numeral
from fazhi.indicators import engine
from fazhi.org.models import Unit
from fazhi.reports import outline

Values = dict[str, Any]
Names = Callable[[str, str], list[str]]

FIGURE = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")
NAMES = re.compile(r"<<(《?)([a-z0-9_]+)\.([a-z0-9_]+)(》?)>>")
CONDITION = re.compile(r"^\s*\?\(([^()]*)\)\s*")
OPERATOR = re.compile(r"(>=|<=|!=|=|<|>)")
# Punctuation left dangling where optional segments were dropped: "、。" "，其中。".
DANGLING = re.compile(r"[、，；]+(?=[。；，）])")
EMPTY_SUB = re.compile(r"，其中(?=[。；])")

NAMES_SHOWN = 3
LABEL = re.compile(r"^[^：:]{1,8}[：:]")


class OutlineError(ValueError):
    """An outline a template gives that cannot be used (message in Chinese)."""


def _side(expr: str, values: Values) -> int | float | None:
    total: Any = 0
    for term in expr.split("+"):
        term = term.strip()
        if re.fullmatch(r"\d+", term):
            total += int(term)
        elif re.fullmatch(r"[a-z0-9_]+", term):
            value = values.get(term)
            if value is None:
                return None
            total += value
        else:
            raise OutlineError(f"条件中的“{term}”不是指标代码或整数。")
    return total


def condition_holds(condition: str, values: Values) -> bool:
    parts = OPERATOR.split(condition, maxsplit=1)
    if len(parts) != 3:
        raise OutlineError(f"条件“{condition}”应为“代码 运算符 代码或整数”。")
    left, op, right = _side(parts[0], values), parts[1], _side(parts[2], values)
    if left is None or right is None:
        return False
    return {
        "=": left == right,
        "!=": left != right,
        "<": left < right,
        "<=": left <= right,
        ">": left > right,
        ">=": left >= right,
    }[op]


def _segments(text: str) -> list[tuple[bool, str]]:
    """[(optional?, text)] at the top level of `text`; `[[…]]` may nest."""
    out: list[tuple[bool, str]] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair == "[[":
            if depth == 0:
                out.append((False, text[start:i]))
                start = i + 2
            depth += 1
            i += 2
        elif pair == "]]":
            depth -= 1
            if depth < 0:
                raise OutlineError(f"句子“{text}”中的“]]”多于“[[”。")
            if depth == 0:
                out.append((True, text[start:i]))
                start = i + 2
            i += 2
        else:
            i += 1
    if depth:
        raise OutlineError(f"句子“{text}”中的“[[”没有对应的“]]”。")
    out.append((False, text[start:]))
    return out


def write(sentence: str, values: Values, names: Names, words: dict[str, str]) -> str | None:
    """The sentence as the draft writes it, or None when it cannot be written."""
    m = CONDITION.match(sentence)
    if m:
        if not condition_holds(m.group(1), values):
            return None
        sentence = sentence[m.end() :]
    out = []
    for optional, part in _segments(sentence):
        if optional:
            out.append(write(part, values, names, words) or "")
            continue
        for code in FIGURE.findall(part):
            if not values.get(code):  # None or zero: the sentence is not written
                return None
        failed = False

        def name_list(n: re.Match[str]) -> str:
            nonlocal failed
            found = names(n.group(2), n.group(3))
            if not found:
                failed = True
                return ""
            return "、".join(f"{n.group(1)}{x}{n.group(4)}" for x in found)

        part = NAMES.sub(name_list, part)
        if failed:
            return None
        for key, word in words.items():
            part = part.replace("{" + key + "}", word)
        out.append(part)
    return "".join(out)


def tidy(text: str) -> str:
    return EMPTY_SUB.sub("", DANGLING.sub("", text))


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


def _theme_sentences(theme: dict, values: Values, names: Names, words: dict[str, str]) -> list[str]:
    written = []
    for entry in theme.get("sentences", []):
        choices = [entry] if isinstance(entry, str) else list(entry)
        for choice in choices:
            text = write(choice, values, names, words)
            if text:
                written.append(tidy(text))
                break
    return written


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
        sentences = _theme_sentences(theme, values, names, words)
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
    from fazhi.reports.models import SectionKind

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
                    _segments(choice)
                    m = CONDITION.match(choice)
                    if m:
                        OPERATOR.split(m.group(1), maxsplit=1)[2]
                except (OutlineError, IndexError, TypeError) as exc:
                    problems.append(f"{where}：{exc if isinstance(exc, OutlineError) else '句子格式不正确'}")
    return problems


def prose(sentences: Sequence[str | Sequence[str]], values: Values, words: dict[str, str]) -> str:
    """Sentences written as a document prints them: zero figures left out, figures filled
    in the house style. For the statutory documents other than the annual report (the
    enforcement data publication, …), which have no live fields to keep."""
    from fazhi.reports.annual import fill

    theme = {"sentences": list(sentences)}
    return fill("".join(_theme_sentences(theme, values, no_names, words)), values)


def no_names(code: str, field: str) -> list[str]:
    return []
