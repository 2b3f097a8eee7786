from datetime import date
from decimal import Decimal

import pytest

from fazhi.documents.numfmt import (
    FigureError,
    approx,
    chinese_numeral,
    cn_date,
    count,
    percent,
    rate,
    round_half_up,
    wan_yuan,
)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (42, "件", "42件"),
        (0, "件", "0件"),
        ("1008", "名", "1008名"),
        (Decimal("9"), "项", "9项"),
        (45000, "册", "45000册"),
    ],
)
def test_it_writes_counts_with_their_unit(value, unit, expected):
    assert count(value, unit) == expected


def test_it_rejects_a_fractional_count():
    with pytest.raises(FigureError, match="件数应为整数"):
        count(4.5)


@pytest.mark.parametrize(
    ("numerator", "denominator", "decimals", "expected"),
    [
        (55, 58, 0, "95%"),  # 94.83 → 95: seed 001's 出庭应诉率
        (951, 1047, 0, "91%"),
        (951, 1047, 1, "90.8%"),
        (1, 8, 1, "12.5%"),
        (1, 8, 0, "13%"),  # 12.5 rounds half-up, not to even
        (1, 40, 0, "3%"),  # 2.5 → 3
        (3, 3, 0, "100%"),
        (0, 51, 0, "0%"),
        (1, 3, 2, "33.33%"),
        (2, 3, 2, "66.67%"),
    ],
)
def test_it_rounds_rates_half_up(numerator, denominator, decimals, expected):
    assert rate(numerator, denominator, decimals) == expected


def test_it_refuses_a_rate_over_a_zero_denominator():
    with pytest.raises(FigureError, match="分母为0"):
        rate(3, 0)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (95.4, 0, "95%"),
        (0.955, 2, "0.96%"),
        (95.45, 1, "95.5%"),
        ("90", 1, "90.0%"),
        (-0.04, 1, "0.0%"),
        (-12.35, 1, "-12.4%"),
    ],
)
def test_it_formats_a_value_already_in_percent(value, decimals, expected):
    assert percent(value, decimals) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "decimals", "expected"),
    [
        (15349300, "元", 2, "1534.93万元"),
        ("15349350", "元", 2, "1534.94万元"),  # half-up at the third decimal
        (1534.93, "万元", 2, "1534.93万元"),
        (Decimal("1534.925"), "万元", 2, "1534.93万元"),
        (5000, "元", 2, "0.50万元"),
        (123456789, "元", 0, "12346万元"),
        ("1,200,000", "元", 1, "120.0万元"),
    ],
)
def test_it_writes_money_in_wan_yuan(amount, unit, decimals, expected):
    assert wan_yuan(amount, unit=unit, decimals=decimals) == expected


def test_it_rejects_an_unknown_money_unit():
    with pytest.raises(FigureError, match="金额单位"):
        wan_yuan(1, unit="美元")


def test_it_rejects_text_that_is_not_a_number():
    with pytest.raises(FigureError, match="金额“一百”不是数字"):
        wan_yuan("一百")


@pytest.mark.parametrize(
    ("value", "unit", "step", "expected"),
    [
        (123, "场次", 10, "120余场次"),
        (129, "场次", 10, "120余场次"),
        (120, "场次", 10, "120场次"),  # exactly 120 is not "more than 120"
        (8, "场次", 10, "8场次"),
        (23, "场次", 10, "20余场次"),
        (45678, "册", 1000, "45000余册"),
        (105, "名", 100, "100余名"),
    ],
)
def test_it_writes_approximate_counts_with_yu(value, unit, step, expected):
    assert approx(value, unit, step=step) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 3, 15), "2023年3月15日"),
        (date(2024, 1, 1), "2024年1月1日"),
        (date(2022, 12, 31), "2022年12月31日"),
    ],
)
def test_it_writes_dates_in_arabic_numerals_without_leading_zeros(day, expected):
    assert cn_date(day) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (6, "六"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九")],
)
def test_it_writes_heading_numbers_in_chinese(n, expected):
    assert chinese_numeral(n) == expected


def test_it_rejects_a_heading_number_out_of_range():
    with pytest.raises(FigureError, match="1至99"):
        chinese_numeral(0)


def test_it_does_not_round_to_even():
    assert round_half_up("0.125", 2) == Decimal("0.13")
    assert round_half_up(2.5) == Decimal("3")
