"""Due-date arithmetic: pure functions over a `WorkCalendar`.

Counting follows 民事诉讼法 (2023) 第85条 as statutes.md "Conventions" states it (the
行政复议法 borrows it in 第88条, the 行政诉讼法 in 第101条):

- the start day is not counted; counting begins the next day (unless a period says
  its first day counts);
- a period in days or months whose last day is not a working day ends on the next
  working day (法定休假日 read as weekends and public holidays; a 调休 make-up day is a
  working day) [M: practice as commonly stated];
- a period in working days counts working days only, make-up working days included
  (行政复议法 第88条第2款; 政府信息公开条例 "工作日");
- months end on the same day-of-month, clamped to the month's end;
- a pause from A with resumption on B leaves A…B-1 uncounted (the clock stops on the
  day the pause begins and runs again on the day it is lifted);
- an extension continues the count from the end of the original period (the day the
  original period would have ended, after any roll-forward).

A period *before* an event (e.g. a hearing notice "五日前") counts backwards from the
event day, which is not counted; if the day reached is not a working day in a days
or months period, it moves back to the previous working day, since the act must be
done no later than that.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fazhi.workdays.calendar import (
    ESTIMATE_RULE,
    KIND_MAKEUP,
    WEEKDAY_NAMES,
    DayInfo,
    WorkCalendar,
)

DAYS = "days"
WORKDAYS = "workdays"
MONTHS = "months"
YEARS = "years"
HOURS = "hours"
DATE = "date"
MODES = (DAYS, WORKDAYS, MONTHS, YEARS, HOURS, DATE)
EXTENSION_MODES = (DAYS, WORKDAYS, MONTHS)
MODE_LABELS = {
    DAYS: "日（自然日）",
    WORKDAYS: "工作日",
    MONTHS: "个月",
    YEARS: "年",
    HOURS: "小时",
    DATE: "固定日期",
}
MODE_NAMES = {
    DAYS: "自然日",
    WORKDAYS: "工作日",
    MONTHS: "月",
    YEARS: "年",
    HOURS: "小时",
    DATE: "固定日期",
}
# Dates outside these years are typing errors (and would overflow Python's dates).
MIN_YEAR = 1900
MAX_YEAR = 2199
ROLL_RULE = "民事诉讼法第85条第2款：期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期"

AFTER = "after"
BEFORE = "before"
DIRECTION_LABELS = {AFTER: "起算日之后", BEFORE: "事件日之前"}

ONE = dt.timedelta(days=1)
# A period longer than this is a typing error, not a statute (the longest is 20 years,
# which no register counts day by day).
MAX_DAYS = 3660
MAX_MONTHS = 240
MAX_YEARS = 30
MAX_HOURS = 720


class PeriodError(ValueError):
    """Bad input to the arithmetic; the message is Chinese and names the field."""


@dataclass(frozen=True)
class Pause:
    start: dt.date  # first day not counted
    resumed_on: dt.date | None = None  # first day counted again; None: still paused
    reason: str = ""


@dataclass(frozen=True)
class Extension:
    """An approved extension.

    By default the count runs on from the end of the period before it ("延长N日").
    With `from_start` the extended period is `length` counted from the period's start
    instead ("自交办之日起N个月内", 代表法 第51条).
    """

    length: int
    mode: str
    on: dt.date | None = None
    reason: str = ""
    approved_by: str = ""
    from_start: bool = False


@dataclass
class Explanation:
    start: dt.date
    length: int
    mode: str
    direction: str = AFTER
    first_day_counts: bool = False
    start_event: str = ""
    law: str = ""
    article: str = ""
    period_name: str = ""
    fixed_month_day: str = ""
    law_version: str = ""
    original_end: dt.date | None = None  # last day before any roll-forward
    rolled_from: dt.date | None = None
    rolled_to: dt.date | None = None
    # The original period's own roll-forward when an extension follows it.
    first_rolled_from: dt.date | None = None
    first_rolled_to: dt.date | None = None
    ignored_pauses: list[Pause] = field(default_factory=list)
    due_info: DayInfo | None = None
    pauses: list[Pause] = field(default_factory=list)
    paused_days: int = 0
    extensions: list[tuple[Extension, dt.date, dt.date]] = field(
        default_factory=list
    )  # (ext, from, to)
    crossed: list[DayInfo] = field(default_factory=list)
    provisional_years: list[int] = field(default_factory=list)
    due: dt.date | None = None
    still_paused: bool = False

    def lines(self) -> list[str]:
        """The explanation as Chinese sentences, in the order a reader checks them."""
        out: list[str] = []
        if self.period_name or self.law:
            basis = "".join(x for x in (self.law, self.article) if x)
            out.append(f"期限：{self.period_name}" + (f"（{basis}）" if basis else ""))
        if self.law_version:
            out.append(self.law_version)
        event = (
            f"{self.start_event}："
            if self.start_event
            else ("事件日：" if self.direction == BEFORE else "起算日：")
        )
        out.append(f"{event}{_d(self.start)}")
        if self.mode == DATE:
            out.append(
                f"计算方式：固定日期，起算日所在年度之后第 {self.length} 年的 {self.fixed_month_day}（不适用节假日顺延）。"
            )
        elif self.direction == BEFORE:
            out.append(
                f"计算方式：事件日前 {self.length} {MODE_LABELS[self.mode]}，事件日当日不计入，向前倒数；"
                + (
                    "只计工作日，调休上班日计入。"
                    if self.mode == WORKDAYS
                    else "末日不是工作日的，提前至前一个工作日。"
                )
            )
        else:
            first = (
                "起算日当日计入"
                if self.first_day_counts
                else "起算日当日不计入，自次日开始计算（民事诉讼法第85条）"
            )
            rule = {
                DAYS: "期间届满的最后一日不是工作日的，顺延至其后第一个工作日。",
                MONTHS: "以月计算的期间到期月的对应日届满，无对应日的为该月最后一日；最后一日不是工作日的，顺延至其后第一个工作日。",
                YEARS: "以年计算的期间到期年的对应日届满，无对应日的为该月最后一日；最后一日不是工作日的，顺延至其后第一个工作日。",
                WORKDAYS: "只计工作日，周末和法定节假日不计，调休上班日计入。",
                HOURS: "以小时计算的期间自收到时起算；系统只记日期，届满日按起算日后满小时数所在的日期计，不因节假日顺延，精确时刻以登记时间为准。",
            }[self.mode]
            out.append(f"计算方式：{self.length} {MODE_LABELS[self.mode]}，{first}；{rule}")
        for p in self.ignored_pauses:
            out.append(
                f"暂停：{_d(p.start)} 起的暂停未予适用——该日已晚于期限届满日，"
                "中止只能中断进行中的期限（行政复议法第39条），不能使已届满的期限重新计算。"
            )
        for p in self.pauses:
            if p.resumed_on is None:
                out.append(
                    f"暂停：自 {_d(p.start)} 起暂停计算，尚未恢复"
                    + (f"（{p.reason}）" if p.reason else "")
                    + "；恢复后期限相应顺延，目前按恢复日为次日估算。"
                )
            else:
                n = (p.resumed_on - p.start).days
                out.append(
                    f"暂停：{_d(p.start)} 至 {_d(p.resumed_on - ONE)} 不计入期限（{n} 日），{_d(p.resumed_on)} 恢复计算"
                    + (f"（{p.reason}）" if p.reason else "")
                    + "。"
                )
        if self.original_end is not None and (self.extensions or self.rolled_from):
            out.append(f"原定期限最后一日：{_d(self.original_end)}")
        if self.rolled_from and self.rolled_to and not self.extensions:
            word = "提前" if self.direction == BEFORE else "顺延"
            rule = "" if self.direction == BEFORE else f"（{ROLL_RULE}）"
            out.append(f"{_d(self.rolled_from)} 不是工作日，{word}至 {_d(self.rolled_to)}{rule}。")
        if self.first_rolled_from and self.first_rolled_to:
            out.append(
                f"{_d(self.first_rolled_from)} 不是工作日，原期限顺延至 {_d(self.first_rolled_to)}（{ROLL_RULE}）；延长自顺延后的届满日起计算。"
            )
        for ext, frm, to in self.extensions:
            who = f"，批准：{ext.approved_by}" if ext.approved_by else ""
            when = f"{_d(ext.on)} 批准" if ext.on else ""
            if ext.from_start:
                what = f"延长至自{self.start_event or '起算日'} {_d(frm)} 起 {ext.length} {MODE_LABELS[ext.mode]}（自原起算日重新计算，不是自原期限届满日接续），至 {_d(to)}"
            else:
                what = f"延长 {ext.length} {MODE_LABELS[ext.mode]}，自原期限届满日 {_d(frm)} 的次日起接续计算，至 {_d(to)}"
            out.append(
                f"延长：{when}{what}{who}" + (f"（{ext.reason}）" if ext.reason else "") + "。"
            )
        if self.rolled_from and self.rolled_to and self.extensions:
            out.append(
                f"{_d(self.rolled_from)} 不是工作日，顺延至 {_d(self.rolled_to)}（{ROLL_RULE}）。"
            )
        if self.crossed:
            out.append("期间经过的节假日和调休：" + "；".join(info.label for info in self.crossed))
        else:
            out.append("期间没有经过法定节假日或调休上班日。")
        if self.provisional_years:
            years = "、".join(f"{y}年" for y in self.provisional_years)
            out.append(
                f"注意：{years}的放假安排尚未发布或录入，{ESTIMATE_RULE}，结果为暂定，发布后将自动重新计算。"
            )
        if self.due is not None:
            label = "最迟完成日：" if self.direction == BEFORE else "期限届满日："
            tail = "（暂定）" if self.provisional_years else ""
            day = _d(self.due)
            info = self.due_info
            if info is not None and info.kind == KIND_MAKEUP:
                # e.g. "2024-10-12（周六，国庆节调休上班日）": a weekend that is a working day.
                day = f"{self.due.isoformat()}（{WEEKDAY_NAMES[self.due.weekday()]}，{info.name}调休上班日）"
            out.append(f"{label}{day}{tail}")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "start_event": self.start_event,
            "law": self.law,
            "article": self.article,
            "mode": self.mode,
            "length": self.length,
            "direction": self.direction,
            "first_day_counts": self.first_day_counts,
            "original_end": self.original_end.isoformat() if self.original_end else None,
            "rolled_from": self.rolled_from.isoformat() if self.rolled_from else None,
            "rolled_to": self.rolled_to.isoformat() if self.rolled_to else None,
            "pauses": [
                {
                    "from": p.start.isoformat(),
                    "to": p.resumed_on.isoformat() if p.resumed_on else None,
                    "reason": p.reason,
                    "applied": p not in self.ignored_pauses,
                }
                for p in [*self.pauses, *self.ignored_pauses]
            ],
            "paused_days": self.paused_days,
            "extensions": [
                {
                    "length": e.length,
                    "mode": e.mode,
                    "from_start": e.from_start,
                    "from": f.isoformat(),
                    "to": t.isoformat(),
                    "reason": e.reason,
                }
                for e, f, t in self.extensions
            ],
            "crossed": [
                {
                    "date": i.date.isoformat(),
                    "kind": i.kind,
                    "name": i.name,
                    "source": i.source,
                    "provisional": i.provisional,
                }
                for i in self.crossed
            ],
            "provisional_years": self.provisional_years,
            "lines": self.lines(),
        }


@dataclass
class DueResult:
    due: dt.date
    provisional: bool
    explanation: Explanation

    def lines(self) -> list[str]:
        return self.explanation.lines()

    def as_dict(self) -> dict[str, Any]:
        return {
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "explanation": self.explanation.as_dict(),
        }


def _d(d: dt.date | None) -> str:
    return f"{d.isoformat()}（{WEEKDAY_NAMES[d.weekday()]}）" if d else ""


def add_months(d: dt.date, n: int) -> dt.date:
    """Same day-of-month n months later (or earlier), clamped to the month's end."""
    month0 = d.month - 1 + n
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(d.day, _stdcal.monthrange(year, month)[1]))


