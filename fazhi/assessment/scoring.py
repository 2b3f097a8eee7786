"""The scoring arithmetic, pure: no queries, no models, easy to test at the boundaries.

Every function takes Decimals (or None for "no data") and returns a `Scored` with the
points and a Chinese sentence saying how they were reached, which the sheet shows
beside the score. Points are rounded half-up to two decimals, once, at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

QUANTUM = Decimal("0.01")
ZERO = Decimal(0)

# What an automatic rule scores when the engine has no value (a rate whose denominator
# is 0: no lawsuits, no documents issued). Practice in 考核 schemes is "不发生不扣分",
# so a file's rule says `no_data: full` (the default) or `no_data: zero`.
NO_DATA_FULL = "full"
NO_DATA_ZERO = "zero"


@dataclass(frozen=True)
class Scored:
    points: Decimal
    explanation: str


def q(value: Decimal | int) -> Decimal:
    return Decimal(value).quantize(QUANTUM, rounding=ROUND_HALF_UP)


def fmt(value: Decimal | int | None) -> str:
    """2, 2.5, 97.33: no trailing zeros (for explanations and screens)."""
    if value is None:
        return "—"
    d = Decimal(value)
    text = f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _no_data(max_points: Decimal, no_data: str) -> Scored:
    if no_data == NO_DATA_ZERO:
        return Scored(q(0), "无统计数据（分母为0或无相关记录），按规则不得分。")
    return Scored(q(max_points), "无统计数据（分母为0或无相关记录），按“不发生不扣分”计满分。")


def threshold(
    value: Decimal | int | None,
    max_points: Decimal,
    *,
    full_at: Decimal,
    zero_at: Decimal,
    higher_is_better: bool = True,
    no_data: str = NO_DATA_FULL,
) -> Scored:
    """Full points at or beyond `full_at`, none beyond `zero_at` on the other side,
    proportional in between (linear from `zero_at` = 0 to `full_at` = max).

    Higher is better: full at value ≥ full_at, 0 at value ≤ zero_at (zero_at ≤ full_at).
    Lower is better (e.g. 败诉率): full at value ≤ full_at, 0 at value ≥ zero_at.
    When full_at == zero_at the rule is a plain pass mark: full or nothing.
    """
    if value is None:
        return _no_data(max_points, no_data)
    v = Decimal(value)
    if higher_is_better:
        if v >= full_at:
            return Scored(
                q(max_points), f"{fmt(v)} ≥ 满分线{fmt(full_at)}，得满分{fmt(max_points)}分。"
            )
        if v <= zero_at:
            return Scored(q(0), f"{fmt(v)} ≤ 零分线{fmt(zero_at)}，不得分。")
        share = (v - zero_at) / (full_at - zero_at)
        side = f"介于零分线{fmt(zero_at)}与满分线{fmt(full_at)}之间"
    else:
        if v <= full_at:
            return Scored(
                q(max_points), f"{fmt(v)} ≤ 满分线{fmt(full_at)}，得满分{fmt(max_points)}分。"
            )
        if v >= zero_at:
            return Scored(q(0), f"{fmt(v)} ≥ 零分线{fmt(zero_at)}，不得分。")
        share = (zero_at - v) / (zero_at - full_at)
        side = f"介于满分线{fmt(full_at)}与零分线{fmt(zero_at)}之间"
    points = q(max_points * share)
    return Scored(points, f"{fmt(v)} {side}，按比例得{fmt(points)}分。")


def deduction(
    count: Decimal | int | None,
    max_points: Decimal,
    *,
    per: Decimal,
    no_data: str = NO_DATA_FULL,
) -> Scored:
    """`per` points off for each unit of `count`, never below 0: the deduction is capped
    at the rule's own points (扣完为止)."""
    if count is None:
        return _no_data(max_points, no_data)
    n = Decimal(count)
    if n <= 0:
        return Scored(q(max_points), f"计数为{fmt(n)}，不扣分，得满分{fmt(max_points)}分。")
    off = n * per
    if off >= max_points:
        return Scored(
            q(0),
            f"计数为{fmt(n)}，每个扣{fmt(per)}分，应扣{fmt(off)}分，扣完{fmt(max_points)}分为止。",
        )
    points = q(max_points - off)
    return Scored(
        points, f"计数为{fmt(n)}，每个扣{fmt(per)}分，扣{fmt(off)}分，得{fmt(points)}分。"
    )


class ManualScoreInvalid(ValueError):
    """A manual score that cannot be accepted; the message is Chinese and names why."""


def manual(
    points: Decimal | None,
    max_points: Decimal,
    *,
    note: str = "",
    link: str = "",
    has_attachment: bool = False,
    evidence_required: bool = True,
) -> Scored:
    """The assessor's score, checked: within [0, max] and, when the rule needs evidence,
    with a note saying what was checked and a link or an attachment to the material."""
    if points is None:
        raise ManualScoreInvalid("请填写得分。")
    p = Decimal(points)
    if p < 0:
        raise ManualScoreInvalid(f"得分{fmt(p)}不能为负数。")
    if p > max_points:
        raise ManualScoreInvalid(f"得分{fmt(p)}超过本项分值{fmt(max_points)}分。")
    if p != q(p):
        raise ManualScoreInvalid(f"得分{fmt(p)}最多保留两位小数。")
    if evidence_required:
        if not note.strip():
            raise ManualScoreInvalid("本项须附评分依据：请填写评分说明（核查了什么、扣分理由）。")
        if not (link.strip() or has_attachment):
            raise ManualScoreInvalid("本项须附证明材料：请上传附件或填写材料链接。")
    return Scored(q(p), note.strip() or "人工评分。")


def rollup(children: Iterable[Decimal | None], max_points: Decimal) -> Decimal:
    """A parent's score: the sum of its children's, capped at its own points. A child
    not yet scored (None) adds nothing."""
    total = sum((c for c in children if c is not None), ZERO)
    return q(min(total, max_points))
