"""The authorization matrix: what each URL of the site is, as data (issue 10, point 3).

Every fazhi app declares its own rows in `fazhi/<app>/tests/authz.py` as
`ROUTES = {"<url name>": Row(...), ...}`; `fazhi/api/tests/test_authorization_matrix.py`
collects them (as `fazhi/api/urls.py` collects `api.ROUTES`), walks every URL pattern of
the site and fails when a route has no row, then tries each route as every persona.
The rows and this vocabulary are test support: production code never imports them
(an import-linter contract in pyproject.toml holds that).

A row says what the route is (its *kind*) and, for routes about one record, how to make a
record owned by unit A1 (`factory(ctx)` gets a `Ctx` with the persona's units and users).
The expected answer of each persona follows from the kind alone (`expected` in the test),
so the policy lives in one place and a register only says what its routes are.

This module is only imported by the tests; it must not import any app's models at import
time (the apps' row modules import it).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

# Kinds of route.
PUBLIC = "public"  # anyone, signed in or not (the login page)
SIGNED_IN = "signed_in"  # any signed-in user, whatever the role (home, own account)
READER = "reader"  # a register's list, figures or export: every reading role
WRITER = "writer"  # a form that creates a record (GET shows it): writing roles only
RECORD_READ = "record_read"  # one record of A1: its unit's readers, 404 outside
RECORD_WRITE = "record_write"  # the edit form of one record of A1 (GET)
RECORD_ACTION = "record_action"  # a POST-only action on one record of A1
AUDIT = "audit"  # the audit trail: auditors and coordinators
API_LIST = "api_list"  # a router's list route: GET lists, POST creates
API_DETAIL = "api_detail"  # a router's detail route: GET, PATCH, DELETE
API_ACTION = "api_action"  # a router's extra action on one record (POST)
API_READER = "api_reader"  # a router's extra list-level action (GET)
API_PUBLIC_DOC = "api_doc"  # the API root and schema: signed-in users

KINDS = frozenset(
    {
        PUBLIC,
        SIGNED_IN,
        READER,
        WRITER,
        RECORD_READ,
        RECORD_WRITE,
        RECORD_ACTION,
        AUDIT,
        API_LIST,
        API_DETAIL,
        API_ACTION,
        API_READER,
        API_PUBLIC_DOC,
    }
)
RECORD_KINDS = frozenset({RECORD_READ, RECORD_WRITE, RECORD_ACTION, API_DETAIL, API_ACTION})


@dataclass
class Ctx:
    """What a factory may use: the units and users of `fazhi/conftest.py`."""

    unit: Any  # unit_a1, the owner of the record
    county: Any  # county_a, its parent
    other_unit: Any  # unit_a2
    owner: Any  # liaison_a1
    coordinator: Any


Factory = Callable[[Ctx], Any]


@dataclass(frozen=True)
class Row:
    """One route of the site: what it is, and what each persona gets from it, exactly.

    The persona's answer follows from `kind` (the policy, `matrix.expected`); a row only
    says what its route answers where that is not the default of its kind:

    - `status`: what a persona allowed to read gets from a GET (200 unless the page, say,
      answers 404 to everyone because what it shows lives in the session);
    - `post`: what an allowed writer gets from the route's write (the empty POST of a
      record action or an API create, the empty PATCH of an API record); the kind's
      default otherwise (`matrix.WRITE_DEFAULTS`);
    - `delete`: what an allowed writer gets from DELETE on an API record (204 unless the
      viewset refuses, e.g. 403 once a case has moved on);
    - `methods`: the methods tried, when not the kind's (a POST-only form);
    - `disallow`: methods the route does not offer (an API record that cannot be
      deleted): those who can see the record get 405, outsiders still 404;
    - `expect`: the last resort, `{persona: status}` or `{(method, persona): status}`,
      each with the reason in `note`.
    """

    kind: str
    factory: Factory | None = None
    # URL kwargs: a dict, or a function of (record, ctx); by default {"pk": record.pk}.
    kwargs: dict[str, Any] | Callable[[Any, Ctx], dict[str, Any]] | None = None
    # Extra query string or POST data for the request.
    data: dict[str, Any] = field(default_factory=dict)
    status: int = 200
    post: int | None = None
    delete: int = 204
    methods: tuple[str, ...] | None = None
    disallow: frozenset[str] = frozenset()
    expect: dict[Any, int] = field(default_factory=dict)
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown route kind {self.kind!r}")
        if self.kind in RECORD_KINDS and self.factory is None:
            raise ValueError(f"a {self.kind} row needs a factory")
        if self.expect and not self.note:
            raise ValueError("a row that overrides the policy with `expect` must say why in `note`")

    def url_kwargs(self, record: Any, ctx: Ctx) -> dict[str, Any]:
        if callable(self.kwargs):
            return self.kwargs(record, ctx)
        if self.kwargs is not None:
            return dict(self.kwargs)
        return {"pk": record.pk} if record is not None else {}


def public(**kw: Any) -> Row:
    return Row(PUBLIC, **kw)


def signed_in(**kw: Any) -> Row:
    return Row(SIGNED_IN, **kw)


def reader(**kw: Any) -> Row:
    return Row(READER, **kw)


def writer(**kw: Any) -> Row:
    return Row(WRITER, **kw)


def record_read(factory: Factory, **kw: Any) -> Row:
    return Row(RECORD_READ, factory, **kw)


def record_write(factory: Factory, **kw: Any) -> Row:
    return Row(RECORD_WRITE, factory, **kw)


def record_action(factory: Factory, **kw: Any) -> Row:
    return Row(RECORD_ACTION, factory, **kw)


def audit(**kw: Any) -> Row:
    return Row(AUDIT, **kw)


def api_list(**kw: Any) -> Row:
    return Row(API_LIST, **kw)


def api_detail(factory: Factory, **kw: Any) -> Row:
    """A router's detail route; `disallow={"PATCH", "DELETE"}` for what its viewset omits."""
    if "disallow" in kw:
        kw["disallow"] = frozenset(kw["disallow"])
    return Row(API_DETAIL, factory, **kw)


