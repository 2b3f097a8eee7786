"""Whether a date is a working day in mainland China, and why.

Three sources, in this order of precedence (statutes.md §13):

1. an administrator's `HolidayNotice` for the date's year (or a date it names
   explicitly, e.g. 12-31 of the previous year in a 元旦 stretch) — it wins, so the
   system need not wait for a package release when the State Council notice appears;
2. the `chinesecalendar` package (2004–2026 in 1.11.0), which raises
   NotImplementedError outside its years, so we read its date tables instead;
3. for a year known to neither, Monday–Friday; every date answered this way is
   *provisional* and says so.

`WorkCalendar` is pure (no database): build it from notices, ask it questions.
`get_calendar()` (in `fazhi.workdays.services`) returns the process-wide one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import chinese_calendar

# Chinese names of the package's Holiday enum (its own values are English).
HOLIDAY_NAMES = {
    "new_years_day": "元旦",
    "spring_festival": "春节",
    "tomb_sweeping_day": "清明节",
    "labour_day": "劳动节",
    "dragon_boat_festival": "端午节",
    "national_day": "国庆节",
    "mid_autumn_festival": "中秋节",
    "anti_fascist_70th_day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
# The package's date tables hold the enum's English value ("National Day").
_NAME_BY_VALUE = {h.value: HOLIDAY_NAMES.get(h.name, h.value) for h in chinese_calendar.Holiday}


def _package_name(value: object) -> str:
    key = getattr(value, "value", value)
    name: str = _NAME_BY_VALUE.get(key, str(key) if key else "")
    return name


WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

SOURCE_PACKAGE = "package"
SOURCE_NOTICE = "notice"
SOURCE_WEEKDAY_RULE = "weekday_rule"
SOURCE_LABELS = {
    SOURCE_PACKAGE: "国务院办公厅放假通知（chinesecalendar 数据包）",
    SOURCE_NOTICE: "管理员录入的放假通知",
    SOURCE_WEEKDAY_RULE: "暂按《全国年节及纪念日放假办法》和周末推算（该年放假安排尚未录入）",
}

KIND_WORKDAY = "workday"
KIND_WEEKEND = "weekend"
KIND_HOLIDAY = "holiday"
KIND_MAKEUP = "makeup"
KIND_IN_LIEU = "in_lieu"  # a weekday made a rest day by 调休 or 补假 (not a statutory holiday)
KIND_LABELS = {
    KIND_WORKDAY: "工作日",
    KIND_WEEKEND: "周末休息日",
    KIND_HOLIDAY: "法定节假日",
    KIND_MAKEUP: "调休上班日",
    KIND_IN_LIEU: "调休休息日",
}
# Days a period's explanation lists: every rest day on a weekday, every make-up working
# day, and the weekends that belong to a named holiday stretch.
SPECIAL_KINDS = (KIND_HOLIDAY, KIND_IN_LIEU, KIND_MAKEUP)

# 《全国年节及纪念日放假办法》（2024年11月10日修订，2025年1月1日起施行）第2条: the
# holidays of all citizens, by date. Solar dates are fixed; 清明 is the solar term
# (chinesecalendar's table); 春节 is 除夕 and 正月初一至初三, whose solar dates are
# astronomical data (农历正月初一 by year, 紫金山天文台《中国天文年历》).
STATUTE_SINCE_YEAR = 2025
FIXED_HOLIDAYS = (
    ((1, 1), "元旦"),
    ((5, 1), "劳动节"),
    ((5, 2), "劳动节"),
    ((10, 1), "国庆节"),
    ((10, 2), "国庆节"),
    ((10, 3), "国庆节"),
)
LUNAR_NEW_YEAR = {
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
    2036: (1, 28),
    2037: (2, 15),
    2038: (2, 4),
    2039: (1, 24),
    2040: (2, 12),
}
ESTIMATE_RULE = (
    "暂按《全国年节及纪念日放假办法》推算：元旦、春节、清明节、劳动节、国庆节的法定假日（第2条）不作为工作日，"
    "适逢周六、周日的在其后的工作日补假（第6条）；端午节、中秋节和国务院办公厅的调休安排尚未计入"
)


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The holidays of all citizens the 放假办法 fixes for `year` (date → name); {} before 2025."""
    if year < STATUTE_SINCE_YEAR:
        return {}
    days = {dt.date(year, m, d): name for (m, d), name in FIXED_HOLIDAYS}
    try:
        terms = chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 10))
    except NotImplementedError:  # outside 1900–2100
        terms = []
    for d, term in terms:
        if "清明" in str(getattr(term, "value", term)):
            days[d] = "清明节"
    if year in LUNAR_NEW_YEAR:
        first = dt.date(year, *LUNAR_NEW_YEAR[year])
        for i in range(-1, 3):
            days[first + dt.timedelta(days=i)] = "春节"
    return days