class _Clock:
    """Which days count: every day after `start`, minus the paused ones."""

    def __init__(self, pauses: Sequence[Pause]) -> None:
        self.ranges = [(p.start, p.resumed_on or p.start + ONE) for p in pauses]

    def paused(self, d: dt.date) -> bool:
        return any(a <= d < b for a, b in self.ranges)


def _count_forward(
    start: dt.date, n: int, counts: Any, clock: _Clock, include_start: bool = False
) -> tuple[dt.date, int]:
    """The day on which the n-th counted day falls after `start`; and the paused days skipped."""
    d = start - ONE if include_start else start
    skipped = 0
    remaining = n
    guard = 0
    while remaining > 0:
        d += ONE
        guard += 1
        if guard > MAX_DAYS * 3:
            raise PeriodError("期限过长，无法计算。")
        if clock.paused(d):
            skipped += 1
            continue
        if counts(d):
            remaining -= 1
    return d, skipped


def _months_forward(
    start: dt.date, n: int, clock: _Clock, include_start: bool = False
) -> tuple[dt.date, int]:
    """Months from `start`; each paused day inside the window pushes the end one day on."""
    base = add_months(start, n)
    if include_start:
        base -= ONE
    end = base
    while True:
        skipped = sum(
            1
            for i in range(1, (end - start).days + 1)
            if clock.paused(start + dt.timedelta(days=i))
        )
        # Keep adding until the counted days equal the unpaused span.
        candidate = base + dt.timedelta(days=skipped)
        if candidate == end:
            return end, skipped
        end = candidate


