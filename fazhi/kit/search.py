"""Search and the common filters of every register list, declared once per model.

A model names the fields a clerk searches by (case number, document number, party or
applicant name, title) in `search_fields`; every list and its exports pass their rows
through `searched(request, qs)`, which reads the box `q`. The rows come already scoped
(`org.scope`), so a search never finds what the user may not read.

Speed: on PostgreSQL each search field has a trigram index on `UPPER(field)` (the
expression Django's `icontains` compares), created by the `TrigramIndexes` migration
operation; pg_trgm splits Chinese text into trigrams when the database's LC_CTYPE is a
UTF-8 locale (C.UTF-8, zh_CN.UTF-8). A two-character word (most Chinese given names with
their surname: 王伟) has no trigram, so the big registers' search fields also carry a
bigram index (`BigramIndexes`: GIN over `fazhi_bigrams(UPPER(field))`, the array of the
text's two-character substrings); a two-character word then asks whether it is one of
the field's bigrams, which is exactly "contains", answered by the index. The bigram form
is used only where every search field of the model has that index (looked up once per
table). On SQLite the search is a LIKE scan of the scoped rows. See bench/search.py and
BENCHMARKS.md.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.db import models
from django.db.migrations.operations.base import Operation
from django.db.models import BooleanField, F, Func, Q
from django.http import HttpRequest
from django.utils import timezone

from fazhi.core.workflow import Workflow
from fazhi.deadlines.services import overdue_ids
from fazhi.org.models import Unit
from fazhi.org.scope import scope_field

MAX_QUERY = 60  # characters of the search box that are used


def search_text(request: HttpRequest) -> str:
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY]


def search_fields(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(getattr(model, "search_fields", ()))


def search_label(model: type[models.Model]) -> str:
    """What the box searches, in the fields' Chinese names: "案号、申请人、…"."""
    labels = []
    for name in search_fields(model):
        f = model._meta.get_field(name.split("__")[0])
        labels.append(str(f.verbose_name if isinstance(f, models.Field) else f.name))
    return "、".join(labels)


def search(qs: models.QuerySet[Any], text: str) -> models.QuerySet[Any]:
    """The rows where every word of `text` occurs in one of the model's search fields."""
    fields = search_fields(qs.model)
    if not text or not fields:
        return qs
    bigrams = any(len(w) == 2 for w in text.split()) and has_bigram_indexes(qs.model, qs.db)
    for word in text.split():
        match = Q()
        for name in fields:
            if bigrams and len(word) == 2:
                match |= Q(ContainsBigram(F(name), word))
            else:
                match |= Q(**{f"{name}__icontains": word})
        qs = qs.filter(match)
    return qs


class ContainsBigram(Func):
    """`field` contains the two-character `word`, in the form the bigram index serves."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, expression: Any, word: str) -> None:
        super().__init__(expression)
        self.word = word

    def as_sql(  # type: ignore[override]  # a fixed template: no function/arg_joiner to take
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"{BIGRAMS_FUNCTION}(UPPER({sql}::text)) @> ARRAY[UPPER(%s)]::text[]", [*params, self.word]


_bigram_tables: dict[tuple[str, str], bool] = {}


def has_bigram_indexes(model: type[models.Model], alias: str) -> bool:
    """Whether every search field of the model has its bigram index on this database
    (PostgreSQL with the migration applied); asked of the catalogue once per table."""
    from django.db import connections

    connection = connections[alias]
    if connection.vendor != "postgresql":
        return False
    table = model._meta.db_table
    key = (alias, table)
    if key not in _bigram_tables:
        targets = []
        for name in search_fields(model):
            if "__" in name:
                return False  # a field of another table: that table's index, not ours
            column = str(getattr(model._meta.get_field(name), "column", name))
            targets.append(_index_name(table, column, "bigram"))
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_indexes WHERE indexname = ANY(%s)", [targets])
            _bigram_tables[key] = cur.fetchone()[0] == len(targets)
    return _bigram_tables[key]


def searched(request: HttpRequest, qs: models.QuerySet[Any]) -> models.QuerySet[Any]:
    """The list's rows narrowed by the search box and the common filters."""
    return search(common_filters(request, qs), search_text(request))


# ---------------------------------------------------------------- common filters