def estimated_rest_days(year: int) -> dict[dt.date, tuple[str, str]]:
    """Rest days of a year without a notice: date → (kind, holiday name).

    Statutory holidays on a weekday are KIND_HOLIDAY; one that falls on a Saturday or
    Sunday is made up on the next weekday that is not itself a holiday (第6条), a
    KIND_IN_LIEU day; the weekend day keeps its name.
    """
    holidays = statutory_holidays(year)
    out: dict[dt.date, tuple[str, str]] = {}
    for d, name in holidays.items():
        out[d] = (KIND_WEEKEND if d.weekday() >= 5 else KIND_HOLIDAY, name)
    for d in sorted(holidays):
        if d.weekday() < 5:
            continue
        lieu = d + dt.timedelta(days=1)
        while lieu.weekday() >= 5 or lieu in out:
            lieu += dt.timedelta(days=1)
        out[lieu] = (KIND_IN_LIEU, holidays[d])
    return out


def _package_years() -> frozenset[int]:
    years = {d.year for d in chinese_calendar.holidays} | {
        d.year for d in chinese_calendar.workdays
    }
    return frozenset(range(min(years), max(years) + 1)) if years else frozenset()


PACKAGE_YEARS = _package_years()


@dataclass(frozen=True)
class NoticeData:
    """One year's holiday arrangement as an administrator entered it."""

    year: int
    rest: Mapping[dt.date, str]  # rest date → holiday name ("" when unnamed)
    work: frozenset[dt.date]  # make-up working days (调休上班)
    title: str = ""
    doc_number: str = ""


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    workday: bool
    kind: str  # KIND_*
    name: str  # holiday name for holidays and make-up days, else ""
    source: str  # SOURCE_*
    provisional: bool
    source_title: str = ""

    @property
    def label(self) -> str:
        """e.g. "2024-10-01（周二）法定节假日：国庆节", "2024-10-05（周六）周末休息日（国庆节假期）"."""
        day = f"{self.date.isoformat()}（{WEEKDAY_NAMES[self.date.weekday()]}）"
        text = f"{day}{KIND_LABELS[self.kind]}"
        if self.name:
            text += {
                KIND_HOLIDAY: f"：{self.name}",
                KIND_MAKEUP: f"（{self.name}调休）",
                KIND_IN_LIEU: f"（{self.name}假期）",
                KIND_WEEKEND: f"（{self.name}假期）",
            }.get(self.kind, "")
        if self.provisional:
            text += "【暂定】"
        return text

    @property
    def source_label(self) -> str:
        label = SOURCE_LABELS[self.source]
        return f"{label}：{self.source_title}" if self.source_title else label


def _rest_kind(d: dt.date, weekend: bool, statutory: Mapping[dt.date, str]) -> str:
    """The kind of a rest day a notice or the package names."""
    if weekend:
        return KIND_WEEKEND
    if not statutory or d in statutory:
        # Before the 2024 revision the system does not list the statutory days; a named
        # weekday rest day is shown as a holiday, as the notices call it.
        return KIND_HOLIDAY
    return KIND_IN_LIEU


