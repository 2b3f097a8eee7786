"""Due-date arithmetic (民事诉讼法 第85条) at the boundary days, across holidays."""

import datetime as dt

import pytest

from fazhi.deadlines.arithmetic import (
    BEFORE,
    DATE,
    DAYS,
    MONTHS,
    WORKDAYS,
    Extension,
    Pause,
    PeriodError,
    add_months,
    compute_due,
    parse_pause,
)
from fazhi.workdays.calendar import NoticeData, WorkCalendar

D = dt.date
cal = WorkCalendar()


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2024, 9, 26), 5, D(2024, 10, 9)),  # the day before
        (D(2024, 9, 27), 5, D(2024, 10, 10)),  # counts 9-29 (make-up), 9-30, 10-8, 10-9, 10-10
        (D(2024, 9, 28), 5, D(2024, 10, 10)),  # a Saturday start: 9-29 is still the first day
        (D(2024, 9, 30), 5, D(2024, 10, 12)),  # ends on the Saturday make-up day
        (D(2024, 10, 1), 5, D(2024, 10, 12)),
        (
            D(2025, 1, 24),
            5,
            D(2025, 2, 7),
        ),  # across the 2025 Spring Festival: 1-26 (make-up), 1-27, 2-5, 2-6, 2-7
    ],
)
def test_working_days_skip_holidays_and_count_make_up_days(start, n, due):
    result = compute_due(start, n, WORKDAYS, cal)
    assert result.due == due
    assert not result.provisional


def test_the_explanation_lists_every_holiday_and_make_up_day_crossed():
    result = compute_due(
        D(2024, 9, 27),
        5,
        WORKDAYS,
        cal,
        law="《行政复议法》",
        article="第30条",
        start_event="收到申请",
    )
    crossed = [i.date for i in result.explanation.crossed]
    assert crossed[0] == D(2024, 9, 29)
    assert D(2024, 10, 1) in crossed and D(2024, 10, 7) in crossed
    text = "\n".join(result.lines())
    assert "《行政复议法》第30条" not in text or "收到申请：2024-09-27" in text
    assert "收到申请：2024-09-27（周五）" in text
    assert "调休上班日（国庆节调休）" in text
    assert "期限届满日：2024-10-10（周四）" in text


@pytest.mark.parametrize(
    ("start", "due", "rolled"),
    [
        (D(2024, 9, 15), D(2024, 9, 30), False),  # 15 days → 9-30, a working day
        (D(2024, 9, 16), D(2024, 10, 8), True),  # 10-1 is a holiday → next working day 10-8
        (D(2024, 9, 22), D(2024, 10, 8), True),  # 10-7 is a holiday
        (D(2024, 9, 23), D(2024, 10, 8), False),  # 10-8 itself
        (D(2024, 9, 14), D(2024, 9, 29), False),  # ends on the Sunday make-up day: no roll
    ],
)
def test_calendar_days_roll_forward_when_the_last_day_is_not_a_working_day(start, due, rolled):
    result = compute_due(start, 15, DAYS, cal)
    assert result.due == due
    assert (result.explanation.rolled_from is not None) is rolled
    if rolled:
        assert "不是工作日，顺延至 2024-10-08" in "\n".join(result.lines())


def test_an_ordinary_weekend_also_rolls_forward():
    assert compute_due(D(2024, 11, 1), 15, DAYS, cal).due == D(2024, 11, 18)  # 11-16 is a Saturday


def test_the_first_day_counts_when_a_period_says_so():
    assert compute_due(D(2024, 11, 4), 5, DAYS, cal, first_day_counts=True).due == D(2024, 11, 8)
    assert compute_due(D(2024, 11, 4), 5, WORKDAYS, cal, first_day_counts=True).due == D(
        2024, 11, 8
    )


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # clamped to the month's end (leap year)
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 3, 15), 6, D(2024, 9, 18)),  # 9-15 Sunday, 9-16/17 中秋 → 9-18
        (D(2024, 4, 8), 6, D(2024, 10, 8)),  # lands in the National Day stretch
        (D(2024, 5, 10), 3, D(2024, 8, 12)),  # 8-10 Saturday
    ],
)
def test_months_end_on_the_same_day_of_month(start, n, due):
    assert compute_due(start, n, MONTHS, cal).due == due