def _roll_forward(d: dt.date, cal: WorkCalendar, clock: _Clock) -> dt.date:
    while not cal.is_workday(d) or clock.paused(d):
        d += ONE
    return d


def check_year(d: dt.date, label: str) -> None:
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise PeriodError(
            f"{label}：{d.isoformat()} 超出可计算的范围（{MIN_YEAR}—{MAX_YEAR}年），请检查年份。"
        )


def _validate(start: Any, length: Any, mode: str, direction: str, fixed_month_day: str) -> None:
    if not isinstance(start, dt.date):
        raise PeriodError("起算日：请填写日期，如 2024-09-27。")
    check_year(start, "起算日")
    if mode not in MODES:
        raise PeriodError(
            f"计算方式：不支持“{mode}”，应为 日 / 工作日 / 月 / 年 / 小时 / 固定日期。"
        )
    if not isinstance(length, int) or isinstance(length, bool) or length < 0:
        raise PeriodError("期限长度：应为不小于 0 的整数。")
    limits = {MONTHS: MAX_MONTHS, DAYS: MAX_DAYS, WORKDAYS: MAX_DAYS, YEARS: MAX_YEARS}
    if length > limits.get(mode, MAX_HOURS if mode == HOURS else length):
        raise PeriodError("期限长度：数值过大，请检查。")
    if mode == HOURS and direction == BEFORE:
        raise PeriodError("以小时计算的期限不能设置为事件日之前。")
    if direction not in (AFTER, BEFORE):
        raise PeriodError("方向：应为起算日之后或事件日之前。")
    if mode == DATE:
        if direction == BEFORE:
            raise PeriodError("固定日期期限不能设置为事件日之前。")
        try:
            month, day = (int(x) for x in fixed_month_day.split("-"))
            dt.date(2000, month, day)  # a leap year: 02-29 allowed, clamped later
        except (ValueError, AttributeError) as exc:
            raise PeriodError("固定日期：应写成 MM-DD，如 03-31。") from exc


