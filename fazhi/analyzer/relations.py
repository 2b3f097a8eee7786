"""The arithmetic a report's figures allow, and whether it comes out.

- rate: a stated rate against its numerator and denominator (or, with no
  denominator in the text, the nearest whole-number total it implies). When the
  rate does not fit the denominator the text gives, the other figures nearby are
  tried and the ones it does fit are reported too.
- sum: a total and the parts listed after 其中/含 (a selection: the parts may not
  exceed the total), or an outcome breakdown (the parts must add up exactly).
- implied: a total the text never states but the catalogue defines as a sum of
  stated parts (recon_corrected = revoked + altered + …).

Rounding: computed = numerator ÷ denominator × 100 rounded to 2 decimals; a stated
rate is consistent when it is the exact quotient rounded half-up to as many decimals
as it has, or (the gold files' rule) the 2-decimal value so rounded: 25.6% for
25.548% is within rounding, 1.7% for 1.64% is not.

A false 不符 is worse than a miss. A relation is only judged where the text says it
holds: a 占…的 share, a table's 合计 row, a 其中 list, a rate named with its counts
in the same sentence, the catalogue's own definition of a rate (its denominator
first; another base the report may use is named, not called wrong). Anything less
certain is kept as `checked=False` (无法核对, with the reason) and never counted as
an inconsistency. Each verdict says how sure it is (`confidence`) and why (`note`:
the numbers and the rounding rule).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from . import kinds
from . import lexicon as lx
from .extract import (
    CELL_END,
    Figure,
    _aligned_header,
    _closing_paren,
    _column_header,
    _comparison,
    _num,
    clause_of,
    compared_in_words,
    part_lists,
)
from .numbers import parse_chinese

# How far before a rate its counts may stand (in compact characters).
RATE_REACH = 200
HUNDRED = Decimal(100)


@dataclass
class Relation:
    kind: str  # "rate", "sum", "implied" or "change" (同比: rate = the change,
    # numerator = this year's count, denominator = last year's)
    consistent: bool
    note: str = ""
    # rate
    rate: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    implied_denominator: int | None = None
    stated: Decimal | None = None
    computed: Decimal | None = None
    fits: list[int] = field(default_factory=list)  # other figures the rate does fit
    # other counts that over the same base give the rate (the total of a 其中 list)
    fits_as_numerator: list[int] = field(default_factory=list)
    # sum / implied
    total: int | None = None
    parts: list[int] = field(default_factory=list)
    stated_total: Decimal | None = None
    sum_of_parts: Decimal | None = None
    partial: bool = False
    indicator: str = ""  # implied: the code of the implied total
    confidence: str = "确定"  # 确定: the text states the relation; 较确定: read from nearness
    checked: bool = True  # False: seen but not judged (无法核对), never an inconsistency

    def as_dict(self, figures: list[Figure]) -> dict[str, Any]:
        def q(i: int | None) -> str | None:
            return figures[i].quote if i is not None else None

        def pos(i: int | None) -> int | None:
            return figures[i].position if i is not None else None

        d: dict[str, Any] = {
            "kind": self.kind,
            "consistent": self.consistent,
            "note": self.note,
            "confidence": self.confidence if self.checked else "无法核对",
        }
        if self.kind in ("rate", "change"):
            # A change names its figures as the change, this year's and last year's count.
            names = ("rate", "numerator", "denominator") if self.kind == "rate" else ("change", "current", "previous")
            roles = (self.rate, self.numerator, self.denominator)
            named = self.rate if self.kind == "rate" else self.numerator
            d["indicator"] = figures[named].indicator if named is not None else ""
            d.update({f"{n}_quote": q(i) for n, i in zip(names, roles, strict=True)})
            d.update({f"{n}_position": pos(i) for n, i in zip(names, roles, strict=True)})
            d["stated"] = _num(self.stated) if self.stated is not None else None
            d["computed"] = _num(self.computed) if self.computed is not None else None
            if self.kind == "rate":
                d["fits_instead"] = [q(i) for i in self.fits]
                if self.implied_denominator is not None:
                    d["implied_denominator"] = self.implied_denominator
        else:
            d.update(
                indicator=self.indicator
                or (figures[self.total].indicator if self.total is not None else ""),
                total_quote=q(self.total),
                total_position=pos(self.total),
                part_quotes=[q(i) for i in self.parts],
                part_positions=[pos(i) for i in self.parts],
                stated_total=_num(self.stated_total) if self.stated_total is not None else None,
                sum_of_parts=_num(self.sum_of_parts) if self.sum_of_parts is not None else None,
                partial=self.partial,
            )
        return d


def _decimals(d: Decimal) -> int:
    """Decimals as printed: 17.0% has one (16.96 and 17.04 are 17.0, 17.06 is not)."""
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def rate_fits(
    num: Decimal, den: Decimal, stated: Decimal, approx: bool = False, bound: str = ""
) -> tuple[Decimal, bool]:
    """(computed, consistent) for a stated rate over num ÷ den. `bound` "min" (98%以上)
    or "max" (5%以下) makes the stated rate a limit, not a value."""
    computed = (num / den * HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if bound == "min":
        return computed, computed >= stated
    if bound == "max":
        return computed, computed <= stated
    if approx:
        return computed, abs(computed - stated) <= 1
    return computed, stated in _roundings(num / den * HUNDRED, _decimals(stated))


def _roundings(exact: Decimal, places: int) -> set[Decimal]:
    """What a report may print for `exact` at `places` decimals: the exact quotient
    rounded once (76 ÷ 869 = 8.7457% → 8.7%) or, as the gold files' rule and spreadsheets
    that show two decimals do, rounded to 2 decimals first (1584 ÷ 6200 = 25.548% →
    25.55% → 25.6%). Either is within rounding; neither is a 不符."""
    step = Decimal(1).scaleb(-places)
    once = exact.quantize(step, ROUND_HALF_UP)
    twice = exact.quantize(Decimal("0.01"), ROUND_HALF_UP).quantize(step, ROUND_HALF_UP)
    return {once, twice}


def _fmt(d: Decimal | None) -> str:
    return "" if d is None else str(_num(d))


def verdict_note(
    num: Decimal, den: Decimal, stated: Decimal, approx: bool = False, bound: str = ""
) -> str:
    """The arithmetic and the rounding rule, in words: 77÷4696=1.64%，按所报的1位小数
    四舍五入为1.6%，与所报1.7%不符。"""
    computed, ok = rate_fits(num, den, stated, approx, bound)
    exact = num / den * HUNDRED if den else Decimal(0)
    shown = exact.quantize(Decimal(1).scaleb(-max(2, _decimals(stated) + 2)), ROUND_HALF_UP)
    head = f"{_fmt(num)}÷{_fmt(den)}={_fmt(shown if _decimals(stated) >= 1 else computed)}%"
    if bound:
        rule = f"，所报为{'下限' if bound == 'min' else '上限'}（{_fmt(stated)}%{'以上' if bound == 'min' else '以下'}）"
    elif approx:
        rule = "，所报为约数（允许相差1个百分点）"
    else:
        places = _decimals(stated)
        rounded = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        rule = f"，按所报的{places}位小数四舍五入为{rounded:.{places}f}%" if places else (
            f"，四舍五入取整为{_fmt(rounded)}%"
        )
        if ok and rounded != stated:
            # 25.548% → 25.55% → 25.6%: rounded twice, as a sheet showing 2 decimals does.
            rule += f"（先保留2位小数为{computed:.2f}%再取{places}位为{_fmt(stated)}%，在舍入误差内）"
        if not ok and exact.quantize(Decimal(1).scaleb(-places), ROUND_DOWN) == stated:
            # 140÷151 = 92.7152%: 92.71% is cut, not rounded (by the rule, 不符).
            rule += f"（所报{_fmt(stated)}%是截断值，差距不足末位1个单位）"
    shown_stated = f"{stated:.{_decimals(stated)}f}" if _decimals(stated) else _fmt(stated)
    return f"{head}{rule}，与所报{shown_stated}%{'相符' if ok else '不符'}。"


@cache
def _catalogue_denominator(rate_code: str) -> str | None:
    """The analyzer's code for the denominator the catalogue defines for `rate_code`."""
    try:
        from fazhi.indicators.catalogue import catalogue

        ind = catalogue().get(rate_code)
    except Exception:  # no Django, or the catalogue cannot load: fall back to the lexicon
        return None
    if ind is None or ind.kind != "rate":
        return None
    return lx.CATALOGUE_AS_OTHER.get(ind.denominator, ind.denominator)


def denominator_codes(rate_code: str) -> tuple[str, ...]:
    """The rate's denominators, the catalogue's own first."""
    _num_codes, dens = lx.RATES[rate_code]
    primary = _catalogue_denominator(rate_code)
    if primary and primary in dens:
        return (primary, *[d for d in dens if d != primary])
    return dens


def _base(code: str) -> str:
    return lx.BASE_LABEL.get(code) or lx.OTHER_LABEL.get(code.removeprefix("other:")) or lx.label(code)


def _near(figures: list[Figure], i: int) -> list[int]:
    """Counts before figure i in its paragraph, nearest first."""
    f = figures[i]
    out = []
    for j in range(i - 1, -1, -1):
        g = figures[j]
        if g.paragraph != f.paragraph or f.cstart - g.cend > RATE_REACH:
            break
        if not g.is_rate:
            out.append(j)
    return out


_KIND_UNITS = ("类", "种")


def _plausible_denominator(g: Figure, num: Decimal, stated: Decimal) -> bool:
    # 603 ÷ 2: a denominator smaller than its numerator cannot give a rate ≤ 100%.
    # 是去年的6倍: a multiple is no base.
    return g.value > 0 and (g.value >= num or stated > HUNDRED) and g.group != "ratio"


# A count written in 万/亿 (8.74万件, 3万人次): rounded to its last written digit.
_ROUNDED_COUNT = re.compile(r"(\d+)(?:\.(\d+))?\s*(万|亿)")


def count_resolution(g: Figure) -> Decimal:
    """The unit of the last digit a count is written to when it is written in 万 or 亿
    (8.74万 → 100, 3万 → 10000): the report rounded the count to it, so a rate computed
    from the exact counts need not match the rounded ones. 0 for a count written out."""
    for m in _ROUNDED_COUNT.finditer(g.quote):
        mult = Decimal(10000) if m.group(3) == "万" else Decimal(10) ** 8
        places = len(m.group(2) or "")
        if Decimal(f"{m.group(1)}.{m.group(2) or '0'}") * mult == g.value:
            return mult.scaleb(-places)
    return Decimal(0)


def _rate_span(n: Figure, d: Figure) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest rate the counts behind two rounded counts can give
    (8.74万 ÷ 8.94万: 87350–87450 over 89350–89450), or None when neither is rounded."""
    nr, dr = count_resolution(n) / 2, count_resolution(d) / 2
    if not (nr or dr) or d.value - dr <= 0:
        return None
    lo = max(n.value - nr, Decimal(0)) / (d.value + dr) * HUNDRED
    hi = (n.value + nr) / (d.value - dr) * HUNDRED
    return lo, hi


def _fits_span(span: tuple[Decimal, Decimal], stated: Decimal, approx: bool, bound: str) -> bool:
    lo, hi = span
    if bound == "min":
        return hi >= stated
    if bound == "max":
        return lo <= stated
    half = Decimal(1) if approx else Decimal(1).scaleb(-_decimals(stated)) / 2
    return stated + half >= lo and stated - half <= hi


def _checked_rate(
    figures: list[Figure], i: int, numerator: int, denominator: int, confidence: str
) -> Relation:
    f, n, d = figures[i], figures[numerator], figures[denominator]
    computed, ok = rate_fits(n.value, d.value, f.value, f.approx, f.bound)
    note = verdict_note(n.value, d.value, f.value, f.approx, f.bound)
    span = None if ok else _rate_span(n, d)
    if span is not None and _fits_span(span, f.value, f.approx, f.bound):
        # 调处1.25万件，成功1.20万件，成功率96.1%: the rate was computed from the exact
        # counts, which the report rounded to 万; within that rounding it fits.
        ok = True
        q = Decimal("0.01")
        note = (
            note.removesuffix("不符。")
            + f"不符；但计数以万或亿为单位、已经舍入，按其舍入范围比率可为{_fmt(span[0].quantize(q, ROUND_HALF_UP))}%"
            + f"至{_fmt(span[1].quantize(q, ROUND_HALF_UP))}%，所报比率在此范围内，相符。"
        )
    return Relation(
        "rate",
        ok,
        note,
        rate=i,
        numerator=numerator,
        denominator=denominator,
        stated=f.value,
        computed=computed,
        confidence=confidence,
    )


def _unchecked(i: int, numerator: int | None, stated: Decimal, why: str) -> Relation:
    return Relation("rate", True, why, rate=i, numerator=numerator, stated=stated, checked=False)


def _words_shared(words: str | None, g: Figure) -> int:
    """How many of the characters of 占…的 words stand in the clause that names `g`."""
    clause = re.split(r"[，,；;：:。]", g.sentence_text)[-1]
    return len(set(words or "") & set(clause))


def _better_named_base(figures: list[Figure], i: int, numerator: int, chosen: int) -> int | None:
    """An earlier count of the base's code whose own words the 占…的 words name better
    than the chosen base's, and that the rate fits."""
    f = figures[i]
    num, near = figures[numerator].value, _words_shared(f.share_of, figures[chosen])
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if j == chosen or g.is_rate or g.indicator != f.share_code or g.value < num:
            continue
        if _words_shared(f.share_of, g) > near and rate_fits(num, g.value, f.value, f.approx, f.bound)[1]:
            return j
    return None


def _add_fits(figures: list[Figure], rel: Relation, out: list[Relation]) -> None:
    """For a rate that does not fit its denominator: the figures it does fit."""
    assert rel.rate is not None and rel.numerator is not None  # a rate relation has both
    f, num = figures[rel.rate], figures[rel.numerator].value
    for j, g in enumerate(figures):
        if (
            j in (rel.numerator, rel.denominator)
            or g.is_rate
            or g.paragraph != f.paragraph
            or g.group != figures[rel.numerator].group
            or g.value < num
            or g.value <= 0
        ):
            continue
        c2, ok2 = rate_fits(num, g.value, f.value, f.approx, f.bound)
        if ok2:
            rel.fits.append(j)
            out.append(
                Relation(
                    "rate",
                    True,
                    f"所报{_fmt(f.value)}%实际是{_fmt(num)}÷{_fmt(g.value)}（{g.quote}），而非文中所称的分母。",
                    rate=rel.rate,
                    numerator=rel.numerator,
                    denominator=j,
                    stated=f.value,
                    computed=c2,
                    confidence="较确定",
                )
            )
    if not rel.fits and rel.denominator is not None:
        # 维持5件，占38%, with 15 accepted and 13 decided: the rate may be another count
        # of the paragraph over the same base; then the text does not prove it wrong.
        den = figures[rel.denominator].value
        for j, g in enumerate(figures):
            if (
                j in (rel.numerator, rel.denominator)
                or g.is_rate
                or g.paragraph != f.paragraph
                or g.group != figures[rel.numerator].group
                or g.value > den
                or g.value == num
            ):
                continue
            if rate_fits(g.value, den, f.value, f.approx, f.bound)[1]:
                rel.fits.append(j)
                rel.fits_as_numerator.append(j)
    if rel.fits:
        rel.note += "该比率与" + "、".join(f"“{figures[j].quote}”" for j in rel.fits) + "相符。"


