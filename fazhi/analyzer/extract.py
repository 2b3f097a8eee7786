"""Figures out of a report's text: every number that measures something, with its
indicator code, value, unit, approximation, scope, exact quote and position.

The text is first compacted (`Compact`): whitespace is dropped, so that the spaces
PDF and Word conversion leave inside numbers and words ("1008 名", "执法案\\n件") do
not matter, except line breaks that end a paragraph or a heading. Every character
of the compact text remembers its offset in the original, so quotes are exact
substrings of what was read and positions point into it.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any, Generic, TypeVar

import opencc

from . import kinds
from . import lexicon as lx
from .numbers import FULLWIDTH, UNITS, NumberToken, duration_follows, find_numbers

_FAR = 1 << 62
# Measure words this close to a number compete by priority; further off, by distance.
NEAR_CHARS = 8
CLAUSE_END = set("，。；;！？!?,\n\t：:（()）")
CELL_END = "\t\n"
# How far back the words that give a measure its topic (复议, 调解…) may stand.
CONTEXT_CHARS = 150
SENTENCE_END = set("。；;！？!?\n")
_LINE_END_PUNCT = tuple("。！？；：:;!?”）)】|｜")
_HEADING_START = re.compile(
    r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])"
)


_FLAT_NUMBER = re.compile(r"^-?[\d.,]+(%|[件人次个项条名宗起家])?[①-⑳]?$|^[—-]$")
_FLAT_MAX_WIDTH = 12


def _flat_word(line: str) -> bool:
    """A short cell of words (a header or a row label), not a sentence."""
    return 0 < len(line) <= 16 and not _FLAT_NUMBER.match(line) and line[-1] not in "。；;！？!?，,：:"


def _runs(flags: list[bool]) -> list[int]:
    """For each line, how many lines from it on have the flag, itself included."""
    out = [0] * (len(flags) + 1)
    for k in range(len(flags) - 1, -1, -1):
        out[k] = out[k + 1] + 1 if flags[k] else 0
    return out


def _rebuild_flat_tables(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """A table flattened one cell per line (单位 / 新收案件 / 受理案件 / 甲区 / 12 / 9 /
    乙区 / 7 / 5 …) rebuilt as rows of tab-separated cells, where the cell counts
    prove the grid: a run of short header cells followed by at least two rows of as
    many cells, each a label and then numbers only. A header one cell short (no name
    over the labels) gets an empty first cell. Nothing else is touched. Linear in the
    number of lines: each line's run of word lines and of number lines is counted once."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    words = _runs([_flat_word(x) for x in lines])
    numbers = _runs([bool(_FLAT_NUMBER.match(x)) for x in lines])
    joins: list[int] = []  # offsets of line breaks that become cell boundaries
    inserts: list[int] = []  # offsets where an empty first cell is put
    i = 0
    while i < len(lines):
        best = None
        # The header is the run of word lines from here but the last, which labels
        # the first row (the next line is a number).
        head = words[i] - 1
        label = i + head
        if 2 <= head <= _FLAT_MAX_WIDTH and numbers[label + 1]:
            for width in (head, head + 1):
                rows, j = 0, label
                while words[j] and numbers[j + 1] >= width - 1 and j + width <= len(lines):
                    rows, j = rows + 1, j + width
                # The full header first; one cell short only where it makes more rows.
                if rows >= 2 and (best is None or rows * width > best[2] * best[0]):
                    best = (width, head, rows)
        if best is None and 3 <= words[i] <= _FLAT_MAX_WIDTH and numbers[i + words[i]]:
            # Rows opening with their number (序号 / 处理方式 / 数量 / 比例 over 1 /
            # 作出维持决定 / 3509 / 74.7% …): a number, the label, then numbers only.
            width = words[i]
            rows, j = 0, i + width
            while j + width <= len(lines) and numbers[j] == 1 and words[j + 1] == 1 and numbers[j + 2] >= width - 2:
                rows, j = rows + 1, j + width
            if rows >= 2:
                best = (width, width, rows)
        if best is None and 3 <= words[i] <= _FLAT_MAX_WIDTH:
            # A header of three or more cells over rows of numbers only, as many in
            # each (申请数量 / 受理数量 / 许可数量 / 120 / 118 / 110), up to a line
            # that is not a number.
            head = words[i]
            run = numbers[i + head]
            if run and run % head == 0:
                best = (head, head, run // head)
        if best is None:
            i += 1
            continue
        width, head, rows = best
        if head < width:
            inserts.append(starts[i])
        joins += [starts[k] - 1 for k in range(i + 1, i + head)]
        first = i + head
        for r in range(rows):
            joins += [starts[k] - 1 for k in range(first + r * width + 1, first + (r + 1) * width)]
        i = first + rows * width
    if not joins:
        return text, offsets
    chars = list(text)
    for k in joins:
        chars[k] = "\t"
    out, offs, last = [], [], 0
    for at in sorted(inserts):
        out.append("".join(chars[last:at]))
        offs.extend(offsets[last:at])
        out.append("\t")
        offs.append(offsets[at])
        last = at
    out.append("".join(chars[last:]))
    offs.extend(offsets[last:])
    return "".join(out), offs


# After a list number whose punctuation was lost, what proves a figure follows: a
# year (12020年 is item 1 and 2020年) or a count with its measure word (313个市州 is
# item 3 and 13个市州).
_GLUED_REST = re.compile(
    r"((19|20)\d\d年|[1-9]\d*(\.\d+)?(万|亿)?(" + "|".join(re.escape(u) for u in UNITS) + r"))"
)
_ITEM_MARK = re.compile(r"[.、．]|[\u4e00-\u9fff]")
# Paragraphs without a number that may stand between two items of a list.
_LIST_GAP = 4


def _split_list_numbers(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Paragraphs numbered 1…, 2…, 3… whose list marker lost its punctuation, so the
    item number runs into a figure right after it (313个市州新收… is item 3 and 13个市州;
    12020年… is item 1 and 2020年): a 、 is put back after the item number. Only
    where the numbering proves it: items 1, 2, 3… in order, each at the start of a
    paragraph, at least three of them or two with one written plainly (1.加强…, 2深化…);
    the rest must be a year or a count with its measure word. Every other number is
    left as it is. The 、 maps to the item number's offset in the original."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    heads = []
    for p in starts:
        m = re.match(r"\d+", text[p : p + 12])
        heads.append((p, m.group(0) if m else ""))
    chains: list[list[tuple[int, int, bool]]] = []  # (paragraph start, item, glued)
    chain: list[tuple[int, int, bool]] = []
    gap = 0
    for p, digits in heads:
        n = chain[-1][1] + 1 if chain else 1
        item = _list_item(text, p, digits, n)
        if item is None and chain and n != 1:
            first = _list_item(text, p, digits, 1)
            if first is not None:
                chains.append(chain)
                chain, item, n = [], first, 1
        if item is not None:
            chain.append((p, n, item))
            gap = 0
            continue
        gap += 1
        if chain and gap > _LIST_GAP:
            chains.append(chain)
            chain = []
    chains.append(chain)
    inserts = []
    for ch in chains:
        plain = any(not glued for _p, _n, glued in ch)
        if len(ch) >= 3 or len(ch) == 2 and plain:
            inserts += [p + len(str(n)) for p, n, glued in ch if glued]
    if not inserts:
        return text, offsets
    out, offs, last = [], [], 0
    for at in sorted(inserts):
        out.append(text[last:at])
        offs.extend(offsets[last:at])
        out.append("、")
        offs.append(offsets[at - 1])
        last = at
    out.append(text[last:])
    offs.extend(offsets[last:])
    return "".join(out), offs


# 发布政务信息（1386）条, 共（29）件: a form's blank filled in with the count, the
# brackets between the count and its measure word. (Not an item marker: （1）个人信息…
# opens a line or follows punctuation; not an article: 第（三）条.)
_FILLED_BLANK = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<!第)（(\d[\d.,]*(万|亿)?)）(?=" + "|".join(re.escape(u) for u in UNITS) + r")"
)


def _unwrap_filled_blanks(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """The text with the brackets of every filled-in blank taken out, so the count reads
    with its measure word; each kept character keeps its offset in the original."""
    drops: set[int] = set()
    for m in _FILLED_BLANK.finditer(text):
        drops.update((m.start(), m.end() - 1))
    if not drops:
        return text, offsets
    keep = [k for k in range(len(text)) if k not in drops]
    return "".join(text[k] for k in keep), [offsets[k] for k in keep]


def _list_item(text: str, p: int, digits: str, n: int) -> bool | None:
    """Whether the paragraph at `p` opens as item `n` of a list: False when written
    plainly (3.加强…, 3、…, 3深化…), True when its number runs into a figure (313个…),
    None when it is not item `n`."""
    mark = str(n)
    if not digits.startswith(mark):
        return None
    if digits == mark:
        after = text[p + len(mark) : p + len(mark) + 1]
        if _ITEM_MARK.match(after) and not (after == "." and text[p + len(mark) + 1 : p + len(mark) + 2].isdigit()):
            return False
        return None
    rest = p + len(mark)
    return True if _GLUED_REST.match(text, rest) and text[rest] != "0" else None


# Half-width punctuation in Chinese text (web pages stored as plain text): read as the
# full-width marks the rules are written for, one character for one so offsets hold.
# A comma or colon between digits stays (1,234; 8:30; 2.5:1).
_HALF_WIDTH = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()]")
_TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}


# 调解成功率99·59% (a decimal point printed as a middle dot): read as 99.59%, not as 59%
# after a 99 (the dot in 12·4 and 八·一 names a day, with no % after it).
_MIDDLE_DOT_DECIMAL = re.compile(r"(\d)[·•](?=\d+%)")


_PINYIN_GLOSS = re.compile(r"（[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}）")
_T2S = opencc.OpenCC("t2s")
_SIMPLIFIED: dict[int, str] = {}  # code point → its simplified character, as met


def simplified(text: str) -> str:
    """The text in simplified characters, character for character (行政復議 → 行政复议), so
    that a report published in traditional script reads with the same words and every
    offset still points into the original. A character whose simplified form is not a
    single character is kept. Each distinct character is converted once."""
    for ch in set(text):
        if ord(ch) >= 0x3400 and ord(ch) not in _SIMPLIFIED:
            s = _T2S.convert(ch)
            _SIMPLIFIED[ord(ch)] = s if len(s) == 1 else ch
    return text.translate(_SIMPLIFIED)


def _full_width_punctuation(text: str) -> str:
    return _HALF_WIDTH.sub(lambda m: _TO_FULL_WIDTH[m.group(0)], text)


