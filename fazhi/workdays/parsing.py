"""Reading the dates of a holiday notice as people type them.

Accepted, separated by `;` `；` `,` `，` `、` or new lines:

    2027-01-01                    one day
    2027-02-05~2027-02-11         a stretch (also `～`, `至`, `到`, ` - `)
    春节 2027-02-05~2027-02-11     a stretch with its holiday name (name first or last)
    2027年2月5日至2月11日          Chinese dates; a missing year is the notice's year
    2/5~2/11, 2027/2/5, 2027.2.5

Errors are raised as `NoticeSyntaxError` with a Chinese message naming the item.
"""

from __future__ import annotations

import datetime as dt
import re

SEPARATORS = re.compile(r"[;；,，、\n\r]+")
# One date: optional year, month, day, in ISO, slash, dot or Chinese form.
DATE = r"(?:(\d{4})\s*(?:年|-|/|\.)\s*)?(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?"
RANGE_SEP = r"\s*(?:~|～|至|到|—|–|\s-\s)\s*"
ITEM = re.compile(
    rf"^(?P<name1>[^\d]*?)\s*(?P<a>{DATE})(?:{RANGE_SEP}(?P<b>{DATE}))?\s*(?P<name2>[^\d]*?)$"
)
DATE_ONLY = re.compile(rf"^{DATE}$")
MAX_STRETCH_DAYS = 31
NAME_STRIP = " \t:：()（）【】[]放假调休上班"


class NoticeSyntaxError(ValueError):
    pass


def _date(text: str, default_year: int, item: str) -> dt.date:
    m = DATE_ONLY.match(text.strip())
    if not m:
        raise NoticeSyntaxError(
            f"“{item}”：无法识别日期“{text.strip()}”，请写成 2027-01-01 的形式。"
        )
    year = int(m.group(1)) if m.group(1) else default_year
    try:
        return dt.date(year, int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise NoticeSyntaxError(f"“{item}”：日期“{text.strip()}”不存在。") from exc


def parse_dates(text: str, default_year: int) -> list[tuple[dt.date, str]]:
    """Each date named by `text`, with the holiday name written beside it ("" if none).

    Raises NoticeSyntaxError on the first item that cannot be read, a stretch that
    runs backwards or is longer than a month, or a date named twice.
    """
    seen: dict[dt.date, str] = {}
    out: list[tuple[dt.date, str]] = []
    for raw in SEPARATORS.split(text or ""):
        item = raw.strip()
        if not item:
            continue
        m = ITEM.match(item)
        if not m:
            raise NoticeSyntaxError(
                f"“{item}”：无法识别，请写成“春节 2027-02-05~2027-02-11”的形式。"
            )
        name = (m.group("name1") or m.group("name2") or "").strip(NAME_STRIP)
        first = _date(m.group("a"), default_year, item)
        last = _date(m.group("b"), first.year, item) if m.group("b") else first
        if last < first:
            raise NoticeSyntaxError(f"“{item}”：结束日期早于开始日期。")
        if (last - first).days >= MAX_STRETCH_DAYS:
            raise NoticeSyntaxError(
                f"“{item}”：一段假期不应超过 {MAX_STRETCH_DAYS} 天，请检查日期。"
            )
        d = first
        while d <= last:
            if d in seen:
                raise NoticeSyntaxError(f"“{item}”：日期 {d.isoformat()} 重复出现。")
            seen[d] = name
            out.append((d, name))
            d += dt.timedelta(days=1)
    return out
