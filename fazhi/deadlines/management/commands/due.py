"""`fazhi due`: the deadline calculator on the command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError

from fazhi.deadlines import arithmetic as ar
from fazhi.deadlines.management.base import ExamplesCommand
from fazhi.workdays.calendar import WorkCalendar
from fazhi.workdays.services import get_calendar

HELP = """期限计算器：按民事诉讼法第85条计算届满日。

  fazhi due 2024-09-27 --workdays 5
  fazhi due 2024-08-01 --days 60 --pause 2024-08-10:2024-08-20 --extend-days 30
  fazhi due 2024-10-14 --workdays 5 --before        # 听证日前 5 个工作日
  fazhi due - < queries.jsonl                        # 每行一个 JSON 查询

起算日当日不计入；以日、月计算的期间最后一日不是工作日的，顺延至其后第一个工作日；
以工作日计算的只计工作日，调休上班日计入。

`fazhi due -` 从标准输入逐行读取 JSON，如 {"start": "2024-09-27", "workdays": 5}，
可选键：days / workdays / months（三选一）、pauses（["FROM:TO", …]）、before（true/false）、
extend（{"days": 30} 之类）；每行输出一个 JSON 结果 {"due": …, "provisional": …, …}。
某行出错时输出 {"line": 行号, "error": "…"} 并继续处理，最后以非零状态退出。
"""


def _date(value: Any, label: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ar.PeriodError(f"{label}：“{value}”不是有效日期，应写成 YYYY-MM-DD。") from exc


def _int(value: Any, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ar.PeriodError(f"{label}：应为整数。")
    return value


def query_from_json(obj: Any) -> dict[str, Any]:
    """One JSON query → keyword arguments of compute_due (raises PeriodError in Chinese)."""
    if not isinstance(obj, dict):
        raise ar.PeriodError('每行应为一个 JSON 对象，如 {"start": "2024-09-27", "workdays": 5}。')
    if "start" not in obj:
        raise ar.PeriodError("缺少 start（起算日）。")
    modes = [m for m in (ar.DAYS, ar.WORKDAYS, ar.MONTHS) if m in obj]
    if len(modes) != 1:
        raise ar.PeriodError("days、workdays、months 三者应且只应填写一个。")
    mode = modes[0]
    pauses = []
    raw_pauses = obj.get("pauses", [])
    if not isinstance(raw_pauses, list):
        raise ar.PeriodError('pauses 应为列表，如 ["2024-10-08:2024-10-15"]。')
    for p in raw_pauses:
        if isinstance(p, str):
            pauses.append(ar.parse_pause(p))
        elif isinstance(p, list | tuple) and len(p) == 2:
            pauses.append(
                ar.Pause(_date(p[0], "暂停开始日"), _date(p[1], "恢复计算日") if p[1] else None)
            )
        else:
            raise ar.PeriodError('pauses 的每一项应为 "FROM:TO"。')
    extensions = []
    ext = obj.get("extend")
    if ext is not None:
        if (
            not isinstance(ext, dict)
            or len(ext) != 1
            or next(iter(ext)) not in (ar.DAYS, ar.WORKDAYS, ar.MONTHS)
        ):
            raise ar.PeriodError('extend 应写成 {"days": 30}、{"workdays": 20} 或 {"months": 3}。')
        ext_mode, ext_len = next(iter(ext.items()))
        extensions.append(ar.Extension(_int(ext_len, "extend"), ext_mode))
    return {
        "start": _date(obj["start"], "start（起算日）"),
        "length": _int(obj[mode], mode),
        "mode": mode,
        "pauses": pauses,
        "extensions": extensions,
        "direction": ar.BEFORE if obj.get("before") else ar.AFTER,
    }


def result_json(result: ar.DueResult) -> dict[str, Any]:
    exp = result.explanation.as_dict()
    return {
        "due": result.due.isoformat(),
        "provisional": result.provisional,
        "start": exp["start"],
        "mode": exp["mode"],
        "length": exp["length"],
        "direction": exp["direction"],
        "rolled_from": exp["rolled_from"],
        "paused_days": exp["paused_days"],
        "crossed": exp["crossed"],
        "provisional_years": exp["provisional_years"],
        "explanation": exp["lines"],
    }


class Command(ExamplesCommand):
    help = HELP

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "start", help="起算日（YYYY-MM-DD）；“-” 表示从标准输入逐行读取 JSON 查询"
        )
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--days", type=int, help="期限为 N 日（自然日）")
        group.add_argument("--workdays", type=int, help="期限为 N 个工作日")
        group.add_argument("--months", type=int, help="期限为 N 个月")
        parser.add_argument(
            "--pause",
            action="append",
            default=[],
            metavar="FROM:TO",
            help="暂停计算：FROM 为暂停开始日，TO 为恢复计算日，FROM 至 TO 前一日不计入期限；"
            "尚未恢复的写成 FROM:。可重复。",
        )
        parser.add_argument("--extend-days", type=int, help="延长 N 日，自原期限届满后接续计算")
        parser.add_argument("--extend-workdays", type=int, help="延长 N 个工作日")
        parser.add_argument("--extend-months", type=int, help="延长 N 个月")
        parser.add_argument(
            "--before", action="store_true", help="事件日之前的期限（如听证日前 5 个工作日）"
        )
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args: Any, **opts: Any) -> None:
        calendar = self._calendar()
        if opts["start"] == "-":
            failed = self._stream(calendar)
            if failed:
                raise SystemExit(1)
            return
        try:
            query = self._query_from_args(opts)
            result = ar.compute_due(calendar=calendar, **query)
        except ar.PeriodError as exc:
            raise CommandError(str(exc)) from exc
        if opts["json"]:
            self.stdout.write(json.dumps(result_json(result), ensure_ascii=False))
            return
        tag = "（暂定）" if result.provisional else ""
        self.stdout.write(f"届满日：{result.due.isoformat()}{tag}")
        for line in result.lines():
            self.stdout.write(f"  {line}")

    def _calendar(self) -> WorkCalendar:
        try:
            return get_calendar()
        except DatabaseError:
            # No database yet (a fresh machine): the package's data alone.
            self.stderr.write("提示：无法读取数据库中的放假通知，仅使用 chinesecalendar 数据包。")
            return WorkCalendar()

    def _query_from_args(self, opts: dict[str, Any]) -> dict[str, Any]:
        modes = [(m, opts[m]) for m in (ar.DAYS, ar.WORKDAYS, ar.MONTHS) if opts[m] is not None]
        if not modes:
            raise ar.PeriodError("请指定 --days N、--workdays N 或 --months N。")
        mode, length = modes[0]
        extensions = [
            ar.Extension(opts[f"extend_{m}"], m)
            for m in (ar.DAYS, ar.WORKDAYS, ar.MONTHS)
            if opts[f"extend_{m}"] is not None  # 0 is refused like a negative length
        ]
        return {
            "start": _date(opts["start"], "起算日"),
            "length": length,
            "mode": mode,
            "pauses": [ar.parse_pause(p) for p in opts["pause"]],
            "extensions": extensions,
            "direction": ar.BEFORE if opts["before"] else ar.AFTER,
        }

    def _stream(self, calendar: WorkCalendar) -> int:
        failed = 0
        for number, raw in enumerate(sys.stdin, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ar.PeriodError(f"不是有效的 JSON（第 {exc.colno} 列）。") from exc
                result = ar.compute_due(calendar=calendar, **query_from_json(obj))
                out = {"line": number, **result_json(result)}
            except ar.PeriodError as exc:
                failed += 1
                out = {"line": number, "error": f"第 {number} 行：{exc}"}
            except (ValueError, TypeError, OverflowError, RecursionError):
                # Anything the checks above did not foresee: this line fails, the next runs.
                failed += 1
                out = {"line": number, "error": f"第 {number} 行：无法计算，请检查各项数值。"}
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        return failed
