"""Generic screens: a register's small records described once, as data.

Registers that hold many small record types without a workflow (committees, mediators,
notarisations, helpers, activities, study sessions …) describe each once as a `Screen`
(its model, form, list columns and xlsx sheet) and get a list, a create/edit form and,
with a sheet, template/import/export, all through `org.scope`. Workflow records (disputes,
legal aid) have their own detail pages (core.workflow_views) and share the action form,
the registration form and the figures page from here.

Lists page without COUNT(*) (`page_without_count`): mediation runs to hundreds of
thousands of rows a province, and a count over them on every page costs more than the
page itself.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, ClassVar, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, include, path, reverse
from django.utils import timezone

from fazhi.core.focus import focus_unit
from fazhi.core.workflow import Transition
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, format_value
from fazhi.kit.forms import add_errors
from fazhi.kit.search import searched
from fazhi.kit.xlsx import Sheet
from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.org.scope import (
    get_for_user_or_404,
    require_record_reader,
    visible_to,
    within,
    writable_units,
)

M = TypeVar("M", bound=models.Model)
V = TypeVar("V", bound=Callable[..., HttpResponse])

DATE = forms.DateInput(attrs={"type": "date"})
PAGE_SIZE = 50


# ---------------------------------------------------------------- paging


@dataclass
class Page:
    """One page of rows fetched as LIMIT n+1: enough to know whether there is a next."""

    items: list[Any]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self) -> Any:
        return iter(self.items)


def page_without_count(qs: models.QuerySet[Any], number: Any, size: int = PAGE_SIZE) -> Page:
    try:
        n = max(1, min(int(number), 100000))
    except (TypeError, ValueError):
        n = 1
    start = (n - 1) * size
    rows = list(qs[start : start + size + 1])
    return Page(items=rows[:size], number=n, has_next=len(rows) > size)


def year_param(request: HttpRequest) -> int | None:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None


def years() -> range:
    return range(timezone.localdate().year, 2017, -1)


def scoped(request: HttpRequest, qs: models.QuerySet[M]) -> models.QuerySet[M]:
    """The rows of `qs` the user may read, narrowed to the unit selected in the unit
    switcher, both through the model's `scope_field`. A role that reads no register
    (the auditor) is refused as a role (403), not shown an empty list."""
    require_record_reader(request.user)
    qs = visible_to(request.user, qs)
    unit = focus_unit(request)
    return qs if unit is None else within(qs, unit)


WRITER_REFUSAL = "您的角色只能查看，不能登记。"


def writer_required(view: V) -> V:
    """Signed in, and in a role that writes records; the read-only roles get 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_writer(request.user)
        return view(request, *args, **kwargs)

    return login_required(guarded)  # type: ignore[return-value]


@dataclass(frozen=True)
class Choice:
    """A list filter by one choice: `?<param>=<value>` keeps the rows whose `lookup` (the
    parameter's own name unless given) is that value; a value not in `values` is ignored."""

    param: str
    values: Collection[str]
    lookup: str = ""


def chosen(
    request: HttpRequest, qs: models.QuerySet[M], choices: Iterable[Choice]
) -> models.QuerySet[M]:
    for c in choices:
        value = request.GET.get(c.param)
        if value in c.values:
            qs = qs.filter(**{c.lookup or c.param: value})
    return qs


def require_writer(user: Any) -> None:
    """Refuse (403) a read-only role, for a view that first looks up a record the user
    must be able to read (a 404 for one out of scope comes before the role's 403);
    elsewhere decorate the view with `writer_required`."""
    if not user.can_write_records:
        raise PermissionDenied(WRITER_REFUSAL)


# ---------------------------------------------------------------- simple records