def test_add_months_clamps_and_goes_backwards():
    assert add_months(D(2024, 8, 31), 1) == D(2024, 9, 30)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)


def test_a_pause_leaves_its_days_uncounted():
    # 60 days from 2024-08-01 end 2024-09-30; a pause from 8-10, resumed 8-20, adds 10 days.
    plain = compute_due(D(2024, 8, 1), 60, DAYS, cal)
    assert plain.due == D(2024, 9, 30)
    paused = compute_due(
        D(2024, 8, 1), 60, DAYS, cal, pauses=[Pause(D(2024, 8, 10), D(2024, 8, 20))]
    )
    assert paused.explanation.original_end == D(2024, 10, 10)
    assert paused.due == D(2024, 10, 10)
    assert paused.explanation.paused_days == 10
    assert "2024-08-10（周六） 至 2024-08-19（周一） 不计入期限（10 日）" in "\n".join(
        paused.lines()
    )


def test_a_pause_resumed_the_same_day_changes_nothing():
    assert compute_due(
        D(2024, 8, 1), 60, DAYS, cal, pauses=[(D(2024, 8, 10), D(2024, 8, 10))]
    ).due == D(2024, 9, 30)


def test_a_pause_in_working_days_skips_only_working_days_in_it():
    # 5 working days from 2024-11-01: 11-04..11-08. Pause 11-05, resumed 11-07 → +2 working days.
    assert compute_due(D(2024, 11, 1), 5, WORKDAYS, cal).due == D(2024, 11, 8)
    assert compute_due(
        D(2024, 11, 1), 5, WORKDAYS, cal, pauses=[(D(2024, 11, 5), D(2024, 11, 7))]
    ).due == D(2024, 11, 12)


def test_a_pause_inside_a_months_period_pushes_the_end():
    # 1 month from 2024-01-10 is 2-10; 5 paused days → 2-15, inside the Spring Festival
    # break (2-10..2-17) → the Sunday make-up day 2-18.
    assert compute_due(
        D(2024, 1, 10), 1, MONTHS, cal, pauses=[(D(2024, 1, 15), D(2024, 1, 20))]
    ).due == D(2024, 2, 18)
    assert compute_due(
        D(2024, 3, 10), 1, MONTHS, cal, pauses=[(D(2024, 3, 15), D(2024, 3, 20))]
    ).due == D(2024, 4, 15)


def test_a_pause_still_running_is_explained_as_such():
    result = compute_due(D(2024, 8, 1), 60, DAYS, cal, pauses=[Pause(D(2024, 8, 10), None)])
    assert result.explanation.still_paused
    assert "尚未恢复" in "\n".join(result.lines())


def test_an_extension_continues_from_the_end_of_the_original_period():
    # 复议 decision: 60 days from 2024-08-01 → 9-30; +30 days → 10-30 (a Wednesday).
    result = compute_due(D(2024, 8, 1), 60, DAYS, cal, extensions=[Extension(30, DAYS)])
    assert result.explanation.original_end == D(2024, 9, 30)
    assert result.due == D(2024, 10, 30)
    assert "自原期限届满日 2024-09-30（周一） 的次日起接续计算" in "\n".join(result.lines())


def test_an_extension_runs_from_the_rolled_forward_end():
    # 15 days from 2024-09-16 end 10-1 → rolled to 10-8; +15 days → 10-23.
    assert compute_due(D(2024, 9, 16), 15, DAYS, cal, extensions=[(15, DAYS)]).due == D(
        2024, 10, 23
    )


def test_a_working_day_extension_counts_working_days():
    # GIS reply: 20 working days from 2024-09-20 → 10-23 (9-29 and 10-12 count); +20 → 11-20.
    first = compute_due(D(2024, 9, 20), 20, WORKDAYS, cal)
    assert first.due == D(2024, 10, 23)
    assert compute_due(D(2024, 9, 20), 20, WORKDAYS, cal, extensions=[(20, WORKDAYS)]).due == D(
        2024, 11, 20
    )


def test_pauses_and_extensions_together():
    result = compute_due(
        D(2024, 8, 1),
        60,
        DAYS,
        cal,
        pauses=[(D(2024, 8, 10), D(2024, 8, 20))],
        extensions=[(30, DAYS)],
    )
    assert result.due == D(2024, 11, 11)  # 10-10 + 30 = 11-9 (Saturday) → 11-11


