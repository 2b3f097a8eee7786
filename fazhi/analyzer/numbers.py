"""Numbers as Chinese reports write them.

Arabic and full-width digits, Chinese numerals (一百二十, 两千三百), 万 and 亿,
百分之九十五, ranges (3-5件, 三至五名), approximation words (余, 多, 近, 约) and
the spaces that PDF and Word conversion leave inside them. Pure functions; the
text handed to `find_numbers` is the compacted text of `extract.Compact` (no
whitespace), so "1008 名" arrives as "1008名".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "零〇一二两三四五六七八九十百千万亿"

FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")

# Measure words, longest first so that 人次 wins over 人 and 万元 over 元.
UNITS = [
    "平方公里",
    "个百分点",
    "个工作日",
    "工作日",
    "百分点",
    "平方米",
    "万人次",
    "人次",
    "个次",
    "户次",
    "家次",
    "批次",
    "条次",
    "班次",
    "人日",
    "公顷",
    "件次",
    "场次",
    "课时",
    "小时",
    "分钟",
    "万元",
    "亿元",
    "公里",
    "%",
    "件",
    "起",
    "宗",
    "名",
    "人",
    "位",
    "本",
    "期",
    "次",
    "项",
    "个",
    "条",
    "份",
    "册",
    "台",
    "卷",
    "篇",
    "家",
    "所",
    "户",
    "处",
    "场",
    "批",
    "轮",
    "套",
    "部",
    "张",
    "封",
    "间",
    "座",
    "支",
    "类",
    "款",
    "元",
    "天",
    "亩",
    "票",
    "种",
    "点",
    "分",
    "倍",
    "例",
    "笔",
    "节",
    "堂",
    "幅",
    "块",
    "面",
    "辆",
    "吨",
    "通",
    "日",
    "市",
    "县",
    "万",
]
# 分 is a score (95分) only when it does not start another word (三分之一, 分别, 分局).
_UNIT_GUARD = {
    "分": "(?![之钟别类局院析工管批期布配担摊])",
    "种": "(?![类植养子])",
    "点": "(?![\\d半钟多左])",  # 3点建议, not 8点30分
    # 对2市4县开展评估: cities and counties counted, not 市场, 市级, 县委, 县城.
    "市": "(?![场民级委政直属辖域容长本人司法公财教卫城管监])",
    "县": "(?![级委政域城直属长本人司法公财教卫管监乡])",
    # 30例, 50笔, 20节课, 锦旗50余面, 压缩至40日: not 例如, 笔记, 节约, 面向, 日常.
    "例": "(?![如子行会证])",
    "笔": "(?![记录试者])",
    "节": "(?![约能点日目假俭])",
    "面": "(?![积向对临上下貌前子料授谈的])",
    "日": "(?![常益趋报子均前])",
    # 话务量166通, 接听来电3.2万通: calls, not 通过, 通知, 通报, 通道, 通讯.
    "通": "(?![过知报道讯达行用畅信关办]|[一二三四五六七八九十\\d])",
}
_UNIT_RE = "|".join(re.escape(u) + _UNIT_GUARD.get(u, "") for u in UNITS if u != "万")

# What may follow a unit and turn the number into a duration or a name, not a figure.
_DURATION_AFTER = re.compile(r"^(月|工作日|小时|星期|年)")

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# 八十五点五, 零点五: a Chinese decimal (点 then digits; 三点建议 is three points).
CNNUM = rf"[{CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
_RANGE_SEP = r"(?:-|—|－|~|～|至|到)"

NUMBER_RE = re.compile(
    rf"""
    (?P<pre>近|约|大约|将近|逾|超过|超(?=[\d{CN_CHARS}]))?
    (?:
        百分之(?P<pct>{ARABIC}|{CNNUM})
      | (?P<num>{ARABIC}(?P<smult>[千百](?!分))?|{CNNUM})
        (?:{_RANGE_SEP}(?P<high>{ARABIC}(?:[千百](?!分))?|{CNNUM}))?
        (?P<approx1>余|多)?
        (?P<mult>万|亿)?
        (?P<approx2>余|多)?
        (?P<unit>{_UNIT_RE}|[:：∶]\d+(?:\.\d+)?(?![\d.]))?
        (?P<approx3>左右)?
    )
    """,
    re.VERBOSE,
)


class NotANumber(ValueError):
    pass


def parse_chinese(s: str) -> Decimal:
    """Value of a Chinese numeral: 一百二十 → 120, 两千三百 → 2300, 二〇二三 → 2023,
    八十五点五 → 85.5."""
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in CN_DIGIT for c in frac):
            raise NotANumber(s)
        return parse_chinese(whole) + Decimal("0." + "".join(str(CN_DIGIT[c]) for c in frac))
    if not s or any(c not in CN_CHARS for c in s):
        raise NotANumber(s)
    if all(c in CN_DIGIT for c in s) and len(s) > 1:
        # Digit by digit, as years are written (二〇二三).
        return Decimal("".join(str(CN_DIGIT[c]) for c in s))
    total = 0
    section = 0
    digit: int | None = None
    for c in s:
        if c in CN_DIGIT:
            digit = CN_DIGIT[c]
        elif c in CN_SMALL_UNIT:
            section += (1 if digit is None else digit) * CN_SMALL_UNIT[c]
            digit = None
        else:  # 万 or 亿
            section += digit or 0
            if section == 0:
                section = 1
            total = (
                (total + section) * CN_BIG_UNIT[c]
                if c == "亿"
                else total + section * CN_BIG_UNIT[c]
            )
            section = 0
            digit = None
    return Decimal(total + section + (digit or 0))


def parse_arabic(s: str) -> Decimal:
    try:
        return Decimal(s.translate(FULLWIDTH).replace(",", ""))
    except InvalidOperation as e:
        raise NotANumber(s) from e


def parse_number(s: str) -> Decimal:
    """Value of one number as written: "1,008", "４５", "一百二十", "30万", "百分之九十五"."""
    s = re.sub(r"\s+", "", s).translate(FULLWIDTH)
    if s.startswith("百分之"):
        body = s[3:]
        return parse_number(body) if body != "百" else Decimal(100)
    mult = 1
    if s and s[-1] in "万亿" and len(s) > 1 and not all(c in CN_CHARS for c in s):
        mult = CN_BIG_UNIT[s[-1]]
        s = s[:-1]
    return _value(s) * mult


@dataclass
class NumberToken:
    """One number in the compacted text, with what is written around it."""

    start: int  # offset of the first digit (or of 百分之)
    end: int  # offset after the unit (or after the number when there is none)
    value: Decimal
    high: Decimal | None  # upper end of a range
    unit: str
    approx: bool
    chinese: bool  # written in Chinese numerals
    raw: str

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


# 3千余件, 1.5千: Arabic digits with a Chinese multiplier below 万.
_SMALL_MULT = {"千": 1000, "百": 100}


def _value(s: str) -> Decimal:
    if re.fullmatch(ARABIC, s):
        return parse_arabic(s)
    if s[-1] in _SMALL_MULT and re.fullmatch(ARABIC, s[:-1]):
        return parse_arabic(s[:-1]) * _SMALL_MULT[s[-1]]
    return parse_chinese(s)


def find_numbers(text: str) -> list[NumberToken]:
    """Every number with its unit in `text` (compacted, half-width digits).

    Returns numbers without a unit too (unit ""): the extractor decides whether they
    measure something. Malformed Chinese numerals (十十) are skipped.
    """
    out: list[NumberToken] = []
    for m in NUMBER_RE.finditer(text):
        if m.group("pct") is not None:
            body = m.group("pct")
            try:
                value = Decimal(100) if body == "百" else _value(body)
            except NotANumber:
                continue
            start = m.start("pct") - 3
            out.append(
                NumberToken(
                    start,
                    m.end(),
                    value,
                    None,
                    "%",
                    bool(m.group("pre")),
                    not body[0].isdigit(),
                    m.group(0),
                )
            )
            continue
        num = m.group("num")
        if num is None:
            continue
        try:
            value = _value(num)
            high = _value(m.group("high")) if m.group("high") else None
            if high is not None and m.group("high")[-1] in _SMALL_MULT and num[-1] not in _SMALL_MULT and num[-1].isdigit():
                value *= _SMALL_MULT[m.group("high")[-1]]  # 3-5千元: both ends in thousands
        except (NotANumber, InvalidOperation):
            continue
        unit = m.group("unit") or ""
        if unit[:1] and unit[0] in ":：∶":
            # A ratio (2.5:1, 1∶2.5) is one figure, named by its second term; a time
            # of day (8:30) reads the same and is told apart by the extractor.
            unit = ":" + unit[1:]
        mult = m.group("mult")
        if unit == "万人次":
            mult, unit = "万", "人次"
        if mult:
            if unit == "元":
                unit = mult + "元"  # amounts in 万元 stay in 万元
            else:
                factor = CN_BIG_UNIT[mult]
                value *= factor
                high = high * factor if high is not None else None
        approx = bool(
            m.group("pre") or m.group("approx1") or m.group("approx2") or m.group("approx3")
        )
        if m.group("pre") and m.group("approx1") is None and m.group("unit") is None and not mult:
            # 约/近 followed by a bare number is rarely a figure; keep it, the
            # extractor drops numbers without a unit anyway.
            pass
        start = m.start("num")
        if _negative(text, start) and not m.group("pre"):
            # -30.0% in a table of changes: a fall, not a rise.
            value, high, start = -value, None, start - 1
        end = m.end("unit") if m.group("unit") else m.end()
        out.append(
            NumberToken(start, end, value, high, unit, approx, not num[0].isdigit(), m.group(0))
        )
    return _years_and_tenths(text, _join_mixed(out))


# 连续五年, 连续17年: a run of years is a figure (年 is no unit elsewhere: 2023年 is a
# date). 超八成, 近九成: tenths, written 成 (not 成立, 成效, 成功…).
_RUN_OF_YEARS = re.compile(r"连续$")
_TENTHS_AFTER = re.compile(r"成(?![立功为效果员绩本熟交就长品型形像风])")


def _years_and_tenths(text: str, tokens: list[NumberToken]) -> list[NumberToken]:
    out = []
    for tok in tokens:
        if not tok.unit and tok.high is None:
            if _RUN_OF_YEARS.search(text[max(0, tok.start - 2) : tok.start]) and text[tok.end : tok.end + 1] in ("年", "届"):
                tok = NumberToken(tok.start, tok.end + 1, tok.value, None, text[tok.end], tok.approx, tok.chinese, tok.raw + text[tok.end])
            elif tok.chinese and 0 < tok.value < 10 and _TENTHS_AFTER.match(text, tok.end):
                tok = NumberToken(tok.start, tok.end + 1, tok.value, None, "成", tok.approx, True, tok.raw + "成")
        out.append(tok)
    return out


def _join_mixed(tokens: list[NumberToken]) -> list[NumberToken]:
    """1万2千件: digits with 万 then digits with 千 or 百 are one number (12000)."""
    out: list[NumberToken] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == tok.start
            and prev.raw.endswith("万")
            and not prev.unit
            and prev.high is None
            and re.match(r"\d+(\.\d+)?[千百]", tok.raw)
            and 0 < tok.value < 10_000
        ):
            out[-1] = NumberToken(
                prev.start, tok.end, prev.value + tok.value, None, tok.unit,
                prev.approx or tok.approx, False, prev.raw + tok.raw,
            )
            continue
        out.append(tok)
    return out


def _negative(text: str, start: int) -> bool:
    """A minus sign right before the digits, itself not after a digit or a letter
    (3-5件 is a range, G-3 a name): -30.0%, －12."""
    if start < 1 or text[start - 1] not in "-－−" or not text[start : start + 1].isdigit():
        return False
    prev = text[start - 2 : start - 1]
    if prev in ("%", "％") or re.match(r"\d[\u4e00-\u9fff]$", text[max(0, start - 3) : start - 1]):
        return False  # 80%-90%, 3件-5件: a range written with its units
    if "\u4e00" <= prev <= "\u9fff" and prev not in CN_CHARS:
        # 同比增长-3%, 增幅为-12.5%: a sign after words that state a change or a value;
        # after any other word (复议案件-3件) the dash joins words, it is no sign.
        return bool(_SIGNED_AFTER.search(text[max(0, start - 6) : start - 1]))
    return not prev or not prev.isalnum() and prev not in CN_CHARS


_SIGNED_AFTER = re.compile(r"(增长|增幅|增速|变化|变动|幅度|同比|环比|为|是|达)$")


def duration_follows(text: str, end: int) -> bool:
    """True when the unit just read is the start of a duration (3个月, 5个工作日)."""
    return bool(_DURATION_AFTER.match(text[end : end + 3]))