class ScopedModelForm(forms.ModelForm):
    """A ModelForm whose unit choices (`unit_fields`) are the units the user may write
    for, whose links to other records offer only those the user may read (`read_links`)
    or change (`write_links`), so no other unit's records can be probed, whose dates are
    date inputs, and whose `today_fields` start at today."""

    unit_kinds: tuple[str, ...] = ()
    unit_fields: tuple[str, ...] = ("unit",)
    read_links: tuple[str, ...] = ()
    write_links: tuple[str, ...] = ()
    today_fields: tuple[str, ...] = ()
    Meta: ClassVar[Any]  # a declaration only: each form's own `class Meta` (model, fields)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        unit_fields = [name for name in self.unit_fields if name in self.fields]
        if unit_fields:
            units = writable_units(user)
            if self.unit_kinds:
                units = units.filter(kind__in=self.unit_kinds)
            for name in unit_fields:
                self.fields[name].queryset = units
        for names, write in ((self.read_links, False), (self.write_links, True)):
            for name in names:
                link = self.fields[name]
                link.queryset = visible_to(user, link.queryset, write=write)
        for name in self.today_fields:
            self.fields[name].initial = timezone.localdate()
        for f in self.fields.values():
            if isinstance(f, forms.DateField):
                f.widget = DATE


def scoped_form(
    model: type[models.Model],
    *fields: str,
    widgets: dict[str, forms.Widget] | None = None,
    **attrs: Any,
) -> type[ScopedModelForm]:
    """A record's registration form as one declaration: a `ScopedModelForm` of `model`
    over `fields` (with `widgets`, e.g. `textareas(note=2)`); `attrs` are its class
    attributes (`unit_fields`, `unit_kinds`, `write_links`, `today_fields`, declared
    fields)."""
    meta = type("Meta", (), {"model": model, "fields": list(fields), "widgets": widgets or {}})
    module = model.__module__.rsplit(".", 1)[0] + ".forms"
    return type(f"{model.__name__}Form", (ScopedModelForm,), {"Meta": meta, "__module__": module, **attrs})


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any]
    link: bool = False  # link the cell to the record's get_absolute_url()

    def cell(self, obj: Any) -> dict[str, Any]:
        return {"text": self.value(obj), "url": obj.get_absolute_url() if self.link else ""}


@dataclass(kw_only=True)
class Screen:
    """A plain record's screens, declared: the record type is its form's model, and the
    title the model's name unless given."""

    key: str  # URL names: <key>, <key>_new, <key>_edit; xlsx under <key>_xlsx
    form: type[ScopedModelForm]
    columns: list[Column]
    title: str = ""
    date_field: str = ""  # the year filter and the order
    year_field: str = ""  # for records dated by a year number
    related: tuple[str, ...] = ("unit",)
    sheet: Sheet | None = None
    help: str = ""
    choices: tuple[Choice, ...] = ()  # filters by a choice, e.g. ?format=lecture
    filters: Callable[[HttpRequest, models.QuerySet[Any]], models.QuerySet[Any]] | None = None
    editable: bool = True  # False: records change through their workflow, not a form
    new_url: str = ""  # the registration screen when it is not the generic form
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.title = self.title or str(self.model._meta.verbose_name)

    @property
    def model(self) -> type[models.Model]:
        return self.form._meta.model

    def rows(self, request: HttpRequest) -> models.QuerySet[Any]:
        qs = scoped(request, self.model._default_manager.select_related(*self.related))
        year = year_param(request)
        if year and self.date_field:
            qs = qs.filter(**{f"{self.date_field}__year": year})
        elif year and self.year_field:
            qs = qs.filter(**{self.year_field: year})
        qs = chosen(request, qs, self.choices)
        if self.filters is not None:
            qs = self.filters(request, qs)
        return searched(request, qs)


@dataclass
class Section:
    """An app's tabs: (label, url name) in order, shown above every screen."""

    app: str
    title: str
    tabs: list[tuple[str, str]]

    def resolved(self, request: HttpRequest) -> list[dict[str, Any]]:
        out = []
        for label, name in self.tabs:
            url = reverse(f"{self.app}:{name}")
            out.append({"label": label, "url": url, "active": request.path == url})
        return out


def list_context(
    request: HttpRequest, section: Section, qs: models.QuerySet[Any]
) -> dict[str, Any]:
    """What every list page of a section shows: its tabs, one page of `qs` (without a
    COUNT), the filters' query string without the page (for the pager and the export
    link) and whether the user may register."""
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "section": section,
        "tabs": section.resolved(request),
        "page": page_without_count(qs, request.GET.get("page")),
        "query": query.urlencode(),
        "can_write": request.user.can_write_records,
    }