class Compact:
    """The text without whitespace, each character mapped to its original offset."""

    def __init__(self, text: str) -> None:
        self.original = text
        chars: list[str] = []
        offsets: list[int] = []
        lines = _full_width_punctuation(simplified(text)).split("\n")
        bordered = self._bordered_lines(lines)
        # The next line with text after each line (computed once: a slice of the rest
        # for every line made long texts quadratic).
        following = [""] * len(lines)
        nxt = ""
        for k in range(len(lines) - 1, -1, -1):
            following[k] = nxt
            if lines[k].strip():
                nxt = lines[k]
        pos = 0
        for i, line in enumerate(lines):
            line_start = len(chars)
            gloss = {k for m in _PINYIN_GLOSS.finditer(line) for k in range(m.start(), m.end())}
            for j, ch in enumerate(line):
                if j in gloss:
                    continue  # 行政复（fù）议: a mirror's pinyin gloss is not part of the words
                if ch.isspace() or ch in "|｜":
                    # A tab between two cells of a table row (.docx, .html) and the bar
                    # of a text table are kept as the cell boundary: 作出维持决定 | 3509 |
                    # 74.7% must not read 350974.7%. An empty cell between two others
                    # (and an empty first cell, unless the bar is only the table's left
                    # border) is kept too, so every column stays under its header
                    # (| 收案数 | 受理数 |  | 收案数 | 受理数 over 甲区 | 5 | 4 | 乙区 | 6 | 3).
                    if (
                        ch in "\t|｜"
                        and line[j + 1 :].strip(" \t|｜")
                        and (
                            len(chars) > line_start
                            or ch == "\t"
                            or not bordered[i]
                            or any(x in line[:j] for x in "\t|｜")
                        )
                    ):
                        chars.append("\t")
                        offsets.append(pos + j)
                    continue
                chars.append(ch)
                offsets.append(pos + j)
            pos += len(line) + 1
            if (
                i + 1 < len(lines)
                and chars
                and chars[-1] != "\n"
                and self._ends_paragraph(line, following[i])
            ):
                chars.append("\n")
                offsets.append(pos - 1)
        joined = _MIDDLE_DOT_DECIMAL.sub(r"\1.", "".join(chars).translate(FULLWIDTH))
        compact, offsets = _rebuild_flat_tables(joined, offsets)
        compact, offsets = _unwrap_filled_blanks(compact, offsets)
        self.text, self.offsets = _split_list_numbers(compact, offsets)

    @staticmethod
    def _bordered_lines(lines: list[str]) -> list[bool]:
        """For each line, whether its bar-separated table draws a left border: every
        row of the run of lines holding bars starts with one (| 申请事项 | … over
        | 数量 | …). Where some rows do not (甲区 | 5 | 4), a line opening with a bar
        opens with an empty cell."""
        out = [False] * len(lines)
        k = 0
        while k < len(lines):
            if "|" not in lines[k] and "｜" not in lines[k]:
                k += 1
                continue
            m = k
            while m < len(lines) and ("|" in lines[m] or "｜" in lines[m]):
                m += 1
            border = all(x.lstrip(" \u3000").startswith(("|", "｜")) for x in lines[k:m])
            for n in range(k, m):
                out[n] = border
            k = m
        return out

    @staticmethod
    def _ends_paragraph(line: str, following: str) -> bool:
        """A line break ends a paragraph unless it only wraps a long body line
        (`following` is the next line with text)."""
        stripped = line.strip()
        if not stripped:
            return False
        if stripped.endswith(_LINE_END_PUNCT) or _HEADING_START.match(following):
            return True
        if "\t" in line or "|" in stripped or "｜" in stripped:
            return True  # a table row (.docx, .html cells apart by a tab; a text table)
        # Conversion wraps body text at the page width; short lines are headings.
        return len(stripped) < 30

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the compact range [start, end)."""
        end = max(end, start + 1)
        return self.offsets[start], self.offsets[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


@dataclass
class Figure:
    indicator: str
    value: Decimal
    unit: str
    approx: bool
    scope: str
    quote: str
    position: int  # offset of the number in the original text
    quote_start: int
    quote_end: int
    measure: str = ""  # the words that named the indicator
    high: Decimal | None = None  # upper end of a range
    part_of: int | None = None  # index of the total this figure is a part of
    bound: str = ""  # "min" for 98%以上 / 超过98%, "max" for 5%以下 / 不足5%
    # Internal: compact offsets and context, used by the relation finder.
    cstart: int = field(default=0, repr=False)
    cend: int = field(default=0, repr=False)
    sentence: int = field(default=0, repr=False)
    paragraph: int = field(default=0, repr=False)
    share_of: str | None = field(default=None, repr=False)  # 占…的 denominator words
    share_code: str | None = field(default=None, repr=False)  # their indicator code
    # A table's share row (占新受理数比例 | 49.66%): the count cell above and the total
    # the row's label names.
    above: int | None = field(default=None, repr=False)
    share_base: int | None = field(default=None, repr=False)
    # (total, first part) of the breakdown by type or respondent it is a part of (kinds.py)
    breakdown: tuple[int, int] | None = field(default=None, repr=False)
    sentence_text: str = field(default="", repr=False)  # the sentence up to the number

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def group(self) -> str:
        return lx.unit_group(self.unit)

    @property
    def is_other(self) -> bool:
        return self.indicator.startswith("other:")

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "value": _num(self.value),
            "value_high": _num(self.high) if self.high is not None else None,
            "unit": self.unit,
            "approx": self.approx,
            "scope": self.scope,
            "quote": self.quote,
            "position": self.position,
            "span": [self.quote_start, self.quote_end],
        }


def _num(v: Decimal) -> int | float:
    return int(v) if v == v.to_integral_value() else float(v)


def _spans(text: str, open_: str, close: str, limit: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(
        re.escape(open_) + rf"[^{re.escape(close)}\n]{{0,{limit}}}" + re.escape(close), text
    ):
        out.append((m.start(), m.end()))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos lies strictly inside one of the sorted, non-nested spans."""
    k = bisect_right(spans, (pos, _FAR)) - 1
    return any(a < pos < b for a, b in spans[max(0, k - 2) : k + 1])


def _boundary_back(text: str, pos: int, stops: set[str], limit: int = 10_000) -> int:
    i = pos
    floor = max(0, pos - limit)
    while i > floor and text[i - 1] not in stops:
        i -= 1
    return i


def _boundary_fwd(text: str, pos: int, stops: set[str]) -> int:
    i = pos
    while i < len(text) and text[i] not in stops:
        i += 1
    return i


_V = TypeVar("_V")


class _PerText(Generic[_V]):
    """Values by row remembered for the last text read, swapped whole (one assignment of
    a pair) so that two analyses in two threads never read each other's."""

    def __init__(self) -> None:
        self._last: tuple[str, dict[int, _V]] = ("", {})

    def of(self, text: str) -> dict[int, _V]:
        memo_text, memo = self._last
        if memo_text is not text:
            memo = {}
            self._last = (text, memo)
        return memo


_HEADERS: _PerText[tuple[str, ...]] = _PerText()  # header lines by row (`_header_above`)
_TOPS: _PerText[int] = _PerText()  # the table's first line by row (`_table_top`)


def _header_above(text: str, line_start: int) -> tuple[str, ...]:
    """The cells of the nearest line above the row at `line_start`, in the same table,
    whose cells are all words (its header); () when the table has none. Remembered
    for every row walked, so a table of thousands of rows is read once."""
    memo = _HEADERS.of(text)
    path = []
    cur = line_start
    found: tuple[str, ...] = ()
    while True:
        if cur in memo:
            found = memo[cur]
            break
        path.append(cur)
        end = cur - 1
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if "\t" not in line:
            break
        cells = line.split("\t")
        if not any(_NUMERIC_CELL.match(c) for c in cells if c):
            found = tuple(cells)
            break
        cur = start
    for p in path:
        memo[p] = found
    return found


def _names_a_measure(code: str, found: str) -> bool:
    """Whether a classification named what is counted: a catalogue code, or an `other:`
    code the lexicon gives by name (本年废止件数: other:normdoc_repealed)."""
    return not code.startswith("other:") or bool(found)


def _column_header(text: str, pos: int) -> str:
    """The header of the column a cell number stands in: the nearest line above in
    the same table, however long, whose cells are all words (信息内容 | 本年制发件数 |
    本年废止件数)."""
    line_start = text.rfind("\n", 0, pos) + 1
    col = text.count("\t", line_start, pos)
    cells = _header_above(text, line_start)
    return cells[col] if 0 < col < len(cells) else ""


