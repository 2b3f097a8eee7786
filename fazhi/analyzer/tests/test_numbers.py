from decimal import Decimal

import pytest

from fazhi.analyzer.extract import Compact
from fazhi.analyzer.numbers import find_numbers, parse_chinese, parse_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("0", 0),
        ("1008", 1008),
        ("1,008", 1008),
        ("４５０００", 45000),
        ("98.5", Decimal("98.5")),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百二十", 120),
        ("两千三百", 2300),
        ("三万五千", 35000),
        ("一万零五", 10005),
        ("二〇二三", 2023),
        ("30万", 300000),
        ("1.5万", 15000),
        ("两亿", 200000000),
        ("百分之九十五", 95),
        ("百分之百", 100),
        ("百分之12.5", Decimal("12.5")),
        ("1 008", 1008),
    ],
)
def test_it_parses_numbers_as_chinese_reports_write_them(written, value):
    assert parse_number(written) == Decimal(value)


def test_it_rejects_characters_that_are_not_numerals():
    with pytest.raises(ValueError):
        parse_chinese("十个")


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("共收到申请51件", 51, "件", False),
        ("培训执法人员300余人次", 300, "人次", True),
        ("提出建议百余条", 100, "条", True),
        ("发放资料10余万份", 100000, "份", True),
        ("受教育群众达30万人次", 300000, "人次", False),
        ("核减价款6500多万元", 6500, "万元", True),
        ("涉及金额1534.93万元", Decimal("1534.93"), "万元", False),
        ("成功率98.5%", Decimal("98.5"), "%", False),
        ("成功率９５％", 95, "%", False),
        ("成功率达百分之九十五", 95, "%", False),
        ("新招毕业生四名", 4, "名", False),
        ("近200场次", 200, "场次", True),
        ("约50名", 50, "名", True),
        ("3000人次左右", 3000, "人次", True),
    ],
)
def test_it_finds_the_value_unit_and_approximation(text, value, unit, approx):
    tokens = [t for t in find_numbers(Compact(text).text) if t.unit]
    assert len(tokens) == 1
    assert (tokens[0].value, tokens[0].unit, tokens[0].approx) == (Decimal(value), unit, approx)


def test_it_reads_ranges_with_their_upper_end():
    (tok,) = [t for t in find_numbers("培训3-5期") if t.unit]
    assert (tok.value, tok.high, tok.unit) == (3, 5, "期")
    (tok,) = [t for t in find_numbers("选派三至五名") if t.unit]
    assert (tok.value, tok.high, tok.unit) == (3, 5, "名")


def test_spaces_left_by_pdf_conversion_do_not_split_a_number_from_its_unit():
    c = Compact("全县 1 008 名行政执法人员通过审验，2022 年 4 月")
    tokens = [t for t in find_numbers(c.text) if t.unit]
    assert [(t.value, t.unit) for t in tokens] == [(1008, "名")]
    assert c.quote(tokens[0].start, tokens[0].end) == "1 008 名"
