"""What the commands about one unit's year share (`fazhi indicators`, `fazhi report
annual`): the --unit and --year options and reading them, with the same Chinese errors."""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Mapping
from typing import Any

from django.core.management.base import CommandError

from fazhi.indicators.catalogue import MAX_YEAR, MIN_YEAR
from fazhi.org.models import Unit


def add_unit_year(parser: ArgumentParser, *, year_help: str = "年度，如 2022") -> None:
    parser.add_argument("--unit", required=True, help="单位全称、简称或单位代码")
    parser.add_argument("--year", required=True, type=int, help=year_help)


def unit_and_year(opts: Mapping[str, Any]) -> tuple[Unit, int]:
    """The unit named by --unit (full name, short name or code) and the --year, checked."""
    try:
        unit = Unit.objects.resolve(opts["unit"])
    except (Unit.DoesNotExist, Unit.MultipleObjectsReturned) as exc:
        raise CommandError(str(exc.args[0] if exc.args else exc)) from exc
    year: int = opts["year"]
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CommandError(f"年度 {year} 不在合理范围内。")
    return unit, year
