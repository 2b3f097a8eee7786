"""WorkCalendar: the package, administrators' notices, and the Monday–Friday fallback."""

import datetime as dt

import pytest

from fazhi.workdays.calendar import (
    KIND_HOLIDAY,
    KIND_IN_LIEU,
    KIND_MAKEUP,
    KIND_WEEKEND,
    KIND_WORKDAY,
    SOURCE_NOTICE,
    SOURCE_PACKAGE,
    SOURCE_WEEKDAY_RULE,
    NoticeData,
    WorkCalendar,
)

D = dt.date
cal = WorkCalendar()


@pytest.mark.parametrize(
    ("day", "workday", "kind"),
    [
        (D(2024, 9, 27), True, KIND_WORKDAY),  # Friday before the stretch
        (D(2024, 9, 28), False, KIND_WEEKEND),
        (D(2024, 9, 29), True, KIND_MAKEUP),  # Sunday make-up day (调休)
        (D(2024, 9, 30), True, KIND_WORKDAY),
        (D(2024, 10, 1), False, KIND_HOLIDAY),
        (D(2024, 10, 4), False, KIND_IN_LIEU),  # a weekday rest day by 调休, not statutory
        (D(2024, 10, 5), False, KIND_WEEKEND),
        (D(2024, 10, 7), False, KIND_IN_LIEU),
        (D(2024, 10, 8), True, KIND_WORKDAY),  # the day after the stretch
        (D(2024, 10, 12), True, KIND_MAKEUP),  # Saturday make-up day
        (D(2024, 10, 13), False, KIND_WEEKEND),
    ],
)
def test_it_follows_the_2024_national_day_stretch_day_by_day(day, workday, kind):
    info = cal.describe(day)
    assert (info.workday, info.kind) == (workday, kind)
    assert cal.is_workday(day) is workday
    assert info.source == SOURCE_PACKAGE
    assert not cal.is_provisional(day)


def test_it_names_the_holiday_and_the_make_up_day_in_chinese():
    assert cal.describe(D(2024, 10, 1)).name == "国庆节"
    assert "调休上班日" in cal.describe(D(2024, 9, 29)).label
    assert "国庆节" in cal.describe(D(2024, 9, 29)).label


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (D(2025, 1, 26), True),  # Sunday make-up day before 春节
        (D(2025, 1, 27), True),
        (D(2025, 1, 28), False),  # 除夕: a public holiday since the 2024 revision
        (D(2025, 2, 4), False),  # last day of the break
        (D(2025, 2, 5), True),
        (D(2025, 2, 8), True),  # Saturday make-up day after
        (D(2025, 2, 9), False),
    ],
)
def test_it_follows_the_2025_spring_festival(day, workday):
    assert cal.is_workday(day) is workday
    if not workday and day.weekday() < 5:
        assert cal.describe(day).name == "春节"


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (D(2031, 1, 2), True),
        (D(2031, 1, 3), True),
        (D(2031, 1, 4), False),
        (D(2031, 1, 5), False),
        (D(2031, 1, 6), True),
    ],
)
def test_a_year_known_to_neither_counts_monday_to_friday_provisionally(day, workday):
    # Away from the holidays the 放假办法 fixes (元旦 2031-01-01 is one: see below).
    info = cal.describe(day)
    assert info.workday is workday
    assert info.provisional
    assert info.source == SOURCE_WEEKDAY_RULE
    assert "暂定" in info.label
    assert cal.is_provisional(day)


def test_a_notice_wins_for_its_year():
    notice = NoticeData(
        year=2031,
        rest={D(2031, 1, 1): "元旦", D(2031, 1, 2): "元旦", D(2031, 1, 3): "元旦"},
        work=frozenset({D(2031, 1, 4)}),
        title="2031年放假通知",
    )
    c = WorkCalendar(notices={2031: notice})
    assert not c.is_workday(D(2031, 1, 1))
    assert c.is_workday(D(2031, 1, 4))  # Saturday make-up day
    assert c.describe(D(2031, 1, 4)).kind == KIND_MAKEUP
    assert not c.is_workday(D(2031, 1, 5))  # an ordinary Sunday of a noticed year
    assert c.is_workday(D(2031, 6, 2))
    assert not c.is_provisional(D(2031, 6, 2))
    assert c.describe(D(2031, 6, 2)).source == SOURCE_NOTICE
    assert c.describe(D(2031, 1, 1)).source_title == "2031年放假通知"


