"""`fazhi periods`: the statutory periods as data, every law version or those in force on a date."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError

from fazhi.deadlines.management.base import ExamplesCommand
from fazhi.deadlines.models import Period
from fazhi.deadlines.periods_data import PERIODS

HELP = """法定期限一览：法律、条款、长度、单位、起算事件、可否延长、施行和失效日期。

  fazhi periods                       # 全部期限的各个法律版本
  fazhi periods --on 2023-06-01       # 该日有效的期限（如2023年收到的复议案件适用旧法）
  fazhi periods --json                # JSON 列表，每项含 code、name、law、article、length、
                                      # unit、start、extendable、effective_from、effective_until
"""


class Command(ExamplesCommand):
    help = HELP

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", metavar="YYYY-MM-DD", help="只列该日有效的期限")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args: Any, **opts: Any) -> None:
        on = None
        if opts["on"]:
            try:
                on = dt.date.fromisoformat(opts["on"].strip())
            except ValueError as exc:
                raise CommandError(
                    f"--on：“{opts['on']}”不是有效日期，应写成 YYYY-MM-DD。"
                ) from exc
        periods = [p for p in self._periods() if on is None or p.in_force_on(on)]
        if opts["json"]:
            rows = [p.as_dict() for p in periods]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        for p in periods:
            ext = "；可延长" if p.extendable else ""
            self.stdout.write(
                f"{p.code}\t{p.name}\t{p.length_label}\t{p.start_event}\t"
                f"{p.basis}\t{p.effective_label}{ext}"
            )

    def _periods(self) -> list[Period]:
        try:
            return list(Period.objects.filter(active=True).order_by("code", "effective_from"))
        except DatabaseError:
            # No database yet (a fresh machine): the rows as shipped.
            self.stderr.write(
                "提示：无法读取数据库，列出随系统发布的期限数据（未含管理员的修改）。"
            )
            rows = [Period(**row) for row in PERIODS]
            return sorted(rows, key=lambda p: (p.code, p.effective_from or dt.date.min))