def _share_relation(figures: list[Figure], i: int, out: list[Relation], text: str = "") -> None:
    """占…的N%: the count right before it over the total the 占 names."""
    f = figures[i]
    prev = [j for j in _near(figures, i) if figures[j].sentence == f.sentence and figures[j].group != "ratio"]
    # 新收1344件四类下沉行政案件，占…60.4%: 四类 names the kind of the count, it is not
    # the count; a kind-count is the numerator only where no other count stands.
    prev = [j for j in prev if figures[j].unit not in _KIND_UNITS] or prev
    if not prev:
        return
    if _share_of_the_above(figures, i, out):
        return
    numerator = _count_the_rate_names(figures, i, prev)
    num = figures[numerator].value
    earlier = [j for j in _near(figures, i) if j != numerator and j < numerator]
    if f.share_code and not f.share_code.startswith("other:"):
        # 乡镇政府11件，占受理总数的7.28% after 151件中，…部门140件: the total, not a
        # sibling part that took the total's code.
        whole = figures[numerator].part_of
        named = [
            j
            for j in earlier
            if figures[j].indicator == f.share_code
            and (figures[j].part_of is None and "其中" not in figures[j].scope or j == whole)
        ]
        if not named and whole is None:
            # 共收到行政复议申请63件。其中…；从申请人的情况看…；…经审查，立案受理45件，占收到
            # 申请的71.4%: the total the words name opens the paragraph, farther back than
            # the counts nearby, with its breakdowns between.
            named = [
                j
                for j in range(numerator - 1, -1, -1)
                if figures[j].paragraph == f.paragraph
                and figures[j].indicator == f.share_code
                and not figures[j].is_rate
                and figures[j].part_of is None
                and "其中" not in figures[j].scope
            ][:1]
        if whole is not None and figures[whole].indicator == f.share_code:
            named = [whole]
        if not named:
            # 其中市本级…受理98件，…已受理案件办结94件，作出维持决定的26件，占已审结总数的
            # 27.7%: the only count of the code is itself a part (of the city's 107); it
            # is the base when the rate fits it (found by its code: a fit only).
            part = next((j for j in earlier if figures[j].indicator == f.share_code and not figures[j].is_rate), None)
            if part is not None:
                rel = _checked_rate(figures, i, numerator, part, "较确定")
                if rel.consistent:
                    out.append(rel)
                    return
        if named:
            # 确定 where the base stands in the share's own sentence; a base found by its
            # code elsewhere is read, not stated (较确定).
            sure = "确定" if figures[named[0]].sentence == f.sentence else "较确定"
            rel = _checked_rate(figures, i, numerator, named[0], sure)
            if not rel.consistent:
                better = _better_named_base(figures, i, numerator, named[0])
                if better is not None:
                    # 13个市州新收…4377件，其中武汉市…2220件，占全省新收行政复议申请总数的
                    # 40.94%, after 全省…新收行政复议申请5422件: the words name the earlier
                    # count, which the rate fits; the nearer one was the wrong base.
                    rel = _checked_rate(figures, i, numerator, better, "较确定")
                    rel.note += f"（“占{f.share_of}”所称的是“{figures[better].quote}”。）"
                    out.append(rel)
                    return
            fits: list[Relation] = []
            if not rel.consistent:
                _add_fits(figures, rel, fits)
            # (A count the words name as well as the chosen one, 受理4126件 beside 受理16245件,
            # may be the base meant just as much.)
            closer = [
                j
                for j in rel.fits
                if _words_shared(f.share_of, figures[j]) >= _words_shared(f.share_of, figures[named[0]])
            ]
            if closer or rel.fits_as_numerator:
                # 占农民工法律援助案件量的81% after 法律援助案件7900件，其中农民工…2188件: the
                # words name the count the rate fits better than the one the code found, so
                # it is not called wrong. (占受理量的42.53% that fits 收到87件 instead of
                # 受理28件 is: the words name the count it does not fit.)
                out.extend(fits)
                out.append(
                    _unchecked(
                        i, numerator, f.value, rel.note + "（该比率与文中另一个数相符，未判为不符。）"
                    )
                )
            else:
                out.append(rel)
                out.extend(fits)
            return
        # 占本年度行政诉讼案件总量的32.23% with that total stated in an earlier
        # paragraph: the count whose own words the 占 repeats. Found across paragraphs,
        # it is reported when the rate fits it and otherwise left unjudged.
        named = [
            j
            for j in range(numerator - 1, -1, -1)
            if figures[j].indicator == f.share_code
            and not figures[j].is_rate
            and figures[j].measure
            and figures[j].measure in (f.share_of or "")
            and _plausible_denominator(figures[j], num, f.value)
        ]
        # 占已审结复议案件10.37% a paragraph after 已审结案件1148件 … 其他方式结案7件: the
        # count whose clause repeats most of the 占 words, the nearest of those first.
        named.sort(key=lambda j: -_words_shared(f.share_of, figures[j]))
        if not named:
            named = _named_in_words(figures, i, numerator)
        if named:
            rel = _checked_rate(figures, i, numerator, named[0], "较确定")
            if rel.consistent:
                rel.note += f"（分母“{figures[named[0]].quote}”在前文，按“占{f.share_of}”所称取用。）"
                out.append(rel)
                return
    if _base_the_words_repeat(figures, i, numerator, out):
        return
    # 优秀案件14宗，占比14%: a share naming no base is over the total its count is a
    # part of (其中, 结果为：); reported when it fits.
    whole = figures[numerator].part_of
    if whole is not None and (f.share_code is None or f.share_code.startswith("other:")):
        rel = _checked_rate(figures, i, numerator, whole, "较确定")
        if rel.consistent:
            rel.note += f"（“{figures[numerator].quote}”是“{figures[whole].quote}”的分项，按其总数计算。）"
            out.append(rel)
            return
        if not f.share_of and _a_slip_of_the_last_digit(figures, rel):
            # 答复47件，…其中予以公开46件，占比97.8%: a bare share right after a part is
            # over the part's total; 46÷47 = 97.87% misses 97.8% by less than one unit
            # of its last digit, which no other base would do by chance.
            _add_fits(figures, rel, [])
            if not rel.fits and not rel.fits_as_numerator:
                rel.note += (
                    f"（“{figures[numerator].quote}”是“{figures[whole].quote}”的分项，“占比”即占该总数；"
                    "所报比率与计算值相差不足末位1个单位，是截断或舍入之误。）"
                )
                out.append(rel)
                return
        if not f.share_of and _proven_partition(figures, whole, f):
            # 审结4696件，其中维持3509件，占74.7%；驳回1110件，占23.6%；纠错77件，
            # 占1.7%: the parts add up to their total in the same sentence, so a bare
            # 占 is over that total and a share that does not fit it is wrong — unless
            # it fits another count nearby (then unjudged).
            _add_fits(figures, rel, [])
            if not rel.fits:
                rel.note += (
                    f"（“{figures[numerator].quote}”是“{figures[whole].quote}”的分项，"
                    "各分项之和等于总数，“占”即占该总数。）"
                )
                out.append(rel)
                return
        if not f.share_of and _share_of_its_part(text, figures, i, numerator, whole):
            # 全省共选配13397名…。其中，有10949名法律顾问为专业律师，占比达87.7%: the
            # clause right after 其中 gives a part and then its bare share, which is over
            # the total the 其中 breaks down (81.73%); never over a base it would imply.
            _add_fits(figures, rel, [])
            if rel.fits or rel.fits_as_numerator:
                why = "该比率与文中另一个数相符，未判为不符。"
            elif _within_a_unit(figures, f, numerator, whole):
                why = "所报比率与计算值相差不足末位1个单位，可能是截断，未判为不符。"
            else:
                rel.note += (
                    f"（“{figures[numerator].quote}”紧随“其中”，是“{figures[whole].quote}”的分项，"
                    "“占比”即占该总数。）"
                )
                out.append(rel)
                return
            out.append(_unchecked(i, numerator, f.value, f"{rel.note}（{why}）"))
            return
    scoped = _scope_named_base(text, figures, i, numerator)
    if scoped is not None:
        rel = _checked_rate(figures, i, numerator, scoped, "较确定")
        if rel.consistent:
            rel.note += f"（句首的“…中”指“{figures[scoped].quote}”，按其计算。）"
            out.append(rel)
            return
    # 占收案总数的79.9%: the nearest larger count of the same kind that the text marks
    # as a total; found by nearness, so only a fit is reported.
    group = figures[numerator].group
    totals = [
        j
        for j in earlier
        if figures[j].group == group
        and figures[j].part_of is None
        and _plausible_denominator(figures[j], num, f.value)
        and lx.TOTAL_WORDS.search(figures[j].sentence_text[-20:] + figures[j].measure)
    ]
    # 审理的2118件（…）…，已审结1876件，占审理案件总数的88.57%: the count of the sentence
    # whose own clause holds the words the 占 names (审理).
    stem = _BASE_TAIL.sub("", f.share_of or "")
    if len(stem) >= 2:
        totals += [
            j
            for j in earlier
            if j not in totals
            and figures[j].sentence == f.sentence
            and stem in clause_of(figures[j])
            and _plausible_denominator(figures[j], num, f.value)
        ]
    for j in totals:
        rel = _checked_rate(figures, i, numerator, j, "较确定")
        if rel.consistent:
            out.append(rel)
            return
    sibling = _sibling_share_base(figures, i, out)
    if sibling is not None and sibling not in (numerator,) and _plausible_denominator(figures[sibling], num, f.value):
        # 治安类13件，占案件总数的22.0%；…其他各类案件19件，占案件总数的32.2%: a share
        # in a run of shares of one paragraph is over the base the earlier ones with the
        # same words were found to be over, however far back that base stands.
        rel = _checked_rate(figures, i, numerator, sibling, "较确定")
        if rel.consistent:
            rel.note += f"（同段前面的“占{f.share_of}”已按“{figures[sibling].quote}”计算，本处同。）"
            out.append(rel)
            return
    earlier_total = _earlier_total(figures, i, numerator)
    if earlier_total is None and f.share_code and f.share_code.startswith("other:"):
        earlier_total = next(iter(_named_in_words(figures, i, numerator)), None)
    if earlier_total is not None:
        rel = _checked_rate(figures, i, numerator, earlier_total, "较确定")
        if rel.consistent:
            rel.note += f"（“占{f.share_of}”指前文的总数“{figures[earlier_total].quote}”。）"
            out.append(rel)
            return
    if not f.share_of and 0 < f.value < HUNDRED and not f.bound:
        # 受理172件…。受理案件中，涉及行政处罚类98件，占56.98%: the total stated earlier in
        # its paragraph; 被告方面，…为6858件，占81.6%: a whole count paragraphs back.
        for within in (True, False):
            fit = _fit_further_back(figures, i, numerator, within)
            if fit is not None:
                out.append(fit)
                return
        # 以调解、和解等方式结案3723件，占31.65%: no total stated anywhere near; the
        # total the share implies is given (never a verdict against the text).
        near = _base_nearby(figures, i, numerator)
        if near is not None:
            out.append(_near_base(figures, i, numerator, near))
            return
        fit = _implied_fit(f, i, numerator, num, f"文中未给出“占”的总数；按{_fmt(num)}÷{_fmt(f.value)}%推算总数约为{{implied}}，")
        if fit is not None:
            out.append(fit)
            return
    out.append(_unchecked(i, numerator, f.value, f"“占{f.share_of}”所指的总数在文中找不到或对不上，未作判断。"))


NAMED_BASE_CHARS = 6  # how many of a count's own words a 占 must repeat to name it as its base
TOTAL_REACH = 6  # paragraphs back a 占案件总数 may name the subject's total (headings count)


def _base_the_words_repeat(figures: list[Figure], i: int, numerator: int, out: list[Relation]) -> bool:
    """新收一审行政案件4052件 … 共有1806件，占全省新收一审行政案件数的49.90%: a 占 whose words
    repeat a whole earlier count's own name (six characters or more) names that count as
    its base, whatever code each was given; judged (较确定), 不符 unless the rate fits
    another count."""
    f = figures[i]
    num = figures[numerator].value
    named = [
        j
        for j in range(numerator - 1, -1, -1)
        if not figures[j].is_rate
        and len(figures[j].measure) >= NAMED_BASE_CHARS
        and figures[j].measure in (f.share_of or "")
        and _plausible_denominator(figures[j], num, f.value)
    ]
    if not named:
        return False
    base = max(named, key=lambda j: (len(figures[j].measure), j))
    rel = _checked_rate(figures, i, numerator, base, "较确定")
    if not rel.consistent:
        _add_fits(figures, rel, [])
        if rel.fits or rel.fits_as_numerator:
            return False
    rel.note += f"（“占{f.share_of}”所称即前文的“{figures[base].quote}”。）"
    out.append(rel)
    return True


def _earlier_total(figures: list[Figure], i: int, numerator: int) -> int | None:
    """2.涉及行政行为种类情况。…共896件，占案件总量的71.00% a paragraph after 全市全年共
    收到行政复议案件1262件: a share of the 总数/总量 is over the nearest earlier count marked
    as a total (共, 全年, 全市…), whole, in the same measure and not stated to compare
    (比2017年的824件), up to TOTAL_REACH paragraphs back. Only that one count is tried."""
    f, num = figures[i], figures[numerator]
    if not f.share_of or "总" not in f.share_of:
        return None
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if f.paragraph - g.paragraph > TOTAL_REACH:
            return None
        if (
            g.is_rate
            or g.part_of is not None
            or _comparison(g)
            or not _same_measure(g, num)
            or not _plausible_denominator(g, num.value, f.value)
            or not lx.TOTAL_WORDS.search(g.sentence_text[-20:] + g.measure)
        ):
            continue
        return j
    return None


_BASE_TAIL = re.compile(r"(案件|事项|总数|总量|数量|数|的)+$")


def _named_in_words(figures: list[Figure], i: int, numerator: int) -> list[int]:
    """占行政机关败诉案件的81.75% a paragraph after 审结的案件中行政机关败诉1874件 (a count
    its code did not recognise): the nearest earlier count whose clause ends with the
    占 words (案件/总数 left off, four characters at least)."""
    f, num = figures[i], figures[numerator]
    words = _BASE_TAIL.sub("", f.share_of or "")
    if len(words) < 4:
        return []
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if g.is_rate or _comparison(g) or not _same_measure(g, num):
            continue
        if words in re.split(r"[，,；;：:。]", g.sentence_text)[-1][-len(words) - 4 :]:
            return [j] if _plausible_denominator(g, num.value, f.value) else []
    return []


def _sibling_share_base(figures: list[Figure], i: int, out: list[Relation]) -> int | None:
    """The base of the last share before figure i in its paragraph whose 占 words are
    the same as, or hold, or are held by its own (占总数的 / 占案件总数的), when it was
    judged consistent."""
    f = figures[i]
    words = f.share_of or ""
    if not words:
        return _run_share_base(figures, i, out)
    if len(words) < 2:
        return None
    for rel in reversed(out):
        if rel.kind != "rate" or rel.rate is None or rel.denominator is None or not rel.checked:
            continue
        g = figures[rel.rate]
        if g.paragraph != f.paragraph:
            break
        other = g.share_of or ""
        if rel.consistent and len(other) >= 2 and (other in words or words in other):
            return rel.denominator
    return None


_RATE_NAME = re.compile(r"([\u4e00-\u9fff]{2,4}?)率(占比|占)?$")


# 上述三类案件占到收案总数的67.05%: a share of the sum of the last N counts named.
_THE_ABOVE = re.compile(r"(上述|以上|前述)(?P<n>[二三四五六七八九两]|\d)(类|项|种|个|家)")


def _share_of_the_above(figures: list[Figure], i: int, out: list[Relation]) -> bool:
    """从行政管理领域看，…劳动和社会保障126件、城建41件、公安10件，上述三类案件占到收案总数的
    67.05%: the share is of the sum of the N counts before it, over the earlier total it
    fits (264). Reported only when it fits; the numerator is that sum (no one count)."""
    f = figures[i]
    m = _THE_ABOVE.search(re.split(r"[，,；;。]", f.sentence_text)[-1])
    if not m:
        return False
    n = int(m.group("n")) if m.group("n").isdigit() else int(parse_chinese(m.group("n")))
    counts = [j for j in range(i - 1, -1, -1) if not figures[j].is_rate and figures[j].paragraph == f.paragraph][:n]
    if len(counts) != n or len({_UNIT_KIN.get(figures[j].unit, figures[j].unit) for j in counts}) != 1:
        return False
    counts.reverse()
    total = sum((figures[j].value for j in counts), Decimal(0))
    first = figures[counts[0]]
    fitting = []
    for j in range(counts[0] - 1, -1, -1):
        g = figures[j]
        if f.paragraph - g.paragraph > TOTAL_REACH:
            break
        if g.is_rate or _comparison(g) or not _same_measure(g, first) or g.value < total:
            continue
        if rate_fits(total, g.value, f.value, f.approx, f.bound)[1]:
            fitting.append(j)
    # Of the counts it fits, the one whose words the 占 words name best (收案总数: 新接收
    # 行政诉讼案件264件, not 审结264件), the nearest of those.
    if not fitting:
        return False
    j = max(fitting, key=lambda j: (_words_shared(f.share_of, figures[j]), j))
    computed, _ok = rate_fits(total, figures[j].value, f.value, f.approx, f.bound)
    listed = "+".join(_fmt(figures[k].value) for k in counts)
    out.append(
        Relation(
            "rate",
            True,
            f"“{m.group(0)}”之和{listed}={_fmt(total)}，÷{_fmt(figures[j].value)}={_fmt(computed)}%，与所报"
            f"{_fmt(f.value)}%相符（按“{figures[j].quote}”计算）。",
            rate=i,
            denominator=j,
            stated=f.value,
            computed=computed,
            confidence="较确定",
        )
    )
    return True


def _count_the_rate_names(figures: list[Figure], i: int, prev: list[int]) -> int:
    """The count a named share is of: 优秀案卷24件，良好案卷41件，…，不合格案卷3件，优秀率占比
    30%，良好率占比51%: the count whose clause opens with (or else holds) the rate's
    name, not merely the nearest one. `prev` is nearest first."""
    m = _RATE_NAME.search(re.split(r"[，,；;：:]", figures[i].sentence_text)[-1])
    if m:
        stem = m.group(1)
        for test in (str.startswith, str.__contains__):
            named = [j for j in prev if test(clause_of(figures[j]), stem)]
            if named:
                return named[0]
    return prev[0]


# 一审案件中，…; 在审结案件中，…: a sentence that opens by naming the cases it speaks of.
_SCOPE_OPENER = re.compile(r"^(?:在|从)?(?P<noun>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:案件|申请|纠纷)?中[，,]")


def _scope_named_base(text: str, figures: list[Figure], i: int, numerator: int) -> int | None:
    """一审案件中，注册登记类案件3件，占案件总数的33.33% after 参加行政诉讼12件，其中一审
    案件9件: the sentence opens by naming the cases its shares are of; the base is the
    nearest earlier count whose clause names them (一审案件9件), up to TOTAL_REACH
    paragraphs back. Found by words, so only a fit is reported."""
    f, num = figures[i], figures[numerator]
    start = _full_stop_before(text, f.cstart) + 1
    m = _SCOPE_OPENER.match(text[start : start + 40])
    if not m:
        return None
    noun = m.group("noun").removeprefix("已")
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if f.paragraph - g.paragraph > TOTAL_REACH:
            return None
        if g.is_rate or g.sentence == f.sentence or _comparison(g) or not _same_measure(g, num):
            continue
        if noun in clause_of(g) and _plausible_denominator(g, num.value, f.value):
            return j
    return None


def _fit_further_back(
    figures: list[Figure], i: int, numerator: int, within_paragraph: bool, what: str = "“占”"
) -> Relation | None:
    """For a bare share (or a rate named by its count) whose total is not in its
    sentence: the nearest earlier count of its count's measure that the share fits, in
    its paragraph, or (past the paragraph) a whole count up to TOTAL_REACH paragraphs
    back. A fit only."""
    f, num = figures[i], figures[numerator]
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if g.paragraph != f.paragraph if within_paragraph else f.paragraph - g.paragraph > TOTAL_REACH:
            break
        elsewhere = g.sentence == f.sentence if within_paragraph else g.paragraph == f.paragraph or g.part_of is not None
        if (
            elsewhere
            or g.is_rate
            or _comparison(g)
            or not _same_measure(g, num)
            or not _plausible_denominator(g, num.value, f.value)
        ):
            continue
        rel = _checked_rate(figures, i, numerator, j, "较确定")
        if rel.consistent:
            rel.note += f"（{what}未写明总数，按{'同段前文' if within_paragraph else '前文'}的“{g.quote}”计算相符。）"
            return rel
    return None


def _run_share_base(figures: list[Figure], i: int, out: list[Relation]) -> int | None:
    """以市政府为被申请人的60件，占收到申请总数的1%；以市政府部门为被申请人的421件，占6.8%:
    a bare 占 in a run of shares is over the base of the share just before it in the run
    (the same paragraph, no other rate between), when that one was found and fits."""
    f = figures[i]
    prev = next((j for j in range(i - 1, -1, -1) if figures[j].is_rate), None)
    if prev is None or figures[prev].paragraph != f.paragraph or figures[prev].share_of is None:
        return None
    rel = next((r for r in reversed(out) if r.kind == "rate" and r.rate == prev), None)
    if rel is None or not rel.checked or not rel.consistent or rel.denominator is None:
        return None
    return rel.denominator


# 居于前五位的是：…, 主要集中在…: the text says the list that follows is a selection.
_SELECTION = re.compile(r"前[一二三四五六七八九十\d]+(位|名|类|项)|主要(是|为|有|集中)|集中(在|于)|较多的(是|为)")


def _share_sums(figures: list[Figure], rates: list[Relation], sums: list[Relation]) -> list[Relation]:
    """Counts of one paragraph each given as a share (占…的N%) of the same base, that
    together make that base exactly (维持763件占66.46%、纠错48件占4.18%…终止262件、驳回
    68件、其他7件, all 占已审结案件 of 1148): the breakdown of the base, 一致 (较确定). Shares
    that do not add up prove nothing (the text may list only some), unless the shares
    themselves add up to 100%: then the text says the counts are all of the base, and
    counts that do not make it are 不符 (单独应诉120件占31.8%，…11件占2.9%，共同应诉256件占
    65.3% of 受理377件: 387 ≠ 377)."""
    groups: dict[tuple[int, int], list[int]] = {}
    shares: dict[int, Decimal] = {}
    judged: set[int] = set()
    for rel in rates:
        if (
            rel.kind == "rate"
            and rel.checked
            and rel.denominator is not None
            and rel.numerator is not None
            and rel.rate is not None
            and figures[rel.rate].share_of is not None
            and figures[rel.rate].above is None
        ):
            key = (rel.denominator, figures[rel.numerator].paragraph)
            if rel.numerator not in groups.setdefault(key, []):
                groups[key].append(rel.numerator)
                shares[rel.numerator] = figures[rel.rate].value
            if rel.consistent:
                judged.add(rel.numerator)
    seen = {(r.total, frozenset(r.parts)) for r in sums}
    out = []
    for (t, _para), listed_parts in groups.items():
        whole_parts = sorted(listed_parts)
        if _whole_of_the_base(figures, t, whole_parts, shares):
            out += _hundred_percent_sum(figures, t, whole_parts, seen)
            continue
        parts = [j for j in whole_parts if j in judged]
        if len(parts) < 2 or (t, frozenset(parts)) in seen:
            continue
        if any(figures[j].approx for j in parts) or figures[t].approx:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        listed = "+".join(_fmt(figures[j].value) for j in parts)
        if s == figures[t].value:
            out.append(_adds_up(figures, t, parts, f"各自“占”同一总数的{listed}={_fmt(s)}，与“{figures[t].quote}”相符。"))
        elif s < figures[t].value and _SELECTION.search(figures[parts[0]].sentence_text):
            # 居于前五位的是：行政处罚2100，占收到申请总数的33.9%；…: shares of one total
            # that leave some of it out are a selection of its parts; they only must
            # not exceed it.
            rel = _adds_up(
                figures,
                t,
                parts,
                f"各自“占”同一总数的{listed}={_fmt(s)}，未超过总数“{figures[t].quote}”（列举不全）。",
            )
            rel.partial = True
            out.append(rel)
    return out


def _whole_of_the_base(figures: list[Figure], t: int, parts: list[int], shares: dict[int, Decimal]) -> bool:
    """Whether the stated shares of the counts add up to 100% within their rounding
    (each share off by at most half its last digit), all counts exact, and the counts
    miss the base by more than that rounding could hide: 非常满意469918条占91.13%，满意
    45752条占8.87%，基本满意14条 of 515684 leaves out 14 (0.003%), which 100.00% hides."""
    if len(parts) < 2 or figures[t].approx or count_resolution(figures[t]) or not figures[t].value:
        return False
    if any(figures[j].approx or count_resolution(figures[j]) for j in parts):
        return False
    total = sum((shares[j] for j in parts), Decimal(0))
    slack = sum((Decimal(1).scaleb(-_decimals(shares[j])) / 2 for j in parts), Decimal(0))
    s = sum((figures[j].value for j in parts), Decimal(0))
    gap = abs(figures[t].value - s) / figures[t].value * HUNDRED
    return abs(total - HUNDRED) <= slack and (s == figures[t].value or gap > 2 * slack)