def api_action(factory: Factory, **kw: Any) -> Row:
    return Row(API_ACTION, factory, **kw)


def api_reader(**kw: Any) -> Row:
    return Row(API_READER, **kw)


def api_rows(
    basename: str,
    factory: Factory,
    *actions: str,
    list_actions: tuple[str, ...] = (),
    disallow: tuple[str, ...] = (),
    create: int | None = None,
    patch: int | None = None,
    delete: int = 204,
) -> dict[str, Row]:
    """The rows of one router registration: list, detail and its extra actions.

    `disallow`: the detail methods the viewset does not offer (e.g. `("PATCH", "DELETE")`
    for a register moved only by transitions); `create`: what an empty POST to the list
    answers a writer when not 400 (a viewset without create answers 405); `patch`: what
    an empty PATCH of the factory's record answers when not 200 (400 where the serializer
    runs the model's full validation and the record is a bare `auto` one); `delete`:
    what DELETE answers a writer when allowed but not 204.
    """
    rows = {
        f"{basename}-list": api_list(post=create),
        f"{basename}-detail": api_detail(factory, disallow=disallow, post=patch, delete=delete),
    }
    rows.update({f"{basename}-{a}": api_action(factory) for a in actions})
    rows.update({f"{basename}-{a}": api_reader() for a in list_actions})
    return rows


# A plain record of any model, for the models no app factory covers: every required field
# gets a harmless value, foreign keys to Unit get the owner's unit, other foreign keys a
# record made the same way. Saved with `objects.create`, bypassing workflows: the matrix
# tests who may reach a record, not the record's life.
_seq = itertools.count(1)


def auto(model: type, ctx: Ctx, **overrides: Any) -> Any:
    from django.db import models

    from fazhi.org.models import Unit

    values: dict[str, Any] = {}
    for f in model._meta.concrete_fields:
        if f.primary_key or f.name in overrides:
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            continue
        if f.is_relation:
            if f.null and f.related_model is not Unit:
                continue
            if f.related_model is Unit:
                values[f.name] = ctx.unit
            elif f.related_model._meta.label == "contenttypes.ContentType":
                from django.contrib.contenttypes.models import ContentType

                values[f.name] = ContentType.objects.get_for_model(Unit)
            else:
                values[f.name] = auto(f.related_model, ctx)
            continue
        if f.has_default() or f.null:
            continue
        if f.choices:
            values[f.name] = f.choices[0][0]
        elif isinstance(f, models.BooleanField):
            values[f.name] = False
        elif isinstance(f, models.DateTimeField):
            from django.utils import timezone

            values[f.name] = timezone.now()
        elif isinstance(f, models.DateField):
            values[f.name] = date(2024, 3, 1)
        elif isinstance(f, models.DecimalField):
            values[f.name] = Decimal("1")
        elif isinstance(f, models.IntegerField | models.FloatField):
            values[f.name] = 2024 if f.name == "year" else 1
        elif isinstance(f, models.JSONField):
            values[f.name] = []
        elif isinstance(f, models.CharField | models.TextField):
            text = f"测试{f.name}{next(_seq)}"
            values[f.name] = text[: f.max_length] if f.max_length else text
        else:
            raise TypeError(f"auto() cannot fill {model.__name__}.{f.name}; give the row a factory")
    values.update(overrides)
    return model._default_manager.create(**values)


def auto_factory(label: str, **overrides: Any) -> Factory:
    """`auto_factory("app.Model")`: a factory for `auto` of that model (resolved lazily)."""

    def make(ctx: Ctx) -> Any:
        from django.apps import apps

        return auto(apps.get_model(label), ctx, **overrides)

    return make


def first_action(transitions: str) -> Callable[[Any, Ctx], dict[str, Any]]:
    """URL kwargs for an `act/<action>/` route: the record and the first of its actions.

    `transitions` is the dotted path of the app's transitions dict, read when the test
    runs so that this module imports no app.
    """

    def kwargs(record: Any, ctx: Ctx) -> dict[str, Any]:
        from django.utils.module_loading import import_string

        return {"pk": record.pk, "action": next(iter(import_string(transitions)))}

    return kwargs


def screen_rows(section: Any, screens: Iterable[Any], **edit_row: Any) -> dict[str, Row]:
    """The authorization-matrix rows of the URLs `fazhi.kit.screens.screen_urls` makes for
    these screens (a `Section` and its `Screen`s): the list and the xlsx template and
    export for every reader, the forms and the import for writers, a record's edit form
    within its unit (`edit_row`: what the edit forms' rows say beyond their kind, e.g.
    `expect=…, note=…`)."""
    rows: dict[str, Row] = {}
    for screen in screens:
        name = f"{section.app}:{screen.key}"
        rows[name] = reader()
        if screen.editable:
            rows[f"{name}_new"] = writer()
            rows[f"{name}_edit"] = record_write(auto_factory(screen.model._meta.label), **edit_row)
        if screen.sheet is not None:
            rows[f"{name}_xlsx:template"] = reader()
            rows[f"{name}_xlsx:import"] = writer()
            rows[f"{name}_xlsx:export"] = reader()
            rows[f"{name}_xlsx:export_full"] = writer()
    return rows