def compute_due(
    start: dt.date,
    length: int,
    mode: str,
    calendar: WorkCalendar,
    *,
    pauses: Iterable[Pause | tuple[dt.date, dt.date | None]] = (),
    extensions: Iterable[Extension | tuple[int, str]] = (),
    first_day_counts: bool = False,
    direction: str = AFTER,
    fixed_month_day: str = "",
    start_event: str = "",
    law: str = "",
    article: str = "",
    period_name: str = "",
    law_version: str = "",
) -> DueResult:
    """The due date of a period, whether it is provisional, and why.

    Raises PeriodError (Chinese message) on bad input: a pause that ends before it
    starts, starts before the start day or overlaps another, an unknown mode, a
    negative length, a date outside MIN_YEAR…MAX_YEAR. A pause that begins after the
    period has already expired is not applied (行政复议法 第39条 suspends a running
    period only) and the explanation says so.
    """
    _validate(start, length, mode, direction, fixed_month_day)
    pause_list = sorted(
        (p if isinstance(p, Pause) else Pause(*p) for p in pauses), key=lambda p: p.start
    )
    ext_list = [e if isinstance(e, Extension) else Extension(*e) for e in extensions]
    previous: Pause | None = None
    for p in pause_list:
        check_year(p.start, "暂停开始日")
        if p.resumed_on is not None:
            check_year(p.resumed_on, "恢复计算日")
        if p.resumed_on is not None and p.resumed_on < p.start:
            raise PeriodError(
                f"暂停：恢复日 {p.resumed_on.isoformat()} 早于暂停开始日 {p.start.isoformat()}。"
            )
        if direction == AFTER and p.start < start:
            raise PeriodError(
                f"暂停：暂停开始日 {p.start.isoformat()} 早于起算日 {start.isoformat()}。"
            )
        if previous is not None and (previous.resumed_on is None or p.start < previous.resumed_on):
            raise PeriodError(
                f"暂停：自 {p.start.isoformat()} 起的暂停与自 {previous.start.isoformat()} 起的暂停重叠，"
                "同一期间不能重复暂停，请合并为一段。"
            )
        previous = p
    for e in ext_list:
        if e.mode not in EXTENSION_MODES:
            raise PeriodError(f"延长：不支持的计算方式“{e.mode}”。")
        if isinstance(e.length, bool) or not isinstance(e.length, int) or e.length <= 0:
            raise PeriodError("延长：延长期限应为正整数。")
    if (pause_list or ext_list) and (direction == BEFORE or mode in (DATE, HOURS)):
        raise PeriodError("事件日之前、固定日期和以小时计算的期限不能暂停或延长。")
    try:
        return _compute(
            start,
            length,
            mode,
            calendar,
            pause_list,
            ext_list,
            Explanation(
                start=start,
                length=length,
                mode=mode,
                direction=direction,
                first_day_counts=first_day_counts,
                start_event=start_event,
                law=law,
                article=article,
                period_name=period_name,
                fixed_month_day=fixed_month_day,
                law_version=law_version,
            ),
        )
    except OverflowError as exc:
        raise PeriodError("期限超出可计算的日期范围，请检查起算日和期限长度。") from exc