def _hundred_percent_sum(
    figures: list[Figure], t: int, parts: list[int], seen: set[tuple[int | None, frozenset[int]]]
) -> list[Relation]:
    if (t, frozenset(parts)) in seen:
        return []
    s = sum((figures[j].value for j in parts), Decimal(0))
    listed = "+".join(_fmt(figures[j].value) for j in parts)
    if s == figures[t].value:
        return [_adds_up(figures, t, parts, f"各自“占”同一总数、比例合计100%的{listed}={_fmt(s)}，与“{figures[t].quote}”相符。")]
    note = (
        f"{listed}各自“占”“{figures[t].quote}”的比例合计为100%，是其全部分列；"
        f"各分项之和{_fmt(s)}与总数{_fmt(figures[t].value)}不符。"
    )
    return [_adds_up(figures, t, parts, note, consistent=False)]


def _adds_up(figures: list[Figure], total: int, parts: list[int], note: str, consistent: bool = True) -> Relation:
    """A sum the text implies (no 其中 names it), read from its structure (较确定): 相符
    when its parts make the total exactly; `consistent=False` where the structure says
    the parts are all of it and they do not make it."""
    s = sum((figures[j].value for j in parts), Decimal(0))
    return Relation(
        "sum",
        consistent,
        note,
        total=total,
        parts=parts,
        stated_total=figures[total].value,
        sum_of_parts=s,
        confidence="较确定",
    )


def _a_slip_of_the_last_digit(figures: list[Figure], rel: Relation) -> bool:
    """Whether a 不符 rate misses its exact quotient by less than one unit of the last
    digit it prints (97.8% for 97.87%, 11.12% for 11.111%): a slip in rounding. Only
    exact counts, a stated value (not a bound or 约), and at least one decimal: a
    whole-number percentage is too coarse for a near miss to single out its base."""
    f = figures[rel.rate] if rel.rate is not None else None
    if f is None or rel.consistent or rel.numerator is None or rel.denominator is None:
        return False
    n, d = figures[rel.numerator], figures[rel.denominator]
    if f.approx or f.bound or n.approx or d.approx or count_resolution(n) or count_resolution(d) or not d.value:
        return False
    exact = n.value / d.value * HUNDRED
    if _decimals(f.value) == 0 or not exact:
        return False
    # Also within half a percent of the rate: 1.7% for 77÷4696 = 1.64% is near in points
    # but 4% off, and bases from 4400 to 4667 would give it.
    return _within_a_unit(figures, f, rel.numerator, rel.denominator) and abs(exact - f.value) / exact < SLIP_RELATIVE


SLIP_RELATIVE = Decimal("0.005")


def _within_a_unit(figures: list[Figure], f: Figure, numerator: int, denominator: int) -> bool:
    """Whether a rate misses the exact quotient of its counts by less than one unit of its
    last printed digit (97% for 46÷47 = 97.87%): a truncation, not proof of a wrong figure."""
    d = figures[denominator].value
    exact = figures[numerator].value / d * HUNDRED if d else None
    return exact is not None and abs(exact - f.value) < Decimal(1).scaleb(-_decimals(f.value))


# The words between a part and its bare share: the rest of the part's clause, then 占比.
_PART_THEN_SHARE = re.compile(r"^[\u4e00-\u9fff“”]{0,16}[，,]?(占比|占)(达到|达|为|约为|约)?$")


def _share_of_its_part(text: str, figures: list[Figure], i: int, numerator: int, whole: int) -> bool:
    """Whether a bare share stands right after the one count of a clause that 其中 opens
    (其中，有10949名法律顾问为专业律师，占比达87.7%), that count a part of `whole`, an
    earlier total of the same measure in the paragraph: then the share is over `whole`."""
    f, n, w = figures[i], figures[numerator], figures[whole]
    if numerator != i - 1 or not (w.cend <= n.cstart and w.paragraph == f.paragraph):
        return False
    if f.approx or f.bound or n.approx or w.approx or not 0 < f.value < HUNDRED or n.value >= w.value:
        return False
    if not _same_measure(n, w) or any(g.is_rate for g in figures[whole + 1 : numerator]):
        return False
    if not _PART_THEN_SHARE.match(text[n.cend : f.cstart]):
        return False
    # The part's clause opens with 其中 (其中有…, or 其中， then the clause).
    clauses = re.split(r"[，,；;：:。]", text[w.cend : n.cstart])
    return clauses[-1].startswith("其中") or len(clauses) >= 2 and clauses[-2] == "其中"


def _proven_partition(figures: list[Figure], whole: int, rate: Figure) -> bool:
    """Whether the parts of `whole` add up to it exactly, the total in the rate's
    paragraph and before it (items apart by ； are one list)."""
    parts = [g.value for g in figures if g.part_of == whole]
    w = figures[whole]
    return (
        w.paragraph == rate.paragraph
        and w.cstart < rate.cstart
        and len(parts) >= 2
        and sum(parts, Decimal(0)) == figures[whole].value
    )


def _share_row_relations(figures: list[Figure]) -> list[Relation]:
    """A table's share row (占新受理数比例): each share over the count above it and the
    total its label names. When most of a row's shares do not fit that total, the
    total was misread: none of them is judged."""
    rows: dict[int, list[Relation]] = {}
    for i, f in enumerate(figures):
        if f.above is None or not f.is_rate:
            continue
        if f.share_base is None:
            rows.setdefault(-1, []).append(
                _unchecked(i, f.above, f.value, f"“占{f.share_of}”所指的总数在表前的文字中找不到，未作判断。")
            )
            continue
        rel = _checked_rate(figures, i, f.above, f.share_base, "确定")
        rel.note += f"（表中“占{f.share_of}”一行：上一行的数除以前文的“{figures[f.share_base].quote}”。）"
        rows.setdefault(f.paragraph, []).append(rel)
    out: list[Relation] = []
    for key, rels in rows.items():
        if key >= 0 and sum(1 for r in rels if not r.consistent) * 2 > len(rels):
            for r in rels:
                r.checked, r.consistent, r.confidence = False, True, "无法核对"
                r.note = "本行多数比例与前文所称总数不符，总数可能另有所指，未作判断。"
        out += rels
    return out


def _adjacent(figures: list[Figure], a: int, b: int, text_between: str) -> bool:
    """Figure a is right before rate b: same sentence, nothing but words between."""
    return figures[a].sentence == figures[b].sentence and a == b - 1 and len(text_between) <= 12


def _bare_share_runs(figures: list[Figure]) -> list[list[tuple[int, int]]]:
    """Runs of (count, 占比N%) pairs one after another in a paragraph, the shares naming
    no base and the counts in no list already read (行政处罚类349件，占比31%；投诉举报类
    296件，占比27%；…)."""
    runs: list[list[tuple[int, int]]] = []
    for i, f in enumerate(figures):
        if not f.is_rate or f.share_of != "" or f.above is not None or i == 0:
            continue
        n = i - 1
        g = figures[n]
        if g.is_rate or g.sentence != f.sentence or g.part_of is not None or g.value <= 0:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last[1] == n - 1 and figures[last[0]].paragraph == g.paragraph and (
            figures[last[0]].unit == g.unit
        ):
            runs[-1].append((n, i))
        else:
            runs.append([(n, i)])
    return runs


CATEGORY_REACH = 3  # paragraphs: the sections of one breakdown by several criteria


def _category_share_lists(figures: list[Figure]) -> tuple[list[Relation], set[int]]:
    """从申请事项看，行政处罚类349件，占比31%；…其他类130件，占比12%: three or more
    categories that add up exactly to a count stated before (收到复议申请1113件, in
    another paragraph) are that count's partition, and their bare shares are over it.
    With most shares fitting, each is judged (a share no count nearby fits is 不符);
    the same section's other bare shares over another criterion are reported where
    they all fit that total, and otherwise left to the rules below."""
    out: list[Relation] = []
    done: set[int] = set()
    runs = _bare_share_runs(figures)
    bases: list[tuple[int, int]] = []  # (total, paragraph of its run)
    for run in runs:
        if len(run) < 3:
            continue
        first = run[0][0]
        unit = figures[first].unit
        total_value = sum((figures[n].value for n, _r in run), Decimal(0))
        base = next(
            (
                j
                for j in range(first - 1, -1, -1)
                if not figures[j].is_rate
                and figures[j].unit == unit
                and figures[j].value == total_value
                and figures[j].part_of is None
            ),
            None,
        )
        if base is None:
            continue
        rels = [_checked_rate(figures, r, n, base, "较确定") for n, r in run]
        if sum(1 for rel in rels if rel.consistent) * 2 <= len(rels):
            continue  # most shares do not fit it: the sum is a coincidence
        bases.append((base, figures[first].paragraph))
        parts = [n for n, _r in run]
        out.append(
            Relation(
                "sum",
                True,
                f"各类别之和{_fmt(total_value)}等于前文的“{figures[base].quote}”，"
                "是其按类别的分项，各“占比”即占该总数。",
                total=base,
                parts=parts,
                stated_total=figures[base].value,
                sum_of_parts=total_value,
                confidence="较确定",
            )
        )
        for rel in rels:
            assert rel.rate is not None
            done.add(rel.rate)
            if rel.consistent:
                rel.note += f"（各类别之和等于“{figures[base].quote}”，按其计算。）"
                out.append(rel)
                continue
            fits: list[Relation] = []
            _add_fits(figures, rel, fits)
            if fits:
                out.extend(fits)
                out.append(_unchecked(rel.rate, rel.numerator, rel.stated or Decimal(0), rel.note + "（该比率与文中另一个数相符，未判为不符。）"))
                continue
            rel.note += f"（各类别之和等于“{figures[base].quote}”，其余占比均按该总数相符，唯此项不符。）"
            out.append(rel)
    for run in runs:
        if any(r in done for _n, r in run):
            continue
        para = figures[run[0][0]].paragraph
        for base, bpara in bases:
            if abs(para - bpara) > CATEGORY_REACH or base > run[0][0] or figures[base].unit != figures[run[0][0]].unit:
                continue
            rels = [_checked_rate(figures, r, n, base, "较确定") for n, r in run]
            if all(rel.consistent for rel in rels):
                for rel in rels:
                    assert rel.rate is not None
                    rel.note += f"（同一部分按类别的占比以“{figures[base].quote}”为总数，本项亦相符。）"
                    done.add(rel.rate)
                    out.append(rel)
                break
    return out, done


def _far_catalogue_base(
    figures: list[Figure], i: int, numerator: int, codes: tuple[str, ...], tried: set[int] | None = None
) -> Relation | None:
    """纠错236件，纠错率24.2% with a catalogue base (审结977件) stated only in another
    section: for each base in the catalogue's order, the count of it nearest the rate,
    when the rate fits it (found by its code, not by the text's words, so only a fit is
    reported)."""
    num = figures[numerator].value
    f = figures[i]
    for code in codes:
        cands = sorted(
            (
                j
                for j, g in enumerate(figures)
                if g.indicator == code
                and not g.is_rate
                and g.part_of is None
                and j != numerator
                and j not in (tried or set())
                and _plausible_denominator(g, num, f.value)
            ),
            key=lambda j: abs(figures[j].cstart - f.cstart),
        )
        if not cands:
            continue
        rel = _checked_rate(figures, i, numerator, cands[0], "较确定")
        if rel.consistent:
            where = "后文" if cands[0] > i else "前文"
            rel.note += f"（{_base(code)}“{figures[cands[0]].quote}”在{where}另一处给出，按其计算。）"
            return rel
    return None


def _rate_relations(text: str, figures: list[Figure]) -> list[Relation]:
    out: list[Relation] = []
    out += _share_row_relations(figures)
    categories, categorised = _category_share_lists(figures)
    out += [r for r in categories if r.kind == "rate"]
    respective, handled = _respective_shares(text, figures)
    out += respective
    for i, f in enumerate(figures):
        if not f.is_rate or i in categorised or i in handled:
            continue
        if f.above is not None:
            continue  # a table's share row, judged above
        if f.share_of is not None:
            _share_relation(figures, i, out, text)
            continue
        if f.indicator not in lx.RATES:
            _named_rate(text, figures, i, out)
            continue
        num_codes, _dens = lx.RATES[f.indicator]
        dens = denominator_codes(f.indicator)
        near = _near(figures, i)
        numerator = next((j for j in near if figures[j].indicator in num_codes), None)
        if numerator is None:
            numerator = _count_by_name(text, figures, i, near)
        if numerator is None:
            fit = _clause_group_fit(text, figures, i)
            if fit is not None:
                out.append(fit)
            continue  # a rate with no count: nothing to check (listed as such)
        if set(num_codes) & set(dens) and not any(
            j != numerator and figures[j].indicator in dens for j in near
        ):
            # One count for a rate whose numerator and denominator share a code
            # (建议 64 件，办结率…): it is the numerator only where the sentence says
            # they were concluded; otherwise it is the total and there is no numerator.
            g = figures[numerator]
            if not lx.CONCLUDED.search(g.sentence_text):
                continue
        num = figures[numerator].value
        found: dict[str, int] = {}
        for code in dens:
            cands = [
                j
                for j in near
                if j != numerator
                and figures[j].indicator == code
                and (code not in num_codes or j < numerator)
                and _plausible_denominator(figures[j], num, f.value)
            ]
            # A total before its parts: 受理612件，其中市本级2件 divides by 612. The rate's
            # own sentence first: 其中，一审案件开庭95件，出庭82件，出庭应诉率86.32% is over
            # the 95 of its sentence, not the 137 of the sentence before.
            cands = [j for j in cands if figures[j].sentence == f.sentence] or cands
            whole = [j for j in cands if figures[j].part_of is None]
            if whole or cands:
                found[code] = (whole or cands)[0]
        same_sentence = figures[numerator].sentence == f.sentence
        if not found:
            sole = _sole_base(text, figures, i, numerator, near)
            if sole is not None and sole.denominator is not None and figures[sole.denominator].value < num:
                # 排查调处17128件，调处成功17356件，成功率98.5%: the only count before is
                # smaller than the rate's own count; no invented total can hide that.
                out.append(sole)
                continue
            fit = _sentence_fit(figures, i, numerator)
            if fit is not None:
                out.append(fit)
                continue
            far = _far_catalogue_base(figures, i, numerator, dens)
            if far is not None:
                out.append(far)
                continue
            _implied_rate(text, figures, i, numerator, out)
            continue
        primary = dens[0]
        if primary in found:
            d = found[primary]
            sure = "确定" if same_sentence and figures[d].sentence == f.sentence else "较确定"
            rel = _checked_rate(figures, i, numerator, d, sure)
            if rel.consistent:
                out.append(rel)
                continue
            alt = _fitting_alternate(figures, i, numerator, found, primary)
            if alt is not None:
                out.append(alt)
                continue
            if sure != "确定":
                out.append(_unchecked(i, numerator, f.value, "比率与其计数不在同一句中，" + rel.note))
                continue
            first = min(figures[numerator].cstart, figures[d].cstart)
            if _mixed_periods(text[first : f.cend], text[max(0, first - 40) : first]):
                out.append(_unchecked(i, numerator, f.value, rel.note + "（比率与计数的统计期可能不同，未判为不符。）"))
                continue
            fits: list[Relation] = []
            _add_fits(figures, rel, fits)
            if fits:
                # 其中婚姻家庭纠纷800件，调解成功780件，调解成功率97.5%: the rate fits
                # another count nearby, so the text does not prove it wrong.
                out.extend(fits)
                out.append(_unchecked(i, numerator, f.value, rel.note + "（该比率可能以文中另一个数为分母，未判为不符。）"))
                continue
            out.append(rel)
            continue
        alt = _fitting_alternate(figures, i, numerator, found, primary)
        far = None if alt is not None else _far_catalogue_base(figures, i, numerator, dens, set(found.values()))
        if alt is not None:
            out.append(alt)
        elif far is not None:
            # 审结135件，其中纠错29件，纠错率约19.2% (29÷151 受理): say which reading the rate
            # matches and which count nearby it does not (issue 22, point 7).
            missed = [
                f"按{_base(code)}“{figures[j].quote}”计算为{_fmt(_checked_rate(figures, i, numerator, j, '').computed)}%"
                for code, j in found.items()
                if not _comparison(figures[j])
            ]
            if missed:
                assert far.denominator is not None
                far.note += (
                    "；".join(missed)
                    + f"，与所报不符；所报比率按“{figures[far.denominator].quote}”计算相符，未判为不符。"
                )
            out.append(far)
        elif _implied_fits(figures, i, numerator):
            # 纠错2.73万件，纠错率12.83%: the catalogue's base is not stated and the
            # bases that are do not fit; a whole-number base exists, so say that.
            _implied_rate(text, figures, i, numerator, out)
        else:
            out.append(
                _unchecked(
                    i,
                    numerator,
                    f.value,
                    f"{lx.label(f.indicator)}按指标目录以{_base(primary)}为分母，文中未给出该数，"
                    "按其他口径也对不上，未作判断。",
                )
            )
    return _sibling_misfits(text, figures, out)


def _breakdown_sums(text: str, figures: list[Figure], done: set[tuple[int | None, frozenset[int]]]) -> list[Relation]:
    """A total broken down by type, respondent or field (从申请人的情况看，公民52件，法人和
    其他组织11件 after 共收到63件): 相符 when the parts make the total exactly. A breakdown
    may list only the main kinds (居于前五位), so one that does not add up is no verdict."""
    groups: dict[tuple[int, int], list[int]] = {}
    for j, f in enumerate(figures):
        if f.breakdown is not None and not f.is_rate:
            groups.setdefault(f.breakdown, []).append(j)
    out = []
    for (total, _first), parts in groups.items():
        s = sum((figures[j].value for j in parts), Decimal(0))
        if len(parts) < 2 or s != figures[total].value or (total, frozenset(parts)) in done:
            continue
        out.append(_adds_up(figures, total, parts, f"按类别分列的各项之和{_fmt(s)}与总数“{figures[total].quote}”相符。"))
    return out


def _closed_breakdowns(text: str, figures: list[Figure], done: set[tuple[int | None, frozenset[int]]]) -> list[Relation]:
    """从被申请人情况看，乡镇政府36件，县政府130件，…，其他8件 after 受理430件: a breakdown
    that ends with "the rest" sorts the whole total into categories, so its parts must
    make the total. Judged only when the total is the nearest count before the list in
    its paragraph, with a catalogue code and the parts' unit, and no count of the text
    equals the parts' sum (then that count may be the total meant)."""
    out = []
    for m, parts in kinds.breakdown_lists(text, figures):
        if len(parts) < 3 or not kinds.REST_OF_LIST.search(_clause_of(text, figures[parts[-1]])):
            continue
        if any(figures[j].approx or figures[j].part_of is not None for j in parts):
            continue
        first = figures[parts[0]]
        total = next(
            (
                j
                for j in range(parts[0] - 1, -1, -1)
                if figures[j].cend <= m.start()
                and not figures[j].is_rate
                and not _comparison(figures[j])
                and figures[j].part_of is None
                and figures[j].breakdown is None  # the parts of an earlier breakdown of it
            ),
            None,
        )
        if total is None or figures[total].paragraph != first.paragraph or figures[total].sentence < first.sentence - 1:
            continue  # the total stated right before the list, not a count further back
        t = figures[total]
        if t.is_other or t.approx or not _same_measure(t, first) or (total, frozenset(parts)) in done:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        listed = "+".join(_fmt(figures[j].value) for j in parts)
        if s == t.value:
            out.append(_adds_up(figures, total, parts, f"按类别分列的各项之和{listed}={_fmt(s)}与总数“{t.quote}”相符。"))
            continue
        if any(g.value == s and not g.is_rate for g in figures):
            continue
        note = (
            f"所列分项以“{_clause_of(text, figures[parts[-1]])}”收尾，是“{t.quote}”按类别的全部分列，"
            f"各分项之和{listed}={_fmt(s)}，与总数{_fmt(t.value)}不符。"
        )
        out.append(_adds_up(figures, total, parts, note, consistent=False))
    return out


