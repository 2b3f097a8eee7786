"""Workflow registers declared, not copied: list, register form, detail, act, figures, xlsx.

A register whose records have states and statutory deadlines (行政复议申请, 政府信息公开
申请, 督办事项 …) describes each record type once as a `WorkflowScreen`: its model, the
list's filters, its templates, how a record is registered, the detail page's own
context, the action form, the figures' indicator codes and the xlsx sheet. `urls()`
then gives the screens under the register's URL names:

    <list>       GET   the list: scope + selected unit (`kit.screens.scoped`), the
                       declared filters, the search box and the common filters, pages of 50
    <register>   GET/POST  the register form; the record's own `register(by=)`-like
                       constructor opens its statutory periods
    <detail>     GET   the record with its action panel, deadlines and history
    <act>        POST  one move through `apply()` (`kit.actions.act_on`)
    <figures>    GET   the register's indicators for the selected unit and a year
    template / import / export / export_full   the xlsx sheet (`kit.xlsx_views`)

Templates that differ from register to register (the list's columns, the detail page)
stay the register's; the figures page is `kit/register_figures.html` for all.
`RegisterViewSet` (kit.api_workflow) is the API side of the same declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, include, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from rest_framework import mixins, permissions, serializers, viewsets

from fazhi.core.focus import focus_unit
from fazhi.kit.actions import (
    FormClassFor,
    act_on,
    record_panels,
)
from fazhi.kit.api import OutOfScopeFirstMixin, ScopedWritePermission
from fazhi.kit.api_workflow import WorkflowMixin
from fazhi.kit.screens import (
    Section,
    figures_view,
    form_page,
    page_without_count,
    save_form,
    scoped,
    writer_required,
)
from fazhi.kit.search import searched
from fazhi.kit.xlsx import Sheet
from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.org.scope import get_for_user_or_404, visible_to

Rows = models.QuerySet[Any]
FIRST_YEAR = 2019  # the registers' year filters start here


def register_years() -> range:
    """The years a register's year filter offers, newest first."""
    return range(timezone.localdate().year, FIRST_YEAR - 1, -1)


# ---------------------------------------------------------------- list filters


@dataclass(frozen=True)
class Filter:
    """One `?param=` of a list: applied when `accepts(value)`, ignored otherwise (a
    value that is not one of the choices never gives an error page)."""

    param: str
    apply: Callable[[Rows, str], Rows]
    accepts: Callable[[str], bool] = str.isdigit


def choice_filter(param: str, choices: Any, field: str = "") -> Filter:
    """`?param=` one of `choices` (a TextChoices class): rows whose `field` equals it."""
    return Filter(
        param,
        lambda qs, v: qs.filter(**{field or param: v}),
        lambda v: v in choices.values,
    )


def year_filter(*fields: str) -> Filter:
    """`?year=`: rows with any of these dates in that year."""

    def apply(qs: Rows, v: str) -> Rows:
        match = Q()
        for name in fields:
            match |= Q(**{f"{name}__year": int(v)})
        return qs.filter(match)

    return Filter("year", apply)


def id_filter(param: str, field: str) -> Filter:
    """`?param=<id>`: rows whose foreign key `field` is that id."""
    return Filter(param, lambda qs, v: qs.filter(**{field: int(v)}))


def action_labels(transitions: dict[str, Any], **first: str) -> dict[str, str]:
    """What the history shows for each audit verb: `first` (e.g. register="登记申请"),
    then each move's label. The audit trail stores the code; people read the label."""
    return {**first, **{a: t.label for a, t in transitions.items()}}


def flag_filter(param: str, apply: Callable[[Any], Rows]) -> Filter:
    """`?param=1` turns the narrowing `apply` on (given the register's own queryset)."""
    return Filter(param, lambda qs, v: apply(qs), lambda v: v == "1")


def meta_fields(form: Any, *leave_out: str) -> dict[str, Any]:
    """The cleaned values of the form's model fields (`Meta.fields`), as keyword arguments
    for a record's constructor (`Application.register(by=, **fields)`)."""
    return {f: form.cleaned_data[f] for f in form.Meta.fields if f not in leave_out}


# ---------------------------------------------------------------- the declaration