def test_a_period_before_an_event_counts_backwards_from_the_event():
    # Hearing on Monday 2024-10-14: 5 working days before → 10-12 (make-up), 11, 10, 9, 8.
    result = compute_due(D(2024, 10, 14), 5, WORKDAYS, cal, direction=BEFORE)
    assert result.due == D(2024, 10, 8)
    assert "最迟完成日：2024-10-08" in "\n".join(result.lines())


def test_a_calendar_day_period_before_an_event_moves_back_to_a_working_day():
    # Court hearing on 2024-10-09: 3 days before is 10-6, a holiday → notice by 9-30.
    result = compute_due(D(2024, 10, 9), 3, DAYS, cal, direction=BEFORE)
    assert result.due == D(2024, 9, 30)
    assert result.explanation.rolled_from == D(2024, 10, 6)
    assert compute_due(D(2024, 10, 17), 3, DAYS, cal, direction=BEFORE).due == D(2024, 10, 14)


def test_a_fixed_date_period_ends_on_that_date_of_the_following_year():
    result = compute_due(D(2024, 12, 31), 1, DATE, cal, fixed_month_day="03-31")
    assert result.due == D(2025, 3, 31)
    assert compute_due(D(2024, 6, 1), 1, DATE, cal, fixed_month_day="01-31").due == D(2025, 1, 31)


def test_a_period_reaching_into_an_unknown_year_is_provisional():
    result = compute_due(D(2026, 12, 1), 60, DAYS, cal)
    assert result.provisional
    assert result.explanation.provisional_years == [2027]
    assert "暂定" in "\n".join(result.lines())
    assert not compute_due(D(2026, 10, 1), 30, DAYS, cal).provisional


def test_a_notice_for_the_unknown_year_makes_it_definite_and_can_move_the_date():
    # Without data the 放假办法's 春节 (2-5..2-8) and its 补假 (2-9, 2-10) are estimated;
    # a notice resting 2-5..2-11 moves it on.
    assert compute_due(D(2027, 1, 24), 15, DAYS, cal).due == D(2027, 2, 11)
    notice = NoticeData(
        2027, rest={D(2027, 2, d): "春节" for d in range(5, 12)}, work=frozenset({D(2027, 2, 20)})
    )
    result = compute_due(D(2027, 1, 24), 15, DAYS, WorkCalendar(notices={2027: notice}))
    assert result.due == D(2027, 2, 12)
    assert not result.provisional


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"length": -1}, "期限长度"),
        ({"mode": "weeks"}, "计算方式"),
        ({"pauses": [(D(2024, 8, 10), D(2024, 8, 5))]}, "恢复日"),
        ({"pauses": [(D(2024, 7, 1), D(2024, 7, 5))]}, "早于起算日"),
        ({"extensions": [(0, DAYS)]}, "延长"),
        ({"direction": BEFORE, "pauses": [(D(2024, 8, 10), D(2024, 8, 12))]}, "不能暂停"),
    ],
)
def test_it_rejects_bad_input_with_a_chinese_message(kwargs, fragment):
    args = {"start": D(2024, 8, 1), "length": 10, "mode": DAYS, "calendar": cal} | kwargs
    with pytest.raises(PeriodError) as exc:
        compute_due(**args)
    assert fragment in str(exc.value)


def test_parse_pause_reads_from_to_and_open_pauses():
    assert parse_pause("2024-10-08:2024-10-15") == Pause(D(2024, 10, 8), D(2024, 10, 15))
    assert parse_pause("2024-10-08:") == Pause(D(2024, 10, 8), None)
    with pytest.raises(PeriodError):
        parse_pause("2024-10-08")
    with pytest.raises(PeriodError):
        parse_pause("2024-10-15:2024-10-08")


def test_parse_pause_takes_the_full_width_colon_a_chinese_input_method_types():
    assert parse_pause("2024-10-08：2024-10-15") == Pause(D(2024, 10, 8), D(2024, 10, 15))
    assert parse_pause("2024-10-08：") == Pause(D(2024, 10, 8), None)


# -- issue 20: pauses, extensions and explanations as the law states them --