def _parenthesised_parts(text: str, figures: list[Figure], done: set[tuple[int | None, frozenset[int]]]) -> list[Relation]:
    """行政处罚类案件213件（交通支队及其大队84件，区公安分局及派出所129件）: the counts a
    parenthesis right after a count lists, when they make it exactly, are its breakdown
    (相符). One that does not add up may list only some: no verdict."""
    out = []
    for i, t in enumerate(figures):
        if t.is_rate or text[t.cend : t.cend + 1] not in ("（", "("):
            continue
        pos = t.cend + 1
        end = min((j for j in (text.find("。", pos), text.find("\n", pos)) if j >= 0), default=len(text))
        close = _closing_paren(text, pos, min(end, pos + 300))
        if close is None:
            continue
        parts = [j for j in range(i + 1, len(figures)) if figures[j].cstart < close and not figures[j].is_rate]
        if not parts or (i, frozenset(parts)) in done or not all(_same_measure(figures[j], t) for j in parts):
            continue
        if any(figures[j].part_of is not None for j in parts):
            continue  # （其中…）, （含…）: the 其中 list's own relation
        s = sum((figures[j].value for j in parts), Decimal(0))
        listed = "+".join(_fmt(figures[j].value) for j in parts)
        if s == t.value and len(parts) >= 2 and not any(figures[j].approx for j in parts):
            rel = _adds_up(figures, i, parts, f"括号内所列{listed}={_fmt(s)}，与“{t.quote}”相符。")
            rel.confidence = "确定"
            out.append(rel)
        elif s < t.value:
            # 持证执法人员2841名（一线执法1862名）: a part the parenthesis names; it only
            # must not exceed the count.
            rel = _adds_up(figures, i, parts, f"括号内所列{listed}={_fmt(s)}，未超过“{t.quote}”（列举不全）。")
            rel.partial = True
            out.append(rel)
    return out


RUN_REACH = 40  # figures after a total a run of its parts may span (bounds the search)


def _exact_runs(text: str, figures: list[Figure], done: set[tuple[int | None, frozenset[int]]]) -> list[Relation]:
    """共调解纠纷19.2万件，其中疑难复杂纠纷7053件…；主动调解6.3万件，依申请调解10.8万件，
    …移送调解纠纷共2.1万件: a run of counts later in the total's sentence (to 。), in its
    measure, that make it exactly is its breakdown though no word says so (相符,
    较确定). Three parts at least, outside tables, or the two counts right after the
    total that `_two_part_run` accepts: two counts that happen to add up (受理300件，
    审结280件，纠错20件) are too common otherwise. Only an exact sum is reported, so
    nothing is judged from nearness."""
    out = []
    listed = {j for _t, parts in done for j in parts}
    for i, t in enumerate(figures):
        if t.is_rate or t.approx or t.value <= 0 or _comparison(t):
            continue
        stop = _full_stop_before(text, t.cstart)
        end = text.find("。", t.cend)
        if "\t" in text[stop + 1 : end if end >= 0 else len(text)]:
            continue
        later = []
        for j in range(i + 1, min(len(figures), i + 1 + RUN_REACH)):
            if _full_stop_before(text, figures[j].cstart) != stop:
                break
            if not figures[j].is_rate:
                later.append(j)
        for a in range(len(later)):
            s = Decimal(0)
            for b in range(a, len(later)):
                g = figures[later[b]]
                if not _same_measure(g, t) or g.approx or later[b] in listed:
                    break
                s += g.value
                if s > t.value:
                    break
                if s == t.value and (b - a >= 2 or a == 0 and _two_part_run(figures, i, later, b)):
                    parts = later[a : b + 1]
                    if _a_sibling_of(figures, i, parts) or _a_list_item(text, figures, i, parts, later[b + 1 :]):
                        break
                    if (i, frozenset(parts)) not in done:
                        out.append(
                            _adds_up(
                                figures,
                                i,
                                parts,
                                f"同句所列{'+'.join(_fmt(figures[j].value) for j in parts)}={_fmt(s)}，与“{t.quote}”相符。",
                            )
                        )
                        done.add((i, frozenset(parts)))
                    break
    return out


# The smallest total two counts may break down with no word to say so: below it,
# counts of different things add up by chance too often (受理5件，审结3件，纠错2件).
TWO_PART_MIN_TOTAL = 10


def _two_part_run(figures: list[Figure], t: int, later: list[int], b: int) -> bool:
    """受理政府信息公开申请96件，已经答复91件，结转下年度办理5件: two counts that make the
    count before them break it down when they come right after it (`later[:2]`, b == 1),
    name no measure of the catalogue other than its own (审结 and 纠错 after 受理 are
    further measures of the same cases), end its sentence's counts in that measure
    (编制15名，在岗10名，队长2名，副队长3名，执法员5名: 10+2+3 make 15 by chance), and the
    total is no item of a list itself (a count in its measure just before it in the
    sentence)."""
    tf = figures[t]
    if b != 1 or tf.value < TWO_PART_MIN_TOTAL:
        return False
    parts = [figures[j] for j in later[:2]]
    if any(not (g.is_other or g.indicator == tf.indicator) or _comparison(g) for g in parts):
        return False
    before = next((g for g in reversed(figures[:t]) if not g.is_rate), None)
    if before is not None and before.sentence == tf.sentence and _same_measure(before, tf):
        return False
    return not any(_same_measure(figures[j], tf) and figures[j].value for j in later[2:])


def _listed_next_sentence(text: str, figures: list[Figure], done: set[tuple[int | None, frozenset[int]]]) -> list[Relation]:
    """全年累计主动公开政府信息86条。公开执法检查结果信息13条，植物检疫许可信息1条，…，工作
    动态60条。: the sentence right after a sentence that ends in a count, in its paragraph,
    that holds nothing but three or more counts in its measure that make it exactly, is
    its breakdown though no word says so (相符, 较确定). Only an exact sum is reported."""
    out = []
    for i, t in enumerate(figures[:-1]):
        if t.is_rate or t.approx or t.value <= 0 or figures[i + 1].sentence != t.sentence + 1:
            continue
        if figures[i + 1].paragraph != t.paragraph:
            continue
        parts = []
        for j in range(i + 1, len(figures)):
            if figures[j].sentence != t.sentence + 1:
                break
            parts.append(j)
        if len(parts) < 3 or (i, frozenset(parts)) in done:
            continue
        if any(figures[j].approx or not _same_measure(figures[j], t) for j in parts):
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        if s == t.value:
            listed = "+".join(_fmt(figures[j].value) for j in parts)
            out.append(_adds_up(figures, i, parts, f"下一句所列{listed}={_fmt(s)}，与“{t.quote}”相符。"))
    return out


def _parallel_columns(text: str, figures: list[Figure], done: set[tuple[int | None, frozenset[int]]]) -> list[Relation]:
    """共排查矛盾纠纷4190件，化解4043件。其中，人民调解受理2345件，调处2283件；行政调解受理
    795件，调处673件；…: two counts, then a 其中 whose clauses (apart by ；) each give two
    counts in their measure, in the same order. When the first counts of the clauses make
    the first total exactly, the clauses are its whole breakdown, and their second counts
    are the second total's: 相符 when they make it, 不符 when they do not (较确定)."""
    out: list[Relation] = []
    counts = [j for j, g in enumerate(figures) if not g.is_rate]
    starts = [figures[j].cstart for j in counts]
    for m in re.finditer(r"其中[，,：:]?", text):
        end = min((k for k in (text.find("。", m.end()), text.find("\n", m.end())) if k >= 0), default=len(text))
        n = bisect_left(starts, m.start())  # the counts before the 其中 (a count never straddles it)
        if n < 2:
            continue
        t1, t2 = counts[n - 2], counts[n - 1]
        opener = _full_stop_before(text, m.start())
        head = _full_stop_before(text, opener) if text[opener : m.start()].strip("。\n") == "" else opener
        if figures[t1].cstart <= head or "\n" in text[figures[t1].cend : m.start()]:
            continue  # the two totals stand in the sentence the 其中 opens or ends
        a, b = figures[t1], figures[t2]
        if a.approx or b.approx or _comparison(a) or _comparison(b) or not _same_measure(a, b):
            continue
        groups: list[list[int]] = []
        start = m.end()
        for piece in re.split("[；;]", text[m.end() : end]):
            stop = start + len(piece)
            groups.append(counts[bisect_left(starts, start) : bisect_left(starts, stop)])
            start = stop + 1
        if len(groups) < 2 or any(len(g) != 2 for g in groups):
            continue
        firsts, seconds = [g[0] for g in groups], [g[1] for g in groups]
        if any(figures[j].approx or not _same_measure(figures[j], a) for j in firsts + seconds):
            continue
        s1 = sum((figures[j].value for j in firsts), Decimal(0))
        s2 = sum((figures[j].value for j in seconds), Decimal(0))
        if s1 != a.value or (t1, frozenset(firsts)) in done:
            continue
        listed1 = "+".join(_fmt(figures[j].value) for j in firsts)
        listed2 = "+".join(_fmt(figures[j].value) for j in seconds)
        out.append(_adds_up(figures, t1, firsts, f"“其中”各分句的第一个数{listed1}={_fmt(s1)}，与“{a.quote}”相符。"))
        if (t2, frozenset(seconds)) in done:
            continue
        if s2 == b.value:
            note = f"“其中”各分句的第二个数{listed2}={_fmt(s2)}，与“{b.quote}”相符。"
            out.append(_adds_up(figures, t2, seconds, note))
        else:
            note = (
                f"“其中”各分句的第一个数之和{listed1}={_fmt(s1)}恰为“{a.quote}”，可见各分句是其全部分列；"
                f"各分句的第二个数之和{listed2}={_fmt(s2)}，与“{b.quote}”不符。"
            )
            out.append(_adds_up(figures, t2, seconds, note, consistent=False))
    return out


# Words between a total and its run that say a breakdown follows.
BREAKDOWN_CUE = re.compile(r"其中|包括|含|分别|共|合计|涉及|主要|[：:（(]")


def _a_list_item(text: str, figures: list[Figure], t: int, parts: list[int], rest: list[int]) -> bool:
    """公开执法检查结果信息13条，植物检疫许可信息1条，行政处罚信息8条，征占用林地信息2条，
    工作总结1条，政策解读1条，工作动态60条: a count followed, with no word of a breakdown
    between, by a run named like it (…信息) that makes it (1+8+2+1+1=13) while the list goes
    on after the run in the same measure, in the same clause group (no ；between), is the
    list's first item, not its total. 被诉13件，未结10件，…撤诉1件，与市人民政府为共同被告被诉
    1件 names its parts otherwise and stays a breakdown."""
    tf = figures[t]
    if BREAKDOWN_CUE.search(text[tf.cend : figures[parts[0]].cstart]):
        return False
    name = _named_as(tf)[-2:]
    if not name or all(_named_as(figures[j])[-2:] != name for j in parts):
        return False
    after = next((j for j in rest if _same_measure(figures[j], tf)), None)
    return after is not None and not re.search("[；;]", text[figures[parts[-1]].cend : figures[after].cstart])


def _named_as(g: Figure) -> str:
    """The three characters that name a count right before its number (类案件 of
    信息公开类案件27件), or "" when they are not all words."""
    tail = g.sentence_text[-3:]
    return tail if len(tail) == 3 and all("\u4e00" <= ch <= "\u9fff" for ch in tail) else ""


def _a_sibling_of(figures: list[Figure], t: int, parts: list[int]) -> bool:
    """行政不作为类案件30件，信息公开类案件27件，…举报投诉处理类案件9件，行政许可8件，其他类
    案件10件: a count named like the count before it and like a part after it is one item
    of the list, not its total, though 9+8+10 happen to make 27."""
    name = _named_as(figures[t])
    prev = figures[t - 1] if t > 0 else None
    if not name or prev is None or prev.sentence != figures[t].sentence or _named_as(prev) != name:
        return False
    return any(_named_as(figures[j]) == name for j in parts)


def _full_stop_before(text: str, pos: int) -> int:
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos))


def _sibling_misfits(text: str, figures: list[Figure], out: list[Relation]) -> list[Relation]:
    """A share left unjudged in a run of shares of one paragraph with the same 占 words,
    two or more of which fit one base (行政处罚类112件，占案件总数的26%；行政确权类98件，
    占案件总数的22.7%；行政征收类90件，占案件总数的20.9% over 受理430件): it is over that
    base too, and wrong when it fits neither it nor any count nearby (较确定)."""
    result: list[Relation] = []
    for rel in out:
        if rel.kind != "rate" or rel.checked or rel.rate is None or rel.numerator is None:
            result.append(rel)
            continue
        f = figures[rel.rate]
        words = f.share_of or ""
        if len(words) < 2:
            result.append(rel)
            continue
        siblings = [
            r
            for r in out
            if r.kind == "rate"
            and r.checked
            and r.consistent
            and r.rate is not None
            and r.denominator is not None
            and figures[r.rate].paragraph == f.paragraph
            and (figures[r.rate].share_of or "") == words
        ]
        base = None
        # The shares of its own sentence (to 。) first: a paragraph may hold the shares
        # of two totals (31 applications, then 9 first-instance lawsuits); then every
        # share of the paragraph.
        own = _full_stop_before(text, f.cstart)
        same = [r for r in siblings if _full_stop_before(text, figures[r.rate or 0].cstart) == own]
        for group in (same, siblings):
            bases = [r.denominator for r in group]
            if bases and bases.count(bases[0]) == len(bases) >= 2:
                base = bases[0]
                break
        if base is None or not _plausible_denominator(figures[base], figures[rel.numerator].value, f.value):
            result.append(rel)
            continue
        judged = _checked_rate(figures, rel.rate, rel.numerator, base, "较确定")
        fits: list[Relation] = []
        if not judged.consistent:
            _add_fits(figures, judged, fits)
            if judged.fits:
                result.append(rel)
                continue
        judged.note += f"（同段“占{words}”的其他比率都按“{figures[base].quote}”计算，本处同。）"
        result.append(judged)
    return result


_RESPECTIVE = re.compile(r"分别(占|为|是)[^，,。；;%]{0,12}$")
_NAMED_RATES_BEFORE = re.compile(r"率(、|和|及|与)[^，,。；;]{0,12}率分别(为|是|达到|达)?$")


def _respective_shares(text: str, figures: list[Figure]) -> tuple[list[Relation], set[int]]:
    """市场监管类30件、公安类25件、其他25件，分别占37.5%、31.25%、31.25%: the rates after
    分别占 go with the counts before it one by one, in order (not all with the last
    count). Each is over the total the counts are parts of; judged when those parts
    make that total exactly, otherwise only a fit is reported. When the counts and the
    rates do not pair up, the rates are left unjudged."""
    out: list[Relation] = []
    handled: set[int] = set()
    for i, f in enumerate(figures):
        if not f.is_rate or i in handled or not _RESPECTIVE.search(f.sentence_text):
            continue
        if _NAMED_RATES_BEFORE.search(f.sentence_text):
            continue  # 调处率、成功率分别为97.2%和98.8%: each rate by its own name
        rates = [i]
        for j in range(i + 1, len(figures)):
            g = figures[j]
            gap = text[figures[rates[-1]].cend : g.cstart]
            if not g.is_rate or g.sentence != f.sentence or not re.fullmatch(r"[、和及与，,]", gap):
                break
            rates.append(j)
        if len(rates) < 2:
            continue
        handled.update(rates)
        counts: list[int] = []
        for j in range(i - 1, -1, -1):
            g = figures[j]
            if g.sentence != f.sentence or len(counts) == len(rates):
                break
            if not g.is_rate:
                counts.insert(0, j)
        wholes = {figures[j].part_of for j in counts}
        if (
            len(counts) != len(rates)
            or len({figures[j].unit for j in counts}) != 1
            or len(wholes) != 1
            or None in wholes
        ):
            out += [
                _unchecked(r, None, figures[r].value, "“分别占”的各比率与前面的计数对应不上，未作判断。")
                for r in rates
            ]
            continue
        whole = next(iter(wholes))
        assert whole is not None
        parts_make_it = sum((figures[j].value for j in counts), Decimal(0)) == figures[whole].value
        for c, r in zip(counts, rates, strict=True):
            rel = _checked_rate(figures, r, c, whole, "较确定")
            rel.note += f"（“分别占”按顺序对应“{figures[c].quote}”，总数为“{figures[whole].quote}”。）"
            fits: list[Relation] = []
            if not rel.consistent:
                _add_fits(figures, rel, fits)
            if rel.consistent or (parts_make_it and not fits):
                out.append(rel)
            else:
                out.append(_unchecked(r, c, figures[r].value, rel.note + "（分项不等于总数，未判为不符。）"))
    return out, handled


def _count_by_name(text: str, figures: list[Figure], i: int, near: list[int]) -> int | None:
    """行政机关败诉1874件，败诉率为6.88% / 共有383件行政案件…负责人出庭应诉，…出庭应诉率为
    38%: a catalogue rate whose count was not recognised by its code. The count right
    before it in its sentence is its count when the words of its clause (before the
    number, or after it up to the next punctuation) hold the rate's name."""
    f = figures[i]
    m = _RATE_NAME.search(f.sentence_text)
    if not m or not near or near[0] != i - 1:
        return None
    g = figures[near[0]]
    if g.sentence != f.sentence or _comparison(g):
        return None
    name = m.group(1).removeprefix("平均")[-4:]
    before = re.split(r"[，,；;：:。]", g.sentence_text)[-1]
    after = re.split(r"[，,；;：:。]", text[g.cend : g.cend + 40])[0]
    return near[0] if name in before + after else None


_RATE_NAME = re.compile(r"([\u4e00-\u9fff]{2,4})率[^率]{0,6}$")


def _named_rate(text: str, figures: list[Figure], i: int, out: list[Relation]) -> None:
    """A rate outside the catalogue that names its count (主动公开673件 … 主动公开率
    95.19%): the count before it whose words hold the rate's name is the numerator;
    the denominator is whichever larger count nearby it fits. Found by words, so only
    a fit is reported; otherwise nothing is judged."""
    f = figures[i]
    m = _RATE_NAME.search(f.sentence_text)
    if not m:
        return
    stem = m.group(1).removeprefix("平均")[-2:]
    own = f.indicator.removeprefix("other:")
    if f.indicator.startswith("other:") and re.fullmatch(r"[\u4e00-\u9fff]{2,6}率", own) and "均为" in f.quote:
        # 办结率、满意率均为97.9%: each rate of the 均为 list by its own name.
        stem = own[:-1].removeprefix("平均")[-2:]
    near = _near(figures, i)
    name = m.group(1)
    numerator = next(
        (j for j in near if stem in figures[j].quote and not _qualified_otherwise(figures[j].quote, name)), None
    )
    if (
        numerator is None
        and near
        and figures[near[0]].sentence == f.sentence
        # only 同比 changes of the count may stand between (审结2300件，同比上升10%，结案率…)
        and all(_CHANGE.search(figures[k].sentence_text) for k in range(near[0] + 1, i))
    ):
        # 新收1120件，审结962件，结案率为85.9%: the count right before the rate, its
        # clause sharing a word of the rate's name (审结 / 结案), is its count.
        g = figures[near[0]]
        between = f.sentence_text[len(g.sentence_text) :]
        verb = re.split(r"[，,；;：:。、]", g.sentence_text)[-1].rstrip("了共计达")[-2:]
        if len(between) <= 14 + 10 * (i - 1 - near[0]) and set(stem) & set(verb) and g.part_of is None:
            numerator = near[0]
    if numerator is None:
        # 2418项政务服务事项中，2331项纳入…，入驻率达到96.4%: the part right before the
        # rate over its total, when it fits (found by nearness: a fit only).
        j = near[0] if near else None
        whole = figures[j].part_of if j is not None else None
        if j is not None and whole is not None and figures[j].sentence == f.sentence:
            rel = _checked_rate(figures, i, j, whole, "较确定")
            if rel.consistent:
                rel.note += f"（“{figures[j].quote}”是“{figures[whole].quote}”的分项。）"
                out.append(rel)
        return
    num = figures[numerator]
    for j in near:
        g = figures[j]
        if j == numerator or g.group != num.group or not _plausible_denominator(g, num.value, f.value):
            continue
        rel = _checked_rate(figures, i, numerator, j, "较确定")
        if rel.consistent:
            out.append(rel)
            return
    sole = _sole_base(text, figures, i, numerator, near)
    if sole is not None:
        out.append(sole)
        return
    if 0 < f.value < HUNDRED and not f.bound:
        # 审结117件。…判决行政机关胜诉案件43件，胜诉率37%: the total a paragraph back.
        for within in (True, False):
            fit = _fit_further_back(figures, i, numerator, within, f"{m.group(1)}率")
            if fit is not None:
                out.append(fit)
                return
    # 共审结复议案件4696件，审结率为83.4%: no base stated; the whole-number base the
    # rate implies is given when it fits (never a verdict against the text). 100% of
    # an unstated base says nothing that can be checked; a larger count nearby that
    # the rate misfits may be its base, stated: then no base is implied.
    if 0 < f.value < HUNDRED and not f.bound and _base_nearby(figures, i, numerator, None) is None:
        note = f"文中未给出{m.group(1)}率的分母；按{_fmt(num.value)}÷{_fmt(f.value)}%推算总数约为{{implied}}，"
        fit = _implied_fit(f, i, numerator, num.value, note)
        if fit is not None:
            out.append(fit)
            return
    out.append(
        _unchecked(
            i, numerator, f.value, f"{m.group(1)}率的分母在文中不明确，附近的总数都对不上，未作判断。"
        )
    )


