"""Screens of the lists: the items with filters, an item with its adjustment history and
its state on any day, the adjustment forms (新增 / 变更 / 取消), the adjustments, xlsx and
the figures. Every read through `org.scope`; every change through `apply_adjustment`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date

from fazhi.kit.forms import add_errors
from fazhi.kit.screens import (
    Choice,
    Section,
    chosen,
    figures_view,
    list_context,
    scoped,
    writer_required,
    year_param,
    years,
)
from fazhi.kit.search import searched
from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.lists import indicators as list_indicators
from fazhi.lists.forms import AmendForm, NewItemForm, RemoveForm
from fazhi.lists.importing import ADJUSTMENT_SHEET, import_adjustments
from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.rules import Action, ListKind
from fazhi.lists.services import apply_adjustment
from fazhi.org.scope import can_write_unit, get_for_user_or_404, require_record_reader

SECTION = Section(
    "lists",
    "权责清单",
    [("清单事项", "list"), ("调整记录", "adjustments"), ("统计", "figures")],
)

KIND = Choice("kind", ListKind.values, "list_kind")
STATUSES = [("in_force", "在册"), ("removed", "已取消"), ("all", "全部")]


def _day(request: HttpRequest, name: str = "on") -> date | None:
    try:
        return parse_date(request.GET.get(name, "") or "")
    except ValueError:
        return None


def item_rows(request: HttpRequest) -> QuerySet[ListItem]:
    """The items the user may read, narrowed by the list screen's filters."""
    qs = chosen(request, scoped(request, ListItem.objects.select_related("unit")), [KIND])
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        qs = qs.filter(unit_id=int(unit))
    qs = searched(request, qs)
    day = _day(request)
    status = request.GET.get("status", "in_force")
    if day is not None:
        qs = qs.in_force(day)
    elif status == "in_force":
        qs = qs.filter(in_force_until__isnull=True)
    elif status == "removed":
        qs = qs.filter(in_force_until__isnull=False)
    return qs.order_by("list_kind", "unit__path", "code", "id")


def export_rows(request: HttpRequest) -> QuerySet[ListItem]:
    first = ListAdjustment.objects.filter(item=OuterRef("pk")).order_by("adjusted_on", "id")
    return item_rows(request).annotate(first_document=Subquery(first.values("document_number")[:1]))


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    units = (
        scoped(request, ListItem.objects.all())
        .values_list("unit_id", "unit__name")
        .distinct()
        .order_by("unit__name")
    )
    return render(
        request,
        "lists/list.html",
        {
            **list_context(request, SECTION, item_rows(request)),
            "kinds": ListKind.choices,
            "statuses": STATUSES,
            "units": list(units),
            "params": request.GET,
        },
    )


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_record_reader(request.user)
    item = get_for_user_or_404(ListItem.objects.select_related("unit"), pk, request.user)
    history = list(item.adjustments.select_related("recorded_by").order_by("adjusted_on", "id"))
    day = _day(request)
    return render(
        request,
        "lists/detail.html",
        {
            "section": SECTION,
            "tabs": SECTION.resolved(request),
            "item": item,
            "history": [{"adj": a, "changes": a.changes()} for a in history],
            "day": day,
            "state": item.state_on(day) if day else None,
            "can_adjust": item.is_in_force and can_write_unit(request.user, item.unit),
        },
    )


def _form_page(
    request: HttpRequest, form: Any, title: str, back: str, item: Any = None
) -> HttpResponse:
    return render(
        request,
        "lists/form.html",
        {
            "section": SECTION,
            "tabs": SECTION.resolved(request),
            "form": form,
            "title": title,
            "back": back,
            "item": item,
        },
    )


@writer_required
def item_new(request: HttpRequest) -> HttpResponse:
    form = NewItemForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            adj = apply_adjustment(
                form.cleaned_data["action"],
                by=request.user,
                changes={"list_kind": form.cleaned_data["list_kind"], **form.item_values()},
                **form.adjustment(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记：{adj.get_action_display()} {adj.item}")
            return redirect(adj.item.get_absolute_url())
    return _form_page(request, form, "登记清单事项", "/lists/")


def _adjust_item(
    request: HttpRequest,
    item: ListItem,
    form: Any,
    action: str,
    verb: str,
    changes: Callable[[Any], dict[str, Any]] = lambda form: {},
) -> HttpResponse:
    """Amend or remove an item in force: one adjustment checked against the version the
    form was loaded with; a refusal goes back on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            apply_adjustment(
                action,
                by=request.user,
                item=item,
                expected_version=form.cleaned_data["version"],
                **changes(form),
                **form.adjustment(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已{verb}：{item}")
            return redirect(item.get_absolute_url())
    return _form_page(request, form, f"{verb}事项：{item}", item.get_absolute_url(), item)


def _item_to_adjust(request: HttpRequest, pk: int) -> ListItem:
    return get_for_user_or_404(
        ListItem.objects.select_related("unit"), pk, request.user, write=True
    )


@writer_required
def item_amend(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_to_adjust(request, pk)
    form = AmendForm(request.POST or None, item=item, user=request.user)
    return _adjust_item(
        request, item, form, Action.AMEND, "变更", lambda f: {"changes": f.changes()}
    )


@writer_required
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_to_adjust(request, pk)
    form = RemoveForm(request.POST or None, initial={"version": item.version})
    return _adjust_item(request, item, form, Action.REMOVE, "取消")


def adjustment_rows(request: HttpRequest) -> QuerySet[ListAdjustment]:
    qs = scoped(request, ListAdjustment.objects.select_related("unit", "item"))
    year = year_param(request)
    if year:
        qs = qs.filter(adjusted_on__year=year)
    qs = chosen(request, qs, [KIND])
    action = request.GET.get("action")
    if action in Action.values:
        qs = qs.filter(action=action)
    else:  # the lists as first compiled are not adjustments
        qs = qs.exclude(action=Action.ESTABLISH)
    return searched(request, qs).order_by("-adjusted_on", "-id")


@login_required
def adjustment_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "lists/adjustments.html",
        {
            **list_context(request, SECTION, adjustment_rows(request)),
            "years": years(),
            "year": year_param(request),
            "kinds": ListKind.choices,
            "actions": Action.choices,
            "params": request.GET,
        },
    )


# ---------------------------------------------------------------- adjustments xlsx


adjustment_xlsx_urls = xlsx_urls(
    ADJUSTMENT_SHEET,
    adjustment_rows,
    list_url="/lists/adjustments/",
    applied_by=import_adjustments,
    noun="调整",
)

figures = figures_view(SECTION, [i.code for i in list_indicators.INDICATORS])