def _aligned_header(text: str, pos: int) -> str:
    """For a row of numbers only, the cell above it in the nearest all-words line with
    exactly as many cells (a header whose merged cells were spread out)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    row = text[line_start : line_end if line_end >= 0 else len(text)].split("\t")
    col = text.count("\t", line_start, pos)
    end = line_start - 1
    names: list[str] = []
    for _ in range(6):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        cells = text[start:end].split("\t")
        if len(cells) == 1 and names and _spanning_header(cells[0]):
            # 行政处罚实施数量（宗） over 警告 | 罚款 | …: a header merged across the
            # columns names what every column below counts, unless the column names a
            # step before or beside it (申请数量, 受理数量, 不予许可数量: not acts done).
            if not lx.STAGE_WORDS.search(names[-1]):
                names.insert(0, cells[0])
            break
        if any(_NUMERIC_CELL.match(c) for c in cells if c) or len(cells) < 2:
            break  # another row of figures, or the table's end: no header above
        if len(cells) != len(row):
            if names:
                break
        else:
            # Every header line above, top first: 行政复议 over 结果维持 (a merged
            # quantity header spread over its columns is left off a 申请/受理 step, as
            # when it is written once).
            stage = names and _spanning_header(cells[col]) and lx.STAGE_WORDS.search(names[-1])
            if cells[col] and cells[col] not in names and not stage:
                names.insert(0, cells[col])
        end = start - 1
    return "".join(names) or _staggered_header(text, line_start, len(row), col)


def _staggered_header(text: str, line_start: int, width: int, col: int) -> str:
    """A row wider than every header line above it, the merged cells written once
    (行政复议 | 行政诉讼 over 结果维持 | … | 总计 | 未经复议直接起诉 | 复议后起诉 over
    结果维持 | … | 总计 twice, over 15 numbers): the nearest header line names the last
    columns (aligned on the right), the line above it the first ones and then the
    groups of the last ones; a top line of as many groups names the first columns by
    its first cell and the others by its last. A column under a lawsuit group in a
    header about both 复议 and 诉讼 reads 行政诉讼…, so its 结果维持 is not a
    reconsideration's."""
    lines: list[list[str]] = []
    end = line_start - 1
    for _ in range(3):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        cells = [c for c in text[start:end].split("\t") if c]
        if len(cells) < 2 or len(cells) >= width or any(_NUMERIC_CELL.match(c) for c in cells):
            break
        lines.append(cells)
        end = start - 1
    if len(lines) < 2:
        return ""
    near, upper = lines[0], lines[1]
    shallow = width - len(near)  # the first columns, named by the upper line alone
    if shallow > len(upper):
        return ""
    top = lines[2] if len(lines) > 2 and len(lines[2]) == 2 else None
    if col < shallow:
        return (top[0] if top else "") + upper[col]
    groups = upper[shallow:]
    name = near[col - shallow]
    if groups and len(near) % len(groups) == 0:
        name = groups[(col - shallow) // (len(near) // len(groups))] + name
    return (top[-1] if top else "") + name


# A column header whose first topic is a lawsuit (行政诉讼…, before any 复议).
_LAWSUIT_FIRST = re.compile(r"^[^复]*?(诉讼|起诉)")
# The outcome columns of a table of appeals (结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计).
_OUTCOME_COLUMN = re.compile(r"结果|维持|纠正|尚未审结|总计")
_TOTAL_LABEL = re.compile(r"(总计|合计|总数|小计)([（(][^（()）]{1,4}[）)])?$")


_SHARE_BEFORE = re.compile(r"占(?P<den>[^，。；\d]{1,16}?)的?(比例|比重|比率)[^，。；\d]{0,4}[，,]$")
_NEWLY = re.compile(r"新(聘|增|建|设|招|发展|培育|选聘|成立|组建|申领|取得)|增聘|增设")
_CHANGE_HEADER = re.compile(r"同比|环比|增减|增长|下降|增幅|降幅|变化")


_TABLE_NUMBER = re.compile(r"^(表|附表)[\d一二三四五六七八九十]*[:：.、]?")
_CAPTION_TAIL = re.compile(r"([（(][^（()）]*[）)])+$")


def _place_table_caption(text: str, line_start: int, label_pos: int, label: str, header: str) -> str:
    """In a table of places whose count column names no measure (省份 | 数量 under
    表1：省区市和兵团受理行政复议案件情况), the caption's words: the nearest line above the
    table that is not a row, short and not a sentence. Empty for any other table."""
    if not lx.GENERIC_QUANTITY.match(header):
        return ""
    label_header = _column_header(text, label_pos) if label_pos > line_start else ""
    if label_pos == line_start:
        # The first column: its header is the first cell of the header line above.
        end = line_start - 1
        for _ in range(12):
            if end <= 0:
                break
            start = text.rfind("\n", 0, end) + 1
            cells = text[start:end].split("\t")
            if len(cells) < 2:
                break
            if not any(_NUMERIC_CELL.match(c) for c in cells if c):
                label_header = cells[0]
                break
            end = start - 1
    if not (lx.PLACE_HEADER.match(label_header) or lx.PLACE_LABEL.search(label) or lx.TOTAL_ROW.match(label)):
        return ""
    if lx.TOTAL_ROW.match(label) and not lx.PLACE_HEADER.match(label_header):
        return ""
    end = line_start - 1
    for _ in range(40):
        if end <= 0:
            return ""
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if "\t" not in line:
            if not line or len(line) > 60 or line[-1] in "。；;！？!?，,":
                return ""
            return _CAPTION_TAIL.sub("", _TABLE_NUMBER.sub("", line))
        end = start - 1
    return ""


def _table_top(text: str, line_start: int) -> int:
    """Where the table holding the row at `line_start` begins (its first line with a
    tab after a line without one), remembered for every row walked."""
    memo = _TOPS.of(text)
    path = []
    top = line_start
    while top > 0 and top not in memo:
        path.append(top)
        prev = text.rfind("\n", 0, top - 1) + 1
        if "\t" not in text[prev : top - 1]:
            break
        top = prev
    top = memo.get(top, top)
    for p in path:
        memo[p] = top
    return top


def _table_head(text: str, line_start: int, near: int) -> str:
    """The caption and header lines of the table a row stands in, when they are more
    than `near` characters above it (the last rows of a long table: 长河街道 | 10 | 0
    fifteen rows under 表一：行政复议案件受理情况统计表 and 单位 | 2019受理量 | …):
    the short line just above the table's first row, and its lines of words only."""
    top = _table_top(text, line_start)
    if top >= line_start - near:
        return ""
    head = []
    caption_start = text.rfind("\n", 0, top - 1) + 1 if top > 0 else top
    caption = text[caption_start : top - 1] if top > 0 else ""
    if caption and len(caption) <= 60 and caption[-1] not in "。；;！？!?，,":
        head.append(caption)
    start = top
    for _ in range(3):
        end = text.find("\n", start)
        cells = text[start : end if end >= 0 else len(text)].split("\t")
        if end < 0 or end >= line_start or any(_NUMERIC_CELL.match(c) for c in cells if c):
            break
        head.append(text[start:end])
        start = end + 1
    return "".join(head)


def _row_of_numbers(text: str, pos: int) -> bool:
    """Whether the table row holding `pos` has numbers in every cell (no row label)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    cells = text[line_start : line_end if line_end >= 0 else len(text)].split("\t")
    return len(cells) >= 2 and all(_NUMERIC_CELL.match(c) for c in cells if c)


def _spanning_header(line: str) -> bool:
    """A one-cell line that heads the columns below it: short, words, no sentence
    ending, and naming a quantity (数量, 数, 情况, a unit in brackets)."""
    return (
        0 < len(line) <= 24
        and not _NUMERIC_CELL.match(line)
        and line[-1] not in "。；;！？!?，,"
        and bool(re.search(r"(数量|数|量|额|[（(][^（()）]{1,3}[）)])$", line))
    )


# 合计（宗）, 罚没金额（万元）: a header's bracketed measure word is its cells' unit.
_HEADER_UNIT = re.compile(r"[（(](万元|亿元|元|宗|件|起|人次|件次|人|名|个|项|条|次|份|户|家|场|期|%|％)[）)]")


def _header_unit(label: str) -> str:
    found = _HEADER_UNIT.findall(label)
    return found[-1].replace("％", "%") if found else ""


_MIN_AFTER = re.compile(r"^(以上|及以上|之上)")
_MAX_AFTER = re.compile(r"^(以下|以内|之内)")
_MIN_BEFORE = re.compile(r"(超过|逾|高于|不低于|不少于|大于)$")
_MAX_BEFORE = re.compile(r"(不足|低于|不到|不超过|不高于|少于|小于)$")


def _bound(text: str, tok: NumberToken) -> str:
    """Whether the number is a limit (98%以上, 不足5%), not a value."""
    after, before = text[tok.end : tok.end + 3], text[max(0, tok.start - 4) : tok.start]
    if _MIN_AFTER.match(after) or _MIN_BEFORE.search(before) or tok.raw.startswith(("超", "逾")):
        return "min"
    if _MAX_AFTER.match(after) or _MAX_BEFORE.search(before):
        return "max"
    return ""


_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
ROW_CELLS = 64  # the most cells of a table row whose numbers are read


def _cell_label(text: str, pos: int) -> str:
    """The label of a number standing alone in a table cell or on a line of its own
    (a table flattened one cell per line): the nearest cell before it in the same row,
    or on the lines just before, that is words, not another number."""
    i = pos
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    in_row = "\t" in text[line_start : line_end if line_end >= 0 else len(text)]
    # Back to the row's label however many cells the row has (a 行政执法统计年报 row has
    # 26); back over at most 16 lines of a table flattened one cell per line.
    for _ in range(ROW_CELLS if in_row else 16):
        if i <= 0 or text[i - 1] not in CELL_END:
            return ""
        if in_row and i <= line_start:
            # A row of numbers only: the header line above with as many cells names
            # each column (a row's label is never taken from the row above).
            return _aligned_header(text, pos)
        j = i - 1
        while j > 0 and text[j - 1] not in CELL_END:
            j -= 1
        cell = text[j : i - 1]
        if cell and not _NUMERIC_CELL.match(cell):
            # A table's label is short; a line ending a sentence is prose (a page number
            # under a paragraph is not a figure).
            # A bracketed note inside a row's label does not make it prose
            # (（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5).
            bare = _BRACKETED.sub("", cell) if in_row else cell
            if len(bare) <= 24 and cell[-1] not in "。；;！？!?":
                return cell
            return ""
        i = j
    return ""


_NUMERIC_CELL = re.compile(r"^[\d.,%％\-—~～]+[件人次个项条名%]?[①-⑳]?$")
# The verb a list of examples hangs on (公开A、B等信息): the first in the clause.
_LIST_VERB = re.compile(r"主动公开|公开|发布|推送|印发")
_HOTLINE = re.compile(r"^(12\d{3}|110|119|120|122|96\d{3})$")
_ETC = re.compile(r"等(?![级次同于待到])")
# 通过调解、和解等手段结案9件: the words before 等 name the means, and the count is
# of cases closed by them; they are not mere examples.
# 作出撤销、变更、责令履行等决定的604件: nor where only 决定 follows.
_MEANS_AFTER_ETC = re.compile(r"(手段|方式|形式|途径|渠道|方法|决定的?$)")
_QUALIFIER = re.compile(r"[（(](包括|包含|含|其中)[^（()）]{0,12}[）)]")
# 事项清单31个, 法律援助工作站3380个: a number of lists or of bodies, not of the
# items on them or the cases they handle.
_BODIES = r"实事|清单|目录|工作站|服务站|联络点|中心|机构|窗口|平台|领域|部门|单位|乡镇|街道|村|社区"
_CONTAINER = re.compile(rf"({_BODIES})$")
_CONTAINER_AFTER = re.compile(rf"[^，。；、]{{0,12}}?({_BODIES})")
_CONTAINER_UNITS = ("个", "张", "份", "类", "批", "家", "所", "处", "项")
_BARE_AFTER = set("，。；、,;）)\n\t：:①②③④⑤⑥⑦⑧⑨⑩")  # 19① in a cell: a note mark
# A bare number after these is a date, a year or a place in a list, not a count.
_BARE_NOT_AFTER = set("至到于在自从年月日第号期届版表")  # 表1：a table's number
_STRUCTURE_AFTER = re.compile(r"^(部分|方面|环节|板块|领域|层面|维度|步骤|阶段|个字)")
_RANK_BEFORE = re.compile(r"(前|后|排名第?|位列|位居|居于?|列)$")
# 十九届四中全会, 省委十一届三次、四次、五次全会: a session's ordinal, not a count.
_CN = "零〇一二两三四五六七八九十百"
_SESSION_AFTER = re.compile(rf"^(、[{_CN}]+[次中])*[^，。；]{{0,2}}(全会|全体会议|全体（扩大）会议)")
# 市六届人大五次会议, 十四届全国人大二次会议, 县政协十届三次会议: a congress's session.
_SESSION_BODY_BEFORE = re.compile(r"届[^，。；\d]{0,6}(人大|人民代表大会|政协|党代会)(常委会)?第?$")


_SERIAL_HEADER = re.compile(r"^(序号|编号|序|排名|排序|名次|位次|No\.?)$", re.IGNORECASE)


def _bare_count(text: str, tok: NumberToken) -> bool:
    """A number written without a measure word that is still a count: after its
    measure (行政处罚2100，共审结复议案件4696。) or alone in a table cell."""
    nxt = text[tok.end : tok.end + 1]
    if nxt and "①" <= nxt <= "⑳":
        nxt = text[tok.end + 1 : tok.end + 2]  # 19① | : a note mark after a cell's number
    prev = text[tok.start - 1 : tok.start] if tok.start else "\n"
    # A number alone in a table cell (罚没金额（万元） | 1753.79): decimals are amounts.
    in_cell = prev in CELL_END and (not nxt or nxt in CELL_END) and "\t" in (prev + nxt)
    if tok.chinese or tok.unit or "." in tok.raw and not tok.raw.endswith(("万", "亿")) and not in_cell:
        return False
    if len(re.sub(r"\D", "", tok.raw)) > 8:
        return False  # a telephone or an ID number
    if nxt and nxt not in _BARE_AFTER:
        # 惠及11.43万农民工: with 万/亿 the noun may follow with no measure word.
        big = tok.raw.rstrip("余多").endswith(("万", "亿"))
        # 共审结复议案件4696（其中…）: a parenthesis breaking the count down.
        opens_parts = nxt in "（(" and re.match(r"[（(](其中|含|包括|占|同比|较)", text[tok.end : tok.end + 4])
        if not (big and "\u4e00" <= nxt <= "\u9fff" and nxt not in "以左至到" or opens_parts):
            return False
    if _HOTLINE.match(tok.raw) and not in_cell:
        return False  # 12345, 12348: hotlines, not counts (a table cell of 12175 is a count)
    if prev in CELL_END:
        line_end = text.find("\n", tok.end)
        rest = text[tok.end : line_end if line_end >= 0 else len(text)].split("\t")
        if prev == "\n" and nxt == "\t" and any(c and not _NUMERIC_CELL.match(c) for c in rest):
            return False  # the first cell of a labelled row: its number (序号), not a count
        if _SERIAL_HEADER.match(_column_header(text, tok.start)):
            return False  # 序号 | 县区 | … | 序号 | 县区: the second record's number in a row
        return (not nxt or nxt in CELL_END) and bool(_cell_label(text, tok.start))
    if not ("\u4e00" <= prev <= "\u9fff") or prev in _BARE_NOT_AFTER:
        return False
    if 1900 <= tok.value <= 2100 and re.search(r"(截至|截止|到|于|至)[^，。]{0,3}$", text[max(0, tok.start - 6) : tok.start]):
        return False
    return True


def _signed(text: str, tok: NumberToken) -> NumberToken:
    """A table cell opening with a minus sign holds a negative number (同比 | -30.0%:
    a fall); a hyphen anywhere else is a dash or a range, not a sign."""
    if tok.chinese or tok.start < 1 or text[tok.start - 1] not in "-−－":
        return tok
    if tok.start >= 2 and text[tok.start - 2] not in CELL_END:
        return tok
    line_start = text.rfind("\n", 0, tok.start) + 1
    line_end = text.find("\n", tok.start)
    if "\t" not in text[line_start : line_end if line_end >= 0 else len(text)]:
        return tok
    return dataclasses.replace(tok, start=tok.start - 1, value=-tok.value, raw="-" + tok.raw)


def _statement_in_quotes(text: str, tok: NumberToken, quoted: list[tuple[int, int]]) -> bool:
    """“出台严格规范涉企行政检查22条举措”, “整治执法突出问题2330个”: a report quoting its own
    findings, not a name. A name or slogan in quotes is short or written in Chinese
    numerals (“八五”, “两个确立”, “12·4”, “1+N”); a figure in digits with its measure word in a
    quotation of a clause is kept. Not inside a title (《》) or a document number."""
    if tok.chinese or not tok.unit or tok.unit.startswith(":"):
        return False
    k = bisect_right(quoted, (tok.start, _FAR)) - 1
    for a, b in quoted[max(0, k - 2) : k + 1]:
        if a < tok.start < b:
            if text[a] not in "“\"" or b - a - 2 < 10:
                return False
    return True


# 16日发布, 28日上午召开: a day of the month followed by what happened on it.
_DAY_EVENT_AFTER = re.compile(r"(上午|下午|晚|举行|召开|举办|发布|公布|通报|印发|在|对外)")
# 15分钟公共法律服务圈, 半小时生活圈: the reach of a service network, named by a time.
_SLOGAN_AFTER = re.compile(r"[”’\"]?[^，。；\d]{0,8}圈")

# A news item's opening before its day: 记者, 通讯员, 网讯 (with the names after them).
_DATELINE_BEFORE = re.compile(r"(记者|記者|通讯员|通訊員|讯|訊)[^，。；！？\d]{0,14}$")
# The kinds of information an agency may withhold (政府信息公开条例 art. 16), by their names.
_CATEGORY_NAME_AFTER = re.compile(r"内部事务|过程性?信息|過程性?信息|內部事務")
# The public service hotlines (公共法律服务 12348, 政务服务 12345, …): their numbers name them.
HOTLINES = frozenset({12345, 12348, 12315, 12309, 12368, 12333, 12366, 12319, 12388})


def _keep(text: str, tok: NumberToken, quoted: list[tuple[int, int]]) -> bool:
    """Whether a number is a figure at all (not a year, date, ordinal, name…)."""
    before = text[max(0, tok.start - 8) : tok.start]
    if not tok.unit and not lx.UNITLESS.search(before) and not _bare_count(text, tok):
        return False
    if before.endswith("第") or lx.TARGET_BEFORE.search(before):
        return False
    if _inside(tok.start, quoted) and not _statement_in_quotes(text, tok, quoted):
        return False
    if tok.unit in ("市", "县") and (tok.chinese or 1900 <= tok.value <= 2100):
        return False  # 2024市…, 两市: a year before a place name, or a name (一市两县)
    if tok.unit.startswith(":") and tok.unit != ":1" and "比" not in text[max(0, tok.start - 16) : tok.start]:
        return False  # 8:30: a time of day, not a ratio (之比为1:2.5, 配比2.5∶1 are)
    if tok.unit == "日" and re.search(r"(月|第|每|月\d{1,2}日?(至|到|-|—|－|~|～))$", before):
        return False  # 2月16日, 16日至18日: a date, not a number of days
    if tok.unit == "日" and tok.value <= 31 and not ("\u4e00" <= before[-1:] <= "\u9fff"):
        return False  # （记者…）25日，…: a dateline's day opening a clause
    if tok.unit == "日" and tok.value <= 31 and (
        text[tok.end : tok.end + 1] in ("讯", "电") or _DAY_EVENT_AFTER.match(text[tok.end : tok.end + 4])
    ):
        return False  # 本报28日讯, 北京3日电, 省高级人民法院16日发布: a dateline, a day
    if tok.unit == "日" and tok.value <= 31 and _DATELINE_BEFORE.search(text[max(0, tok.start - 20) : tok.start]):
        return False  # 这是记者9日从…获悉, 福州新闻网讯（通讯员 …） 10日: a news item's day
    if tok.unit == "类" and _CATEGORY_NAME_AFTER.match(text[tok.end : tok.end + 6]):
        return False  # 属于三类内部事务信息, 四类过程性信息: the names of the kinds of
        # information 政府信息公开条例 art. 16 lets an agency withhold, not counts
    if tok.unit == "日" and not tok.chinese and tok.value >= 1000:
        return False  # 统计时间为202511日至1231日: a date whose 年 and 月 were lost, not days
    if tok.unit in ("分钟", "分") and _SLOGAN_AFTER.match(text[tok.end : tok.end + 12]):
        return False  # 打造“15分钟公共法律服务圈”: a slogan's distance, not a duration
    if re.search(r"(19|20)\d\d[-/.－]\d{1,2}[-/.－]$", before):
        return False  # 发布日期：2026-01-29 点击数: the day of a date written with dashes
    if re.search(r"(^|\D)\d{1,2}[-/.]\d{1,2}[-/.]$", before) and re.match(r"(19|20)\d\d", tok.raw):
        return False  # 25.05.2016 02:22: a date written day first (its year, glued to the hour)
    if re.search(r"\d[×xX*＊]$", before):
        return False  # 7×24小时: round-the-clock service, not a count of hours
    if before.endswith(("图", "表")) and text[tok.end : tok.end + 1] in ("：", ":", " ", "　", "-", "—"):
        return False  # 图2：2021-2022年收结案比较图: a caption's number
    if not tok.chinese and tok.value in HOTLINES and not text[tok.end : tok.end + 1].isdigit():
        return False  # 12348天津法网, “12345”热线: a hotline's number is its name
    if tok.unit == "分" and re.search(r"[点时:：]$", before):
        return False  # 8点30分: a time of day
    if _RANK_BEFORE.search(before) and tok.unit in ("位", "名", ""):
        return False  # 居于前五位, 排名前三名: a rank, not a count
    if before and re.match(r"[A-Za-z]", before[-1]):
        return False
    if tok.unit and duration_follows(text, tok.end):
        return False
    if re.search(r"(上述|以上|前述)$", before) and tok.unit in ("类", "项", "种", "个", "家"):
        return False  # 上述三类案件: a reference back to the counts just given
    if tok.chinese and re.search(r"最(多|少|高|低|大|小|集中|突出)的$", before) and tok.unit in ("类", "项", "种", "个", "家", "位"):
        return False  # 收案最多的两类是…, 发生率最高的三个市辖区: the ones the text then names
    if tok.unit == "个" and text.startswith("部分", tok.end):
        return False  # 其他需要报告的事项6个部分: the report's structure, in digits
    if tok.chinese:
        digits = tok.raw.lstrip("近约大将逾超过")
        percent = digits.startswith("百分之")  # 百分之百, 百分之十: a rate, not 百 or 十 alone
        core = re.match(r"[零〇一二两三四五六七八九十百千万亿]+", digits[3:] if percent else digits)
        core_s = core.group(0) if core else ""
        if not percent and (core_s == "一" or (len(core_s) == 1 and core_s in "十百千万亿" and not tok.approx)):
            return False
        if tok.unit in ("次", "中") and (
            before.endswith("届")
            or _SESSION_AFTER.match(text[tok.end : tok.end + 40])
            or _SESSION_BODY_BEFORE.search(before)
        ):
            return False  # 十一届三次、四次全会: sessions by their ordinals
        after = text[tok.end : tok.end + 4]
        if lx.NAME_AFTER.match(after) or _STRUCTURE_AFTER.match(after):
            return False
        if tok.unit and _STRUCTURE_AFTER.match(tok.unit + after):
            return False  # 等六部分组成: 六部 + 分, a structure numeral read with the unit 部
        if tok.unit in ("%",) and not tok.raw.startswith(("百分之", "近", "约")):
            return False
    return True


def _classify(before: str, after: str, context_before: str, group: str) -> tuple[str, str]:
    """(code, measure words) for a number with these words around it."""
    best: tuple[Any, ...] | None = None
    for code, measure, ctx, prio in lx.COMPILED:
        if code != lx.NUMERATOR and not code.startswith("other:") and group not in lx.code_groups(code):
            continue
        if code == lx.NUMERATOR and group != "pct":
            continue
        dist = None
        found = ""
        matches = list(measure.finditer(before))
        if matches:
            m = matches[-1]
            dist, found = len(before) - m.end(), m.group(0)
        m2 = measure.search(after)
        if m2 and (dist is None or m2.start() < dist):
            dist, found = m2.start(), m2.group(0)
        if dist is None:
            continue
        ctx_dist = 10_000
        if ctx is not None:
            cm = list(ctx.finditer(context_before))
            if not cm:
                continue
            ctx_dist = len(context_before) - cm[-1].end()
        # Priority settles a contest between words close to the number; a measure
        # word right next to it beats a stronger word further off (责令履行决定等
        # 纠错决定2.73万件 counts corrections).
        key = (dist > NEAR_CHARS, -prio, dist, ctx_dist, -len(found))
        if best is None or key < best[0]:
            best = (key, code, found)
    if best is None:
        words = (before[-8:] if len(re.sub(r"[^\u4e00-\u9fff]", "", before)) >= 2 else "") or after[
            :8
        ]
        name = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9_]", "", words) or "unnamed"
        return f"other:{name}", ""
    return best[1], best[2]


_BARE_LEVEL = re.compile(r"(为|是|达|达到|降至|降为|下降至|下降到|升至|上升至|上升到|提高至|提高到|提升至|提升到)?")
_RATE_CHANGED = re.compile(
    r"(?P<rate>[\u4e00-\u9fff]{1,10}?率)(同比|环比|较上年|比上年|较去年|比去年)?(下降|上升|提高|降低|增长|减少|提升)了?"
    r"[^，。；]*[，,]$"
)
_RESPECTIVE_SEP = re.compile(r"^(、|，|,|和|及|与|和为|以及)$")


def _respective_numbers(text: str, tokens: list[NumberToken], k: int) -> list[int]:
    """The indices of the numbers listed right after token k (3%、100%; 120个、560名):
    rates after a rate, counts (in any unit) after a count."""
    out = []
    j = k
    while j + 1 < len(tokens) and tokens[j + 1].is_percent == tokens[k].is_percent:
        if not _RESPECTIVE_SEP.match(text[tokens[j].end : tokens[j + 1].start]):
            break
        j += 1
        out.append(j)
    return out


def _subject_override(code: str, found: str, before: str, earlier: str = "") -> tuple[str, str]:
    """(code, measure) once the clause's subject is checked. One check for every
    code, driven by the data in lexicon.py; a code that gives way leaves an
    `other:` count named from the overriding words:

    - the actor named earlier in the sentence (`earlier`: 人民法院委派调解案件2300件，
      调解成功1800件) acts in the clauses after it (SENTENCE_ACTORS, OWN_ACTORS);
    - the code's words ending in a body's name with nothing handled after them
      (法律援助中心共审核发放659件: ACTOR_SUFFIX, HANDLED);
    - a counted noun nearer the number than the code's words (归档材料: NEARER_NOUNS);
    - a group of people right before them (农民工法律援助案件: SUBSET_QUALIFIER);
    - a category of cases (治安管理类案件: CATEGORY, CATEGORY_CODES);
    - another kind of case, service, request or actor anywhere in the clause outside
      the code's words (仲裁案件, 政府信息公开申请, 律师开展宣讲: SUBJECT_BLOCKERS),
      unless the body organises that actor (ORGANISED_BY)."""
    if code.startswith("other:") or code == lx.NUMERATOR:
        return code, found
    actor = lx.SENTENCE_ACTORS.get(code)
    own = lx.OWN_ACTORS.get(code)
    found_actors = list(actor.finditer(earlier)) if actor is not None else []
    m = found_actors[-1] if found_actors else None
    if m and own is not None and (own.search(before) or own.search(earlier, m.end())):
        m = None  # the clause, or a later one of the sentence, names its own actor
    if m and not lx.ORGANISED_BY.search(earlier[: m.start()]):
        return "other:" + _HAN.sub("", earlier[m.start() :])[:8] + _HAN.sub("", before)[-6:], m.group(0)
    head = before.rfind(found) if found else -1
    if head >= 0:
        rest = before[head + len(found) :]
        if lx.ACTOR_SUFFIX.match(rest) and not lx.HANDLED.search(rest):
            # 法律援助中心共审核发放659件: the code's words name the body that acts, and
            # what it counts (subsidies paid, files returned) is not its cases.
            return "other:" + _HAN.sub("", before[head:])[-12:], found
        nearer = lx.NEARER_NOUNS.search(before, head + len(found))
        words = lx.CODE_WORDS[code]
        if nearer and not any(
            (m := words.match(before, i)) and nearer.end() <= m.end() for i in range(nearer.start() + 1)
        ):
            return "other:" + _HAN.sub("", before[head:])[-12:], nearer.group(0)
        subset = lx.SUBSET_QUALIFIER.search(before[:head])
        if subset:
            return "other:" + _HAN.sub("", before[subset.start() :])[:12], subset.group(0)
    kind = lx.CATEGORY.search(before) if code in lx.CATEGORY_CODES else None
    if kind and not lx.CODE_WORDS[code].search(kind.group(0)):
        return "other:" + _HAN.sub("", before)[-12:], kind.group(0)
    block = lx.BLOCKERS.get(code)
    if block is None:
        return code, found
    for m in block.finditer(before):
        if head >= 0 and m.start() < head + len(found) and m.end() > head:
            continue  # inside the code's own words (法律援助 in 法律援助案件)
        if lx.ORGANISED_BY.search(before[: m.start()]):
            continue
        name = _HAN.sub("", before[m.start() :])[:12]
        return "other:" + name, m.group(0)
    return code, found


def _scope(sentence_before: str) -> str:
    found = list(lx.SCOPE.finditer(sentence_before))
    return found[-1].group(0) if found else ""


# Words that name what a paragraph is about (a register's field of work).
TOPIC_WORDS = re.compile(r"复议|诉讼|应诉|调解|纠纷|信息公开|公开申请|依申请|法律援助|执法|规范性文件|决策|普法")

# A line that is only a heading: 一、… or （一）… (numbered sections of a report).
HEADING_LINE = re.compile(r"(?m)^(?:([一二三四五六七八九十]+、)|(（[一二三四五六七八九十]+）))[^\n。；]{0,30}$")


def _headings(t: str) -> list[tuple[int, int, str]]:
    """(start, level, text) of every heading line: level 1 for 一、, 2 for （一）."""
    return [(m.start(), 1 if m.group(1) else 2, m.group(0)) for m in HEADING_LINE.finditer(t)]


def _heading_context(headings: list[tuple[int, int, str]], before: int) -> str:
    """The section and subsection headings in force at `before`, outermost first."""
    level1 = level2 = ""
    for start, level, words in headings:
        if start >= before:
            break
        if level == 1:
            level1, level2 = words, ""
        else:
            level2 = words
    return level1 + level2


def _previous_topic(t: str, para_start: int) -> str:
    """For a paragraph that names no topic (（2）受理36件。 under 1.全年收到复议申请40件。): the
    tail of the nearest paragraph before it that names one, back to a heading line
    and over a few short items only (a list whose items are paragraphs)."""
    end = para_start - 1
    for _ in range(6):
        if end <= 0:
            return ""
        start = t.rfind("\n", 0, end) + 1
        line = t[start:end]
        if HEADING_LINE.fullmatch(line) or "\t" in line:
            return ""
        if TOPIC_WORDS.search(line):
            return line[-CONTEXT_CHARS:]
        if len(line) > 60:
            return ""
        end = start - 1
    return ""


def extract_figures(text: str, compact: Compact | None = None) -> list[Figure]:
    """Every figure in `text`, in reading order."""
    c = compact or Compact(text)
    t = c.text
    quoted = sorted(
        _spans(t, "“", "”", 20)
        + _spans(t, '"', '"', 20)
        + _spans(t, "《", "》", 60)
        + _spans(t, "〔", "〕", 8)
    )
    tokens = [_signed(t, tok) for tok in find_numbers(t)]
    tokens = [tok for tok in tokens if _keep(t, tok, quoted)]
    figures: list[Figure] = []
    # 败诉率、出庭应诉率分别为3%、100%: the rates after the first, waiting for their numbers.
    respectively: dict[int, tuple[str, str]] = {}
    sentence_starts = [0] + [i + 1 for i, ch in enumerate(t) if ch in SENTENCE_END]
    paragraph_starts = [0] + [i + 1 for i, ch in enumerate(t) if ch == "\n"]
    headings = _headings(t)
    tokens = [tok for tok in tokens if kinds.is_figure(t, tok)]  # not a target, not the report's structure
    for k, tok in enumerate(tokens):
        prev_end = tokens[k - 1].end if k else 0
        next_start = tokens[k + 1].start if k + 1 < len(tokens) else len(t)
        clause_start = max(_boundary_back(t, tok.start, CLAUSE_END), prev_end)
        if clause_start > prev_end and t[clause_start - 1 : clause_start] in ("）", ")"):
            # 受理(立案)行政复议案件18件: a short parenthesis inside a name does not end it.
            opening = max(t.rfind("（", 0, clause_start), t.rfind("(", 0, clause_start))
            if 0 <= opening and clause_start - opening <= 12 and opening >= prev_end:
                clause_start = max(_boundary_back(t, opening, CLAUSE_END), prev_end)
        if t[tok.start - 1 : tok.start] in ("（", "(") and clause_start >= tok.start - 1:
            # 执法数量主要集中在行政处罚（122085件）、行政许可（114152件）: a count opening a
            # parenthesis right after its name is named by the words before it.
            clause_start = max(_boundary_back(t, tok.start - 1, CLAUSE_END), prev_end)
        if k and prev_end == clause_start and "、" in t[prev_end : tok.start]:
            # 14次党组会议、开展研讨4次: the words before the 、 belong to the number before.
            clause_start = prev_end + t[prev_end : tok.start].index("、") + 1
        clause_end = min(_boundary_fwd(t, tok.end, CLAUSE_END), next_start)
        if clause_end < next_start and t[clause_end : clause_end + 1] in ("（", "("):
            # 1.1万个村（社区）调委会: a short parenthesis does not end the noun after.
            closing = re.search(r"[）)]", t[clause_end : clause_end + 12])
            if closing and not re.match(r"[（(](含|其中|包括)", t[clause_end:]):
                resume = clause_end + closing.end()
                clause_end = min(_boundary_fwd(t, resume, CLAUSE_END), next_start)
        before = t[clause_start : tok.start]
        after = t[tok.end : clause_end]
        if after.startswith("中"):
            after = ""  # 审结的复议案件977件中直接纠错236件: the words after 中 name the part
        if "、" in after and clause_end == next_start:
            # 变更2件、确认违法5件: the words after a 、 name the next item, not this one
            # (9个行业性、专业性调委会 has no number after its 、: one noun phrase).
            after = after[: after.index("、")]
        quote_from = max(clause_start, tok.start - 12)
        sent_start = _boundary_back(t, tok.start, SENTENCE_END)
        sentence_before = t[sent_start : tok.start]
        para_start = _boundary_back(t, tok.start, {"\n"}, CONTEXT_CHARS)
        context_before = t[max(para_start, tok.start - CONTEXT_CHARS) : tok.start]
        # A paragraph that names no topic of its own (3.审结情况。…维持原具体行政行为的
        # 763件) takes it from the headings it stands under (（一）行政复议案件).
        if not TOPIC_WORDS.search(t[para_start : tok.start]):
            context_before = (
                _heading_context(headings, para_start) + _previous_topic(t, para_start) + context_before
            )
        # 因政府信息公开申请引发行政复议0件, 未发生行政复议: a topic named as a consequence
        # or as absent is not what the paragraph is about (blanked, distances kept).
        context_before = lx.NOT_TOPIC.sub(lambda m: "_" * len(m.group(0)), context_before)
        cell_unit = ""
        cell_header = False
        row_scope = ""
        if not before and clause_start > 0 and t[clause_start - 1] in CELL_END:
            label = _cell_label(t, tok.start)
            if label:
                if (
                    "\t" in t[t.rfind("\n", 0, tok.start) + 1 : tok.start]
                    and not lx.TOTAL_ROW.match(label)
                    and not _row_of_numbers(t, tok.start)
                ):
                    # A table row's label says whose figure it is (甲区 | 12 | 9).
                    row_scope = label
                # The quote of a table cell runs from its row's label (or, in a row of
                # numbers only, from the row's start).
                line_start = t.rfind("\n", 0, tok.start) + 1
                quote_from = max(t.rfind(label, line_start, tok.start), line_start, tok.start - 40)
                cell_header = _row_of_numbers(t, tok.start)
                if cell_header:
                    # A row of numbers only: its table's title and headers above are
                    # its context (庆元县…行政执法数据表 over 行政处罚实施数量).
                    # The document's title line (行政执法数据表) stands over every table in it.
                    title = t[: t.find("\n")] if 0 < t.find("\n") <= 60 else ""
                    context_before = title + t[max(0, line_start - CONTEXT_CHARS) : line_start] + label
                else:
                    # A labelled row: the table's caption and header lines above are
                    # its context too (2024年行政复议案件审结情况 over 维持 | 87).
                    context_before = (
                        _table_head(t, line_start, CONTEXT_CHARS)
                        + t[max(0, line_start - CONTEXT_CHARS) : line_start]
                        + label
                        + context_before
                    )
                # The column's header names the measure where the row's label alone
                # does not (本年制发件数 | 行政规范性文件 | 5).
                header = _column_header(t, tok.start)
                cell_unit = tok.unit or _header_unit(label) or _header_unit(header)
                group0 = lx.unit_group(cell_unit)
                if (
                    row_scope
                    and lx.PLACE_LABEL.search(header)
                    and not lx.PLACE_LABEL.search(row_scope)
                    and not lx.TOTAL_ROW.match(header)
                ):
                    # A transposed table (项目 | 甲区 | 乙区 over 新收案件 | 12 | 7): the
                    # rows are measures and the column names whose figure it is.
                    row_scope = header
                with_header = header + label
                caption = _place_table_caption(t, line_start, quote_from, label, header)
                if caption:
                    # 广东 | 31392 under 省份 | 数量: the place is the row, the caption
                    # names the count (a 总计 row's too).
                    label = caption + (label if lx.TOTAL_ROW.match(label) else "")
                    context_before = caption + context_before
                elif header and _names_a_measure(*_classify(with_header, "", context_before, group0)):
                    label = with_header
                if tok.unit == "%" and _CHANGE_HEADER.search(header):
                    label = header  # 同比增减 | 5.2%: a change, whatever the row counts
                before = label
        # 全年结案（包括上年受理后结转）68件: a parenthesis that qualifies the count
        # (包括, 含, 其中) does not name it.
        before = _QUALIFIER.sub("", before)
        # Read before the words after 等 replace `before`: 协同响应率、回应率等核心指标均达100%
        # lists its rates before the 等.
        rate_list = lx.RATE_LIST.search(before) if tok.unit == "%" else None
        etc = list(_ETC.finditer(before))
        listed_by = ""
        if etc and len(before) - etc[-1].end() >= 2 and not _MEANS_AFTER_ETC.match(before, etc[-1].end()):
            # 撤销、变更和责令履行决定等纠错决定2.73万件: what comes before 等 are
            # examples; the noun after it names the count.
            verb = _LIST_VERB.search(before[: etc[-1].start()])
            if verb and "、" in before[verb.end() : etc[-1].start()]:
                listed_by = verb.group(0)
            before = before[etc[-1].end() :]
        unit = tok.unit or cell_unit
        if not unit:
            unit = "件" if "案件" in before or "件" in before else ""
        group = lx.unit_group(unit)
        items: list[tuple[str, str, str | None]] = []
        share_of = share_code = None
        if tok.unit == "%":
            sm = lx.SHARE.search(before)
            if not sm and re.fullmatch(r"(达到|达|为|是)?", before) and clause_start > prev_end:
                # 140件，占受理案件数比例最高，达92.71%: the share's words stand in the
                # clause before, with no number of their own.
                sm = _SHARE_BEFORE.search(t[prev_end : clause_start])
            if k in respectively:
                code, found = respectively.pop(k)
                items.append((code, found, None))
            elif rate_list:
                for item in re.findall(r"(.+?率)(?:、|和|及|与)?", rate_list.group("items")):
                    code, found = _classify(item, "", context_before, group)
                    items.append((code, found or item, None))
                following = _respective_numbers(t, tokens, k)
                if "分别" in rate_list.group(0) and len(following) == len(items) - 1:
                    # One rate for each number, in order, not every rate for each.
                    respectively.update(zip(following, [(c, f) for c, f, _s in items[1:]], strict=True))
                    items = items[:1]
            elif sm:
                # 占比12%: 比 is the word for a share, not a base it names.
                share_of = "" if sm.group("den") == "比" else sm.group("den")
                items.append((lx.NUMERATOR, "占" + share_of, share_of))
                share_code, _found = _classify(share_of, "", context_before, "thing")
        if k in respectively and not items:
            code, found = respectively.pop(k)
            items.append((code, found, None))
        rm = lx.RESPECTIVE_LIST.search(before) if not items else None
        if rm:
            # 受理、审结行政复议案件分别为50件、45件: each item names its own number.
            names = re.split(r"、|和|及", rm.group("items"))
            following = _respective_numbers(t, tokens, k)
            if len(following) == len(names) - 1:
                paired = [_subject_override(*_classify(name, "", context_before, group), name) for name in names]
                # 济南、临沂…受理案件数分别为: items naming no measure (places) share the
                # measure the last item names.
                paired = [
                    _subject_override(*_classify(name + names[-1], "", context_before, group), name + names[-1])
                    if code.startswith("other:") and not found
                    else (code, found)
                    for (code, found), name in zip(paired, names, strict=True)
                ]
                items.append((paired[0][0], paired[0][1] or names[0], None))
                respectively.update(zip(following, [(c, f or n) for (c, f), n in zip(paired[1:], names[1:], strict=True)], strict=True))
        cm = lx.COUNT_LIST.search(before) if tok.unit != "%" else None
        if cm and not items:
            for item in re.split(r"[、和]", cm.group("items")):
                code, found = _classify(item, "", context_before, group)
                items.append((code, found or item, None))
        if not items:
            earlier = sentence_before[: max(0, len(sentence_before) - (tok.start - clause_start))]
            code, found = _subject_override(*_classify(before, after, context_before, group), before, earlier)
            if listed_by and code.startswith("other:"):
                # 主动向社会公开年度政府工作报告、…等信息9756条: the verb before the
                # examples names the count when the noun after 等 alone does not.
                code2, found2 = _classify(listed_by + before, after, context_before, group)
                if not code2.startswith("other:"):
                    code, found = code2, found2
            if (
                unit in _CONTAINER_UNITS
                and (_CONTAINER.search(before) or _CONTAINER_AFTER.match(after))
                and lx.CODE_UNIT.get(code) not in (None, unit)
            ):
                code, found = "other:" + re.sub(r"[^\u4e00-\u9fff]", "", before[-8:]), ""
            if cell_header and _LAWSUIT_FIRST.match(label) and _OUTCOME_COLUMN.search(label):
                # 行政诉讼 | 结果维持 (or 行政诉讼 | 复议后起诉 | 结果维持): a lawsuit's
                # outcome is not a reconsideration's, and only its total is the caseload.
                if code.startswith("recon_") or code == "litig_cases" and not _TOTAL_LABEL.search(label):
                    code, found = "other:" + _HAN.sub("", label)[-12:], ""
            if tok.unit == "%" and code.startswith("other:") and _BARE_LEVEL.fullmatch(before):
                # 败诉率同比下降3个百分点，为4.2%: the level of the rate whose change the
                # clause before gave.
                named = list(_RATE_CHANGED.finditer(t[sent_start:clause_start]))
                if named:
                    code2, found2 = _classify(named[-1].group("rate"), "", context_before, group)
                    if not code2.startswith("other:"):
                        code, found = code2, found2
            if code == "service_items" and unit == "件":
                # 办理办结各类政务服务事项57.95万件: matters handled, not items on the list (项).
                code, found = "other:service_matters_handled", ""
            if code == "legal_service_visits" and unit in ("名", "人", "位"):
                # 为232名未成年人提供法律援助解答咨询: persons served, not visits (人次).
                code, found = "other:persons_served", ""
            if code == "study_sessions" and "法" not in found:
                sent_end = _boundary_fwd(t, tok.end, SENTENCE_END)
                if not lx.LAW_STUDY.search(t[sent_start:sent_end]):
                    # 乡党委会集体学习33次: study, but nothing in the sentence says of law.
                    code, found = "other:" + _HAN.sub("", before)[-8:], ""
            if lx.CODE_UNIT.get(code) in ("名", "个") and _NEWLY.search(before[-16:]):
                # 新聘专职人民调解员664名: those added this year, not the stock.
                code, found = "other:newly_added", ""
            items.append((code, found, None))
        if len(items) == 1 and "分别" in before:
            # 城关镇、新华镇分别调解纠纷120件、80件; 纠错率分别为10%、12%: the numbers listed
            # after 分别 that no item of their own names share the first one's measure.
            for j in _respective_numbers(t, tokens, k):
                respectively.setdefault(j, items[0][:2])
        qa, qb = c.span(quote_from, tok.end)
        sentence = bisect_right(sentence_starts, tok.start) - 1
        paragraph = bisect_right(paragraph_starts, tok.start) - 1
        for code, found, share in items:
            figures.append(
                Figure(
                    indicator=code,
                    value=tok.value,
                    unit=unit,
                    approx=tok.approx,
                    scope=row_scope or _scope(sentence_before),
                    quote=text[qa:qb],
                    position=c.offsets[tok.start],
                    quote_start=qa,
                    quote_end=qb,
                    measure=found,
                    high=tok.high,
                    bound=_bound(t, tok),
                    cstart=tok.start,
                    cend=tok.end,
                    sentence=sentence,
                    paragraph=paragraph,
                    share_of=share,
                    share_code=share_code if share else None,
                    sentence_text=sentence_before,
                )
            )
    kinds.refine(t, figures)  # the code checked against the kind of thing counted
    figures = _spread_shared_rates(figures)
    _inherit_parallel(t, figures)
    _resolve_numerator_rates(figures)
    _table_share_rows(t, figures)
    _inherit_part_codes(t, figures)
    _last_year_counts(t, figures)
    kinds.finish(t, figures)  # breakdowns by type take the total's code; last year's values
    kinds.court_docket(t, figures)  # a court's report counts its docket, not one government's
    return figures


# 较2022年558件增加了555件, 较去年60件增长了近3倍: last year's count of the same thing.
_LAST_YEAR_BEFORE = re.compile(r"(较|比|同比|相比|对比)(去年|上年|上一?年度?|前一?年|(19|20)\d\d年)(同期)?的?$")


def _last_year_counts(text: str, figures: list[Figure]) -> None:
    """A count introduced as last year's (较去年60件) keeps the code of the count of
    this year it is compared with: the nearest count before it in the sentence, in the
    same kind of unit (the gold files' convention; the period tells them apart)."""
    for i, f in enumerate(figures):
        if f.is_rate or not _LAST_YEAR_BEFORE.search(text[max(0, f.cstart - 12) : f.cstart]):
            continue
        prev = next(
            (
                g
                for g in reversed(figures[:i])
                if g.sentence == f.sentence and not g.is_rate and lx.unit_group(g.unit) == lx.unit_group(f.unit)
            ),
            None,
        )
        if prev is not None and not prev.indicator.startswith("other:"):
            f.indicator = prev.indicator


_SHARE_ROW = re.compile(r"^占(?P<den>[^\t]{1,16}?)的?(比例|比重|占比|百分比)?([（(]%[）)])?$")


def _table_share_rows(text: str, figures: list[Figure]) -> None:
    """数量 | 75件 | 16件 … over 占新受理数比例 | 49.66% | 10.59% …: each share is the
    count above it over the total the row's label names, found by its words before the
    table (新受理行政复议案件151件, its first statement); the counts above are that
    total's parts and take its code. A 0 in the share row is 0%."""
    by_line: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_line.setdefault(text.rfind("\n", 0, f.cstart) + 1, []).append(i)
    for line_start, idx in by_line.items():
        first_tab = text.find("\t", line_start)
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if first_tab < 0 or first_tab > line_end:
            continue
        m = _SHARE_ROW.match(text[line_start:first_tab])
        if not m or line_start == 0:
            continue
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = {text.count("\t", above_start, figures[j].cstart): j for j in by_line.get(above_start, [])}
        words = re.sub(r"(数|量|总数|数量)$", "", m.group("den"))
        base = next(
            (
                j
                for j, g in enumerate(figures)
                if g.cend <= above_start
                and not g.is_rate
                and "\t" not in text[text.rfind("\n", 0, g.cstart) + 1 : g.cstart]
                and len(words) >= 2
                and words in g.sentence_text[-24:]
            ),
            None,
        )
        for i in idx:
            f = figures[i]
            col = text.count("\t", line_start, f.cstart)
            j = above.get(col)
            if j is None or figures[j].is_rate:
                continue
            if not f.unit:
                f.unit = "%"  # a bare 0 in a share row
            if lx.CODE_UNIT.get(f.indicator, "%") != "%":
                f.indicator, f.measure = "other:share_" + _HAN.sub("", m.group("den"))[:8], ""
            f.above, f.share_base, f.share_of = j, base, m.group("den")
            if base is None:
                continue
            g, b = figures[j], figures[base]
            if not g.unit:
                g.unit = b.unit  # a bare 0 among 75件 | 16件
            if g.unit == b.unit and g.value <= b.value:
                # The counts over a share row are categories of the total (申请事项,
                # 管理类别), whatever their column's own words say (终止调查 is a
                # kind of matter here, not an outcome).
                g.part_of = base
                if not b.indicator.startswith("other:"):
                    g.indicator, g.measure = b.indicator, b.measure
                if "其中" not in g.scope:
                    g.scope = (g.scope + "，" if g.scope else "") + "其中"


_BOTH = re.compile(r"率(均|都|分别)(为|达到|到达|达|是)?$")
_HAN = re.compile(r"[^\u4e00-\u9fff]")
_OTHER = re.compile(r"其他|其它|其余|另")


def _inherit_parallel(text: str, figures: list[Figure]) -> None:
    """发布政务类信息34条，概况类信息150条: a clause that only repeats the head noun
    of the clause before (信息) shares its verb and so its code (其他事项 does not).
    因依申请公开引发行政复议0件、行政诉讼0件: a qualifier spreads over its 、 list."""
    for k in range(1, len(figures)):
        f, g = figures[k], figures[k - 1]
        if f.sentence != g.sentence or f.unit != g.unit or g.is_rate:
            continue
        between = text[g.cend : f.cstart]
        if between[:1] not in ("，", "、") or any(ch in CLAUSE_END for ch in between[1:]):
            continue
        # …被申请行政复议1件，被提起行政诉讼0件; 引起行政复议2件，行政诉讼1件 (a bare noun).
        parallel = between[0] == "、" or between[:2] == "，被" or bool(lx.BARE_KIND.fullmatch(_HAN.sub("", between)))
        if g.indicator in lx.SPREADING_QUALIFIERS and parallel and len(between) <= 8:
            if not f.indicator.startswith("other:"):
                f.indicator, f.measure = g.indicator, g.measure
            continue
        if not f.indicator.startswith("other:") or f.measure or g.indicator.startswith("other:"):
            continue
        block = lx.BLOCKERS.get(g.indicator)
        if block is not None and block.search(between):
            continue  # 法律援助案件…，司法鉴定案件…: the same head noun, another subject
        head, prev_head = _HAN.sub("", between)[-2:], _HAN.sub("", g.sentence_text)[-2:]
        if len(head) == 2 and head == prev_head and len(between) <= 12 and not _OTHER.search(between):
            f.indicator, f.measure = g.indicator, g.measure


def _spread_shared_rates(figures: list[Figure]) -> list[Figure]:
    """建议86件、提案112件，办结率均为100%: one numeral, a rate for each count before."""
    out: list[Figure] = []
    for i, f in enumerate(figures):
        if f.indicator == lx.NUMERATOR and _BOTH.search(f.sentence_text):
            codes: list[str] = []
            for j in range(i - 1, -1, -1):
                g = figures[j]
                if g.sentence != f.sentence or g.is_rate:
                    break
                rate = lx.RATE_OF.get(g.indicator)
                if rate and rate not in codes:
                    codes.insert(0, rate)
            if len(codes) >= 2:
                out += [dataclasses.replace(f, indicator=code) for code in codes]
                continue
        out.append(f)
    return out


def _resolve_numerator_rates(figures: list[Figure]) -> None:
    """办结率 and 占…的N% take their code from the count they follow."""
    for i, f in enumerate(figures):
        if f.indicator != lx.NUMERATOR:
            continue
        prev = None
        for j in range(i - 1, -1, -1):
            g = figures[j]
            if g.sentence != f.sentence:
                break
            if not g.is_rate:
                prev = g
                break
        code = lx.RATE_OF.get(prev.indicator) if prev else None
        if code and f.share_code and f.share_code not in lx.RATES[code][1][:2]:
            # 直接纠错604件，占受理总数的14.64%: a share over the intake, not over the
            # closed cases the catalogue's rate is over (nor their usual reading), is
            # not that rate.
            code = None
        name = re.sub(r"[^\u4e00-\u9fff]", "", f.measure) or "rate"
        f.indicator = code or f"other:{name}"


# (numerator code, denominator code) of every catalogue rate.
# (count, base) code pairs of the catalogue's rates; a rate over its own code's count
# (办结率 of 提案: 办结 proposals over all) names no pair of different things.
_NUMERATOR_OF = {(n, d) for nums, dens in lx.RATES.values() for n in nums for d in dens if n != d}


# 去年共收到…2371件 (a report written the next year): 去年 names the period, not a
# comparison, when a total's 共/累计/全年 follows it.
_COMPARED = re.compile(r"^(比|较)(?!例|重|对|好|大|多|高|少|低)|(上年|去年|上一年)(?!度?(共|累计|全年|全省|全市|全县|全区))")
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)年(同期)?(的|为|是)?[（(]?$")


def _comparison(f: Figure) -> bool:
    """A figure stated only to compare (比2017年的824件, 较上年增加438件, 同比增长…): it
    is never the total a 其中 list breaks down."""
    return f.indicator == "other:change" or compared_in_words(f)


def compared_in_words(f: Figure) -> bool:
    """Whether the clause before a figure names it as a comparison (比2017年的, 较上年,
    去年同期为), whatever its code."""
    clause = re.split(r"[，,；;：:。（(]", f.sentence_text)[-1]
    if _COMPARED.search(clause):
        return True
    m = _YEAR_BEFORE.search(clause)
    later = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", f.sentence_text[: len(f.sentence_text) - len(clause)])]
    return bool(m and later and max(later) > int(m.group(1)))


def _closing_paren(text: str, pos: int, stop: int) -> int | None:
    """Where the parenthesis open at `pos` closes, before `stop` (nested ones skipped)."""
    depth = 0
    for k in range(pos, stop):
        if text[k] in "（(":
            depth += 1
        elif text[k] in "）)":
            if depth == 0:
                return k
            depth -= 1
    return None


def _before_parenthesis(text: str, figures: list[Figure], k: int, marker: int) -> int:
    """共受理行政诉讼案件655件（2012年191件、2013年206件、2014年258件），其中…: the count
    before a parenthesis that closes right before the marker, not the last count inside it."""
    tail = text[figures[k].cend : marker]
    if not re.fullmatch(r"[^（(）)]*[）)][，,：:]?", tail):
        return k
    opened = max(text.rfind("（", 0, figures[k].cstart), text.rfind("(", 0, figures[k].cstart))
    if opened < 0 or re.search(r"[）)]", text[opened : figures[k].cstart]):
        return k
    j = k
    while j >= 0 and figures[j].cend > opened:
        j -= 1
    while j >= 0 and (figures[j].is_rate or _comparison(figures[j])):
        j -= 1
    if j < 0 or figures[j].sentence != figures[k].sentence or figures[j].group != figures[k].group:
        return k
    return j


def part_lists(text: str, figures: list[Figure]) -> list[tuple[int, list[int]]]:
    """(total, parts) for every 其中/含 list: the total is the nearest count before
    the marker in the same sentence; the parts are the counts after it, up to the
    first figure in another kind of unit."""
    out = []
    used: set[int] = set()
    ends = [f.cend for f in figures]
    starts = [f.cstart for f in figures]
    for m in lx.PART_MARKER.finditer(text):
        pos = m.end()
        if m.group(0)[0] in "（(":
            close = re.search(r"[）)\d一二三四五六七八九十]", text[pos : pos + 20])
            if close and close.group(0) in "）)":
                continue  # 撤销(含部分撤销)3件: the parenthesis qualifies a name
        k = bisect_right(ends, m.start() + 1) - 1
        while k >= 0 and (figures[k].is_rate or _comparison(figures[k])):
            k -= 1
        if k < 0:
            continue
        k = _before_parenthesis(text, figures, k, m.start())
        total = k
        tf = figures[total]
        part_sentence = tf.sentence
        if text[tf.cend : m.start() + 1].count("。") or any(
            ch in SENTENCE_END for ch in text[tf.cend : m.start()]
        ):
            # 。其中，…151场: a sentence that opens with 其中 is about the previous
            # one's total in the same measure word.
            if text[m.start() - 1 : m.start()] not in SENTENCE_END or m.group(0) != "其中":
                continue
            first = next((f for f in figures if f.cstart >= pos), None)
            if first is None or first.sentence != tf.sentence + 1 and first.paragraph != tf.paragraph:
                continue
            same = [
                j
                for j in range(k, -1, -1)
                if figures[j].sentence == figures[k].sentence
                and not figures[j].is_rate
                and not _comparison(figures[j])
                and figures[j].unit == first.unit
            ]
            if not same:
                continue
            # 共开庭审理137件，出庭123件。其中，一审案件开庭95件…: the count of the first
            # part's own kind, when the sentence before has one, not merely the nearest.
            own = [j for j in same if figures[j].indicator == first.indicator and not first.is_other]
            total = (own or same)[0]
            tf = figures[total]
            part_sentence = first.sentence
        parts: list[int] = []
        stop = min((j for j in (text.find("。", pos), text.find("\n", pos)) if j >= 0), default=len(text))
        first_item = text.find("；", pos, stop)
        if m.group(0).endswith("中") and first_item >= 0 and _counts_in(figures, pos, first_item, tf.unit) == 1:
            # 其中，行政处罚137.07万宗，同比下降35.98%，罚没金额2.92亿元；行政许可80.96万宗…:
            # a list whose items are apart by ；, each item's first count in the
            # total's unit is the part (its rate and amount are not).
            parts = _semicolon_items(text, figures, pos, stop, tf, used)
            while len(parts) > 2 and sum(figures[i].value for i in parts) > tf.value:
                # 其中网站公开2000余条；新媒体公开1800余条；出版公报3期，公开信息96条 after
                # 公开政府信息3800余条: the list ended before the items that overrun it.
                parts = parts[:-1]
            if parts and total not in used and sum(figures[i].value for i in parts) <= tf.value:
                out.append((total, parts))
                used.update(parts)
                continue
            if m.group(0) != "其中" or text[m.start() - 1 : m.start()] in SENTENCE_END:
                continue  # only a 其中 after its total in one sentence
            # 申请50件，其中自然人申请48件，占比96%；答复47件…: items that overrun the total
            # are the sentence's next topics; the list is the first item's count alone.
            parts = []
        # （包括2016年受理的1968件和上年结转的150件）: a list the parenthesis opens ends
        # with it; 已审结1876件 after it is not a part.
        paren = _closing_paren(text, pos, stop) if text[m.start() - 1 : m.start()] in ("（", "(") else None
        for i in range(bisect_right(starts, pos - 1), len(figures)):
            f = figures[i]
            if f.cstart < pos or i in used:
                continue
            if paren is not None and f.cstart > paren:
                break
            if f.sentence != part_sentence or f.is_rate or f.group != tf.group and f.unit not in lx.MIXED_TOTAL_UNITS.get(tf.unit, ()):
                break
            if (
                parts
                and (f.indicator, tf.indicator) in _NUMERATOR_OF
                and f.indicator not in lx.SUB_MEASURES.get(tf.indicator, ())
            ):
                # 调解成功780件 after 其中…纠纷800件: a rate's count, not a part. Right
                # after the marker it is one (审结135件，其中纠错29件).
                break
            if parts and figures[parts[-1]].cstart == f.cstart:
                continue
            block = lx.BLOCKERS.get(tf.indicator)
            gap = text[figures[parts[-1]].cend if parts else pos : f.cstart]
            if parts and "；" in gap and block is not None and block.search(gap.rsplit("；", 1)[1]):
                break  # 其中涉外公证3200件；司法鉴定机构完成鉴定5600件: the list ended at ；
            parts.append(i)
            # （其中当面申请5件、网络申请20件）: the list ends with its parenthesis.
            if m.group(0) == "其中" and text[m.start() - 1 : m.start()] in ("（", "("):
                closing = re.search(r"[）)]", text[f.cend :])
                if closing is None or "（" in text[f.cend : f.cend + closing.start()]:
                    pass
                elif not any(
                    g.cstart < f.cend + closing.start() for g in figures[i + 1 :] if not g.is_rate
                ):
                    break
            # 含…: only the parenthesis (up to its closing) or the clause right after it.
            if m.group(0).endswith("含"):
                stops = ("）", ")") if m.group(0)[0] in "（(" else ("）", ")", "，", "。")
                if text[f.cend : f.cend + 1] in stops:
                    break
        parts = _exact_prefix(text, figures, parts, tf)
        if parts and total not in used:
            out.append((total, parts))
            used.update(parts)
    out += _scope_lists(text, figures, used | {t for t, _p in out})
    out += _colon_lists(text, figures, used | {t for t, _p in out}, parts_only=set(used))
    out += _share_runs(figures, used | {t for t, _p in out} | {i for _t, p in out for i in p})
    return out


def _exact_prefix(text: str, figures: list[Figure], parts: list[int], total: Figure) -> list[int]:
    """其中，目录信息4804条、政务动态信息838条、概况类信息6条，互动交流留言收到1465条、办结
    1213条… after 主动公开政府信息5648条: a list that overruns its total, whose first items
    (two or more, apart by 、) make it exactly and are followed by a comma, ends there;
    the rest is the sentence's next topic. (Items all apart by commas may be a second
    breakdown of the same total, 按来源…，按类别…: kept.)"""
    if sum((figures[i].value for i in parts), Decimal(0)) <= total.value or total.approx:
        return parts
    run = Decimal(0)
    for k, i in enumerate(parts):
        run += figures[i].value
        if run == total.value and k >= 1 and k + 1 < len(parts) and not any(figures[j].approx for j in parts[: k + 1]):
            inside = [text[figures[a].cend : figures[b].cstart] for a, b in zip(parts[:k], parts[1 : k + 1], strict=True)]
            after = text[figures[i].cend : figures[parts[k + 1]].cstart]
            if all("、" in g for g in inside) and "、" not in after:
                return parts[: k + 1]
            return parts
        if run > total.value:
            break
    return parts


def _share_fits(part: Decimal, total: Decimal, stated: Decimal) -> bool:
    """Whether part ÷ total, rounded half-up (or cut) to the stated decimals, is stated."""
    if total <= 0:
        return False
    exponent = stated.as_tuple().exponent
    exp = Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else Decimal(1)
    share = part / total * 100
    return stated in (share.quantize(exp, rounding=ROUND_HALF_UP), share.quantize(exp, rounding=ROUND_DOWN))


def _share_runs(figures: list[Figure], used: set[int]) -> list[tuple[int, list[int]]]:
    """共受理纠纷869件…；主动调解455件，占52.4%；申请调解378件，占43.5%；移送调解36件，
    占4.1%: counts each followed by a bare 占N% are parts of the total earlier in the
    paragraph that every share fits (455÷869 = 52.36%), with no 其中 said. A run of them
    is a list when it adds up to that total exactly (then the next run starts: 婚姻家庭
    纠纷160件，占18.4%；… by type); a run that never adds up is left alone."""
    pairs: list[tuple[int, int]] = []
    for i, f in enumerate(figures):
        if not f.is_rate or f.share_of != "" or i == 0:
            continue
        n = i - 1
        g = figures[n]
        if g.is_rate or g.sentence != f.sentence or n in used:
            continue
        if pairs and figures[pairs[-1][0]].paragraph == g.paragraph and _share_fits(
            g.value, figures[pairs[-1][0]].value, f.value
        ):
            pairs.append((pairs[-1][0], n))  # the list goes on over the same total
            continue
        total = next(
            (
                j
                for j in range(n - 1, -1, -1)
                if figures[j].paragraph == g.paragraph
                and not figures[j].is_rate
                and figures[j].unit == g.unit
                and figures[j].value > g.value
                and j not in used
                and _share_fits(g.value, figures[j].value, f.value)
            ),
            None,
        )
        if total is not None:
            pairs.append((total, n))
    out: list[tuple[int, list[int]]] = []
    run: list[int] = []
    run_total = None
    for total, n in pairs:
        if total != run_total:
            run, run_total = [], total
        run.append(n)
        if sum(figures[j].value for j in run) == figures[total].value and len(run) >= 2:
            out.append((total, run))
            run = []
    return out


def _counts_in(figures: list[Figure], start: int, end: int, unit: str) -> int:
    return sum(1 for f in figures if start <= f.cstart < end and not f.is_rate and f.unit == unit)


def _semicolon_items(
    text: str, figures: list[Figure], pos: int, stop: int, tf: Figure, used: set[int]
) -> list[int]:
    parts: list[int] = []
    seen: set[int] = set()
    for i, f in enumerate(figures):
        if not pos <= f.cstart < stop or i in used or f.is_rate or f.unit != tf.unit:
            continue
        item = text.count("；", pos, f.cstart)
        block = lx.BLOCKERS.get(tf.indicator)
        if item and block is not None and block.search(text[text.rfind("；", pos, f.cstart) : f.cstart]):
            break  # 其中涉外公证3200件；司法鉴定机构完成鉴定5600件: another subject ends the list
        if item not in seen:
            seen.add(item)
            parts.append(i)
    return parts


def _scope_lists(text: str, figures: list[Figure], used: set[int]) -> list[tuple[int, list[int]]]:
    """在主动公开的信息中，政策法规类4条，…: the parts of the nearest count before in
    the paragraph, in the same unit, whose words name the same head noun (信息)."""
    out = []
    for m in lx.SCOPE_MARKER.finditer(text):
        after = [i for i, f in enumerate(figures) if f.cstart >= m.end()]
        if not after:
            continue
        first = figures[after[0]]
        before = [
            i
            for i, f in enumerate(figures)
            if f.cend <= m.start() and not f.is_rate and f.unit == first.unit
        ]
        if not before or first.is_rate:
            continue
        total = before[-1]
        tf = figures[total]
        if tf.paragraph != first.paragraph or m.group(2) not in tf.sentence_text[-16:] or total in used:
            continue
        parts = []
        for i in after:
            f = figures[i]
            if f.sentence != first.sentence or f.is_rate or f.unit != first.unit or i in used:
                break
            parts.append(i)
        if parts and sum(figures[i].value for i in parts) <= tf.value:
            out.append((total, parts))
            used.update(parts)
    return out


def _colon_lists(
    text: str, figures: list[Figure], used: set[int], parts_only: set[int] | None = None
) -> list[tuple[int, list[int]]]:
    """抽取100宗…评估结果为：优秀14宗，占比14%；良好20宗…: the counts after 结果为：
    (up to the end of the sentence, across ；) break down the count before it. Only a
    breakdown that does not exceed its total is taken (a false 不符 is worse). A total
    already broken down by other words (收到申请68件，其中自然人65件…。办理结果：…) may be
    broken down again by its outcomes; only a part of another list may not."""
    parts_only = used if parts_only is None else parts_only
    # 不予公开2件，其中…1件，…1件 inside 办理结果如下：…: a total broken down by a list of
    # its own is still an item of the outcome list around it.
    nested_totals = used - parts_only
    out = []
    for m in lx.COLON_MARKER.finditer(text):
        before = [i for i, f in enumerate(figures) if f.cend <= m.start() and not f.is_rate]
        if not before:
            continue
        total = before[-1]
        tf = figures[total]
        end = min((j for j in (text.find("。", m.end()), text.find("\n", m.end())) if j >= 0), default=len(text))
        parts = [
            i
            for i, f in enumerate(figures)
            if m.end() <= f.cstart < end and not f.is_rate and f.unit == tf.unit
            and (i not in used or i in nested_totals)
        ]
        if "\n" in text[tf.cend : m.start()]:
            continue
        opens = "。" in text[tf.cend : m.start()]
        if not opens and total in used:
            continue
        if opens:
            # 共收到…9件，…结转0件。处理结果中，…: a marker opening a sentence breaks
            # down the count of the sentence before that its parts add up to exactly.
            s = sum((figures[i].value for i in parts), Decimal(0))
            sent_start = text.rfind("。", 0, text.rfind("。", 0, m.start())) + 1
            fits = [
                i
                for i in before
                if figures[i].cstart >= sent_start and figures[i].value == s and i not in parts_only
                and figures[i].unit == (figures[parts[0]].unit if parts else "")
            ]
            if len(parts) < 2 or len(fits) != 1:
                continue
            total, tf = fits[0], figures[fits[0]]
        if len(parts) >= 2 and sum(figures[i].value for i in parts) <= tf.value:
            out.append((total, parts))
            used.update(parts)
            nested_totals.difference_update(parts)
    return out


def _same_family(code: str, total_code: str) -> bool:
    """其中，依法纠正…2850件 after 新收复议案件16846件: a part with a catalogue code of its
    total's own family (recon_corrected of recon_received, recon_closed of
    recon_accepted) is another measure of the same cases, not a category of them."""
    if code.startswith("other:") or code == lx.NUMERATOR:
        return False
    return code.split("_")[0] == total_code.split("_")[0] and not code.endswith("_rate")


_OUTCOME_OPENER = re.compile(r"结果(为|是|如下)?[：:]|结果中[，,：:]")


def clause_of(f: Figure) -> str:
    """The words of the clause (or list item) that names a figure, up to its number."""
    return re.split(r"[，,；;：:。、]", f.sentence_text)[-1]


def _blocked_in_clause(f: Figure, code: str) -> bool:
    """Whether the words of a figure's clause name another register than `code`'s
    (行政诉讼受案808件 listed after the 复议 applications it is compared with). A
    category of the cases (投诉举报类, 信息公开类) is not another register."""
    other = lx.OTHER_REGISTER.get(code.split("_")[0])
    clause = clause_of(f)
    return other is not None and bool(other.search(clause)) and "类" not in clause


_CONCLUDED_STAGE = re.compile(r"审结|办结|结案|已结|未结|审理终结|胜诉|審結|辦結|未結|勝訴")


def _a_later_stage(part: Figure, total: Figure) -> bool:
    """Whether a 其中 part counts a later stage of its total's cases (新收行政诉讼165件，
    其中审结116件): the cases concluded, not a kind of the cases received."""
    return bool(_CONCLUDED_STAGE.search(clause_of(part))) and not _CONCLUDED_STAGE.search(clause_of(total))


def _inherit_part_codes(text: str, figures: list[Figure]) -> None:
    for total, parts in part_lists(text, figures):
        s = sum((figures[i].value for i in parts), Decimal(0))
        if figures[parts[0]].sentence != figures[total].sentence and s > figures[total].value:
            # 结果分别为撤销48件…确认违法150件。其中A类164件…: a 其中 opening a sentence
            # after a list breaks down the count before that its parts add up to.
            total = next(
                (
                    j
                    for j in range(parts[0] - 1, -1, -1)
                    if figures[j].paragraph == figures[parts[0]].paragraph
                    and not figures[j].is_rate
                    and figures[j].unit == figures[parts[0]].unit
                    and figures[j].value == s
                ),
                total,
            )
        tcode = figures[total].indicator
        outcomes = bool(_OUTCOME_OPENER.search(text[figures[total].cend : figures[parts[0]].cstart]))
        for i in parts:
            f = figures[i]
            f.part_of = total
            if outcomes and f.indicator.startswith("other:"):
                # 处理结果中，部分公开2件…: outcomes of the requests, not more requests.
                continue
            # A part takes its total's code (the gold files' convention), unless the
            # total has none in the catalogue, the part is one of its partition, or the
            # part is the count of a rate over the total (其中纠错29件, 出庭应诉87件).
            if (
                f.indicator != tcode
                and not tcode.startswith("other:")
                and (f.indicator, tcode) not in _NUMERATOR_OF
                and f.indicator not in lx.OWN_CODE_PARTS.get(tcode, ())
                and not (_same_family(f.indicator, tcode) and lx.CODE_UNIT.get(f.indicator) == f.unit)
                and not _blocked_in_clause(f, tcode)
                and not _a_later_stage(f, figures[total])
            ):
                f.indicator = tcode
            if "其中" not in f.scope:
                f.scope = (f.scope + "，" if f.scope else "") + "其中"