# Words that make a count a narrower one than the rate's (调解成功1818起 is not the count
# of 调解率, which is 调解成功率's).
_QUALIFIERS = ("成功", "按期", "按时", "满意")


def _qualified_otherwise(count_words: str, rate_name: str) -> bool:
    return any(q in count_words and q not in rate_name for q in _QUALIFIERS)


def _sentence_fit(figures: list[Figure], i: int, numerator: int) -> Relation | None:
    """审结900件，判决结案500件，行政机关败诉45件，败诉率9%: no count of the catalogue's
    base was recognised, but a count before the rate's count in its sentence is one the
    rate fits (the base under another name): that reading is reported (较确定, a fit
    only) rather than a total the rate implies. A 100% rate fits any equal count and is
    left to the other readings."""
    f, num = figures[i], figures[numerator]
    if f.value >= HUNDRED or f.value <= 0 or f.bound:
        return None
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if g.sentence != f.sentence:
            break
        if g.is_rate or _comparison(g) or not _same_measure(g, num) or not _plausible_denominator(g, num.value, f.value):
            continue
        rel = _checked_rate(figures, i, numerator, j, "较确定")
        if rel.consistent:
            rel.note += f"（分母按句中的“{g.quote}”计算。）"
            return rel
    return None


# Rates of an outcome (维持率, 纠错率, 败诉率): over the cases concluded or judged.
_OUTCOME_RATE = re.compile(r"(维持|撤销|纠错|纠正|败诉|胜诉|驳回|变更|确认违法|责令履行|终止)率")
_CONCLUDED_COUNT = re.compile(r"审结|办结|结案|判决|裁判|审理|作出|决定")


def _clause_group_fit(text: str, figures: list[Figure], i: int) -> Relation | None:
    """其中，人民调解受理2345件，调处2283件，成功率达97.4%；…: a catalogue rate whose count
    its code and name do not find, right after a count of its clause group (to ；) that
    follows the group's one larger count in its measure. Read from nearness, so only a
    fit is reported (相符, 较确定); a rate that does not fit is left as it was."""
    f = figures[i]
    if i == 0 or f.approx or f.bound or not 0 < f.value <= HUNDRED:
        return None
    num = figures[i - 1]
    if num.is_rate or num.approx or num.sentence != f.sentence or _comparison(num):
        return None
    if re.search("[；;。]", text[num.cend : f.cstart]) or f.cstart - num.cend > 12:
        return None
    group_start = max(text.rfind("；", 0, num.cstart), text.rfind(";", 0, num.cstart), _full_stop_before(text, num.cstart))
    bases = [
        j
        for j in itertools.takewhile(lambda j: figures[j].cstart > group_start, range(i - 2, -1, -1))
        if not figures[j].is_rate and _same_measure(figures[j], num) and figures[j].value > num.value
    ]
    if len(bases) != 1 or figures[bases[0]].approx or _comparison(figures[bases[0]]):
        return None
    rel = _checked_rate(figures, i, i - 1, bases[0], "较确定")
    if not rel.consistent:
        return None
    rel.note += f"（比率紧随其计数“{num.quote}”，本分句只有“{figures[bases[0]].quote}”一个更大的同类数，按其计算。）"
    return rel


def _sole_base(text: str, figures: list[Figure], i: int, numerator: int, near: list[int]) -> Relation | None:
    """共受理各类行政案件2203件（含旧存245件）。共审结各类行政案件1976件，审结率89%: a
    rate right after the count its name repeats, with one whole count of the same
    measure before it in its sentence or the one before, and no other count nearby that
    the rate fits: the text gives that count as the base, so a rate that does not fit it
    is 不符 (较确定, with the numbers). A smaller count is that base only in the rate's
    own sentence and when both counts name the same act (排查调处纠纷17128件，调处成功
    17356件，成功率98.5%: more succeeded than were handled, which no rate can be)."""
    f, num = figures[i], figures[numerator]
    if numerator != i - 1 or num.sentence != f.sentence or num.approx or f.approx or f.bound:
        return None
    if len(f.sentence_text) - len(num.sentence_text) > 14 or not 0 < f.value <= HUNDRED:
        return None
    if not re.search(r"率(均为|为|达到|达|是|约为|约)?$", f.sentence_text):
        return None  # 反馈率同比下降12.48%: a change of the rate, not the rate
    bases = [
        j
        for j in near
        if j != numerator
        and figures[j].sentence >= f.sentence - 1
        # A count in the sentence before is the base only where it names what the rate's
        # count names (共受理各类行政案件…。共审结各类行政案件…): 办理法律援助案件90件。
        # 开展合法性审查20件，审查率100% is no rate over the 90.
        and (figures[j].sentence == f.sentence or _same_act(figures[j], num, generic=_GENERIC_WORDS))
        and figures[j].part_of is None
        and _same_measure(figures[j], num)
        and not figures[j].approx
        and figures[j].value > 0
        and (figures[j].value > num.value or (figures[j].sentence == f.sentence and _same_act(figures[j], num)))
        and not _comparison(figures[j])
    ]
    # Another count that may be the base vetoes: any in the rate's sentence, and one in
    # the sentence before only where it names what the rate's count names (共受理各类行政
    # 诉讼案件6746件。受理…非诉行政案件722件，…执结629件，执结率84.32%: not the 6746).
    others = [
        j
        for j in near
        if j != numerator
        and j not in bases
        and (
            figures[j].sentence == f.sentence
            or (figures[j].sentence == f.sentence - 1 and _same_act(figures[j], num, generic=_GENERIC_WORDS))
        )
    ]
    if len(bases) != 1 or any(figures[j].part_of is None and _same_measure(figures[j], num) for j in others):
        return None
    d = bases[0]
    if _mixed_periods(text[figures[d].cstart : f.cend]):
        return None
    if _OUTCOME_RATE.search(f.sentence_text[-14:]) and not _CONCLUDED_COUNT.search(
        re.split(r"[，,；;。]", figures[d].sentence_text)[-1]
    ):
        # 受理586件，维持250件，维持率61.9%: an outcome's rate is over the cases concluded
        # (or judged), which the text does not state; the count of cases received is
        # not shown to be its base.
        return None
    rel = _checked_rate(figures, i, numerator, d, "较确定")
    fits: list[Relation] = []
    _add_fits(figures, rel, fits)
    if fits:
        return None
    rel.note += f"（比率紧随其计数“{num.quote}”，前文只有“{figures[d].quote}”一个同类总数，按其计算。）"
    if figures[d].value < num.value:
        rel.note += "计数大于总数，比率不可能成立。"
    return rel


# Words every clause may open with; sharing one says nothing of what two counts count.
_GENERIC_WORDS = frozenset(
    {"全年", "全县", "全市", "全区", "本年", "年度", "共计", "累计", "共有", "其中", "一是", "二是", "三是", "是全", "行政"}
)


def _same_act(a: Figure, b: Figure, generic: frozenset[str] = frozenset()) -> bool:
    """Whether the clauses of two counts share a word of two characters (调处 in 排查调处
    纠纷 and 调处成功): they count the same act. `generic` words do not count."""
    ca = re.split(r"[，,；;：:。]", a.sentence_text)[-1]
    cb = re.split(r"[，,；;：:。]", b.sentence_text)[-1]
    return any(
        ca[k : k + 2] in cb
        for k in range(len(ca) - 1)
        if re.fullmatch(r"[\u4e00-\u9fff]{2}", ca[k : k + 2]) and ca[k : k + 2] not in generic
    )


_PERIOD_WORDS = re.compile(r"累计|以来|年来|历年|近[一二两三四五六七八九十]年|同期|上半年|下半年|季度|[1-9]\d?月")


def _mixed_periods(span: str, before: str = "") -> bool:
    """Whether the words around a rate and its counts speak of more than one period
    (2021—2023年累计…，2023年…): the counts may not be the rate's. `span` runs from
    the first count to the rate; a period said once just `before` them (2018年以来，
    全区受理…，成功调解…，成功率…) is the period of them all."""
    years = set(re.findall(r"(?:19|20)\d\d(?=年)", before + span))
    return len(years) > 1 or bool(_PERIOD_WORDS.search(span)) or len(_PERIOD_WORDS.findall(before)) > 1


def _fitting_alternate(
    figures: list[Figure], i: int, numerator: int, found: dict[str, int], primary: str
) -> Relation | None:
    """The first other base the stated rate fits, named in the note."""
    for code, j in found.items():
        if code == primary:
            continue
        rel = _checked_rate(figures, i, numerator, j, "较确定")
        if rel.consistent:
            rel.note = f"按{_base(code)}计算：{rel.note}" + (
                ""  # a rate the catalogue does not define has no 口径 of its own
                if figures[i].is_other
                else f"（指标目录以{_base(primary)}为分母，该报告采用了另一口径。）"
            )
            return rel
    return None


# How many paragraphs back a larger count may be the stated base of a rate: then the
# base the rate implies is not given (中山: 审结2755件，审结率93.8% two paragraphs after
# 共收到申请2929宗, which it misfits).
IMPLIED_REACH = 2
# How close a stated count must bring a rate to be taken for its base: within 1% of the
# rate (6.157% for 6.20%), closer than a sibling item's count comes (61÷64 = 95.3% for 92.4%).
NEAR_MISS = Decimal("0.01")


def _base_nearby(figures: list[Figure], i: int, numerator: int, near_miss: Decimal | None = NEAR_MISS) -> int | None:
    """A count of the rate's kind larger than its own before it within IMPLIED_REACH
    paragraphs that may be the base the text states, which the rate did not fit: then
    no other base may be implied for it. With `near_miss`, only a count the rate nearly
    fits (33÷536 = 6.16% for a stated 6.20%)."""
    f, num = figures[i], figures[numerator]
    return next(
        (
            j
            for j in range(i - 1, -1, -1)
            if (g := figures[j]).value > num.value
            and g.group == num.group
            and not g.is_rate
            and f.paragraph - g.paragraph <= IMPLIED_REACH
            and (near_miss is None or abs(num.value * HUNDRED / g.value - f.value) <= near_miss * f.value)
        ),
        None,
    )


def _stated_base_in_sentence(figures: list[Figure], i: int, numerator: int) -> int | None:
    """A whole count before the rate's count in the rate's sentence, in its measure and
    larger than it, with no rate between them: the base the sentence states, unless a
    rate's base is implied. (办结人大代表建议64件、办结率92.7%，政协委员提案61件，办结率
    92.4%: the 64 has its own rate; it is a sibling, not the 61's base.)"""
    f, num = figures[i], figures[numerator]
    for j in range(numerator - 1, -1, -1):
        g = figures[j]
        if g.sentence != f.sentence or g.is_rate:
            return None
        if g.part_of is None and not g.approx and g.value > num.value and _same_measure(g, num) and not _comparison(g):
            return j
    return None


def _near_base(figures: list[Figure], i: int, numerator: int, j: int) -> Relation:
    """The rate over the count `_base_nearby` found: 相符 (较确定) when it fits, else
    无法核对 with both numbers (a base found by nearness proves no 不符)."""
    f, num, g = figures[i], figures[numerator], figures[j]
    rel = _checked_rate(figures, i, numerator, j, "较确定")
    if rel.consistent:
        rel.note += f"（分母按前文比率最接近的“{g.quote}”计算。）"
        return rel
    return _unchecked(
        i,
        numerator,
        f.value,
        f"{_fmt(num.value)}÷{_fmt(g.value)}={_fmt((num.value * HUNDRED / g.value).quantize(Decimal('0.001')))}%，"
        f"与所报{_fmt(f.value)}%接近而不等；“{g.quote}”可能是其分母，未推算其他分母，也未判为不符。",
    )


def _implied_fits(figures: list[Figure], i: int, numerator: int) -> bool:
    f, num = figures[i], figures[numerator].value
    if f.value <= 0 or f.value >= HUNDRED:
        return False
    implied = int((num * HUNDRED / f.value).quantize(Decimal(1), ROUND_HALF_UP))
    return implied > 0 and rate_fits(num, Decimal(implied), f.value, f.approx, f.bound)[1]


def _implied_fit(f: Figure, i: int, numerator: int, num: Decimal, note: str) -> Relation | None:
    """The whole-number base a rate implies for its count (num ÷ rate), reported only
    when the rate fits it (较确定, never a verdict against the text). `note` names what
    was implied, with {implied} for the base."""
    implied = int((num * HUNDRED / f.value).quantize(Decimal(1), ROUND_HALF_UP)) if f.value else 0
    if not implied:
        return None
    computed, ok = rate_fits(num, Decimal(implied), f.value, f.approx, f.bound)
    if not ok:
        return None
    return Relation(
        "rate",
        True,
        note.format(implied=implied) + "与所报比率相符。",
        rate=i,
        numerator=numerator,
        implied_denominator=implied,
        stated=f.value,
        computed=computed,
        confidence="较确定",
    )


def _implied_rate(
    text: str, figures: list[Figure], i: int, numerator: int, out: list[Relation]
) -> None:
    f = figures[i]
    num = figures[numerator].value
    if f.value <= 0 or f.value >= HUNDRED:
        return  # 100% of an unstated total says nothing that can be checked
    implied = int((num * HUNDRED / f.value).quantize(Decimal(1), ROUND_HALF_UP))
    if implied <= 0:
        return
    computed, ok = rate_fits(num, Decimal(implied), f.value, f.approx, f.bound)
    note = f"文中未给出分母；按{_fmt(num)}÷{_fmt(f.value)}%推算总数约为{implied}，" + (
        "与所报比率相符。"
        if ok
        else f"但{_fmt(num)}÷{implied}={_fmt(computed)}%，取最接近的整数总数也得不出所报的{_fmt(f.value)}%。"
    )
    between = text[figures[numerator].cend : f.cstart]
    near = _base_nearby(figures, i, numerator) if ok else None
    stated = _stated_base_in_sentence(figures, i, numerator) if ok and near is None else None
    if stated is not None:
        # 办理行政复议案件141件，调解75件，调解率60.5%: the sentence states a base the rate
        # misfits (53.2%); the base it would fit (124, perhaps the cases closed) is not
        # stated. Neither reading is proven: say both, judge nothing.
        g = figures[stated]
        other = _checked_rate(figures, i, numerator, stated, "")
        out.append(
            _unchecked(
                i,
                numerator,
                f.value,
                f"按句中的“{g.quote}”计算，{other.note.rstrip('。')}；所报比率需以约{implied}为分母"
                f"（{_fmt(num)}÷{implied}），文中未给出该数，两种读法都不能证明，未作判断。",
            )
        )
        return
    if near is not None:
        # 败诉33件…审结536件…败诉率为6.20%: 33÷536 = 6.16% nearly fits; the base 33÷6.2%
        # implies (532) is not stated, 536 is.
        out.append(_near_base(figures, i, numerator, near))
        return
    if not ok and (
        not _adjacent(figures, numerator, i, between)
        or figures[numerator].unit in _EVENT_UNITS
        or f.bound
    ):
        # 出庭应诉1611件次: appearances, not cases, may not be the rate's count.
        # The count may not be this rate's (a mis-read code): no invented total.
        out.append(_unchecked(i, numerator, f.value, note + "计数与比率不相邻，未作判断。"))
        return
    out.append(
        Relation(
            "rate",
            ok,
            note,
            rate=i,
            numerator=numerator,
            implied_denominator=implied,
            stated=f.value,
            computed=computed,
            confidence="确定" if _adjacent(figures, numerator, i, between) else "较确定",
        )
    )


# Counts of events (one case may count several times): never proof against a rate.
_EVENT_UNITS = ("人次", "件次", "次", "场次")

# Measure words that count the same things (培训4场次，其中授课1次: a 次 of the 场次).
_UNIT_KIN = {"起": "件", "宗": "件", "份": "件", "卷": "件", "名": "人", "位": "人", "场次": "次", "场": "次"}


def _same_measure(a: Figure, b: Figure) -> bool:
    ua, ub = _UNIT_KIN.get(a.unit, a.unit), _UNIT_KIN.get(b.unit, b.unit)
    if ua == ub:
        return True
    # 行政处罚2100，占收到申请总数的33.9%: a count written without a measure word counts
    # things like any 件/条 count beside it (never people, times, money or a rate).
    return "" in (ua, ub) and not (a.is_rate or b.is_rate) and lx.unit_group(ua or ub) == "thing"


def _same_subject(part: Figure, total: Figure) -> bool:
    """Whether a part and its total measure the same thing, as far as their codes say: the
    same code, or two catalogue codes of one register (recon_received and its part
    recon_corrected). A part larger than its total proves the report wrong only then; a
    part of another kind (将307名…吸纳到调解队伍，评定调解员2783名) was attached wrongly."""
    if part.indicator == total.indicator:
        return True
    if part.indicator.startswith("other:") or total.indicator.startswith("other:"):
        return False
    return part.indicator.split("_")[0] == total.indicator.split("_")[0]


_REST_ITEM = re.compile(r"^(其他|其它|其余)")


def _clause_of(text: str, f: Figure) -> str:
    """The words of a figure's clause up to its number (其他类信息 for 其他类信息1827条)."""
    start = max(text.rfind(c, 0, f.cstart) for c in "，,、；;：:。\n") + 1
    return text[start : f.cstart]


def _joined_run_before(text: str, figures: list[Figure], last: int) -> list[int]:
    """The counts in the total's measure joined to it by 、/和/及/与 (行政复议2宗、行政诉讼
    1宗), the total last; just the total when nothing joins it."""
    run = [last]
    for j in range(last - 1, -1, -1):
        g, nxt = figures[j], figures[run[0]]
        between = text[g.cend : nxt.cstart]
        if g.is_rate or not _same_measure(g, nxt) or re.search(r"[，,。；;：:\n]", between):
            break
        if not re.search(r"[、和及与]", between):
            break
        run.insert(0, j)
    return run


# Groups of people a case may belong to more than one of (a migrant worker who is a
# woman), and qualities that cut across kinds (涉企, 重大疑难): a list of them may add up
# to more than the cases.
OVERLAPPING_GROUPS = re.compile(
    r"老年|妇女|女性|未成年|儿童|青少年|农民工|残疾|军人|退役|困难|低保|特殊群体|弱势|涉|重大|疑难|复杂|典型|新型"
)
SLIGHTLY_OVER = Decimal("0.05")  # how far parts may exceed a total for a slip, not a mix-up


def _slightly_over(text: str, figures: list[Figure], total: int, parts: list[int], s: Decimal) -> bool:
    """全年发布政策解读总量达126件，其中文字解读66件，图表图解51件，问答解读13件 (130): parts of
    one sentence, each a category of the total's own unit, that exceed it by a little
    (at most 5%) — a slip in the figures, not a list of another total's parts or of
    groups that overlap (a list far over its total is left unjudged)."""
    t = figures[total]
    if len(parts) < 2 or not t.value or s - t.value > t.value * SLIGHTLY_OVER:
        return False
    if any(figures[j].sentence != t.sentence or figures[j].unit != t.unit for j in parts):
        return False
    if any(count_resolution(g) for g in [t, *(figures[j] for j in parts)]):
        return False  # 6.09万条 of 2.01万+0.34万+3.75万: rounded counts may exceed
    kinds_of = {"other" if figures[j].is_other else figures[j].indicator for j in parts}
    if len(kinds_of) > 1:
        return False  # parts of different kinds: maybe of different totals
    span = text[t.cend : figures[parts[-1]].cend]
    return not OVERLAPPING_GROUPS.search(span) and not _mixed_periods(span)


def _closed_by_the_rest(text: str, figures: list[Figure], total: int, parts: list[int]) -> bool:
    """Whether a list of parts sorts the whole total into categories: three or more parts
    of the total's own code, in the total's sentence, the last one "the rest" (其他类…)."""
    t = figures[total]
    return (
        len(parts) >= 3
        and bool(_REST_ITEM.match(_clause_of(text, figures[parts[-1]])))
        and all(figures[j].indicator == t.indicator and figures[j].sentence == t.sentence for j in parts)
        and all(_same_measure(figures[j], t) for j in parts)
    )


