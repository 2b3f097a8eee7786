"""Sentences with figures in them, written as a document prints them.

A sentence holds figures as `{{code}}` (catalogue codes); `[[…]]` marks a segment that
is left out when a figure in it is zero or missing; `?(a + b = c)` at the start writes
the sentence only when the condition holds; `<<《code.field》>>` names the records
behind a figure (the caller supplies the names). `fill()` puts each figure in, in the
house style (display.py). The annual report's composer (reports/compose.py) and the
statutory documents of the registers (the enforcement data publication, …) write with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import figure

Values = dict[str, Any]
Names = Callable[[str, str], list[str]]

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
FIGURE = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")
NAMES = re.compile(r"<<(《?)([a-z0-9_]+)\.([a-z0-9_]+)(》?)>>")
CONDITION = re.compile(r"^\s*\?\(([^()]*)\)\s*")
OPERATOR = re.compile(r"(>=|<=|!=|=|<|>)")
# Punctuation left dangling where optional segments were dropped: "、。" "，其中。".
DANGLING = re.compile(r"[、，；]+(?=[。；，）])")
EMPTY_SUB = re.compile(r"，其中(?=[。；])")


class OutlineError(ValueError):
    """An outline a template gives that cannot be used (message in Chinese)."""


def _side(expr: str, values: Values) -> int | float | None:
    total: int | float = 0
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


def segments(text: str) -> list[tuple[bool, str]]:
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
    for optional, part in segments(sentence):
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


def theme_sentences(theme: dict[str, Any], values: Values, names: Names, words: dict[str, str]) -> list[str]:
    written = []
    for entry in theme.get("sentences", []):
        choices = [entry] if isinstance(entry, str) else list(entry)
        for choice in choices:
            text = write(choice, values, names, words)
            if text:
                written.append(tidy(text))
                break
    return written


def placeholders(text: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(text or "")]


def fill(text: str, values: Values) -> str:
    """Replace each known placeholder by its figure in Chinese style; leave others as they are."""
    cat = catalogue()

    def sub(m: re.Match[str]) -> str:
        code = m.group(1)
        if code in cat and values.get(code) is not None:
            return figure(cat[code], values[code])
        return m.group(0)

    return PLACEHOLDER.sub(sub, text or "")


def prose(sentences: Sequence[str | Sequence[str]], values: Values, words: dict[str, str]) -> str:
    """Sentences written as a document prints them: zero figures left out, figures filled
    in the house style. For the statutory documents other than the annual report (the
    enforcement data publication, …), which have no live fields to keep."""
    theme = {"sentences": list(sentences)}
    return fill("".join(theme_sentences(theme, values, no_names, words)), values)


def no_names(code: str, field: str) -> list[str]:
    return []
