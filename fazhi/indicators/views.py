"""Indicator screens and dashboards: thin views over the engine.

Every figure links to the records it counted (`records`), which go through the
scope (`visible_to`), so a figure and its records cannot disagree and nobody sees
another unit's records. The catalogue is read generically: no view names a code.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from fazhi.core.focus import focus_unit
from fazhi.core.spreadsheets import xlsx_response
from fazhi.deadlines.models import Deadline
from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import drilldown, engine, figcache
from fazhi.indicators.catalogue import MAX_YEAR, MIN_YEAR, default_year
from fazhi.indicators.display import display
from fazhi.indicators.drilldown import records_url
from fazhi.org.models import Unit
from fazhi.org.scope import can_read_unit, require_record_reader, visible_to

TREND_YEARS = 5  # years shown by default on the trend screens
MAX_TREND_YEARS = 15  # one grouped query per model per year: keep it bounded
COMPARE_DEFAULT = 8  # indicators shown side by side when none are chosen


def plain(value: Any) -> int | float | None:
    """A JSON-friendly number for charts."""
    if isinstance(value, Decimal):
        return float(value)
    number: int | float | None = value
    return number


def register_name(label: str) -> str:
    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label or "其他"


YEAR_SESSION_KEY = "indicators_year"


def parse_year(request: HttpRequest, name: str = "year", default: int | None = None) -> int:
    """The year asked for in ?<name>=. The figures' own year (`name` "year", no
    `default`) is remembered in the user's session: the next screen opens on it."""
    remember = name == "year" and default is None
    raw = request.GET.get(name, "").strip()
    kept = request.session.get(YEAR_SESSION_KEY) if remember else None
    fallback = default if default is not None else kept if isinstance(kept, int) else default_year()
    if not raw:
        return fallback
    if not raw.isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        messages.error(
            request,
            f"年度“{raw}”无效（应为 {MIN_YEAR}—{MAX_YEAR} 之间的四位数字），已改为 {fallback} 年。",
        )
        return fallback
    if remember:
        request.session[YEAR_SESSION_KEY] = int(raw)
    return int(raw)


def unit_for(request: HttpRequest) -> Unit:
    """The unit asked for in ?unit=, or the focused unit; 404 when out of scope.

    A role that reads no register is refused first (403), as on the register lists.
    """
    require_record_reader(request.user)
    raw = request.GET.get("unit", "").strip()
    if raw:
        unit = Unit.objects.filter(pk=raw).first() if raw.isdigit() else None
        if unit is None or not can_read_unit(request.user, unit):
            raise Http404("单位不存在或无权查看。")
        return unit
    unit = focus_unit(request)
    if unit is None or not can_read_unit(request.user, unit):
        raise Http404("没有可查看的单位。")
    return unit


def chosen_codes(request: HttpRequest, default: list[str] | None = None) -> list[str]:
    """The indicators asked for by ?code=…; else `default`, else the catalogue's first
    COMPARE_DEFAULT."""
    cat = cat_module.catalogue()
    codes = [c for c in request.GET.getlist("code") if c in cat]
    return codes or (list(cat)[:COMPARE_DEFAULT] if default is None else default)


def figure_url(ind: cat_module.Indicator, unit: Unit, year: int) -> str:
    """The records behind a figure; "" for a sum of other figures (it has none of its own)."""
    return records_url(ind.code, unit, year) if ind.kind != "parts" else ""


def rows_for(unit: Unit, year: int, values: dict[str, Any]) -> list[dict[str, Any]]:
    """Each indicator with its value, definition and drill-down link."""
    cat = cat_module.catalogue()
    rows = []
    for code, value in values.items():
        ind = cat[code]
        row: dict[str, Any] = {
            "code": code,
            "ind": ind,
            "value": value,
            "shown": display(ind, value),
            "register": register_name(ind.register),
            "url": "",
            "links": [],
        }
        if ind.kind in ("count", "sum", "rate"):
            row["url"] = records_url(code, unit, year)
        if ind.kind in ("rate", "sum"):
            row["rounding"] = (
                f"四舍五入，保留{ind.decimals}位小数" if ind.decimals else "四舍五入取整"
            )
        if ind.kind == "rate":
            row["links"] = [
                ("分子", cat[ind.numerator].name, records_url(ind.numerator, unit, year)),
                ("分母", cat[ind.denominator].name, records_url(ind.denominator, unit, year)),
            ]
        elif ind.kind == "parts":
            row["links"] = [("", cat[p].name, records_url(p, unit, year)) for p in ind.parts]
        rows.append(row)
    return rows