def _exact_run(figures: list[Figure], parts: list[int], total: Decimal) -> list[int] | None:
    """A run of consecutive parts that adds up to the total exactly (68+1=69 among
    3, 68, 1, 13): the list mixes the parts of two totals."""
    for a in range(len(parts)):
        s = Decimal(0)
        for b in range(a, len(parts)):
            s += figures[parts[b]].value
            if s == total and b > a:
                return parts[a : b + 1]
            if s > total:
                break
    return None


def _total_the_parts_make(figures: list[Figure], total: int, parts: list[int], s: Decimal) -> int | None:
    """The nearest count before the parts, in their paragraph and measure, that they add up
    to exactly (not the total they were first attached to)."""
    first = figures[parts[0]]
    for j in range(parts[0] - 1, -1, -1):
        g = figures[j]
        if g.paragraph != first.paragraph:
            return None
        if j != total and not g.is_rate and _same_measure(g, first) and g.value == s:
            return j
    return None


def _unchecked_sum(total: int, parts: list[int], stated: Decimal, s: Decimal, why: str) -> Relation:
    return Relation(
        "sum",
        True,
        why,
        total=total,
        parts=parts,
        stated_total=stated,
        sum_of_parts=s,
        partial=s < stated,
        checked=False,
    )


_NEST_OPEN = re.compile(r"[（(](即|其中|含|包括|分别为|分别是)?[：:，,]?")


def _nested_lists(text: str, figures: list[Figure], lists: list[tuple[int, list[int]]]) -> list[tuple[int, list[int]]]:
    """A part followed by a parenthesis of counts (区政府收到65件（即香洲区27件、金湾区4件、
    斗门区34件）, 行政登记7件（房产登记4件、婚姻登记3件）) is broken down there: the counts in
    the parenthesis are its parts, not more parts of the outer list."""
    out: list[tuple[int, list[int]]] = []
    for total, parts in lists:
        outer: list[int] = []
        nested: list[tuple[int, list[int]]] = []
        k = 0
        while k < len(parts):
            p = parts[k]
            outer.append(p)
            k += 1
            f = figures[p]
            if not _NEST_OPEN.match(text, f.cend):
                continue
            close = min((c for c in (text.find("）", f.cend), text.find(")", f.cend)) if c >= 0), default=-1)
            if close < 0 or re.search(r"[（(]", text[f.cend + 1 : close]):
                continue
            inner = []
            while k < len(parts) and figures[parts[k]].cstart < close:
                inner.append(parts[k])
                k += 1
            compared = [j for j in inner if _comparison(figures[j])]
            inner = [j for j in inner if j not in compared]  # 30件（上年35件）: not a part
            if inner and all(_same_measure(figures[j], f) for j in inner):
                nested.append((p, inner))
            else:
                outer.extend(inner)
        out.append((total, outer))
        out.extend(nested)
    return out


# 结果分别为撤销48件…, ，分别为…, 情况分别是：…: a list the text gives as the breakdown
# of a count (a few words of what is listed may stand before 分别).
_FENBIE = re.compile(r"(?:^|(?<=[。；;，,：:\n]))([\u4e00-\u9fff]{0,4})分别(为|是|有)?[：:]?")


def _fenbie_lists(text: str, figures: list[Figure], used_parts: set[int]) -> list[Relation]:
    """The counts after 分别为 (to the end of their sentence, in one measure) are the
    breakdown of the count before they add up to exactly: in the same sentence, or — when
    分别 opens the sentence (。结果分别为…) — in the sentence before. Only an exact sum of
    exactly one such count is reported (一致, 较确定); anything else proves nothing."""
    out: list[Relation] = []
    for m in _FENBIE.finditer(text):
        after = [i for i, f in enumerate(figures) if f.cstart >= m.end() and not f.is_rate]
        if not after:
            continue
        first = figures[after[0]]
        end = min((j for j in (text.find("。", m.end()), text.find("\n", m.end())) if j >= 0), default=len(text))
        parts = [i for i in after if figures[i].cstart < end and _same_measure(figures[i], first)]
        if len(parts) < 2 or any(i in used_parts or figures[i].approx for i in parts):
            continue
        s = sum((figures[i].value for i in parts), Decimal(0))
        opens = m.start() == 0 or text[m.start() - 1] in "。\n"
        before = [i for i, f in enumerate(figures) if f.cend <= m.start()]
        if not before:
            continue
        sentence = figures[before[-1]].sentence
        fits = [
            j
            for j in before
            if figures[j].sentence == sentence
            and figures[j].paragraph == first.paragraph
            and (opens or figures[j].sentence == first.sentence)
            and not figures[j].is_rate
            and not figures[j].approx
            and not _comparison(figures[j])
            and _same_measure(figures[j], first)
            and figures[j].value == s
        ]
        if len(fits) != 1:
            continue
        t = fits[0]
        out.append(
            Relation(
                "sum",
                True,
                f"“{m.group(0)}”所列{'+'.join(_fmt(figures[j].value) for j in parts)}={_fmt(s)}，"
                f"等于{'前句' if opens else '前文'}的“{figures[t].quote}”，相符。",
                total=t,
                parts=parts,
                stated_total=figures[t].value,
                sum_of_parts=s,
                confidence="较确定",
            )
        )
        used_parts.update(parts)
    return out


_DONE = re.compile(r"已([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,3}$")
# The other wordings of done and still pending (政府信息公开 requests above all): 已办结8件，
# 1件正在办理中; 办结12件，2件结转下年办理; 答复98件，未答复2件.
_CLOSED = re.compile(r"(已经|已|均已|全部)?(办结|答复|审结|结案|办理完毕|处理完毕|办理完成|处理完成)的?$")
_PENDING_BEFORE = re.compile(r"(未|尚未|没有)(办结|答复|审结|结案|办理完毕|办理完成|处理完毕)[\u4e00-\u9fff]{0,3}$|(正在|仍在|尚在|继续|仍需|尚需)(办理|处理|审理)[\u4e00-\u9fff]{0,2}$|结转(至|到)?下(一)?年(度)?(办理|处理)?$")
_PENDING_AFTER = re.compile(r"^[件条份宗]?(正在|仍在|尚在|继续)(办理|处理|审理)|^[件条份宗]?(在办|办理中|处理中|审理中|待办|待审)|^[件条份宗]?(结转|转)(至|到|入)?下(一)?年")


def _done_and_pending(text: str, a: Figure, b: Figure) -> bool:
    """Whether `a` is a count done and `b`, the next, the count still pending: 已审结407件，
    未审结27件; 已办结8件，1件正在办理中; 办结12件，2件结转下年办理."""
    m = _DONE.search(clause_of(a))
    if m and re.search("未" + m.group(1) + r"[\u4e00-\u9fff]{0,3}$", clause_of(b)):
        return True
    if not _CLOSED.search(clause_of(a)):
        return False
    after = re.split(r"[，,；;。]", text[b.cend : b.cend + 16])[0]
    return bool(_PENDING_BEFORE.search(clause_of(b)) or _PENDING_AFTER.match(after))


PENDING_REACH = 12  # figures after a count done that its breakdown may take up


def _the_pending_count(text: str, figures: list[Figure], k: int) -> int | None:
    """The count still pending that goes with the count done at k: the next count of the
    paragraph, past shares and past smaller counts of the same measure (the done count's
    own breakdown: 答复47件，答复率94%，其中予以公开46件，…；结转下年度继续办理3件)."""
    a = figures[k]
    if a.is_rate or a.approx:
        return None
    for j in range(k + 1, min(len(figures), k + 1 + PENDING_REACH)):
        b = figures[j]
        if b.paragraph != a.paragraph:
            return None
        if b.is_rate:
            continue
        if not _same_measure(a, b) or b.approx:
            return None
        if _done_and_pending(text, a, b):
            return j
        if b.value > a.value:
            return None  # a larger count is no part of the count done: another topic
    return None


def _done_pending_pairs(
    text: str, figures: list[Figure], used: set[tuple[int | None, frozenset[int]]]
) -> list[Relation]:
    """本期新发生案件已审结407件，未审结27件 (a paragraph after 发生一审案件434件): a count
    said to be done and the next one said not done (已审结/未审结, 已整改/未整改; 已办结8件，
    1件正在办理中; 办结12件，2件结转下年办理) together make the count of those things; the
    nearest earlier count that equals their sum exactly is that total (一致, 较确定), also
    when it was broken down another way first (收到申请14件（其中信件10件，网络4件）). No exact
    total, no relation."""
    out: list[Relation] = []
    for k in range(len(figures) - 1):
        a = figures[k]
        pending = _the_pending_count(text, figures, k)
        if pending is None:
            continue
        b = figures[pending]
        s = a.value + b.value
        equal = []
        for j in range(k - 1, -1, -1):
            g = figures[j]
            if a.paragraph - g.paragraph > TOTAL_REACH:
                break
            if not (g.is_rate or _comparison(g) or not _same_measure(g, a) or g.value != s):
                equal.append(j)
        # The nearest equal count that is no part itself (申请9件 before 其中自然人申请9件).
        total = min(equal, key=lambda e: figures[e].part_of is not None or "其中" in figures[e].scope, default=None)
        if total is None or (total, frozenset((k, pending))) in used:
            continue
        note = f"已完成的“{a.quote}”与未完成的“{b.quote}”之和{_fmt(s)}，与“{figures[total].quote}”相符。"
        out.append(_adds_up(figures, total, [k, pending], note))
    return out


# What a 复议 body does with the applications it receives, besides accepting or refusing
# them (作其他处理, 以转送等方式处理, 告知向有权机关申请).
_OTHER_HANDLING = re.compile(r"其他处理|其它处理|转送|告知|移送")
INTAKE_STEPS = ("recon_accepted", "recon_rejected")


def _intake_splits(
    text: str, figures: list[Figure], used: set[tuple[int | None, frozenset[int]]]
) -> list[Relation]:
    """共收行政复议案件52件，受理47件，不予受理5件: the applications received, then, in the
    same sentence and with no other count between, those accepted and those refused (and
    those handled otherwise); when these add up to the received count exactly, the text
    has split it (一致, 较确定). No exact sum, no relation: 受理 may count last year's too."""
    out: list[Relation] = []
    for t, g in enumerate(figures):
        if g.indicator != "recon_received" or g.is_rate or g.approx:
            continue
        parts: list[int] = []
        for j in range(t + 1, len(figures)):
            f = figures[j]
            if f.sentence != g.sentence:
                break
            if f.is_rate:
                continue
            if f.unit != g.unit or f.approx:
                break
            if f.indicator in INTAKE_STEPS or (parts and _OTHER_HANDLING.search(clause_of(f))):
                parts.append(j)
                continue
            break
        accepted = any(figures[j].indicator == "recon_accepted" for j in parts)
        if not accepted or len(parts) < 2 or (t, frozenset(parts)) in used:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        if s != g.value:
            continue
        listed = "、".join(f"“{figures[j].quote}”" for j in parts)
        out.append(_adds_up(figures, t, parts, f"收到的申请分为{listed}，合计{_fmt(s)}，与“{g.quote}”相符。"))
    return out


def _share_named_total(figures: list[Figure], total: int, parts: list[int], rates: list[Relation]) -> int:
    """成功17356件，成功率98.5%，其中“四联单”调处10549件，占纠纷总数的61.6%: the 其中
    stands after the nearest count, but the part's own 占 names (and fits) the other
    count of the sentence, 排查调处纠纷17128件: that is the total it is a part of."""
    bases = set()
    for j in parts:
        over = [
            r.denominator
            for r in rates
            if r.kind == "rate"
            and r.checked
            and r.consistent
            and r.numerator == j
            and r.rate is not None
            and figures[r.rate].share_of
        ]
        if len(over) != 1:
            return total
        bases.add(over[0])
    if len(bases) != 1:
        return total
    d = bases.pop()
    if d is None or d == total or d in parts or figures[d].sentence != figures[total].sentence:
        return total
    return d


def _rest_of_the_sentence(text: str, figures: list[Figure], total: int, parts: list[int], short: Decimal) -> list[int]:
    """其中规章11条、行政规范性文件8条、其他文件102条；省政府工作报告2条（中英文各1条）、…
    其他信息2条 after 主动公开政府信息345条: a 其中 list that falls short, whose sentence
    goes on past ； with counts in its measure (a parenthesis's counts left aside) that
    make up exactly what is short. All of them, to the sentence's end: a run that
    stops before it would be a coincidence, not the text's own list."""
    t = figures[total]
    end = text.find("。", figures[parts[-1]].cend)
    end = len(text) if end < 0 else end
    if "\n" in text[figures[parts[-1]].cend : end]:
        return []
    more = []
    for j in range(parts[-1] + 1, len(figures)):
        g = figures[j]
        if g.cstart >= end:
            break
        if g.is_rate or _comparison(g) or text.count("（", t.cend, g.cstart) > text.count("）", t.cend, g.cstart):
            continue
        if g.approx or not _same_measure(g, t):
            return []
        more.append(j)
    if len(more) < 2 or sum((figures[j].value for j in more), Decimal(0)) != short:
        return []
    return more


def _sum_relations(text: str, figures: list[Figure], rates: list[Relation] | None = None) -> list[Relation]:
    out: list[Relation] = []
    used_totals: set[int] = set()
    used_parts: set[int] = set()
    for total, parts in _nested_lists(text, figures, part_lists(text, figures)):
        total = _share_named_total(figures, total, parts, rates or [])
        t = figures[total]
        parts = [j for j in parts if _same_measure(figures[j], t) or figures[j].unit in lx.MIXED_TOTAL_UNITS.get(t.unit, ())]
        used_totals.add(total)
        if not parts:
            continue
        used_parts.update(parts)
        s = sum((figures[j].value for j in parts), Decimal(0))
        approx = t.approx or any(figures[j].approx for j in parts)
        more = [] if approx or s >= t.value else _rest_of_the_sentence(text, figures, total, parts, t.value - s)
        if more:
            used_parts.update(more)
            if not t.is_other and all(figures[j].indicator == t.indicator for j in parts):
                # The later parts take the code the list's own parts took (the total's),
                # not where those are outcomes (予以公开22件；部分公开0件；…) coded apart.
                for j in more:
                    figures[j].indicator = t.indicator
            out.append(
                _adds_up(
                    figures,
                    total,
                    parts + more,
                    f"“其中”所列分项连同同句其后所列{'+'.join(_fmt(figures[j].value) for j in more)}，"
                    f"合计{_fmt(t.value)}，与总数相符。",
                )
            )
            continue
        if (
            s < t.value
            and not approx
            and _closed_by_the_rest(text, figures, total, parts)
            and not any(g.value == s and not g.is_rate for g in figures)
        ):
            # 权力和责任清单事项3974项，其中，行政许可245项，…其他类292项 (3884): a list
            # closed by "the rest" sorts every item, so it must make the total.
            out.append(
                _adds_up(
                    figures,
                    total,
                    parts,
                    f"“其中”所列分项以“{_clause_of(text, figures[parts[-1]])}”收尾，是按类别的全部分列，"
                    f"各分项之和{_fmt(s)}少于总数{_fmt(t.value)}（差{_fmt(t.value - s)}）。",
                    consistent=False,
                )
            )
            continue
        if s <= t.value or (approx and s <= t.value * Decimal("1.2")):
            note = (
                f"各分项之和{_fmt(s)}与总数{_fmt(t.value)}相符。"
                if s == t.value
                else f"“其中”所列分项之和{_fmt(s)}未超过总数{_fmt(t.value)}（列举不全）。"
            )
            out.append(
                Relation(
                    "sum",
                    True,
                    note,
                    total=total,
                    parts=parts,
                    stated_total=t.value,
                    sum_of_parts=s,
                    partial=s < t.value,
                )
            )
            continue
        run = _exact_run(figures, parts, t.value)
        if run is not None:
            out.append(
                Relation(
                    "sum",
                    True,
                    f"{'+'.join(_fmt(figures[j].value) for j in run)}={_fmt(t.value)}，与总数相符；"
                    "其余分项属于另一个总数。",
                    total=total,
                    parts=run,
                    stated_total=t.value,
                    sum_of_parts=t.value,
                    confidence="较确定",
                )
            )
            continue
        if figures[parts[0]].sentence != t.sentence:
            # 。其中… opening a sentence after a list of counts (结果分别为撤销48件…确认违法150件。
            # 其中A类164件…): the total it breaks down is not surely the nearest count. A
            # count before it in the paragraph that the parts add up to is that total;
            # otherwise no verdict.
            whole = _total_the_parts_make(figures, total, parts, s)
            if whole is not None:
                used_totals.add(whole)
                out.append(
                    Relation(
                        "sum",
                        True,
                        f"另起一句的“其中”各分项之和{_fmt(s)}等于前文的“{figures[whole].quote}”，"
                        "按其分项核对，相符。",
                        total=whole,
                        parts=parts,
                        stated_total=figures[whole].value,
                        sum_of_parts=s,
                        confidence="较确定",
                    )
                )
            else:
                out.append(
                    _unchecked_sum(
                        total,
                        parts,
                        t.value,
                        s,
                        f"另起一句的“其中”分项之和{_fmt(s)}超过前句的{_fmt(t.value)}，所指总数不确定，未作判断。",
                    )
                )
            continue
        run = _joined_run_before(text, figures, total)
        if len(run) > 1 and s <= sum((figures[j].value for j in run), Decimal(0)):
            # 被行政复议2宗、行政诉讼1宗，其中2宗维持原答复: the 其中 breaks down the
            # joined list's sum (3), not its last item.
            out.append(
                _unchecked_sum(
                    total,
                    parts,
                    t.value,
                    s,
                    f"“其中”所列分项之和{_fmt(s)}超过“{t.quote}”，但未超过以“、”并列的各项之和，"
                    "可能是其分项，未作判断。",
                )
            )
            continue
        biggest = max(parts, key=lambda j: figures[j].value)
        if figures[biggest].value > t.value and not approx and _same_subject(figures[biggest], t):
            out.append(
                Relation(
                    "sum",
                    False,
                    f"分项“{figures[biggest].quote}”（{_fmt(figures[biggest].value)}）大于总数{_fmt(t.value)}。",
                    total=total,
                    parts=[biggest],
                    stated_total=t.value,
                    sum_of_parts=figures[biggest].value,
                    partial=True,
                )
            )
            continue
        if not approx and _slightly_over(text, figures, total, parts, s):
            out.append(
                _adds_up(
                    figures,
                    total,
                    parts,
                    f"“其中”所列{'+'.join(_fmt(figures[j].value) for j in parts)}={_fmt(s)}，"
                    f"超过总数{_fmt(t.value)}（多{_fmt(s - t.value)}）；所列是同一句中按类别的分项，"
                    "不是可能相互交叉的人群，分项之和不应超过总数。",
                    consistent=False,
                )
            )
            continue
        if not approx and _closed_by_the_rest(text, figures, total, parts):
            # 包括：人事信息12条，政务动态1740条，…，其他类信息1827条: a list closed by
            # "the rest" sorts every item into one category; more than the whole is wrong.
            out.append(
                Relation(
                    "sum",
                    False,
                    f"所列分项以“{_clause_of(text, figures[parts[-1]])}”收尾，是按类别的全部分列，"
                    f"各分项之和{_fmt(s)}超过总数{_fmt(t.value)}。",
                    total=total,
                    parts=parts,
                    stated_total=t.value,
                    sum_of_parts=s,
                    confidence="较确定",
                )
            )
            continue
        out.append(
            _unchecked_sum(
                total,
                parts,
                t.value,
                s,
                f"“其中”所列分项之和{_fmt(s)}超过总数{_fmt(t.value)}，但各项可能相互交叉或分属不同总数，未作判断。",
            )
        )
    out += _fenbie_lists(text, figures, used_parts)
    for i, t in enumerate(figures):
        codes = lx.PARTITIONS.get(t.indicator)
        if not codes or i in used_totals or i in used_parts:
            continue
        parts = []
        for j in range(i + 1, len(figures)):
            g = figures[j]
            if g.sentence == t.sentence and (g.is_rate or g.indicator in lx.IMPLIED_SUMS):
                continue  # 纠错5件，纠错率…: a sum of outcomes or a rate between them
            if g.sentence != t.sentence or g.indicator not in codes or j in used_parts:
                break
            parts.append(j)
        if len(parts) < 2:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        approx = t.approx or any(figures[j].approx for j in parts)
        ok = s == t.value or approx
        nxt = parts[-1] + 1
        if s > t.value and not approx and t.indicator in lx.OUTCOMES_MAY_EXCEED:
            # Outcomes this year include cases carried over from the last: more decided
            # than accepted proves nothing.
            out.append(
                _unchecked_sum(
                    i,
                    parts,
                    t.value,
                    s,
                    f"所列各项结果之和{_fmt(s)}多于{lx.label(t.indicator)}{_fmt(t.value)}，"
                    "可能含上年结转的案件，未作判断。",
                )
            )
            used_totals.add(i)
            used_parts.update(parts)
            continue
        if s != t.value and not approx and any(figures[j].indicator in lx.OPTIONAL_PARTS for j in parts):
            out.append(
                _unchecked_sum(
                    i,
                    parts,
                    t.value,
                    s,
                    f"所列各项结果之和为{_fmt(s)}，与总数{_fmt(t.value)}不等，但其中的不予受理可能不计入总数，未作判断。",
                )
            )
            used_totals.add(i)
            used_parts.update(parts)
            continue
        if s < t.value and nxt < len(figures) and figures[nxt].sentence == t.sentence:
            # The list of outcomes goes on with other figures (纠错5件…): it need not
            # be every outcome, so a shortfall proves nothing.
            out.append(
                _unchecked_sum(
                    i,
                    parts,
                    t.value,
                    s,
                    f"所列各项结果之和为{_fmt(s)}，少于总数{_fmt(t.value)}，但所列结果可能不全，未作判断。",
                )
            )
            used_totals.add(i)
            used_parts.update(parts)
            continue
        note = (
            f"各项结果之和{_fmt(s)}与总数{_fmt(t.value)}相符。"
            if s == t.value
            else f"所列各项结果之和为{_fmt(s)}，与总数{_fmt(t.value)}不符（相差{_fmt(abs(t.value - s))}）。"
        )
        out.append(
            Relation(
                "sum",
                ok,
                note,
                total=i,
                parts=parts,
                stated_total=t.value,
                sum_of_parts=s,
                confidence="较确定",
            )
        )
        used_totals.add(i)
        used_parts.update(parts)
    return out