def test_a_pause_after_expiry_is_not_applied_and_says_why():
    # 行政复议法 第39条 suspends a running period: 60 days from 2024-08-01 end 2024-09-30.
    result = compute_due(D(2024, 8, 1), 60, DAYS, cal, pauses=[Pause(D(2024, 10, 9), None)])
    assert result.due == D(2024, 9, 30)
    assert not result.explanation.still_paused
    assert any("未予适用" in line and "第39条" in line for line in result.lines())
    assert result.explanation.as_dict()["pauses"][0]["applied"] is False


def test_a_pause_on_the_last_day_still_applies():
    result = compute_due(
        D(2024, 8, 1), 60, DAYS, cal, pauses=[Pause(D(2024, 9, 30), D(2024, 10, 2))]
    )
    assert result.due == D(2024, 10, 8)  # 2 days on: 10-02, rolled past the holiday


def test_overlapping_pauses_are_refused():
    with pytest.raises(PeriodError, match="重叠"):
        compute_due(
            D(2024, 8, 1),
            60,
            DAYS,
            cal,
            pauses=[Pause(D(2024, 8, 10), D(2024, 8, 20)), Pause(D(2024, 8, 15), D(2024, 8, 25))],
        )


def test_a_pause_over_rest_days_only_is_shown_and_changes_nothing():
    # 5 working days from 2024-09-27 end 10-10; a pause over the holiday stops no working day.
    plain = compute_due(D(2024, 9, 27), 5, WORKDAYS, cal)
    paused = compute_due(
        D(2024, 9, 27), 5, WORKDAYS, cal, pauses=[Pause(D(2024, 10, 1), D(2024, 10, 8))]
    )
    assert plain.due == paused.due == D(2024, 10, 10)
    assert any(line.startswith("暂停：2024-10-01") for line in paused.lines())


def test_the_roll_over_is_shown_before_the_extension_that_runs_from_it():
    # 60 days from 2024-08-02 end 10-01 (国庆), rolled to 10-08; +30 days from there: 11-07.
    result = compute_due(D(2024, 8, 2), 60, DAYS, cal, extensions=[Extension(30, DAYS)])
    assert result.due == D(2024, 11, 7)
    lines = result.lines()
    roll = next(i for i, x in enumerate(lines) if "原期限顺延至 2024-10-08" in x)
    ext = next(i for i, x in enumerate(lines) if x.startswith("延长："))
    assert roll < ext
    assert "民事诉讼法第85条第2款" in lines[roll]


def test_an_extension_to_n_months_from_the_start_counts_from_the_start():
    # 代表法 第51条: 6 months from 交办 2024-08-31 is 2025-02-28, not 3 months from 11-30.
    result = compute_due(
        D(2024, 8, 31), 3, MONTHS, cal, extensions=[Extension(6, MONTHS, from_start=True)]
    )
    assert result.due == D(2025, 2, 28)
    assert any("自原起算日重新计算" in line for line in result.lines())
    by_end = compute_due(D(2024, 8, 31), 3, MONTHS, cal, extensions=[Extension(3, MONTHS)])
    assert by_end.due == D(2025, 3, 3)  # 11-30 rolled to 12-02, +3 months = 03-02 (Sun) → 03-03


def test_a_due_date_on_a_make_up_weekend_says_so():
    result = compute_due(D(2024, 9, 30), 5, WORKDAYS, cal)
    assert result.due == D(2024, 10, 12)
    assert result.lines()[-1] == "期限届满日：2024-10-12（周六，国庆节调休上班日）"


def test_years_count_like_months_and_roll_forward():
    # 行政复议法 第21条: 5 years from 2019-10-01 → 2024-10-01 (国庆) → 2024-10-08.
    assert compute_due(D(2019, 10, 1), 5, "years", cal).due == D(2024, 10, 8)
    assert compute_due(D(2024, 2, 29), 1, "years", cal).due == D(2025, 2, 28)


def test_hours_end_on_the_next_day_without_rolling():
    # 法律援助法 第39条: 24 hours; received on 2024-09-30, due 10-01 even though a holiday.
    result = compute_due(D(2024, 9, 30), 24, "hours", cal)
    assert result.due == D(2024, 10, 1)
    assert "不因节假日顺延" in "\n".join(result.lines())


@pytest.mark.parametrize("start", [D(1, 1, 1), D(9999, 12, 25)])
def test_dates_outside_the_calendar_are_refused_in_chinese(start):
    with pytest.raises(PeriodError, match="超出"):
        compute_due(start, 10, DAYS, cal)