def test_a_notice_wins_over_the_package_for_a_year_the_package_knows():
    # Suppose a corrected 2024 notice moved the make-up day of 10-12 away.
    notice = NoticeData(
        year=2024, rest={D(2024, 10, d): "国庆节" for d in range(1, 8)}, work=frozenset()
    )
    c = WorkCalendar(notices={2024: notice})
    assert not c.is_workday(D(2024, 10, 12))
    assert c.describe(D(2024, 10, 12)).source == SOURCE_NOTICE
    assert not c.is_workday(D(2024, 9, 29))


def test_the_package_covers_2004_to_2026_and_nothing_later():
    assert cal.source_of_year(2004) == SOURCE_PACKAGE
    assert cal.source_of_year(2026) == SOURCE_PACKAGE
    assert cal.source_of_year(2027) == SOURCE_WEEKDAY_RULE
    assert cal.source_of_year(2003) == SOURCE_WEEKDAY_RULE


def test_it_adds_working_days_across_the_national_day_stretch():
    assert cal.add_workdays(D(2024, 9, 27), 5) == D(2024, 10, 10)
    assert cal.add_workdays(D(2024, 9, 27), 1) == D(2024, 9, 29)
    assert cal.add_workdays(D(2024, 10, 10), -5) == D(2024, 9, 27)
    assert cal.next_workday(D(2024, 10, 1)) == D(2024, 10, 8)
    assert cal.previous_workday(D(2024, 10, 7)) == D(2024, 9, 30)


def test_it_lists_the_special_days_of_a_window():
    days = cal.special_days(D(2024, 9, 28), D(2024, 10, 13))
    assert [d.date for d in days if d.kind == KIND_MAKEUP] == [D(2024, 9, 29), D(2024, 10, 12)]
    # Only 10-1..10-3 are statutory (放假办法 第2条); 10-4 and 10-7 are 调休, 10-5/10-6 weekends.
    assert [d.date for d in days if d.kind == KIND_HOLIDAY] == [D(2024, 10, d) for d in (1, 2, 3)]
    assert [d.date for d in days if d.kind == KIND_IN_LIEU] == [D(2024, 10, 4), D(2024, 10, 7)]
    assert "2024-10-05（周六）周末休息日（国庆节假期）" in [d.label for d in days]


# -- years without a holiday notice: the 全国年节及纪念日放假办法 (2024修订) still holds --


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (D(2027, 1, 1), KIND_HOLIDAY),  # 第2条: 元旦 1-1
        (D(2027, 5, 1), KIND_WEEKEND),  # 劳动节 on a Saturday …
        (D(2027, 5, 3), KIND_IN_LIEU),  # … both days made up on the next working days (第6条)
        (D(2027, 5, 4), KIND_IN_LIEU),
        (D(2027, 10, 1), KIND_HOLIDAY),  # 国庆节 10-1 (Friday)
        (D(2027, 10, 4), KIND_IN_LIEU),  # 10-2, 10-3 fall on the weekend: 补假 10-4, 10-5
        (D(2027, 10, 5), KIND_IN_LIEU),
        (D(2027, 4, 5), KIND_HOLIDAY),  # 清明 (the solar term)
        (D(2027, 2, 5), KIND_HOLIDAY),  # 除夕
        (D(2027, 2, 8), KIND_HOLIDAY),  # 初三
    ],
)
def test_an_unknown_year_never_makes_a_statutory_holiday_a_working_day(day, kind):
    info = cal.describe(day)
    assert not info.workday
    assert info.kind == kind
    assert info.provisional and "暂定" in info.label


def test_an_unknown_years_estimate_names_its_rest_days():
    assert (
        cal.describe(D(2027, 10, 4)).label == "2027-10-04（周一）调休休息日（国庆节假期）【暂定】"
    )
    assert (
        cal.is_workday(D(2027, 10, 6))
        and not cal.is_workday(D(2027, 5, 4))
        and cal.is_workday(D(2027, 5, 5))
    )


def test_working_days_into_an_unknown_year_skip_its_statutory_holidays():
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.add_workdays(D(2027, 9, 28), 5) == D(2027, 10, 8)
