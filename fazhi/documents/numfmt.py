"""Figures in the style of Chinese government reports: 42件, 95%, 1534.93万元, 120余场次.

Pure functions. Amounts go through ``Decimal`` so that rounding is exact and half-up
(四舍五入), the rule Chinese statistics use, never Python's banker's rounding. A float
argument is read through ``str()`` so that 0.955 means 0.955, not 0.95499999….
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

Number = int | float | Decimal | str


class FigureError(ValueError):
    """A figure that cannot be formatted; the message is in Chinese, for the user."""


def to_decimal(value: Number, *, field: str = "数值") -> Decimal:
    """Read an int, float, Decimal or numeric string exactly; raise FigureError otherwise."""
    if isinstance(value, bool):
        raise FigureError(f"{field}“{value}”不是数字。")
    try:
        result = (
            Decimal(str(value).strip().replace(",", ""))
            if not isinstance(value, Decimal)
            else value
        )
    except (InvalidOperation, ValueError):
        raise FigureError(f"{field}“{value}”不是数字。") from None
    if not result.is_finite():
        raise FigureError(f"{field}“{value}”不是有限数值。")
    return result


def round_half_up(value: Number, decimals: int = 0) -> Decimal:
    """Round to ``decimals`` places, halves away from zero (四舍五入)."""
    if decimals < 0:
        raise FigureError(f"小数位数不能为负数（收到 {decimals}）。")
    quantum = Decimal(1).scaleb(-decimals)
    return to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    # format(…, "f") never switches to exponent notation (1E+3) as str() can.
    text = format(value, "f")
    # A negative value that rounds to zero prints without its sign: "-0.0" → "0.0".
    return text.lstrip("-") if value == 0 else text


def count(value: Number, unit: str = "件") -> str:
    """42 → "42件". Counts are whole numbers; a fraction is a caller error."""
    number = to_decimal(value, field="件数")
    if number != number.to_integral_value():
        raise FigureError(f"件数应为整数（收到 {value}）。")
    return f"{int(number)}{unit}"


def percent(value: Number, decimals: int = 0) -> str:
    """A value already in percent: 95.4 → "95%", (95.45, 1) → "95.5%"."""
    return f"{_plain(round_half_up(value, decimals))}%"


def rate(numerator: Number, denominator: Number, decimals: int = 0) -> str:
    """numerator / denominator as a percentage: (55, 58) → "95%" (94.83 rounded half-up)."""
    num = to_decimal(numerator, field="分子")
    den = to_decimal(denominator, field="分母")
    if den == 0:
        raise FigureError(f"分母为0，无法计算比率（分子 {numerator}）。")
    return percent(num * 100 / den, decimals)


def wan_yuan(amount: Number, *, unit: str = "元", decimals: int = 2) -> str:
    """Money in 万元: (15349300, unit="元") → "1534.93万元"; (1534.93, unit="万元") → same."""
    value = to_decimal(amount, field="金额")
    if unit == "元":
        value = value / 10000
    elif unit != "万元":
        raise FigureError(f"金额单位应为“元”或“万元”（收到“{unit}”）。")
    return f"{_plain(round_half_up(value, decimals))}万元"


def approx(value: Number, unit: str = "", *, step: int = 10) -> str:
    """An approximate count: 123 → "120余场次" (floor to ``step``).

    "余" claims "more than", so an exact multiple (120) and a count below one step (8)
    are written exactly: "120场次", "8场次".
    """
    number = to_decimal(value, field="数量")
    if number < 0:
        raise FigureError(f"数量不能为负数（收到 {value}）。")
    if step <= 0:
        raise FigureError(f"取整步长应为正整数（收到 {step}）。")
    floor = (number / step).to_integral_value(rounding=ROUND_FLOOR) * step
    if floor == 0 or floor == number:
        whole = number.to_integral_value(rounding=ROUND_FLOOR)
        return f"{int(whole)}{unit}"
    return f"{int(floor)}余{unit}"


def cn_date(day: date) -> str:
    """2023-03-15 → "2023年3月15日": Arabic numerals, no leading zeros (GB/T 9704-2012 §7.3.5.2)."""
    return f"{day.year}年{day.month}月{day.day}日"


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, up to 99: the numbers of "一、" headings."""
    if not 1 <= n <= 99:
        raise FigureError(f"标题序号应在1至99之间（收到 {n}）。")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")
