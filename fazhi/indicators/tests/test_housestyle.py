"""One number style for every figure a document prints (display.py)."""

from decimal import Decimal

import pytest

from fazhi.indicators import display
from fazhi.indicators.catalogue import count, rate, total
from fazhi.indicators.display import HouseStyle

CASES = count("cases", "受理(立案)案件", "件", model="org.Person", where=None, definition="")
PAGES = total("pages", "发放资料", "份", model="org.Person", field="id", where=None, definition="")
AMOUNT = total("amount", "涉及金额", "万元", model="org.Person", field="id", where=None, definition="", decimals=2)
TWO_PLACES = rate("corr", "纠错率", numerator="cases", denominator="cases", definition="", decimals=2)
WHOLE = rate("loss", "败诉率", numerator="cases", denominator="cases", definition="")


def test_every_rate_gets_the_documents_one_precision_by_default():
    style = HouseStyle()
    assert display.figure(TWO_PLACES, Decimal("20.00"), style) == "20%"
    assert display.figure(TWO_PLACES, Decimal("15.79"), style) == "16%"
    assert display.figure(WHOLE, 15, style) == "15%"


def test_the_catalogue_precision_is_a_setting(settings):
    settings.FAZHI_REPORT_RATE_DECIMALS = "catalogue"
    assert display.figure(TWO_PLACES, Decimal("15.79")) == "15.79%"
    assert display.figure(WHOLE, 15) == "15%"
    settings.FAZHI_REPORT_RATE_DECIMALS = "1"
    assert display.figure(WHOLE, 15) == "15.0%"


def test_large_round_counts_are_written_in_wan_and_others_in_full():
    style = HouseStyle(wan_from=100_000)
    assert display.figure(PAGES, 450_000, style) == "45万份"
    assert display.figure(PAGES, 123_450, style) == "123450份"
    assert display.figure(PAGES, 45_000, style) == "45000份"
    assert display.figure(PAGES, 450_000, HouseStyle(wan_from=0)) == "450000份"


def test_money_is_in_wan_yuan_to_two_places_and_counts_carry_their_unit():
    assert display.figure(AMOUNT, Decimal("903.3")) == "903.30万元"
    assert display.figure(CASES, 42) == "42件"


def test_labels_reach_the_reader_with_full_width_punctuation():
    assert display.label(CASES) == "受理（立案）案件"
    assert display.fullwidth("审结(办结):38件;") == "审结（办结）：38件；"


@pytest.mark.parametrize("value", [Decimal("94.83"), 94.83, "94.83"])
def test_the_shown_value_is_what_the_reader_sees(value):
    assert display.shown_value(WHOLE, value, HouseStyle()) == Decimal("95")