def list_view(section: Section, screen: Screen) -> Callable[[HttpRequest], HttpResponse]:
    @login_required
    def view(request: HttpRequest) -> HttpResponse:
        context = list_context(request, section, screen.rows(request))
        rows = [
            {"obj": obj, "cells": [c.cell(obj) for c in screen.columns]} for obj in context["page"]
        ]
        return render(
            request,
            "core/screen_list.html",
            {
                **context,
                "screen": screen,
                "rows": rows,
                "headers": [c.header for c in screen.columns],
                "years": years(),
                "year": year_param(request),
                "focus": focus_unit(request),
                "base": f"{section.app}:{screen.key}",
                "new_url": reverse(screen.new_url)
                if screen.new_url
                else reverse(f"{section.app}:{screen.key}_new"),
            },
        )

    return view


def form_page(
    request: HttpRequest,
    form: Any,
    title: str,
    back: str,
    section: Section | None = None,
    status: int = 200,
) -> HttpResponse:
    """The one form page: the form's fields in order, 保存 and 返回 (`back`); a section's
    tabs above it when given."""
    return render(
        request,
        "core/form.html",
        {
            "section": section,
            "tabs": section.resolved(request) if section else [],
            "form": form,
            "title": title,
            "back": back,
        },
        status=status,
    )