# --- Tables -------------------------------------------------------------------------

_NUMBER_CELL = re.compile(r"^[\d.,]+[%件人次个项条名起]?$")


def _table_rows(text: str) -> list[list[tuple[str, list[int]]]]:
    """Tables in the compact text: lists of rows (label, [compact offsets of its
    number cells]). A row is a line of tab-separated cells, or (a table flattened one
    cell per line) a short label line followed by lines holding one number each."""
    tables: list[list[tuple[str, list[int]]]] = []
    current: list[tuple[str, list[int]]] = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    k = 0
    while k < len(lines):
        start, line = lines[k]
        row: tuple[str, list[int]] | None = None
        if "\t" in line:
            cells, offs, p = line.split("\t"), [], start
            for c in cells:
                offs.append((p, c))
                p += len(c) + 1
            label = next((c for _p, c in offs if c and not _NUMBER_CELL.match(c)), "")
            row = (label, [p for p, c in offs if _NUMBER_CELL.match(c)])
            k += 1
        elif line and len(line) <= 24 and not _NUMBER_CELL.match(line) and line[-1] not in "。；;":
            nums = []
            m = k + 1
            while m < len(lines) and _NUMBER_CELL.match(lines[m][1]):
                nums.append(lines[m][0])
                m += 1
            if nums:
                row = (line, nums)
                k = m
            else:
                k += 1
        else:
            k += 1
        if row is None:
            if current:
                tables.append(current)
            current = []
        else:
            current.append(row)
    if current:
        tables.append(current)
    return [t for t in tables if len(t) >= 2]


_TOTAL_CELL = re.compile(r"^(总计|合计|小计|总数)([（(][^（()）]{1,4}[）)])?$")


HEADER_REACH = 40  # lines above a row its table's header may stand (a disclosure table's 25 rows)


def _total_column(text: str, line_start: int) -> tuple[int, int] | None:
    """(index of the one 合计 column, number of columns) of the header above this row:
    the nearest all-words line, with one 总计/合计（宗） cell."""
    end = line_start - 1
    below_is_data = True  # the row itself
    for _ in range(HEADER_REACH):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        cells = [c for c in text[start:end].split("\t") if c]
        if len(cells) < 2:
            # 三、本年度办理结果 on a line of its own between two rows of numbers labels the
            # rows below it inside the same table; any other line of words (a caption over
            # the next table's header) ends the table.
            above_end = start - 1
            above = text[text.rfind("\n", 0, max(above_end, 0)) + 1 : max(above_end, 0)]
            if below_is_data and above_end > 0 and any(_NUMBER_CELL.match(c) for c in above.split("\t")[1:] if c):
                end = start - 1
                below_is_data = False
                continue
            return None
        below_is_data = any(_NUMBER_CELL.match(c) for c in cells)
        if not below_is_data:
            totals = [k for k, c in enumerate(cells) if _TOTAL_CELL.match(c)]
            if totals:
                return (totals[0], len(cells)) if len(totals) == 1 else None
        end = start - 1
    return None


def _group_totals(text: str, figures: list[Figure], idx: list[int]) -> list[Relation]:
    """A row under a header with several 总计 columns, each closing its group (行政复议
    结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计, then the same for 未经复议直接起诉
    and 复议后起诉): each 总计 cell against the cells of its group. Reported when it
    adds up; otherwise left unjudged (a header read wrongly proves nothing)."""
    names = [_column_header(text, figures[i].cstart) or _aligned_header(text, figures[i].cstart) for i in idx]
    totals = [k for k, n in enumerate(names) if _TOTAL_NAME.search(n)]
    if len(totals) < 2:
        return []
    line_start = text.rfind("\n", 0, figures[idx[0]].cstart) + 1
    cols = [text.count("\t", line_start, figures[i].cstart) for i in idx]
    out: list[Relation] = []
    begin = 0
    for k in totals:
        parts = [idx[j] for j in range(begin, k)]
        contiguous = all(cols[j + 1] == cols[j] + 1 for j in range(begin, k))
        begin = k + 1
        if len(parts) < 2 or not contiguous or any(figures[j].is_rate for j in parts + [idx[k]]):
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        t = figures[idx[k]].value
        ok = s == t
        out.append(
            Relation(
                "sum",
                ok,
                f"本组各列之和{_fmt(s)}与“总计”{_fmt(t)}{'相符' if ok else '不符，表头可能未对齐，未作判断'}。",
                total=idx[k],
                parts=parts,
                stated_total=t,
                sum_of_parts=s,
                confidence="确定" if ok else "无法核对",
                checked=ok,
            )
        )
    return out


_TOTAL_NAME = re.compile(r"(总计|合计|小计)([（(][^（()）]{1,4}[）)])?$")


def _row_sums(text: str, figures: list[Figure]) -> list[Relation]:
    """A table row under a header with one 总计 column: the number in it is the sum of
    the numbers before it (58 | 7 | 0 | 0 | 1 | 0 | 66; 12175 | … | 12 | 108156 | 1753.79
    under 警告 | … | 其他行政处罚 | 合计（宗） | 罚没金额（万元））."""
    out: list[Relation] = []
    by_line: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        if f.is_rate or text[f.cstart - 1 : f.cstart] not in CELL_END:
            continue
        by_line.setdefault(text.rfind("\n", 0, f.cstart) + 1, []).append(i)
    for line_start, idx in by_line.items():
        line_end = text.find("\n", line_start)
        cells = [c for c in text[line_start : line_end if line_end >= 0 else len(text)].split("\t") if c]
        labelled = "\t" in text[line_start : figures[idx[0]].cstart]
        numbers_only = all(_NUMBER_CELL.match(c) for c in cells)
        if len(idx) < 3 or not (labelled or numbers_only):
            continue
        col = _total_column(text, line_start)
        if col is None:
            out += _group_totals(text, figures, idx)
            continue
        last = col[0] == col[1] - 1
        if last:
            # A header ending in 总计 (its merged cells not spread out): the row's last
            # number is the sum of the others.
            total, parts = idx[-1], idx[:-1]
        else:
            if col[1] != len(cells):
                continue
            # Columns counted as the header's are, without empty cells.
            at_col = {
                sum(1 for c in text[line_start : figures[i].cstart].split("\t")[:-1] if c): i for i in idx
            }
            if col[0] not in at_col:
                continue
            total = at_col[col[0]]
            parts = [at_col[k] for k in sorted(at_col) if k < col[0]]
        if len(parts) < 2 or (not last and any(figures[j].group != figures[total].group for j in parts)):
            continue  # (a 合计 column inside the row: only over columns of its own kind)
        s = sum((figures[j].value for j in parts), Decimal(0))
        t = figures[total].value
        ok = s == t
        out.append(
            Relation(
                "sum",
                ok,
                f"本行各列之和{_fmt(s)}与“总计”{_fmt(t)}{'相符' if ok else '不符'}。",
                total=total,
                parts=parts,
                stated_total=t,
                sum_of_parts=s,
                # A 合计 column inside the row (amounts after it) proves nothing when it
                # does not add up: its columns may overlap.
                checked=ok or (last and len(idx) <= 8),
            )
        )
    return out


def _table_relations(text: str, figures: list[Figure]) -> list[Relation]:
    """In a table, a row's share (74.7%) is its count over the 合计 row's count: the
    table states the relation, so the verdict is sure either way."""
    at = {f.cstart: i for i, f in enumerate(figures)}
    out: list[Relation] = []
    for table in _table_rows(text):
        total_rows = [r for r in table if lx.TOTAL_ROW.match(r[0])]
        if len(total_rows) != 1:
            continue

        def split(row: tuple[str, list[int]]) -> tuple[list[int], list[int]]:
            idx = [at[p] for p in row[1] if p in at]
            return (
                [i for i in idx if not figures[i].is_rate],
                [i for i in idx if figures[i].is_rate],
            )

        t_counts, t_rates = split(total_rows[0])
        if not t_rates or any(figures[r].value != HUNDRED for r in t_rates):
            continue  # a share column sums to 100% in its total row; else it may be 同比
        for row in table:
            if row is total_rows[0] or _PART_ROW.match(row[0]):
                continue  # (a 其中 row's share may be of the row above it)
            counts, rates = split(row)
            if (
                not counts
                or len(counts) != len(t_counts)
                or len(rates) != len(counts)
                or len(t_rates) != len(rates)
            ):
                continue
            for c, r, t in zip(counts, rates, t_counts, strict=True):
                if figures[t].value <= 0:
                    continue
                out.append(_checked_rate(figures, r, c, t, "确定"))
    return out


_SHARE_HEADER = re.compile(r"^(占比|比例|比重|百分比|占[^\t]{0,12}(比例|比重|百分比|%|％)|构成比)([（(]%[）)])?$")


def _header_cells(text: str, line_start: int) -> list[str]:
    """The cells of the nearest line of words only above a table row (its header)."""
    end = line_start - 1
    for _ in range(400):
        if end <= 0:
            return []
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if "\t" not in line:
            return []
        cells = line.split("\t")
        if not any(_NUMBER_CELL.match(c) or c.startswith("-") for c in cells if c):
            return cells
        end = start - 1
    return []


def _fitting(figures: list[Figure], pairs: list[tuple[int, int]], denominator: int) -> int:
    """How many (share, count) pairs fit count ÷ denominator."""
    d = figures[denominator]
    return sum(
        1
        for r, n in pairs
        if rate_fits(figures[n].value, d.value, figures[r].value, figures[r].approx, figures[r].bound)[1]
    )


_PART_ROW = re.compile(r"^[（(]?(其中|含|包括)")


def _share_columns(text: str, figures: list[Figure], done: set[int]) -> list[Relation]:
    """A column headed 占比 (or 比例, 占…比例) whose 合计 row reads 100%: each row's
    share is its count in a named count column over the 合计 row's count there — the
    column just before the shares, or another count column when every row fits that
    one instead (单位 | 2019受理量 | 2020受理量 | 占比 | 同比 | …). A row that does
    not fit is 不符 only when at least three quarters of the rows fit the column (the
    table proves what its shares are of); otherwise nothing is judged."""
    at = {f.cstart: i for i, f in enumerate(figures)}
    out: list[Relation] = []
    for table in _table_rows(text):
        total_rows = [r for r in table if lx.TOTAL_ROW.match(r[0])]
        if len(total_rows) != 1 or not total_rows[0][1]:
            continue

        def columns(row: tuple[str, list[int]]) -> dict[int, int]:
            line_start = text.rfind("\n", 0, row[1][0]) + 1 if row[1] else 0
            return {text.count("\t", line_start, p): at[p] for p in row[1] if p in at}

        first = next((r for r in table if r[1]), None)
        if first is None:
            continue
        header = _header_cells(text, text.rfind("\n", 0, first[1][0]) + 1)
        total = columns(total_rows[0])
        # A 其中 row's share may be of the row above it, not of the 合计: not judged.
        rows = [columns(r) for r in table if r is not total_rows[0] and r[1] and not _PART_ROW.match(r[0])]
        for c, name in enumerate(header):
            if not _SHARE_HEADER.match(name) or c not in total or figures[total[c]].value != HUNDRED:
                continue
            if not figures[total[c]].is_rate:
                continue
            # Count columns to the left, the nearest first, each with a named header.
            candidates = [
                k
                for k in range(c - 1, 0, -1)
                if k < len(header)
                and header[k]
                and k in total
                and not figures[total[k]].is_rate
                and figures[total[k]].value > 0
            ]
            pairs_by_col = {
                k: [(row[c], row[k]) for row in rows if c in row and k in row and figures[row[c]].is_rate]
                for k in candidates
            }
            pairs_by_col = {k: v for k, v in pairs_by_col.items() if len(v) >= 2 and not any(r in done for r, _n in v)}
            if not pairs_by_col:
                continue

            fit = {k: _fitting(figures, v, total[k]) for k, v in pairs_by_col.items()}
            every = [k for k in pairs_by_col if fit[k] == len(pairs_by_col[k])]
            if every:
                k = every[0]
            else:
                k = next(iter(pairs_by_col))
                if len(pairs_by_col[k]) < 3 or fit[k] * 4 < len(pairs_by_col[k]) * 3:
                    continue
            for r, n in pairs_by_col[k]:
                out.append(_checked_rate(figures, r, n, total[k], "确定"))
    return out


def _row_columns(text: str, row: tuple[str, list[int]], at: dict[int, int]) -> dict[int, int]:
    """{column: figure index} of a row's number cells (-1 for a cell read as no figure)."""
    if not row[1]:
        return {}
    line_start = text.rfind("\n", 0, row[1][0]) + 1
    return {text.count("\t", line_start, p): at.get(p, -1) for p in row[1]}


def _side_by_side(text: str, rows: list[tuple[str, list[int]]]) -> bool:
    """Whether the rows hold two or more records each (甲区 | 12 | 9 | 乙区 | 7 | 5):
    a row with a cell of words after a number cell. A row's own number in its first
    cell (1 | 作出维持决定 | 3509 | 74.7%) is no record before the label."""
    for row in rows:
        if not row[1]:
            continue
        line_start = text.rfind("\n", 0, row[1][0]) + 1
        line_end = text.find("\n", line_start)
        cells = text[line_start : line_end if line_end >= 0 else len(text)].split("\t")
        if len(cells) > 2 and cells[0].isdigit() and not _NUMBER_CELL.match(cells[1]):
            cells = cells[1:]
        seen_number = False
        for c in cells:
            if _NUMBER_CELL.match(c):
                seen_number = True
            elif c and seen_number and not c.startswith(("-", "—")):
                return True
    return False


def _column_sums(text: str, figures: list[Figure]) -> list[Relation]:
    """A table's 合计 row under rows of counts (or under one row, which it repeats): each
    of its counts against the column above it (found by position, so a row with an
    empty or extra cell elsewhere does not matter). In a table whose rows hold two records side by side under a header
    repeated for each (| 收案数 | 受理数 |  | 收案数 | 受理数), a column's parts are the
    cells under every copy of its header. Rows may be parts of others (其中 rows), so
    only a column that adds up is reported; one that does not is left unjudged."""
    at = {f.cstart: i for i, f in enumerate(figures)}
    out: list[Relation] = []
    for table in _table_rows(text):
        totals = [k for k, r in enumerate(table) if lx.TOTAL_ROW.match(r[0])]
        if len(totals) != 1 or totals[0] < 2:
            continue
        first = max((k + 1 for k, r in enumerate(table[: totals[0]]) if not r[1]), default=0)
        body = [r for r in table[first : totals[0]] if r[1]]
        paired = _side_by_side(text, body)
        if not body or (len(body) == 1 and _PART_ROW.match(body[0][0])):
            continue
        # (One row of two records side by side is two rows; a 合计 under a single row —
        # one unit's own 行政执法统计年报 — repeats it, column by column.)
        total_cols = _row_columns(text, table[totals[0]], at)
        if paired and len(total_cols) == 1:
            continue  # one 总计 under a table of pairs: `_whole_table_sums`
        header = _header_cells(text, text.rfind("\n", 0, body[0][1][0]) + 1) if paired else []
        rows = [_row_columns(text, r, at) for r in body]
        for k, t in sorted(total_cols.items()):
            if t < 0 or figures[t].is_rate:
                continue
            cols = [k]
            if paired:
                if k >= len(header) or not header[k]:
                    continue
                cols = [j for j, h in enumerate(header) if h == header[k]]
                if len(cols) < 2:
                    continue
            parts: list[int] = []
            for rc in rows:
                got = [rc[j] for j in cols if j in rc]
                if not got and not paired:
                    break
                parts += got
            else:
                if len(parts) < min(2, len(rows)) or any(j < 0 or figures[j].is_rate for j in parts):
                    continue
                if len(parts) < len(rows) and not paired:
                    continue
                out.append(_table_sum(figures, t, parts, "本列各行", "合计"))
    return out


def _table_sum(figures: list[Figure], t: int, parts: list[int], cells: str, total: str) -> Relation:
    """A table's total row against the cells above it: 相符 when they add up, otherwise
    left unjudged (a row may be a part of another)."""
    s = sum((figures[j].value for j in parts), Decimal(0))
    ok = s == figures[t].value
    return Relation(
        "sum",
        ok,
        f"{cells}之和{_fmt(s)}与“{total}”{_fmt(figures[t].value)}{'相符' if ok else '不符'}。"
        + ("" if ok else "表中各行可能互有包含，未作判断。"),
        total=t,
        parts=parts,
        stated_total=figures[t].value,
        sum_of_parts=s,
        confidence="确定" if ok else "无法核对",
        checked=ok,
    )


def _whole_table_sums(text: str, figures: list[Figure]) -> list[Relation]:
    """A 总计 row with a single count under rows of several columns that all count
    the same thing (a table of places laid out as 省份 | 数量 pairs side by side): the
    total of every cell above. Reported when it adds up; otherwise left unjudged (a
    row may be a part of another)."""
    at = {f.cstart: i for i, f in enumerate(figures)}
    out: list[Relation] = []
    for table in _table_rows(text):
        totals = [k for k, r in enumerate(table) if lx.TOTAL_ROW.match(r[0])]
        if len(totals) != 1 or len(table[totals[0]][1]) != 1 or table[totals[0]][1][0] not in at:
            continue
        t = at[table[totals[0]][1][0]]
        above = [r for r in table[: totals[0]] if r[1]]
        cells = [p for r in above for p in r[1]]
        if (
            len(above) < 2
            or max(len(r[1]) for r in above) < 2
            or any(p not in at for p in cells)
            or figures[t].is_rate
        ):
            continue
        parts = [at[p] for p in cells]
        if any(figures[j].indicator != figures[t].indicator or figures[j].is_rate for j in parts):
            continue
        out.append(_table_sum(figures, t, parts, "表中各格", "总计"))
    return out


def _implied(figures: list[Figure]) -> list[Relation]:
    out = []
    present = {f.indicator for f in figures}
    for code, part_codes in lx.IMPLIED_SUMS.items():
        if code in present:
            continue
        parts = [
            j for j, f in enumerate(figures) if f.indicator in part_codes and f.part_of is None
        ]
        if not parts:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        out.append(
            Relation(
                "implied",
                True,
                f"{lx.label(code)}文中未直接给出，由"
                + "、".join(lx.label(figures[j].indicator) for j in parts)
                + f"推算为{_fmt(s)}。",
                parts=parts,
                sum_of_parts=s,
                indicator=code,
            )
        )
    return out


# --- Year-on-year changes ------------------------------------------------------------