@dataclass
class WorkflowScreen:
    """One workflow record type of a register, declared once (see the module docstring)."""

    app: str  # the URL namespace, also the template folder
    model: type[models.Model]
    title: str  # what the register is called on its figures page
    # The list: `<app>/list.html` unless named; with `htmx`, `<app>/_list.html` answers
    # an htmx request (the rows alone).
    list_template: str = ""
    htmx: bool = False
    htmx_template: str = ""  # with `htmx`: `<app>/_list.html` unless named
    filters: tuple[Filter, ...] = ()
    related: tuple[str, ...] = ("unit",)
    choices: dict[str, Any] = field(default_factory=dict)  # template name -> choices
    list_context: Callable[[HttpRequest, Any], dict[str, Any]] | None = None  # (request, page)
    list_rows: Callable[[HttpRequest, Rows], Rows] | None = None  # the page's extra annotations
    current_keys: tuple[str, ...] = ()  # the GET keys the template reads from `current`
    # False: pages fetched as LIMIT n+1 without a COUNT (kit.screens.page_without_count),
    # for a list that can grow large; the pager then shows 上一页/下一页 only.
    count_pages: bool = True
    # Registering: `form`, then `create(user, form)`, by default the model's own
    # constructor `create_with` (which opens the statutory periods) on the form's fields.
    form: Any = None
    create: Callable[[Any, Any], Any] | None = None
    create_with: str = "register"
    form_title: str = ""
    form_template: str = ""  # default: the one form page (kit.screens.form_page)
    done: str = "已登记：{obj}"  # the message, naming `{obj}`
    # The record's page and its moves.
    detail_template: str = ""
    record_name: str = "record"  # what the detail template calls the record
    detail_related: tuple[str, ...] = ()
    action_form: FormClassFor | None = None
    labels: dict[str, str] = field(default_factory=dict)  # audit verb -> label
    detail_context: Callable[[HttpRequest, Any], dict[str, Any]] | None = None
    # Whose deadlines the page lists: the record's, and e.g. its letters'.
    deadlines_of: Callable[[Any], tuple[Any, ...]] = lambda record: (record,)
    # Figures (the register's INDICATORS) and xlsx.
    indicators: tuple[Any, ...] | list[Any] = ()
    sheet: Sheet | None = None
    export_rows: Callable[[HttpRequest], Rows] | None = None  # default: the list's rows
    xlsx_at: str | None = None  # the xlsx URLs' path (default: `prefix`)
    xlsx_names: str = ""  # their names' prefix, e.g. "items_"
    xlsx_namespace: str = ""  # or their namespace, e.g. "letters-xlsx"
    # URLs: the prefix under the app ("" or "suggestions/"), the names, and the paths of
    # views that are not under the prefix (e.g. {"list": ""} for the app's front page);
    # names and paths a register already has (the authorization matrix pins the names)
    # are kept this way.
    prefix: str = ""
    names: dict[str, str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.list_template = self.list_template or f"{self.app}/list.html"
        self.htmx_template = (self.htmx_template or f"{self.app}/_list.html") if self.htmx else ""

    # -------------------------------------------------------------- rows

    def rows(self, request: HttpRequest) -> Rows:
        """The rows the list and its exports show: the scope, the selected unit, the
        declared filters, the search box and the common filters."""
        qs = scoped(request, self.model._default_manager.all())
        for f in self.filters:
            value = request.GET.get(f.param, "")
            if value and f.accepts(value):
                qs = f.apply(qs, value)
        return searched(request, qs).select_related(*self.related)

    def name(self, view: str) -> str:
        return self.names.get(view, view)

    def path(self, view: str, under_prefix: str = "") -> str:
        return self.paths.get(view, f"{self.prefix}{under_prefix}")

    # -------------------------------------------------------------- views

    def list_view(self, request: HttpRequest) -> HttpResponse:
        qs = self.rows(request)
        if self.list_rows is not None:
            qs = self.list_rows(request, qs)
        page: Any
        if self.count_pages:
            page = Paginator(qs, 50).get_page(request.GET.get("page"))
            query = request.GET.urlencode()
        else:
            page = page_without_count(qs, request.GET.get("page"))
            without_page = request.GET.copy()
            without_page.pop("page", None)
            query = without_page.urlencode()
        context = {
            "page": page,
            **self.choices,
            "years": register_years(),
            "current": {k: request.GET.get(k, "") for k in self.current_keys},
            "query": query,
            "focus": focus_unit(request),
            "today": timezone.localdate(),
            "can_write": bool(getattr(request.user, "can_write_records", False)),
        }
        if self.list_context is not None:
            context.update(self.list_context(request, page))
        htmx = self.htmx_template and getattr(request, "htmx", False)
        return render(request, self.htmx_template if htmx else self.list_template, context)

    def new_record(self, user: Any, form: Any) -> Any:
        if self.create is not None:
            return self.create(user, form)
        return getattr(self.model, self.create_with)(by=user, **meta_fields(form))

    def register_view(self, request: HttpRequest) -> HttpResponse:
        form = self.form(request.POST or None, user=request.user)
        created: list[Any] = []

        def save(f: Any) -> None:
            created.append(self.new_record(request.user, f))
            f.instance = created[0]  # the message and the redirect name the new record

        if save_form(request, form, save, self.done):
            return redirect(created[0].get_absolute_url())
        if self.form_template:
            return render(request, self.form_template, {"form": form, "title": self.form_title})
        # 返回 leads to the register's front page.
        return form_page(request, form, self.form_title, reverse(f"{self.app}:list"))

    def fetch(self, request: HttpRequest, pk: int, write: bool = False) -> Any:
        related = self.detail_related or self.related
        return get_for_user_or_404(
            self.model._default_manager.select_related(*related), pk, request.user, write=write
        )

    def context(
        self, request: HttpRequest, record: Any, forms: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The detail page: the record, one button per allowed move (a refused move's
        form comes back bound and open), its deadlines and its history."""
        assert self.action_form is not None
        context = {
            self.record_name: record,
            **record_panels(
                request, record, self.action_form, self.labels, forms, self.deadlines_of(record)
            ),
            "today": timezone.localdate(),
        }
        if self.detail_context is not None:
            context.update(self.detail_context(request, record))
        return context

    def detail_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self.fetch(request, pk)
        return render(request, self.detail_template, self.context(request, record))

    def act_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        """The one view behind every action button: parse its small form, call apply()."""
        assert self.action_form is not None
        record = self.fetch(request, pk, write=True)
        return act_on(
            request,
            record,
            action,
            self.action_form,
            lambda failed: render(
                request, self.detail_template, self.context(request, record, failed), status=400
            ),
        )

    # -------------------------------------------------------------- URLs

    def urls(self) -> list[URLPattern | URLResolver]:
        """The screens' URLs under `prefix`, each under its declared name."""
        at = self.path
        urls: list[URLPattern | URLResolver] = [
            path(at("list"), login_required(self.list_view), name=self.name("list")),
        ]
        if self.form is not None:
            urls.append(
                path(
                    at("register", "new/"),
                    writer_required(self.register_view),
                    name=self.name("register"),
                )
            )
        if self.detail_template:
            urls.append(
                path(
                    at("detail", "<int:pk>/"),
                    login_required(self.detail_view),
                    name=self.name("detail"),
                )
            )
        if self.action_form is not None:
            urls.append(
                path(
                    at("act", "<int:pk>/act/<slug:action>/"),
                    login_required(require_POST(self.act_view)),
                    name=self.name("act"),
                )
            )
        if self.indicators:
            urls.append(path(at("figures", "figures/"), self.figures(), name=self.name("figures")))
        if self.sheet is not None:
            rows = self.export_rows or self.rows
            xlsx = xlsx_urls(self.sheet, rows, list_url=f"/{self.app}/{at('list')}")
            for u in xlsx:
                u.name = f"{self.xlsx_names}{u.name}"
            xlsx_at = self.prefix if self.xlsx_at is None else self.xlsx_at
            if self.xlsx_namespace:
                urls.append(path(xlsx_at, include((xlsx, self.xlsx_namespace))))
            else:
                urls += [path(xlsx_at, include(xlsx))] if xlsx_at else xlsx
        return urls

    def figures(self) -> Callable[[HttpRequest], HttpResponse]:
        """The register's indicators for the selected unit and a year, each with its
        definition, and the way back to the list."""
        section = Section(self.app, self.title, [])
        list_name = f"{self.app}:{self.name('list')}"
        return figures_view(
            section,
            # A statutory table's cells are figures of their document, not headlines.
            [i.code for i in self.indicators if not getattr(i, "table", "")],
            extra=lambda request, unit, year: {"back": reverse(list_name)},
            template="kit/register_figures.html",
            first_year=FIRST_YEAR,
        )


# ------------------------------------------------------------------ the API side
# (round 2, h11: these belong beside `RegisterViewSet` in kit.api_workflow and may move there)


def masked_person(name: str) -> type[serializers.Serializer[Any]]:
    """A register's API fields for the person a record names (`name`: party, applicant,
    proposer): read as `name`, masked (张某某) by the model's `masked_<name>`; written in
    full as `<name>_name`, never read back. The record's serializer inherits them."""
    fields = {
        name: serializers.CharField(source=f"masked_{name}", read_only=True),
        f"{name}_name": serializers.CharField(write_only=True, max_length=100),
    }
    return type(f"Masked_{name}", (serializers.Serializer,), fields)


class MovedOnlyViewSet(  # type: ignore[misc]  # DRF View vs the 404-first mixin
    OutOfScopeFirstMixin,
    WorkflowMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Records the API reads in the user's scope and moves only through `transition/`
    with the screen's action form (`form_for`); they are opened by the records or on
    their screen (a yearly report, a data publication), never created, edited or
    deleted through the API."""

    permission_classes = [permissions.IsAuthenticated, ScopedWritePermission]

    def get_queryset(self) -> Any:
        return visible_to(self.request.user, super().get_queryset())
