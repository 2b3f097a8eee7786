"""The arithmetic a report's figures allow, and whether it comes out.

- rate: a stated rate against its numerator and denominator (or, with no
  denominator in the text, the nearest whole-number total it implies). When the
  rate does not fit the denominator the text gives, the other figures nearby are
  tried and the ones it does fit are reported too.
- sum: a total and the parts listed after 其中/含 (a selection: the parts may not
  exceed the total), or an outcome breakdown (the parts must add up exactly).
- implied: a total the text never states but the catalogue defines as a sum of
  stated parts (recon_corrected = revoked + altered + …).

Rounding follows the gold files' rule: computed = numerator ÷ denominator × 100
rounded to 2 decimals, consistent when that, rounded half-up to as many decimals
as the stated rate has, equals the stated rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from . import lexicon as lx
from .extract import Figure, _num, part_lists

# How far before a rate its counts may stand (in compact characters).
RATE_REACH = 200
HUNDRED = Decimal(100)


@dataclass
class Relation:
    kind: str  # "rate", "sum" or "implied"
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
    # sum / implied
    total: int | None = None
    parts: list[int] = field(default_factory=list)
    stated_total: Decimal | None = None
    sum_of_parts: Decimal | None = None
    partial: bool = False
    indicator: str = ""  # implied: the code of the implied total

    def as_dict(self, figures: list[Figure]) -> dict:
        def q(i: int | None) -> str | None:
            return figures[i].quote if i is not None else None

        def pos(i: int | None) -> int | None:
            return figures[i].position if i is not None else None

        d: dict = {"kind": self.kind, "consistent": self.consistent, "note": self.note}
        if self.kind == "rate":
            d.update(
                indicator=figures[self.rate].indicator if self.rate is not None else "",
                rate_quote=q(self.rate),
                numerator_quote=q(self.numerator),
                denominator_quote=q(self.denominator),
                rate_position=pos(self.rate),
                numerator_position=pos(self.numerator),
                denominator_position=pos(self.denominator),
                stated=_num(self.stated) if self.stated is not None else None,
                computed=_num(self.computed) if self.computed is not None else None,
                fits_instead=[q(i) for i in self.fits],
            )
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
    exp = d.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def rate_fits(
    num: Decimal, den: Decimal, stated: Decimal, approx: bool = False
) -> tuple[Decimal, bool]:
    """(computed, consistent) for a stated rate over num ÷ den."""
    computed = (num / den * HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if approx:
        return computed, abs(computed - stated) <= 1
    places = Decimal(1).scaleb(-_decimals(stated))
    return computed, computed.quantize(places, ROUND_HALF_UP) == stated


def _fmt(d: Decimal | None) -> str:
    return "" if d is None else str(_num(d))


def _rate_relations(figures: list[Figure]) -> list[Relation]:
    out: list[Relation] = []
    for i, f in enumerate(figures):
        if not f.is_rate or f.indicator not in lx.RATES:
            continue
        num_codes, den_codes = lx.RATES[f.indicator]
        near = []
        for j in range(i - 1, -1, -1):
            g = figures[j]
            if g.paragraph != f.paragraph or f.cstart - g.cend > RATE_REACH:
                break
            if not g.is_rate:
                near.append(j)
        numerator = next((j for j in near if figures[j].indicator in num_codes), None)
        if numerator is None:
            continue  # a rate with no count: nothing to check (listed as such)
        if set(num_codes) & set(den_codes) and not any(
            j != numerator and figures[j].indicator in den_codes for j in near
        ):
            # One count for a rate whose numerator and denominator share a code
            # (建议 64 件，办结率…): it is the numerator only where the sentence says
            # they were concluded; otherwise it is the total and there is no numerator.
            g = figures[numerator]
            if not lx.CONCLUDED.search(g.sentence_text):
                continue
        num = figures[numerator].value
        dens = (
            (f.share_code,) if f.share_code and not f.share_code.startswith("other:") else den_codes
        )
        denominator = None
        for code in dens:
            denominator = next(
                (
                    j
                    for j in near
                    if j != numerator
                    and figures[j].indicator == code
                    and (code not in num_codes or j < numerator)
                ),
                None,
            )
            if denominator is not None:
                break
        if denominator is None:
            if f.value <= 0 or f.value >= HUNDRED:
                continue  # 100% of an unstated total says nothing that can be checked
            implied = int((num * HUNDRED / f.value).quantize(Decimal(1), ROUND_HALF_UP))
            if implied <= 0:
                continue
            computed, ok = rate_fits(num, Decimal(implied), f.value, f.approx)
            note = f"文中未给出分母；按{_fmt(num)}÷{_fmt(f.value)}%推算总数约为{implied}，" + (
                "与所报比率相符。"
                if ok
                else f"但{_fmt(num)}÷{implied}={_fmt(computed)}%，取最接近的整数总数也得不出所报的{_fmt(f.value)}%。"
            )
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
                )
            )
            continue
        den = figures[denominator].value
        if den <= 0:
            continue
        computed, ok = rate_fits(num, den, f.value, f.approx)
        rel = Relation(
            "rate",
            ok,
            rate=i,
            numerator=numerator,
            denominator=denominator,
            stated=f.value,
            computed=computed,
        )
        out.append(rel)
        if ok:
            rel.note = f"{_fmt(num)}÷{_fmt(den)}={_fmt(computed)}%，与所报{_fmt(f.value)}%相符。"
            continue
        rel.note = f"{_fmt(num)}÷{_fmt(den)}={_fmt(computed)}%，与所报{_fmt(f.value)}%不符。"
        same_paragraph = [j for j in range(len(figures)) if figures[j].paragraph == f.paragraph]
        for j in same_paragraph:
            g = figures[j]
            if (
                j in (numerator, denominator)
                or g.is_rate
                or g.paragraph != f.paragraph
                or g.group != figures[numerator].group
                or g.value < num
                or g.value <= 0
            ):
                continue
            c2, ok2 = rate_fits(num, g.value, f.value, f.approx)
            if ok2:
                rel.fits.append(j)
                out.append(
                    Relation(
                        "rate",
                        True,
                        f"所报{_fmt(f.value)}%实际是{_fmt(num)}÷{_fmt(g.value)}（{g.quote}），而非文中所称的分母。",
                        rate=i,
                        numerator=numerator,
                        denominator=j,
                        stated=f.value,
                        computed=c2,
                    )
                )
        if rel.fits:
            rel.note += "该比率与" + "、".join(f"“{figures[j].quote}”" for j in rel.fits) + "相符。"
    return out


def _sum_relations(text: str, figures: list[Figure]) -> list[Relation]:
    out: list[Relation] = []
    used_totals: set[int] = set()
    used_parts: set[int] = set()
    for total, parts in part_lists(text, figures):
        t = figures[total]
        s = sum((figures[j].value for j in parts), Decimal(0))
        approx = t.approx or any(figures[j].approx for j in parts)
        ok = s <= t.value or (approx and s <= t.value * Decimal("1.2"))
        partial = s < t.value
        if s == t.value:
            note = f"各分项之和{_fmt(s)}与总数{_fmt(t.value)}相符。"
        elif ok:
            note = f"“其中”所列分项之和{_fmt(s)}未超过总数{_fmt(t.value)}（列举不全）。"
        else:
            note = f"“其中”所列分项之和{_fmt(s)}超过了总数{_fmt(t.value)}。"
        out.append(
            Relation(
                "sum",
                ok,
                note,
                total=total,
                parts=parts,
                stated_total=t.value,
                sum_of_parts=s,
                partial=partial,
            )
        )
        used_totals.add(total)
        used_parts.update(parts)
    for i, t in enumerate(figures):
        codes = lx.PARTITIONS.get(t.indicator)
        if not codes or i in used_totals or i in used_parts:
            continue
        parts = []
        for j in range(i + 1, len(figures)):
            g = figures[j]
            if g.sentence != t.sentence or g.is_rate or g.indicator not in codes or j in used_parts:
                break
            parts.append(j)
        if len(parts) < 2:
            continue
        s = sum((figures[j].value for j in parts), Decimal(0))
        approx = t.approx or any(figures[j].approx for j in parts)
        ok = s == t.value or approx
        note = (
            f"各项结果之和{_fmt(s)}与总数{_fmt(t.value)}相符。"
            if s == t.value
            else f"所列各项结果之和为{_fmt(s)}，与总数{_fmt(t.value)}不符（相差{_fmt(abs(t.value - s))}）。"
        )
        out.append(
            Relation("sum", ok, note, total=i, parts=parts, stated_total=t.value, sum_of_parts=s)
        )
        used_totals.add(i)
        used_parts.update(parts)
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


def find_relations(text: str, figures: list[Figure]) -> list[Relation]:
    """Every rate, sum and implied total the figures allow. `text` is the compact text."""
    return _rate_relations(figures) + _sum_relations(text, figures) + _implied(figures)