def save_form(request: HttpRequest, form: Any, save: Callable[[Any], Any], done: str) -> bool:
    """On a valid POST, `save(form)`; the model's refusal goes back on the form. True
    (with the message `done`, which may name `{obj}`) when saved."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(form)
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    messages.success(request, done.format(obj=form.instance))
    return True


def create_page(
    request: HttpRequest,
    form_class: Any,
    title: str,
    back: str,
    done: str = "已登记：{obj}",
    then: str | None = None,
) -> HttpResponse:
    """Registering a plain record (writers only): the form, then the saved record's page,
    or `then` (a URL or URL name)."""
    require_writer(request.user)
    form = form_class(request.POST or None, user=request.user)
    if save_form(request, form, lambda f: f.save(), done):
        return redirect(then or form.instance.get_absolute_url())
    return form_page(request, form, title, back)


def create_view(
    form_class: Any,
    title: str,
    back: str,
    done: str = "已登记：{obj}",
    then: str | None = None,
) -> Callable[[HttpRequest], HttpResponse]:
    """`create_page` as a view of its own (`back`: the URL name 返回 leads to)."""

    @login_required
    def view(request: HttpRequest) -> HttpResponse:
        return create_page(request, form_class, title, reverse(back), done, then)

    return view


def register_view(
    section: Section, form_class: type[ScopedModelForm], title: str, back: str, done: str
) -> Callable[[HttpRequest], HttpResponse]:
    """Registering a workflow record: the form's instance goes through its own
    `register(by=)` (which opens its statutory periods), then to its page."""

    @writer_required
    def view(request: HttpRequest) -> HttpResponse:
        form = form_class(request.POST or None, user=request.user)
        if save_form(request, form, lambda f: f.instance.register(by=request.user), done):
            return redirect(form.instance.get_absolute_url())
        return form_page(request, form, title, back, section)

    return view


def form_view(section: Section, screen: Screen) -> Callable[..., HttpResponse]:
    @writer_required
    def view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
        instance = get_for_user_or_404(screen.model, pk, request.user, write=True) if pk else None
        form = screen.form(request.POST or None, instance=instance, user=request.user)
        if save_form(request, form, lambda f: f.save(), "已保存：{obj}"):
            return redirect(f"{section.app}:{screen.key}")
        title = f"{'修改' if instance else '登记'}{screen.title}"
        return form_page(request, form, title, reverse(f"{section.app}:{screen.key}"), section)

    return view


def screen_urls(section: Section, *screens: Screen) -> list[URLPattern | URLResolver]:
    """URLs of each screen under /<app>/<key>/ (the key "list" is the app's front page)."""
    return [url for screen in screens for url in _screen_urls(section, screen)]


def _screen_urls(section: Section, screen: Screen) -> list[URLPattern | URLResolver]:
    prefix = "" if screen.key == "list" else f"{screen.key}/"
    urls: list[URLPattern | URLResolver] = [
        path(prefix, list_view(section, screen), name=screen.key)
    ]
    if screen.editable:
        urls += [
            path(f"{prefix}new/", form_view(section, screen), name=f"{screen.key}_new"),
            path(f"{prefix}<int:pk>/", form_view(section, screen), name=f"{screen.key}_edit"),
        ]
    if screen.sheet is not None:
        xlsx = xlsx_urls(screen.sheet, screen.rows, list_url=f"/{section.app}/{prefix}")
        urls.append(
            path(f"{prefix}xlsx/" if not prefix else prefix, include((xlsx, f"{screen.key}_xlsx")))
        )
    return urls


# ---------------------------------------------------------------- workflow actions


def action_form_class(
    transition: Transition,
    record: Any,
    fields_for: dict[str, Callable[[str], forms.Field]] | None = None,
    *,
    make: Callable[[str, str], forms.Field] | None = None,
) -> type[forms.Form]:
    """A form with the date, one field per input the action needs, a note, and the
    version the page was loaded with (a move made on a stale page is refused). An
    input's field is `fields_for[name](label)`, else `make(name, label)`, else text."""
    fields: dict[str, forms.Field] = {
        "on": forms.DateField(label="办理日期", widget=DATE, initial=timezone.localdate),
    }
    for name, label in transition.inputs.items():
        factory = (fields_for or {}).get(name)
        if factory:
            fields[name] = factory(label)
        elif make is not None:
            fields[name] = make(name, label)
        else:
            fields[name] = forms.CharField(label=label, max_length=300, required=False)
    fields["note"] = forms.CharField(
        label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    fields["version"] = forms.IntegerField(
        required=False, widget=forms.HiddenInput, initial=getattr(record, "version", None)
    )
    return type(f"{transition.action.title().replace('_', '')}Form", (forms.Form,), fields)


def date_field(label: str) -> forms.Field:
    return forms.DateField(label=label, required=False, widget=DATE)


def bool_field(label: str) -> forms.Field:
    return forms.BooleanField(label=label, required=False)


def textareas(**rows: int) -> dict[str, forms.Widget]:
    """A form's `Meta.widgets` for its longer texts: each field, the rows its box shows."""
    return {name: forms.Textarea(attrs={"rows": n}) for name, n in rows.items()}


def text_area(label: str) -> forms.Field:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}))


def choice_field(choices: Iterable[tuple[str, str]]) -> Callable[[str], forms.Field]:
    return lambda label: forms.ChoiceField(label=label, choices=list(choices))


# ---------------------------------------------------------------- figures


def figures_view(
    section: Section,
    codes: list[str],
    extra: Callable[[HttpRequest, Any, int], dict[str, Any]] | None = None,
    template: str = "core/screen_figures.html",
    first_year: int = 2018,
) -> Callable[[HttpRequest], HttpResponse]:
    """The register's indicators for the focused unit and a year, each with its definition
    (`template` may extend core/screen_figures.html to add to the page; the year choice
    goes back to `first_year`)."""

    @login_required
    def view(request: HttpRequest) -> HttpResponse:
        unit = focus_unit(request)
        if unit is None or not request.user.can_read_records:
            raise PermissionDenied("您的角色不能查看统计。")
        year = year_param(request) or timezone.localdate().year
        values = compute(unit, year, codes)
        cat = catalogue()
        rows = [{"ind": cat[c], "value": format_value(cat[c], values[c])} for c in codes]
        context = {
            "section": section,
            "tabs": section.resolved(request),
            "rows": rows,
            "year": year,
            "unit": unit,
            "years": range(timezone.localdate().year, first_year - 1, -1),
        }
        if extra is not None:
            context.update(extra(request, unit, year))
        return render(request, template, context)

    return view