def grouped(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for row in rows:
        groups.setdefault(row["register"], []).append(row)
    return list(groups.items())


def year_page(
    request: HttpRequest, template: str, unit: Unit, year: int, **context: Any
) -> HttpResponse:
    """A page about one unit's figures of one year: the template gets `unit` and `year`
    besides `context`."""
    return render(request, template, {"unit": unit, "year": year, **context})


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    unit = unit_for(request)
    year = parse_year(request)
    values = engine.compute(unit, year, cat_module.listed())
    rows = rows_for(unit, year, values)
    return year_page(
        request, "indicators/overview.html", unit, year,
        indicator_groups=grouped(rows), count=len(rows), period=cat_module.Period.year(year),
    )


@login_required
def records(request: HttpRequest, code: str) -> HttpResponse:
    cat = cat_module.catalogue()
    if code not in cat:
        raise Http404("未知指标代码。")
    ind = cat[code]
    unit = unit_for(request)
    year = parse_year(request)
    ctx: dict[str, Any] = {"ind": ind, "code": code, "unit": unit, "year": year}
    value = engine.compute(unit, year, [code])[code]
    ctx["shown"] = display(ind, value)
    # Subtrees reported from another server (upward reporting): their figure is in the
    # total, their records are not here.
    ctx["reported"] = list(Unit.objects.filter(path__in=engine.external_roots(unit, year)))
    if ind.kind == "parts":
        ctx["parts"] = [(cat[p], records_url(p, unit, year)) for p in ind.parts]
        return render(request, "indicators/records.html", ctx)
    counted = cat[ind.numerator] if ind.kind == "rate" else ind  # the records listed
    cols = drilldown.columns(counted, cat_module.Period.year(year))
    qs = visible_to(request.user, engine.records(code, unit, year)).order_by("pk")
    qs = qs.select_related(*drilldown.related(cols))
    if request.GET.get("format") == "xlsx":
        data = drilldown.workbook(ind, unit, year, cols, qs, user=request.user)
        return xlsx_response(data, f"{ind.name}_{unit.name}_{year}年明细.xlsx")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    ctx["page"] = page
    ctx["headers"] = [c.header for c in cols]
    ctx["rows"] = drilldown.table(cols, page)
    ctx["export_url"] = f"{records_url(code, unit, year)}&format=xlsx"
    if ind.kind == "rate":
        ctx["numerator"] = cat[ind.numerator]
        ctx["denominator_url"] = records_url(ind.denominator, unit, year)
        ctx["denominator"] = cat[ind.denominator]
    return render(request, "indicators/records.html", ctx)


def compare_data(unit: Unit, year: int, codes: list[str]) -> dict[str, Any]:
    """The unit's children side by side: one grouped query per model."""
    cat = cat_module.catalogue()
    children = list(unit.children.filter(active=True).order_by("sort_order", "path"))
    values = engine.compute_many(children, year, codes) if children else {}
    rows = []
    for child in children:
        cells = [
            {
                "value": values[child.pk][c],
                "shown": display(cat[c], values[child.pk][c]),
                "url": figure_url(cat[c], child, year),
            }
            for c in codes
        ]
        rows.append({"unit": child, "cells": cells})
    return {"children": children, "rows": rows, "columns": [cat[c] for c in codes]}


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    unit = unit_for(request)
    year = parse_year(request)
    codes = chosen_codes(request)
    return year_page(
        request, "indicators/compare.html", unit, year,
        codes=codes, all=list(cat_module.catalogue().values()), **compare_data(unit, year, codes),
    )


def trend_years(request: HttpRequest) -> list[int]:
    last = parse_year(request, "to")
    first = parse_year(request, "from", default=last - TREND_YEARS + 1)
    if first > last:
        first, last = last, first
    if last - first + 1 > MAX_TREND_YEARS:
        messages.error(
            request,
            f"一次最多比较 {MAX_TREND_YEARS} 个年度，已从 {last - MAX_TREND_YEARS + 1} 年起显示。",
        )
        first = last - MAX_TREND_YEARS + 1
    return list(range(first, last + 1))


def trend_values(unit: Unit, years: list[int], codes: list[str]) -> dict[int, dict[str, Any]]:
    # One grouped query per model and year: bounded by MAX_TREND_YEARS, never by units.
    return {y: engine.compute(unit, y, codes) for y in years}


@login_required
def trends(request: HttpRequest) -> HttpResponse:
    unit = unit_for(request)
    years = trend_years(request)
    cat = cat_module.catalogue()
    codes = chosen_codes(request)
    values = trend_values(unit, years, codes)
    rows = [
        {
            "ind": cat[c],
            "cells": [
                {
                    "shown": display(cat[c], values[y][c]),
                    "url": figure_url(cat[c], unit, y),
                }
                for y in years
            ],
        }
        for c in codes
    ]
    return render(
        request,
        "indicators/trends.html",
        {
            "unit": unit,
            "years": years,
            "rows": rows,
            "codes": codes,
            "all": list(cat.values()),
            "first": years[0],
            "last": years[-1],
        },
    )


def deadline_panel(request: HttpRequest, unit: Unit) -> dict[str, Any]:
    """Open deadlines due soon and overdue in the unit's subtree (deadlines app)."""
    today = timezone.localdate()
    qs = Deadline.objects.visible_to(request.user).open().in_subtree(unit)
    overdue = list(qs.overdue(today).select_related("unit", "period").order_by("due_date")[:20])
    soon = list(qs.due_soon(today).select_related("unit", "period").order_by("due_date")[:20])
    try:
        list_url = reverse("deadlines:list")
    except Exception:  # noqa: BLE001 - the deadlines screens may not be mounted yet
        list_url = ""

    def item(d: Any) -> dict[str, Any]:
        url = d.get_absolute_url() if hasattr(d, "get_absolute_url") else list_url
        return {
            "label": str(d),
            "due": d.due_date.isoformat(),
            "unit": str(getattr(d, "unit", "")),
            "url": url,
        }

    return {
        "available": True,
        "today": today.isoformat(),
        "list_url": list_url,
        "overdue_count": qs.overdue(today).count(),
        "soon_count": qs.due_soon(today).count(),
        "overdue": [item(d) for d in overdue],
        "soon": [item(d) for d in soon],
    }


def dashboard_figures(unit: Unit, year: int, code: str) -> tuple[dict[str, Any], str, list[str]]:
    """The dashboard's figures: the year at a glance, one figure's trend and the children
    side by side; with the chosen figure and the figures that can be chosen."""
    cat = cat_module.catalogue()
    values = engine.compute(unit, year, cat_module.listed())
    glance: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for c, value in values.items():
        ind = cat[c]
        group = glance.setdefault(
            register_name(ind.register),
            {"register": register_name(ind.register), "bars": [], "rates": []},
        )
        point = {
            "code": c,
            "name": ind.name,
            "unit": ind.unit,
            "value": plain(value),
            "shown": display(ind, value),
            "url": figure_url(ind, unit, year),
        }
        (group["rates"] if ind.kind == "rate" else group["bars"]).append(point)
    focus_codes = [c for c in values if cat[c].kind != "parts"]
    if code not in cat:
        code = focus_codes[0] if focus_codes else ""
    data: dict[str, Any] = {"year": year, "unit": unit.name, "glance": list(glance.values())}
    if code:
        ind = cat[code]
        years = list(range(year - TREND_YEARS + 1, year + 1))
        tv = trend_values(unit, years, [code])
        data["trend"] = {
            "name": ind.name,
            "unit": ind.unit,
            "points": [
                {"year": y, "value": plain(tv[y][code]), "url": records_url(code, unit, y)}
                for y in years
            ],
        }
        comp = compare_data(unit, year, [code])
        data["compare"] = {
            "name": ind.name,
            "unit": ind.unit,
            "points": [
                {
                    "unit": r["unit"].display_name,
                    "value": plain(r["cells"][0]["value"]),
                    "url": r["cells"][0]["url"],
                }
                for r in comp["rows"]
            ],
        }
    return data, code, focus_codes


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    unit = unit_for(request)
    year = parse_year(request)
    cat = cat_module.catalogue()
    code = request.GET.get("code", "")
    fresh = request.GET.get("fresh") == "1"
    (data, code, focus_codes), computed_at = figcache.kept(
        ("dashboard", unit.pk, unit.path, year, code), lambda: dashboard_figures(unit, year, code), fresh=fresh
    )
    data = {**data, "deadlines": deadline_panel(request, unit)}  # by the user's scope: never kept
    return year_page(
        request, "indicators/dashboard.html", unit, year,
        data=data, code=code, choices=[cat[c] for c in focus_codes], computed_at=computed_at,
        kept_seconds=figcache.ttl(),
    )