# 同比增长17.1%, 较上年下降4.35%: a change on last year (not 提高到98%, a value).
_CHANGE = re.compile(
    r"(同比|较上年|比上年|较去年|比去年|较上一年|比上一年|较20\d\d年|比20\d\d年)(同期)?"
    r"(?P<dir>增长|提高|上升|增加|提升|下降|减少|降低|下滑|回落)了?(约|近)?$"
)
_DOWN = ("下降", "减少", "降低", "下滑", "回落")
# 由上年的60件, 上年同期为60件, 2022年（60件）: a count named as last year's.
_PREVIOUS_BEFORE = re.compile(r"(上年|去年|上一年)(同期)?(的|为|是)?[（(]?$")
_YEAR_IN = re.compile(r"(20\d\d)年")


# 共计114.9万元, 合计审理案件1369件, ，共48件: a total after its parts, the marker
# opening its clause (after 合计/共计/总计 a noun of up to eight characters may stand
# before the number; a bare 共 stands right before it: 共办结30件 names another step).
_TRAILING_TOTAL = re.compile(
    r"(共计|合计|总计)(为|达)?$|(^|[，,；;、])((共计|合计|总计)[\u4e00-\u9fff]{0,8}|(共|总共)(为|达|有)?)$"
)


def _trailing_totals(text: str, figures: list[Figure], used: set[tuple[int | None, tuple[int, ...]]]) -> list[Relation]:
    """办案补贴96.74万元；值班补贴18.16万元，共计114.9万元: a total stated after its
    parts, the counts in its unit since the sentence began (across ；). Only a total
    the parts make up is reported: the list may hold figures of another total."""
    out = []
    for i, t in enumerate(figures):
        if t.is_rate or not _TRAILING_TOTAL.search(t.sentence_text):
            continue
        start = max(text.rfind("。", 0, t.cstart), text.rfind("\n", 0, t.cstart)) + 1
        inside = [j for j in range(i) if figures[j].cstart >= start]
        # A count broken down before the total (受理100件（其中A60件）) counts once.
        parts = [
            j
            for j in inside
            if figures[j].unit == t.unit
            and not figures[j].is_rate
            and figures[j].part_of not in inside
        ]
        if (i, tuple(parts)) in used:
            continue
        if len(parts) < 2 or any(figures[j].approx for j in parts) or t.approx:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        if s == t.value:
            out.append(
                Relation(
                    "sum",
                    True,
                    f"{'+'.join(_fmt(figures[j].value) for j in parts)}={_fmt(s)}，与“{t.quote}”相符。",
                    total=i,
                    parts=parts,
                    stated_total=t.value,
                    sum_of_parts=s,
                    confidence="较确定",
                )
            )
    return out


def _change_fits(cur: Decimal, prev: Decimal, stated: Decimal, down: bool) -> tuple[Decimal, bool, str]:
    """(computed change in %, consistent, how it was rounded) for a stated change."""
    exact = (cur - prev) / prev * HUNDRED
    computed = exact.quantize(Decimal("0.01"), ROUND_HALF_UP)
    if (exact < 0) != down and exact != 0:
        return computed, False, "方向不符"
    places = Decimal(1).scaleb(-_decimals(stated))
    if abs(exact).quantize(places, ROUND_HALF_UP) == stated:
        return computed, True, "四舍五入"
    if abs(exact).quantize(places, ROUND_DOWN) == stated:
        return computed, True, "截断"
    return computed, False, "四舍五入"


def _previous_year_count(figures: list[Figure], cur: int) -> tuple[int | None, str]:
    """Last year's count for figures[cur], and how sure (确定 when its own sentence
    names it as last year's, 较确定 when another sentence does by its year)."""
    c = figures[cur]
    same = [
        j
        for j in range(cur - 1, -1, -1)
        if figures[j].sentence == c.sentence
        and not figures[j].is_rate
        and figures[j].unit == c.unit
        and _PREVIOUS_BEFORE.search(figures[j].sentence_text)
    ]
    if same:
        return same[0], "确定"
    years = _YEAR_IN.findall(c.sentence_text)
    noun = re.sub(r"[^\u4e00-\u9fff]", "", c.sentence_text)[-2:]
    if not years or len(noun) < 2:
        return None, ""
    last = str(int(years[-1]) - 1)
    candidates = [
        j
        for j, g in enumerate(figures)
        if j != cur
        and g.sentence != c.sentence
        and not g.is_rate
        and g.unit == c.unit
        and last in _YEAR_IN.findall(g.sentence_text)
        and noun in g.sentence_text[-24:]
        and (c.is_other or g.indicator == c.indicator)
    ]
    if len({figures[j].value for j in candidates}) == 1:
        return candidates[0], "较确定"
    return None, ""


# 较上年的100件增长20%: the change word right after last year's count.
_CHANGE_AFTER_COUNT = re.compile(r"(?P<dir>增长|提高|上升|增加|提升|下降|减少|降低|下滑|回落)了?(约|近)?$")


def _difference(g: Figure) -> bool:
    """A count stated as a difference (增加约438件, 多受理20件, 减少5件)."""
    clause = re.split(r"[，,；;：:。]", g.sentence_text)[-1]
    return bool(re.search(r"(增加|减少|增长|下降|上升|提高|降低|多|少)了?([\u4e00-\u9fff]{1,2})?(约|近)?$", clause))


def _last_years(g: Figure) -> bool:
    """A count named as last year's (去年同期为100件, 比上年的100件, 较2022年的100件, 上年
    受理100件), not a difference (比上年多受理20件, 较上年增加20件)."""
    return not g.is_rate and compared_in_words(g) and not _difference(g)


# 上年同期审结94件: the words naming last year's count after its year.
_LAST_YEAR_WORDS = re.compile(
    r"(上年|去年|上一年度?|(?:19|20)\d\d年)(同期|度)?的?(?P<words>[\u4e00-\u9fff]*?)(为|是|有|达|共)?(约|近)?$"
)


def _names_another_measure(last: Figure, this: Figure) -> bool:
    """Last year's count names what it counts, and this year's clause does not name it
    (办理法律援助案件321件，同比增长…，上年同期审结94件): they are two measures."""
    m = _LAST_YEAR_WORDS.search(re.split(r"[，,；;：:。（(]", last.sentence_text)[-1])
    if m is None:
        return False
    words = re.sub(r"^(共计|共|全年|累计|全县|全市|全区)", "", m.group("words"))
    return len(words) >= 2 and words[:2] not in re.split(r"[，,；;。]", this.sentence_text)[-1]


def _stated_pair(figures: list[Figure], i: int, cur: int, after_count: bool) -> tuple[int, int] | None:
    """(this year's count, last year's) when both stand in the change's sentence, in one
    measure: last year's named as such (去年同期为, 上年为, 比上年的, 较2022年的) right
    before the change or right after it (同比增长20%，上年为1000件), this year's the
    nearest other count before."""
    f = figures[i]
    if after_count:
        # The words between the count and the change are only the change word.
        if f.cstart - figures[cur].cend > 5 or not _last_years(figures[cur]):
            return None
        prev = cur
    elif _last_years(figures[cur]):
        prev = cur
    else:
        nxt = i + 1
        if (
            nxt < len(figures)
            and figures[nxt].sentence == f.sentence
            and not figures[nxt].is_rate
            # 同比增长40%（2022年40件）: a bare year in a parenthesis right after the change
            and (_last_years(figures[nxt]) or re.search(r"%[（(](19|20)\d\d年(同期)?(为|是)?$", figures[nxt].sentence_text))
            and _same_measure(figures[nxt], figures[cur])
            and not _names_another_measure(figures[nxt], figures[cur])
            and not _comparison(figures[cur])
        ):
            return cur, nxt
        return None
    this = next(
        (
            j
            for j in range(prev - 1, -1, -1)
            if figures[j].sentence == f.sentence
            and not figures[j].is_rate
            and not _comparison(figures[j])
        ),
        None,
    )
    if this is None or not _same_measure(figures[this], figures[prev]) or figures[this].approx:
        return None
    return this, prev


def _change_span(cur: Figure, prev: Figure) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest change (in %) the counts behind two counts can give when
    either is written rounded to 万/亿, or None when neither is."""
    cr, pr = count_resolution(cur) / 2, count_resolution(prev) / 2
    if not (cr or pr) or prev.value - pr <= 0:
        return None
    lo = ((cur.value - cr) / (prev.value + pr) - 1) * HUNDRED
    hi = ((cur.value + cr) / (prev.value - pr) - 1) * HUNDRED
    return lo, hi


def _change_relations(figures: list[Figure]) -> list[Relation]:
    """同比 changes whose two counts both stand in the text. Read from one sentence
    (由上年的60件增至75件，增长25%) a change is judged; paired across sentences by
    their years it is reported when it fits and otherwise left unjudged."""
    out: list[Relation] = []
    for i, f in enumerate(figures):
        m = (_CHANGE.search(f.sentence_text) or _CHANGE_AFTER_COUNT.search(f.sentence_text)) if f.is_rate else None
        if m is None or f.bound:
            continue
        cur = next(
            (
                j
                for j in range(i - 1, -1, -1)
                if figures[j].sentence == f.sentence
                and not figures[j].is_rate
                # 比2017年的824件增加约438件，同比增长约53.16%: the difference is not a year's count
                and not _difference(figures[j])
            ),
            None,
        )
        if cur is None or figures[cur].approx:
            continue
        pair = _stated_pair(figures, i, cur, m.re is _CHANGE_AFTER_COUNT)
        prev: int | None
        if pair is not None:
            # 今年受理120件，去年同期为100件，同比增长20% / 较上年的100件增长20% / 1200件，
            # 同比增长20%，上年为1000件: both years' counts stand in the change's sentence.
            cur, prev, confidence = *pair, "确定"
        elif m.re is _CHANGE_AFTER_COUNT or _PREVIOUS_BEFORE.search(figures[cur].sentence_text):
            continue  # the count right before is last year's: this year's is not stated
        else:
            prev, confidence = _previous_year_count(figures, cur)
        if prev is None or figures[prev].value <= 0 or figures[prev].approx:
            continue
        c, p = figures[cur].value, figures[prev].value
        down = m.group("dir") in _DOWN
        computed, ok, how = _change_fits(c, p, f.value, down)
        word = "下降" if down else "增长"
        head = f"（{_fmt(c)}−{_fmt(p)}）÷{_fmt(p)}={_fmt(computed)}%"
        places = _decimals(f.value)
        rounded = abs((c - p) / p * HUNDRED).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        if how == "方向不符":
            note = f"{head}，与所报“{word}{_fmt(f.value)}%”方向相反。"
        elif how == "截断":
            note = f"{head}，按所报的{places}位小数截断为{_fmt(f.value)}%，相符（四舍五入应为{_fmt(rounded)}%）。"
        else:
            note = f"{head}，四舍五入为{word}{_fmt(rounded)}%，与所报{word}{_fmt(f.value)}%{'相符' if ok else '不符'}。"
        whole, part_or_total = figures[cur].part_of, False
        if not ok and whole is not None and figures[whole].sentence == f.sentence and whole != prev:
            # 办理3万件，其中民事2万件、刑事1万件，同比增长20%，上年为2.5万件: the count
            # right before the change is a part; the change may be the total's.
            c2, ok2, how2 = _change_fits(figures[whole].value, p, f.value, down)
            if ok2:
                cur, c, computed, ok, how = whole, figures[whole].value, c2, ok2, how2
                head = f"（{_fmt(c)}−{_fmt(p)}）÷{_fmt(p)}={_fmt(computed)}%"
                rounded = abs((c - p) / p * HUNDRED).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                note = f"{head}，四舍五入为{word}{_fmt(rounded)}%，与所报{word}{_fmt(f.value)}%相符（按总数计算）。"
            else:
                part_or_total = True
        span = None if ok else _change_span(figures[cur], figures[prev])
        unit = Decimal(1).scaleb(-places)
        signed = -f.value if down else f.value
        if span is not None and signed + unit >= span[0] and signed - unit <= span[1]:
            # 接待咨询1.25万人次，较上年的10000人次增长24.8%: the change was computed from
            # the exact counts, which the report rounded to 万; within that it fits.
            ok = True
            q = Decimal("0.01")
            note += (
                f"但计数以万或亿为单位、已经舍入，按其舍入范围变化可为{_fmt(span[0].quantize(q, ROUND_HALF_UP))}%"
                f"至{_fmt(span[1].quantize(q, ROUND_HALF_UP))}%，所报变化在此范围内，相符。"
            )
        rel = Relation(
            "change", ok, note, stated=f.value, computed=computed, confidence=confidence,
            rate=i, numerator=cur, denominator=prev,
        )
        if not ok and part_or_total:
            rel.checked = False
            rel.note += "变化前的数是“其中”所列的分项，该变化也可能指其总数，未作判断。"
        elif not ok and confidence != "确定":
            rel.checked = False
            rel.note += "上年数取自另一句，对应关系不够确定，未作判断。"
        elif not ok and f.approx and how != "方向不符":
            rel.checked = False
            rel.note += "所报为约数，未判为不符。"
        out.append(rel)
    return out


_CHANGE_RATE = re.compile(r"(同比|环比)(?P<dir>增长|提高|上升|增加|提升|下降|减少|降低)了?$")


def _difference_rates(figures: list[Figure]) -> list[Relation]:
    """排查矛盾纠纷8451件，比去年同期增加281件，同比上升3.44%: the change is the
    difference over the earlier count, which is the count before it less the difference
    (8170); reported as a rate of the difference over that implied base when it fits,
    and left unjudged otherwise (the base is not stated)."""
    out: list[Relation] = []
    for i, f in enumerate(figures):
        m = _CHANGE_RATE.search(re.split(r"[，,；;]", f.sentence_text)[-1]) if f.is_rate else None
        if m is None or f.bound or i < 1:
            continue
        d = i - 1
        diff = figures[d]
        if diff.is_rate or diff.sentence != f.sentence or not _difference(diff) or diff.value <= 0:
            continue
        cur = figures[d - 1] if d >= 1 else None
        if cur is None or cur.is_rate or cur.sentence != f.sentence or _difference(cur) or not _same_measure(diff, cur):
            # 受理的纠纷总数比去年同期增加281件，同比上升3.44%: no count of this year; the
            # base the change implies is given (never a verdict).
            fit = _implied_fit(
                f, i, d, diff.value, f"文中未给出上期数；按变化数{_fmt(diff.value)}÷{_fmt(f.value)}%推算上期数约为{{implied}}，"
            )
            if fit is not None:
                out.append(fit)
            continue
        down = m.group("dir") in _DOWN
        base = cur.value + diff.value if down else cur.value - diff.value
        if base <= 0:
            continue
        computed, ok = rate_fits(diff.value, base, f.value, f.approx, f.bound)
        note = f"变化数{_fmt(diff.value)}÷上期数（{_fmt(cur.value)}{'+' if down else '−'}{_fmt(diff.value)}={_fmt(base)}）={_fmt(computed)}%"
        rel = Relation(
            "rate",
            True,
            note + ("，与所报相符。" if ok else "，与所报不一致；上期数未写明，未作判断。"),
            rate=i,
            numerator=d,
            implied_denominator=int(base) if base == base.to_integral_value() else None,
            stated=f.value,
            computed=computed,
            confidence="较确定",
            checked=ok,
        )
        out.append(rel)
    return out


def share_part_codes(figures: list[Figure], relations: list[Relation]) -> None:
    """行政处罚2100，占收到申请总数的33.9%: a count that names no measure of its own and
    is a share of a total with a catalogue code is a part of that total and takes its
    code (the gold convention for the parts of a total)."""
    for r in relations:
        if r.kind != "rate" or not r.checked or not r.consistent or r.numerator is None or r.denominator is None:
            continue
        if r.rate is None or figures[r.rate].share_of is None:
            continue
        n, d = figures[r.numerator], figures[r.denominator]
        if n.indicator.startswith("other:") and not n.measure and not d.indicator.startswith("other:"):
            n.indicator = d.indicator


# How far a rate judged over a base found by reading (较确定) may miss it and still be
# called wrong: a report's own slips are rounding and typing errors; a miss larger
# than this says the base found is not the one the report meant.
FAR_OFF_RELATIVE = Decimal("0.25")
FAR_OFF_POINTS = Decimal(2)


def _far_off(rel: Relation) -> Relation:
    """A 不符 over a base found by reading (较确定) whose computed rate misses the stated
    one by more than FAR_OFF_RELATIVE of it and FAR_OFF_POINTS points (3÷31 = 9.68%
    for a stated 33.32%, which is 3÷9) is no verdict: the base is the doubt."""
    if rel.kind != "rate" or rel.consistent or not rel.checked or rel.confidence == "确定":
        return rel
    if [j for j in rel.fits if j not in rel.fits_as_numerator]:
        # 占全部案件受理量的42.53% that is 37÷87 收到, not ÷28 受理: the rate is another
        # count's, and the words name the base it does not fit; that is the error.
        return rel
    if rel.computed is None or rel.stated is None:
        return rel
    gap = abs(rel.computed - rel.stated)
    if gap > FAR_OFF_POINTS and gap > FAR_OFF_RELATIVE * max(rel.stated, rel.computed):
        return _unchecked(
            rel.rate if rel.rate is not None else 0,
            rel.numerator,
            rel.stated,
            rel.note.removesuffix("。") + "；相差过大，所找的分母可能不是报告所指，未判为不符。",
        )
    return rel


def _restated_rates(figures: list[Figure], rates: list[Relation]) -> list[Relation]:
    """A catalogue rate with no counts of its own that says the same as another rate of
    its code whose counts fit (方城 行政机关负责人应诉率100% in a headline, then 出庭应诉
    84件，出庭应诉率为100%) is the same figure restated: it is over the same counts."""
    # The first checked, fitting rate of each code and value, with its counts.
    sources: dict[tuple[str, Decimal], tuple[int, int, int]] = {}
    for r in rates:
        if r.kind != "rate" or not (r.checked and r.consistent):
            continue
        if r.rate is None or r.numerator is None or r.denominator is None:
            continue
        g = figures[r.rate]
        if not (g.approx or g.bound):
            sources.setdefault((g.indicator, g.value), (r.rate, r.numerator, r.denominator))
    related = {r.rate for r in rates}
    out: list[Relation] = []
    for i, f in enumerate(figures):
        if not f.is_rate or i in related or f.indicator not in lx.RATES or f.approx or f.bound:
            continue
        if _PERIOD_WORDS.search(clause_of(f)):
            continue  # 出庭应诉率在2019年10月达到100%: a month's rate, not the year's
        source = sources.get((f.indicator, f.value))
        if source is None:
            continue
        rate, numerator, denominator = source
        rel = _checked_rate(figures, i, numerator, denominator, "较确定")
        rel.note += f"（与“{figures[rate].quote}”是同一比率，按其分子分母核对。）"
        out.append(rel)
    return out


Done = set[tuple[int | None, frozenset[int]]]
STRUCTURE_SUMS: tuple[Callable[[str, list[Figure], Done], list[Relation]], ...] = (
    _done_pending_pairs,
    _intake_splits,
    _breakdown_sums,
    _closed_breakdowns,
    _parenthesised_parts,
    _exact_runs,
    _listed_next_sentence,
    _parallel_columns,
)


def find_relations(text: str, figures: list[Figure]) -> list[Relation]:
    """Every rate, sum, implied total and 同比 change the figures allow, checked or
    not (see `Relation.checked`). `text` is the compact text."""
    tables = _table_relations(text, figures)
    tables += _share_columns(text, figures, {r.rate for r in tables if r.rate is not None})
    in_tables = {r.rate for r in tables}
    rates = [_far_off(r) for r in _rate_relations(text, figures) if r.rate not in in_tables]
    rates += _restated_rates(figures, rates + tables)
    sums = _sum_relations(text, figures, rates) + [r for r in _category_share_lists(figures)[0] if r.kind == "sum"]
    trailing = _trailing_totals(text, figures, {(r.total, tuple(r.parts)) for r in sums if r.total is not None})
    sums += _share_sums(figures, rates, sums + trailing)
    # The sums read from structure, in this order: each sees the sums found before it.
    for rule in STRUCTURE_SUMS:
        sums += rule(text, figures, {(r.total, frozenset(r.parts)) for r in sums + trailing})
    return (
        tables
        + rates
        + _row_sums(text, figures)
        + _column_sums(text, figures)
        + _whole_table_sums(text, figures)
        + sums
        + trailing
        + _implied(figures)
        + _change_relations(figures)
        + _difference_rates(figures)
    )
