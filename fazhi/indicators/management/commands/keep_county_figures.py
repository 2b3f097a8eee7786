"""`fazhi keep_county_figures [--year YYYY ...] [--under NAME_OR_CODE]`: fill the kept
county figures (fazhi/indicators/county_figures.py) ahead of the comparisons that read
them, e.g. nightly from cron and after a bulk load, so no supervisor waits for a
province's year to be read from its records."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.indicators import county_figures
from fazhi.indicators.engine import compute_many
from fazhi.indicators.models import CountyFigures
from fazhi.org.models import Unit, UnitKind


class Command(BaseCommand):
    help = "预先计算各县的年度指标汇总数字（供全省、全市并列比较；县内登记变动后自动作废）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--year", type=int, action="append", help="年度，可重复；默认今年和上一年")
        parser.add_argument("--under", default="", help="只计算该单位（省、市）下的县；默认全部")

    def handle(self, *args: Any, **opts: Any) -> None:
        if county_figures.max_age() <= 0:
            raise CommandError("FAZHI_FIGURES_ROLLUP_SECONDS 为 0：不保留各县汇总数字，无需预先计算。")
        today = timezone.localdate()
        years = opts["year"] or [today.year - 1, today.year]
        bad = [y for y in years if not 1990 <= y <= 2100]
        if bad:
            raise CommandError(f"年度 {bad[0]} 不在合理范围内。")
        counties = Unit.objects.filter(kind=UnitKind.COUNTY, active=True).order_by("path")
        if opts["under"]:
            try:
                under = Unit.objects.resolve(opts["under"])
            except (Unit.DoesNotExist, Unit.MultipleObjectsReturned) as exc:
                raise CommandError(str(exc.args[0] if exc.args else exc)) from exc
            counties = counties.filter(path__startswith=under.path)
        chosen = list(counties)
        if not chosen:
            raise CommandError("没有找到县级单位。")
        for year in years:
            started = time.perf_counter()
            compute_many(chosen, year)
            kept = CountyFigures.objects.filter(county__in=chosen, year=year).count()
            self.stdout.write(
                f"{year}年：{len(chosen)} 个县，保留汇总数字 {kept} 条，用时 {time.perf_counter() - started:.1f} 秒。"
            )
