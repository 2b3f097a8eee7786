"""`fazhi indicators --unit NAME_OR_CODE --year YYYY [--json] [--codes a,b]`."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.cli import add_unit_year, unit_and_year
from fazhi.indicators.engine import compute


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


class Command(BaseCommand):
    help = "计算某单位（含下级单位）某年度的全部指标。"

    def add_arguments(self, parser: Any) -> None:
        add_unit_year(parser)
        parser.add_argument("--codes", default="", help="只计算这些指标代码（逗号分隔）")
        parser.add_argument("--own", action="store_true", help="只统计本级（不含下级单位）")
        parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象 {指标代码: 数值}")

    def handle(self, *args: Any, **opts: Any) -> None:
        unit, year = unit_and_year(opts)
        codes = [c.strip() for c in opts["codes"].split(",") if c.strip()] or None
        try:
            values = compute(unit, year, codes, own=opts["own"])
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from exc
        if opts["json"]:
            self.stdout.write(json.dumps({k: _json_value(v) for k, v in values.items()}, ensure_ascii=False, indent=2))
            return
        cat = catalogue()
        self.stdout.write(f"{unit.name} {year}年")
        for code, value in values.items():
            ind = cat[code]
            shown = "—" if value is None else f"{value}{ind.unit}"
            self.stdout.write(f"  {ind.name:<24} {shown:>12}   ({code})")