def period_field(model: type[models.Model]) -> str:
    """The date the 自/至 filter reads: `period_field`, else the model's first date."""
    declared = getattr(model, "period_field", "")
    if declared:
        return declared
    for f in model._meta.concrete_fields:
        if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
            return f.name
    return ""


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def has_deadlines(model: type[models.Model]) -> bool:
    return issubclass(model, Workflow)


def common_filters(request: HttpRequest, qs: models.QuerySet[Any]) -> models.QuerySet[Any]:
    """?unit= (that unit and below; rows stay within the scope they came with), ?from= /
    ?to= (on `period_field`), ?state=, ?overdue=1 (a running statutory deadline past its
    due date). A value that is not one of these is ignored, never an error page."""
    g, model = request.GET, qs.model
    unit_id = g.get("unit", "")
    if unit_id.isdigit() and len(unit_id) <= 12:
        unit = Unit.objects.filter(pk=int(unit_id)).first()
        field = scope_field(model)
        if unit is not None:
            qs = qs.filter(**{f"{field}__path__startswith" if field else "path__startswith": unit.path})
    on = period_field(model)
    start, end = _day(g.get("from", "")), _day(g.get("to", ""))
    if on and start:
        qs = qs.filter(**{f"{on}__gte": start})
    if on and end:
        qs = qs.filter(**{f"{on}__lte": end})
    state = g.get("state", "")
    if state and any(f.name == "state" and state in dict(f.choices or ()) for f in model._meta.concrete_fields):
        qs = qs.filter(state=state)
    if g.get("overdue") == "1" and has_deadlines(model):
        qs = qs.filter(pk__in=overdue_ids(model, timezone.localdate()))
    return qs


# ---------------------------------------------------------------- PostgreSQL indexes


def _index_name(table: str, column: str, kind: str = "trgm") -> str:
    salt = f"{table}.{column}" if kind == "trgm" else f"{table}.{column}.{kind}"
    digest = hashlib.sha1(salt.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{table[:40]}_{column[:10]}_{digest}_{kind}"


BIGRAMS_FUNCTION = "fazhi_bigrams"
# The text's distinct two-character substrings; IMMUTABLE so an index can hold it.
BIGRAMS_SQL = """
CREATE OR REPLACE FUNCTION fazhi_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}'::text[])
    FROM generate_series(1, char_length(t) - 1) AS i
$$"""


class TrigramIndexes(Operation):
    """Trigram GIN indexes on UPPER(field) for the search fields of a model, on
    PostgreSQL only (SQLite has no index for substring search). Changes no model
    state, so `makemigrations` does not see it."""

    reversible = True

    def __init__(self, model_name: str, fields: list[str]) -> None:
        self.model_name = model_name
        self.fields = list(fields)

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def _targets(self, app_label: str, schema_editor: Any, to_state: Any) -> list[tuple[str, str]]:
        model = to_state.apps.get_model(app_label, self.model_name)
        table = model._meta.db_table
        return [(table, model._meta.get_field(f).column) for f in self.fields]

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        qn = schema_editor.quote_name
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table, column in self._targets(app_label, schema_editor, to_state):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {qn(_index_name(table, column))} "
                f"ON {qn(table)} USING gin (UPPER({qn(column)}) gin_trgm_ops)"
            )

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, column in self._targets(app_label, schema_editor, from_state):
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(_index_name(table, column))}")

    def describe(self) -> str:
        return f"Trigram search indexes on {self.model_name} ({', '.join(self.fields)})"

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [self.model_name, self.fields], {})


class BigramIndexes(TrigramIndexes):
    """GIN indexes on `fazhi_bigrams(UPPER(field))` for a model's search fields, on
    PostgreSQL only: a two-character word, which has no trigram, is found through them
    (see `search`). Creates the function on first use."""

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        qn = schema_editor.quote_name
        schema_editor.execute(BIGRAMS_SQL)
        for table, column in self._targets(app_label, schema_editor, to_state):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {qn(_index_name(table, column, 'bigram'))} "
                f"ON {qn(table)} USING gin ({BIGRAMS_FUNCTION}(UPPER({qn(column)})))"
            )
        _bigram_tables.clear()

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, column in self._targets(app_label, schema_editor, from_state):
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(_index_name(table, column, 'bigram'))}")
        _bigram_tables.clear()

    def describe(self) -> str:
        return f"Bigram search indexes on {self.model_name} ({', '.join(self.fields)})"