def _forward(
    start: dt.date, n: int, mode: str, calendar: WorkCalendar, clock: _Clock, include_start: bool
) -> tuple[dt.date, int]:
    """The last day of n units counted after `start` (before any roll-forward), paused days skipped."""
    if mode == WORKDAYS:
        return _count_forward(start, n, calendar.is_workday, clock, include_start)
    if mode == DAYS:
        return _count_forward(start, n, lambda d: True, clock, include_start)
    if mode == HOURS:
        # Date granularity: n hours from a moment of `start` end on the day n/24 days on.
        return start + dt.timedelta(days=-(-n // 24)), 0
    return _months_forward(start, n * 12 if mode == YEARS else n, clock, include_start)


def _compute(
    start: dt.date,
    length: int,
    mode: str,
    calendar: WorkCalendar,
    pause_list: list[Pause],
    ext_list: list[Extension],
    exp: Explanation,
) -> DueResult:
    first_day_counts, direction = exp.first_day_counts, exp.direction
    if mode == DATE:
        month, day = (int(x) for x in exp.fixed_month_day.split("-"))
        year = start.year + length
        due = dt.date(year, month, min(day, _stdcal.monthrange(year, month)[1]))
        exp.original_end = due
        lo, hi = min(start, due), due
    elif direction == BEFORE:
        if mode == WORKDAYS:
            due = calendar.add_workdays(start, -length)
        else:
            back = length * 12 if mode == YEARS else length
            end = (
                add_months(start, -back)
                if mode in (MONTHS, YEARS)
                else start - dt.timedelta(days=length)
            )
            exp.original_end = end
            due = calendar.previous_workday(end)
            if due != end:
                exp.rolled_from, exp.rolled_to = end, due
        lo, hi = due, start - ONE if start > due else start
    else:
        # A pause counts only if it began while the period was still running (第39条):
        # each is checked against the due date the earlier pauses give.
        applied: list[Pause] = []
        for p in pause_list:
            due_so_far = _plain_due(
                start, length, mode, calendar, _Clock(applied), first_day_counts
            )
            if p.start > due_so_far:
                exp.ignored_pauses.append(p)
            else:
                applied.append(p)
        exp.pauses = applied
        exp.still_paused = any(p.resumed_on is None for p in applied)
        clock = _Clock(applied)
        end, skipped_total = _forward(start, length, mode, calendar, clock, first_day_counts)
        exp.original_end = end
        due = _roll(end, mode, calendar, clock)
        if ext_list:
            if due != end:
                exp.first_rolled_from, exp.first_rolled_to = end, due
            current = due
            for ext in ext_list:
                if ext.from_start:
                    # "自交办之日起N个月内": counted afresh from the period's start.
                    frm = start
                    to, skipped = _forward(start, ext.length, ext.mode, calendar, clock, False)
                else:
                    # An extension runs on from the day the period before it ended.
                    frm = current
                    to, skipped = _forward(current, ext.length, ext.mode, calendar, clock, False)
                skipped_total += skipped
                exp.extensions.append((ext, frm, to))
                current = to
            due = _roll(current, ext_list[-1].mode, calendar, clock)
            if due != current:
                exp.rolled_from, exp.rolled_to = current, due
        elif due != end:
            exp.rolled_from, exp.rolled_to = end, due
        exp.paused_days = skipped_total
        lo, hi = start + ONE, due
    exp.due = due
    exp.due_info = calendar.describe(due)
    exp.crossed = calendar.special_days(lo, hi) if lo <= hi else []
    exp.provisional_years = calendar.provisional_years(_window(lo, hi, due))
    return DueResult(due=due, provisional=bool(exp.provisional_years), explanation=exp)


def _roll(end: dt.date, mode: str, calendar: WorkCalendar, clock: _Clock) -> dt.date:
    """Working-day periods end on a working day already; hours periods do not roll."""
    return end if mode in (WORKDAYS, HOURS) else _roll_forward(end, calendar, clock)


def _plain_due(
    start: dt.date, length: int, mode: str, calendar: WorkCalendar, clock: _Clock, first: bool
) -> dt.date:
    end, _ = _forward(start, length, mode, calendar, clock, first)
    return _roll(end, mode, calendar, clock)


def _window(lo: dt.date, hi: dt.date, due: dt.date) -> list[dt.date]:
    days = []
    d = min(lo, due)
    top = max(hi, due)
    while d <= top:
        days.append(d)
        d += ONE
    return days


def mode_label(mode: str) -> str:
    return MODE_NAMES.get(mode, mode)


def parse_pause(text: str) -> Pause:
    """`FROM:TO` → Pause(FROM, TO); `FROM:` → still paused. Dates are ISO (YYYY-MM-DD);
    the colon may be the full-width one a Chinese input method types (：)."""
    head, sep, tail = text.replace("：", ":").partition(":")
    if not sep:
        raise PeriodError(f"暂停“{text}”：应写成 起始日:恢复日，如 2024-10-08:2024-10-15。")
    try:
        a = dt.date.fromisoformat(head.strip())
        b = dt.date.fromisoformat(tail.strip()) if tail.strip() else None
    except ValueError as exc:
        raise PeriodError(f"暂停“{text}”：日期应写成 YYYY-MM-DD。") from exc
    if b is not None and b < a:
        raise PeriodError(f"暂停“{text}”：恢复日早于暂停开始日。")
    return Pause(a, b)