@dataclass
class WorkCalendar:
    """The working-day calendar: package data overlaid by administrators' notices."""

    notices: Mapping[int, NoticeData] = field(default_factory=dict)
    use_package: bool = True

    def __post_init__(self) -> None:
        self._estimates: dict[int, dict[dt.date, tuple[str, str]]] = {}
        # Dates a notice names explicitly win even outside its own year.
        self._explicit: dict[dt.date, tuple[bool, str, NoticeData]] = {}
        for notice in sorted(self.notices.values(), key=lambda n: n.year):
            for d, name in notice.rest.items():
                self._explicit[d] = (False, name, notice)
            for d in notice.work:
                self._explicit[d] = (True, self._makeup_name(notice, d), notice)

    @staticmethod
    def _makeup_name(notice: NoticeData, d: dt.date) -> str:
        # A make-up day belongs to the nearest named holiday of the notice.
        named = [(abs((r - d).days), n) for r, n in notice.rest.items() if n]
        return min(named)[1] if named else ""

    # -- sources ---------------------------------------------------------

    def source_of_year(self, year: int) -> str:
        if year in self.notices:
            return SOURCE_NOTICE
        if self.use_package and year in PACKAGE_YEARS:
            return SOURCE_PACKAGE
        return SOURCE_WEEKDAY_RULE

    def is_provisional(self, d: dt.date) -> bool:
        """True when `d`'s year is known to neither a notice nor the package."""
        if d in self._explicit:
            return False
        return self.source_of_year(d.year) == SOURCE_WEEKDAY_RULE

    # -- questions -------------------------------------------------------

    def describe(self, d: dt.date) -> DayInfo:
        weekend = d.weekday() >= 5
        explicit = self._explicit.get(d)
        if explicit is not None:
            workday, name, notice = explicit
            kind = (
                (KIND_MAKEUP if weekend else KIND_WORKDAY)
                if workday
                else _rest_kind(d, weekend, statutory_holidays(d.year))
            )
            return DayInfo(
                d,
                workday,
                kind,
                name if kind != KIND_WORKDAY else "",
                SOURCE_NOTICE,
                False,
                notice.title or f"{notice.year}年放假通知",
            )
        source = self.source_of_year(d.year)
        if source == SOURCE_NOTICE:
            notice = self.notices[d.year]
            kind = KIND_WEEKEND if weekend else KIND_WORKDAY
            return DayInfo(
                d, not weekend, kind, "", source, False, notice.title or f"{d.year}年放假通知"
            )
        if source == SOURCE_PACKAGE:
            if d in chinese_calendar.workdays:
                kind = KIND_MAKEUP if weekend else KIND_WORKDAY
                name = _package_name(chinese_calendar.workdays[d]) if kind == KIND_MAKEUP else ""
                return DayInfo(d, True, kind, name, source, False)
            if d in chinese_calendar.holidays:
                name = _package_name(chinese_calendar.holidays[d])
                # The package lists every rest day of a stretch; only the days the
                # 放假办法 names are 法定节假日, weekdays added by 调休 are 调休休息日,
                # and the weekends stay weekends (of the named stretch).
                if d in chinese_calendar.in_lieu_days:
                    kind = KIND_IN_LIEU
                else:
                    kind = KIND_WEEKEND if weekend else KIND_HOLIDAY
                return DayInfo(d, False, kind, name, source, False)
            kind = KIND_WEEKEND if weekend else KIND_WORKDAY
            return DayInfo(d, not weekend, kind, "", source, False)
        estimate = self._estimate(d.year).get(d)
        if estimate is not None:
            return DayInfo(d, False, estimate[0], estimate[1], source, True)
        kind = KIND_WEEKEND if weekend else KIND_WORKDAY
        return DayInfo(d, not weekend, kind, "", source, True)

    def _estimate(self, year: int) -> dict[dt.date, tuple[str, str]]:
        if year not in self._estimates:
            self._estimates[year] = estimated_rest_days(year)
        return self._estimates[year]

    def is_workday(self, d: dt.date) -> bool:
        return self.describe(d).workday

    def next_workday(self, d: dt.date) -> dt.date:
        """The first working day on or after `d`."""
        while not self.is_workday(d):
            d += dt.timedelta(days=1)
        return d

    def previous_workday(self, d: dt.date) -> dt.date:
        """The last working day on or before `d`."""
        while not self.is_workday(d):
            d -= dt.timedelta(days=1)
        return d

    def add_workdays(self, d: dt.date, n: int) -> dt.date:
        """The n-th working day after `d` (`d` itself not counted); n=0 gives `d`."""
        step = dt.timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_workday(d):
                remaining -= 1
        return d

    def days(self, start: dt.date, end: dt.date) -> Iterator[DayInfo]:
        """Every day from start to end inclusive (either order), ascending."""
        lo, hi = min(start, end), max(start, end)
        while lo <= hi:
            yield self.describe(lo)
            lo += dt.timedelta(days=1)

    def special_days(self, start: dt.date, end: dt.date) -> list[DayInfo]:
        """The holidays and make-up working days between start and end inclusive."""
        return [
            info
            for info in self.days(start, end)
            if info.kind in SPECIAL_KINDS or (info.kind == KIND_WEEKEND and info.name)
        ]

    def provisional_years(self, dates: Iterable[dt.date]) -> list[int]:
        return sorted({d.year for d in dates if self.is_provisional(d)})
