"""Reading a notice's dates as administrators type them."""

import datetime as dt

import pytest

from fazhi.workdays.parsing import NoticeSyntaxError, parse_dates

D = dt.date


def test_it_reads_single_days_and_named_stretches():
    got = parse_dates("元旦 2027-01-01；春节 2027-02-05~2027-02-07", 2027)
    assert got == [
        (D(2027, 1, 1), "元旦"),
        (D(2027, 2, 5), "春节"),
        (D(2027, 2, 6), "春节"),
        (D(2027, 2, 7), "春节"),
    ]


def test_it_reads_chinese_dates_without_a_year_and_slashes():
    got = parse_dates("国庆节：10月1日至10月3日\n2027/5/1", 2027)
    assert [d for d, _ in got] == [D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3), D(2027, 5, 1)]
    assert got[0][1] == "国庆节"


def test_it_accepts_a_stretch_that_starts_in_the_previous_year():
    got = parse_dates("元旦 2022-12-31~2023-01-02", 2023)
    assert [d for d, _ in got] == [D(2022, 12, 31), D(2023, 1, 1), D(2023, 1, 2)]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2027-02-30", "不存在"),
        ("2027-02-07~2027-02-05", "结束日期早于开始日期"),
        ("2027-01-01; 2027-01-01", "重复"),
        ("明天", "无法识别"),
        ("2027-01-01~2027-03-01", "不应超过"),
    ],
)
def test_it_rejects_bad_items_with_a_chinese_message_naming_the_item(text, fragment):
    with pytest.raises(NoticeSyntaxError) as exc:
        parse_dates(text, 2027)
    assert fragment in str(exc.value)
