"""How a figure is shown: on screens (`display`, `format_value`) and in the documents
Fazhi writes (the house style, `figure`), both on `documents.numfmt`.

Screens show each figure at its catalogue precision (`display`: 42件, 95.5%, 1534.93万元;
— when there is none). Documents use one number style from the first page to the last.

Every figure a statutory document prints goes through `figure()`: rates to one
precision for the whole document (a setting, default the whole percent the published
reports use: 91%、95%), amounts in 万元 to two places, counts as Arabic numerals with
their unit, large round counts in 万 where that is customary (45万册, never 45.0000万).
Labels that come from the catalogue are turned into full-width punctuation
(受理（立案）, not 受理(立案)) before a user sees them.

Settings (environment, see settings.py):

- `FAZHI_REPORT_RATE_DECIMALS`: `0` (default), `1`, `2`, or `catalogue` (each rate at the
  precision its catalogue entry states).
- `FAZHI_REPORT_WAN_FROM`: the smallest count written in 万 (default 100000; 0 = never).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings

from fazhi.documents import numfmt
from fazhi.indicators.catalogue import Indicator


def display(ind: Indicator, value: Any) -> str:
    """A figure in Chinese style at its catalogue precision: 42件, 95%, 1534.93万元; — when
    there is none."""
    if value is None:
        return "—"
    if is_rate(ind):
        return numfmt.percent(value, ind.decimals)
    if ind.unit == "万元":
        return numfmt.wan_yuan(value, unit="万元", decimals=ind.decimals or 2)
    if ind.decimals == 0:
        return numfmt.count(value, ind.unit)
    return f"{numfmt.round_half_up(value, ind.decimals)}{ind.unit}"


def format_value(ind: Indicator, value: Any) -> str:
    """The value as computed, followed by its unit (42件, 95.45%); — when there is none."""
    if value is None:
        return "—"
    return f"{value}{ind.unit}"


@dataclass(frozen=True)
class HouseStyle:
    rate_decimals: int | None = 0  # None: the catalogue's precision for each rate
    wan_from: int = 100_000  # counts from here on in 万 when exact to two places; 0 = never

    @classmethod
    def current(cls) -> HouseStyle:
        raw = str(getattr(settings, "FAZHI_REPORT_RATE_DECIMALS", "0")).strip()
        decimals = None if raw == "catalogue" else int(raw)
        return cls(decimals, int(getattr(settings, "FAZHI_REPORT_WAN_FROM", 100_000)))

    def rate_precision(self, ind: Indicator) -> int:
        return ind.decimals if self.rate_decimals is None else self.rate_decimals


def is_rate(ind: Indicator) -> bool:
    return ind.kind == "rate" or ind.unit == "%"


def figure(ind: Indicator, value: Any, style: HouseStyle | None = None) -> str:
    """The value of `ind` as the document prints it: 42件、95%、903.30万元、4.5万份."""
    style = style or HouseStyle.current()
    if is_rate(ind):
        return numfmt.percent(value, style.rate_precision(ind))
    if ind.unit == "万元":
        return numfmt.wan_yuan(value, unit="万元", decimals=2)
    number = numfmt.round_half_up(value, ind.decimals)
    if ind.decimals == 0 and style.wan_from and number >= style.wan_from:
        wan = number / 10000
        if wan == wan.quantize(Decimal("0.01")):
            return f"{format(wan.normalize(), 'f')}万{ind.unit}"
    if ind.decimals == 0:
        return numfmt.count(number, ind.unit)
    return f"{number}{ind.unit}"


def shown_value(ind: Indicator, value: Any, style: HouseStyle | None = None) -> Decimal:
    """The number a reader sees for `value` (a rate at the document's precision)."""
    style = style or HouseStyle.current()
    if is_rate(ind):
        return numfmt.round_half_up(value, style.rate_precision(ind))
    return numfmt.round_half_up(value, 2 if ind.unit == "万元" else ind.decimals)


_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "?": "？", "!": "！"})
_ASCII_BETWEEN_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def fullwidth(text: str) -> str:
    """ASCII brackets, colons, semicolons and commas in Chinese text made full-width."""
    return _ASCII_BETWEEN_CJK.sub("", (text or "").translate(_HALF_TO_FULL))


def label(ind: Indicator) -> str:
    """A catalogue name as a reader may see it: 受理（立案）行政复议案件."""
    return fullwidth(ind.name)
