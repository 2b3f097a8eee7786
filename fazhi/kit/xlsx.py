"""xlsx templates, all-or-nothing imports and safe exports, shared by every register.

A register describes its sheet once, in `importing.py`, as a `Sheet` of `Column`s; the
same description gives the downloadable template, the import, and the export. Columns
of model fields take their header, kind, choices and whether they are required from the
model (`fields`, `model_column`, `exports`); a `Column` is written out only where the
sheet differs from the model (a personal value masked, a value read another way):

    SHEET = Sheet(
        model=Application,
        title="行政复议申请",
        columns=[
            Column("申请人", "applicant_name", required=True, personal="name"),
            *fields(Application, received_on="2024-01-31", respondent="确山县市场监督管理局",
                    channel="当面递交"),
            *exports(Application, "state", "closed_on"),
        ],
    )

Imports read the sheet streaming (`core.xlsx_read`: cells as openpyxl's read-only,
data-only mode gives them, formulas only as their cached results), validate every row
with the model's own `full_clean()`, and write nothing unless every row is valid: errors
come back per row and column, as a list and as a workbook, the first MAX_ERRORS of them
(the file is not read further once there are more). Files that are not xlsx, are too
large, unpack to too much (`core.safezip`), or carry macros are refused before they are
parsed. Validation holds no write lock: valid rows are set aside (`_Spool`) and written
afterwards in one short transaction. Rows that repeat the sheet's `natural_key`, in the
file or in the records the user can see, are written only once the user has said so
(`import_file(duplicates=…)`). Memory does not grow with the rows: one row is read at a
time and valid rows are written in batches of BATCH (one `executemany` each where
nothing is needed back; see `_Writer`).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import pickle
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models.fields import AutoFieldMixin
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record
from fazhi.core.safezip import XLSX_LIMITS, ZipRefused, check_zip
from fazhi.core.spreadsheets import FORMULA_PREFIXES, safe_cell
from fazhi.core.spreadsheets import XLSX_CONTENT_TYPE as XLSX_CONTENT_TYPE  # registers' import
from fazhi.indicators import figcache
from fazhi.kit.xlsx_read import SheetValues, UnreadableWorkbook
from fazhi.org.scope import can_write_unit, visible_to, writable_units
from fazhi.org.validators import mask_id_number, mask_name, mask_phone

BATCH = 1000
# Errors kept per import: past this the file is not read further (issue 17: 200,000 bad
# rows made 1.2 million errors, 1.4 GB kept and a 26 MB page).
MAX_ERRORS = 500
# What an import does with rows that repeat a register's natural key (`Sheet.natural_key`).
ASK, SKIP, KEEP = "ask", "skip", "keep"


class ImportRefused(Exception):
    """The file as a whole cannot be imported (wrong type, too large, macros, bad header)."""


@dataclass
class Column:
    header: str
    field: str
    kind: str = "text"  # text | int | decimal | date | bool | choice | unit | custom
    required: bool = False
    choices: Iterable[tuple[str, str]] = ()
    help: str = ""
    example: Any = ""
    # "name" / "phone" / "id_number": masked on export.
    personal: str = ""
    # For kind="custom": parse(raw, context) -> value, raising ValidationError.
    parse: Callable[[Any, dict[str, Any]], Any] | None = None
    # Export: how to read the value from a record (default: the attribute `field`).
    read: Callable[[Any], Any] | None = None
    importable: bool = True
    # The export for editing (`export_for_editing`) writes the model field `field` as the
    # import set it (not `read`, which may mask it); for a column that is not a model
    # field, `read`, or this when `read` masks.
    unmasked: Callable[[Any], Any] | None = None
    _labels: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def choice_labels(self) -> dict[str, str]:
        """Label → stored value; built once, as every row of an import asks."""
        if self._labels is None:
            self.choices = list(self.choices)
            self._labels = {label: value for value, label in self.choices}
        return self._labels


def _kind(f: Any) -> str:
    """A sheet column's kind for a model field (`model_column`)."""
    if f.is_relation:
        if f.related_model._meta.label == "org.Unit":
            return "unit"
        raise ValueError(f"{f.model.__name__}.{f.name}: a link to another record needs its own Column")
    if f.choices:
        return "choice"
    if isinstance(f, models.BooleanField):
        return "bool"
    if isinstance(f, models.DateField):
        return "date"
    if isinstance(f, models.IntegerField):
        return "int"
    if isinstance(f, models.DecimalField):
        return "decimal"
    return "text"


def model_column(model: type[models.Model], name: str, example: Any = "", **overrides: Any) -> Column:
    """The column of the model field `name`, with what the model already says.

    The header is the field's verbose_name; the kind follows the field (a link to a unit
    → unit, choices → choice with the field's choices, BooleanField → bool, DateField →
    date, integer → int, DecimalField → decimal, else text); a cell is required when the
    field may not be blank and has no default. `overrides` set any other `Column`
    attribute, or one of these where the sheet differs from the model. A column that is
    not importable is never required."""
    f = model._meta.get_field(name)
    kw: dict[str, Any] = {
        "header": str(f.verbose_name),
        "kind": _kind(f),
        "required": not f.blank and not f.has_default(),
        "example": example,
    }
    if kw["kind"] == "choice":
        kw["choices"] = list(f.choices or ())
    kw.update(overrides)
    if not kw.get("importable", True):
        kw["required"] = False
    return Column(field=name, **kw)


def fields(model: type[models.Model], /, **examples: Any) -> list[Column]:
    """The columns of the model's fields named by the keywords, in their order, each
    keyword's value the template's example ("" for none): `model_column` for each."""
    return [model_column(model, name, example) for name, example in examples.items()]


def exports(model: type[models.Model], *names: str) -> list[Column]:
    """Columns the export shows and the import does not read (a workflow's progress)."""
    return [model_column(model, name, importable=False) for name in names]


def unit_column(header: str, example: str = "", field: str = "unit", **kw: Any) -> Column:
    """The unit a row belongs to, by its name (required unless `required=False`)."""
    kw.setdefault("required", True)
    return Column(header, field, kind="unit", example=example, **kw)


def choice_column(
    header: str, field: str, choices: Iterable[tuple[str, str]], example: str = "", **kw: Any
) -> Column:
    """A choice written by its label (required unless `required=False`)."""
    kw.setdefault("required", True)
    return Column(header, field, kind="choice", choices=choices, example=example, **kw)


def state_column(header: str = "状态") -> Column:
    """A workflow record's state, exported by its label; it moves through `apply()`,
    never through a sheet."""
    return Column(header, "state", read=lambda r: r.get_state_display(), importable=False)


Prepare = Callable[[models.Model, dict[str, Any], dict[str, Any]], None]


def starting_in(state: str) -> Prepare:
    """`prepare` of a sheet whose rows are registered in their workflow's first state."""

    def prepare(instance: models.Model, values: dict[str, Any], context: dict[str, Any]) -> None:
        instance.state = state  # type: ignore[attr-defined]  # a workflow record's field

    return prepare


def writers_only(field: str, refused: str, *, state: str = "") -> Prepare:
    """`prepare` of a sheet whose rows only the writers of their unit `field` may import:
    another unit's row is refused with `refused` on that column. `state`, when given, is
    the rows' first workflow state."""

    def prepare(instance: models.Model, values: dict[str, Any], context: dict[str, Any]) -> None:
        if state:
            instance.state = state  # type: ignore[attr-defined]  # a workflow record's field
        if getattr(instance, f"{field}_id") and not can_write_unit(context["user"], getattr(instance, field)):
            raise ValidationError({field: refused})

    return prepare


def open_deadlines(instances: list[Any], context: dict[str, Any]) -> None:
    """`after_save` of a sheet whose saved rows open their statutory periods."""
    for saved in instances:
        saved.open_deadlines()


@dataclass
class Sheet:
    model: type[models.Model]
    title: str
    columns: list[Column]
    # Called with (instance, row values, context) before validation; may set defaults
    # such as the owning unit from the importing user. `values` lacks the cells that
    # failed to parse (the row is reported either way), so use values.get().
    prepare: Callable[[models.Model, dict[str, Any], dict[str, Any]], None] | None = None
    # Called after all rows are saved (e.g. to open deadlines): (instances, context).
    after_save: Callable[[list[models.Model], dict[str, Any]], None] | None = None
    bulk: bool = True  # bulk_create (no per-row signals); False saves row by row
    # Fields that identify a record to its users (case number, document number…, with
    # the unit where numbers are per unit): an import asks before storing a row that
    # repeats them (import_file's `duplicates`).
    natural_key: tuple[str, ...] = ()
    # prepare() writes (e.g. creates a certificate's holder): validation runs inside the
    # import's transaction, which then holds the write lock while the file is checked.
    writes_while_validating: bool = False
    instructions: list[str] = field(default_factory=list)

    @property
    def import_columns(self) -> list[Column]:
        return [c for c in self.columns if c.importable]


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0  # rows read (reading stops once the errors are truncated)
    truncated: bool = False  # more errors than MAX_ERRORS: only the first are kept
    duplicates: list[Duplicate] = field(default_factory=list)  # the first MAX_ERRORS
    duplicate_rows: set[int] = field(default_factory=set)  # every duplicate row
    written: bool = False

    @property
    def needs_confirmation(self) -> bool:
        """Valid, but nothing written: the user decides what to do with the duplicates."""
        return not self.errors and bool(self.duplicate_rows) and not self.written

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_errors(self, errors: Iterable[RowError]) -> None:
        """Keep errors up to MAX_ERRORS; one more marks the result truncated."""
        for error in errors:
            if len(self.errors) >= MAX_ERRORS:
                self.truncated = True
                return
            self.errors.append(error)


# ---------------------------------------------------------------- templates

def template(sheet: Sheet) -> bytes:
    """The downloadable template: headers, a note per column, drop-downs, one example row."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet.title[:31]
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FDECEC")
    for i, col in enumerate(sheet.import_columns, start=1):
        cell = ws.cell(row=1, column=i, value=col.header + ("*" if col.required else ""))
        cell.font = bold
        if col.required:
            cell.fill = required_fill
        note = col.help or _default_help(col)
        if note:
            cell.comment = Comment(note, "法治")
        ws.cell(row=2, column=i, value=col.example if col.example != "" else None)
        ws.column_dimensions[get_column_letter(i)].width = max(12, len(col.header) * 2 + 4)
        if col.kind in ("choice", "bool"):
            labels = [label for _, label in col.choices] if col.kind == "choice" else ["是", "否"]
            dv = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=not col.required)
            dv.error = f"请从下拉列表中选择{col.header}。"
            ws.add_data_validation(dv)
            dv.add(f"{get_column_letter(i)}2:{get_column_letter(i)}100000")
    notes = wb.create_sheet("填写说明")
    lines = [
        "带 * 的列必填；第2行是示例，导入前请删除或替换。",
        "日期格式：2024-01-31（也可使用Excel日期单元格）。",
        "导入为整体操作：任何一行有错误，全部不导入，并返回错误清单。",
        *sheet.instructions,
    ]
    for i, line in enumerate(lines, start=1):
        notes.cell(row=i, column=1, value=line)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _default_help(col: Column) -> str:
    if col.kind == "date":
        return "日期，如 2024-01-31"
    if col.kind == "choice":
        return "可选：" + "、".join(label for _, label in col.choices)
    if col.kind == "unit":
        return "单位全称、简称或单位代码"
    if col.kind == "bool":
        return "是 / 否"
    return ""


# ---------------------------------------------------------------- reading

def check_file(data: bytes, filename: str = "") -> None:
    """Refuse what is not a plain xlsx workbook, before openpyxl parses anything."""
    limit = settings.FAZHI_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise ImportRefused(f"文件过大（{len(data) // 1024 // 1024} MB），上限为 {limit // 1024 // 1024} MB。")
    if filename and not filename.lower().endswith(".xlsx"):
        raise ImportRefused("只接受 .xlsx 格式的文件（请在Excel中“另存为 Excel工作簿(*.xlsx)”）。")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportRefused("文件不是有效的 .xlsx 工作簿。")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise ImportRefused("文件含有宏，出于安全原因拒绝导入。请另存为不含宏的 .xlsx 文件。")
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise ImportRefused("文件不是有效的 .xlsx 工作簿。")
    try:
        # Every member unpacked once, streaming, against its cap: a bomb or a damaged
        # member is refused before openpyxl parses anything.
        check_zip(data, XLSX_LIMITS, name=filename)
    except ZipRefused as exc:
        raise ImportRefused(str(exc)) from exc


def _rows(data: bytes, sheet: Sheet) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, {field: raw cell value}) for each non-blank row under the header."""
    try:
        reader = SheetValues(data, sheet.title[:31])
    except UnreadableWorkbook as exc:
        raise ImportRefused(str(exc) if exc.for_people else "无法读取该工作簿，文件可能已损坏。") from exc
    try:
        it = reader.rows()
        first = next(it, None)
        if first is None:
            raise ImportRefused("工作表是空的：第1行应为列标题。")
        number, header = first
        if number != 1:  # the header row is missing: the first row is data
            it = itertools.chain([first], it)
            header = []
        names = [str(h).strip().rstrip("*").strip() if h is not None else "" for h in header]
        index: dict[str, int] = {}
        for col in sheet.import_columns:
            if col.header in names:
                index[col.field] = names.index(col.header)
            elif col.required:
                raise ImportRefused(f"缺少必填列“{col.header}”。请使用系统提供的导入模板。")
        picks = list(index.items())
        for n, values in it:
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            width = len(values)
            yield n, {f: (values[i] if i < width else None) for f, i in picks}
    except (ParseError, ValueError, IndexError, KeyError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        # A sheet that breaks off, a bad number or string index, a damaged zip member.
        raise ImportRefused("无法读取该工作簿，文件可能已损坏。") from exc
    finally:
        reader.close()


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_cell(col: Column, raw: Any, context: dict[str, Any]) -> Any:
    """The value of one cell, or ValidationError with a Chinese message."""
    if _blank(raw):
        if col.required:
            raise ValidationError("必填，不能为空。")
        return None
    if col.kind == "custom" and col.parse is not None:
        return col.parse(raw, context)
    if col.kind == "text":
        return str(raw).strip() if not isinstance(raw, float) or not raw.is_integer() else str(int(raw))
    if col.kind == "int":
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation as exc:
            raise ValidationError(f"“{raw}”不是整数。") from exc
        if value != value.to_integral_value():
            raise ValidationError(f"“{raw}”不是整数。")
        return int(value)
    if col.kind == "decimal":
        try:
            return Decimal(str(raw).strip().replace(",", ""))
        except InvalidOperation as exc:
            raise ValidationError(f"“{raw}”不是数字。") from exc
    if col.kind == "date":
        return parse_date(raw)
    if col.kind == "bool":
        text = str(raw).strip()
        if text in ("是", "Y", "y", "1", "TRUE", "True", "true"):
            return True
        if text in ("否", "N", "n", "0", "FALSE", "False", "false"):
            return False
        raise ValidationError(f"“{text}”应为“是”或“否”。")
    if col.kind == "choice":
        text = str(raw).strip()
        labels = col.choice_labels()
        if text in labels:
            return labels[text]
        if text in labels.values():
            return text
        raise ValidationError(f"“{text}”不是可选值（可选：{'、'.join(labels)}）。")
    if col.kind == "unit":
        return resolve_unit(str(raw).strip(), context)
    raise ValueError(f"unknown column kind {col.kind}")


def parse_date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip().replace("/", "-").replace(".", "-")
    for sep in ("年", "月"):
        text = text.replace(sep, "-")
    text = text.replace("日", "")
    try:
        y, m, d = (int(p) for p in text.split("-")[:3])
        return date(y, m, d)
    except (ValueError, TypeError) as exc:
        raise ValidationError(f"“{raw}”不是有效日期（格式如 2024-01-31）。") from exc


def resolve_unit(key: str, context: dict[str, Any]) -> Any:
    """A unit by name, short name or code, within the importing user's writable units."""
    cache: dict[str, Any] = context.setdefault("_units", {})
    if not cache:
        for u in context["writable_units"]:
            for k in (u.name, u.short_name, u.code):
                if k:
                    cache.setdefault(k, u)
    unit = cache.get(key)
    if unit is None:
        raise ValidationError(f"单位“{key}”不存在或不在您的管辖范围内。")
    return unit


def _messages(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {k: [m for e in v for m in e.messages] for k, v in exc.error_dict.items()}
    return {"": list(exc.messages)}


class _Checks:
    """What `full_clean()` must run for a new row of `model`, decided once per import.

    `validate_unique()` and `validate_constraints()` cost a few calls per row even when
    they cannot find anything: a model whose only unique field is its automatic primary
    key, for a row whose key is not set yet, and a model without `Meta.constraints`.
    They are skipped only then, and only if the model keeps Django's own versions of
    them; every other check of `full_clean()` runs for every row.
    """

    def __init__(self, model: type[models.Model]) -> None:
        opts = model._meta
        base = models.Model
        self.unique = True
        if model.validate_unique is base.validate_unique and model._get_unique_checks is base._get_unique_checks:
            unique_checks, date_checks = model()._get_unique_checks()
            self.unique = bool(date_checks) or any(
                fields != (opts.pk.name,) or not isinstance(opts.pk, AutoFieldMixin) for _, fields in unique_checks
            )
        self.constraints = not (
            model.validate_constraints is base.validate_constraints
            and model.get_constraints is base.get_constraints
            and not any(m._meta.constraints for m in (model, *opts.all_parents))
        )

    def full_clean(self, instance: models.Model, failed: set[str]) -> None:
        instance.full_clean(
            exclude=failed or None,
            validate_unique=not failed and (self.unique or instance.pk is not None),
            validate_constraints=self.constraints,
        )


class _Writer:
    """Writes the valid rows of an import in batches of BATCH.

    On SQLite, unless the sheet needs the saved instances back (`after_save`), each
    batch is one `executemany` of a one-row INSERT of the columns `bulk_create()` would
    write, each value from the field's own `pre_save(add=True)` and `get_db_prep_save()`,
    after the same check of related objects: the same rows, without compiling a
    multi-row statement, value by value, for every 49 rows (SQLite's 999 parameters).
    That saves about a sixth of an import of disputes. PostgreSQL keeps `bulk_create()`:
    it sends one array per column (UNNEST), which measured faster than either way here.
    Anything else the short path does not cover (a primary key given or not automatic,
    database defaults, expressions, custom placeholders, multi-table inheritance) goes
    to `bulk_create()` as well.
    """

    def __init__(self, sheet: Sheet, keep: bool) -> None:
        self.model = sheet.model
        self.saved: list[models.Model] | None = [] if keep else None
        self.created = 0
        self.batch: list[models.Model] = []
        opts = self.model._meta.concrete_model._meta
        self.db = router.db_for_write(self.model)
        connection = connections[self.db]
        self.fields = [f for f in opts.concrete_fields if not f.generated and f is not opts.pk]
        self.short = (
            not keep
            and connection.vendor == "sqlite"
            and not opts.parents
            and isinstance(opts.pk, AutoFieldMixin)
            and not any(f.has_db_default() or hasattr(f, "get_placeholder") for f in self.fields)
        )
        qn = connection.ops.quote_name
        # Names from the model's meta, quoted by the backend; values are parameters.
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            qn(opts.db_table), ", ".join(qn(f.column) for f in self.fields), ", ".join(["%s"] * len(self.fields))
        )

    def add(self, instance: models.Model) -> None:
        self.batch.append(instance)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        rows = self._params(batch) if self.short else None
        if rows is None:
            written = self.model.objects.bulk_create(batch)
            if self.saved is not None:
                self.saved.extend(written)
        else:
            with connections[self.db].cursor() as cursor:
                cursor.executemany(self.sql, rows)
        self.created += len(batch)

    def save(self, instance: models.Model) -> None:
        """A sheet that is not `bulk`: one `save()` per row, signals and all."""
        instance.save()
        self.created += 1
        if self.saved is not None:
            self.saved.append(instance)

    def _params(self, batch: list[models.Model]) -> list[list[Any]] | None:
        """The INSERT's parameters, or None where only `bulk_create()` will do."""
        connection = connections[self.db]
        steps = [(f.pre_save, f.get_db_prep_save) for f in self.fields]
        rows = []
        for obj in batch:
            if obj.pk is not None:
                return None
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            row = []
            for pre_save, prep in steps:
                value = pre_save(obj, True)
                if hasattr(value, "resolve_expression"):
                    return None
                row.append(prep(value, connection=connection))
            rows.append(row)
        return rows


class _Spool:
    """The valid rows of an import, set aside while the file is validated.

    Rows are pickled in batches of BATCH to a temporary file of this process (our own
    objects, read back in the same request), so validation holds no write lock and its
    memory does not grow with the rows; the write pass reads them back batch by batch.
    """

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.batch: list[tuple[int, models.Model]] = []

    def add(self, n: int, instance: models.Model) -> list[tuple[int, models.Model]] | None:
        """Keep the row; returns the batch when one is full (written to the file)."""
        self.batch.append((n, instance))
        if len(self.batch) < BATCH:
            return None
        return self.flush()

    def flush(self) -> list[tuple[int, models.Model]]:
        batch, self.batch = self.batch, []
        if batch:
            pickle.dump(batch, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        return batch

    def __iter__(self) -> Iterator[tuple[int, models.Model]]:
        self.flush()
        self.file.seek(0)
        while True:
            try:
                batch = pickle.load(self.file)  # noqa: S301 - written by this object above
            except EOFError:
                return
            yield from batch

    def close(self) -> None:
        self.file.close()


@dataclass
class Duplicate:
    """A row whose natural key another row of the file, or an existing record, has."""

    row: int
    key: str  # e.g. 文号“豫政〔2024〕1号”
    of_row: int | None = None  # an earlier row of the same file
    record: str = ""  # or an existing record, as str(record)
    url: str = ""


def _display(instance: models.Model, f: models.Field) -> str:
    value = getattr(instance, f.name)
    if f.choices:
        value = dict(f.flatchoices).get(value, value)
    return str(value)


class _Duplicates:
    """Rows that repeat a register's natural key (`Sheet.natural_key`), in the file or
    among the records the importing user can see; the first MAX_ERRORS are described."""

    def __init__(self, sheet: Sheet, user: Any, result: ImportResult) -> None:
        opts = sheet.model._meta
        self.sheet, self.user, self.result = sheet, user, result
        self.fields = [opts.get_field(name) for name in sheet.natural_key]
        self.attnames = [f.attname for f in self.fields]
        self.headers = {c.field: c.header for c in sheet.columns}
        self.seen: dict[tuple[Any, ...], int] = {}

    def key(self, instance: models.Model) -> tuple[Any, ...] | None:
        key = tuple(getattr(instance, a) for a in self.attnames)
        return None if any(v is None or v == "" for v in key) else key

    def _label(self, instance: models.Model) -> str:
        return "，".join(
            f"{self.headers.get(f.name, f.verbose_name)}“{_display(instance, f)}”" for f in self.fields
        )

    def _add(self, duplicate: Duplicate) -> None:
        self.result.duplicate_rows.add(duplicate.row)
        if len(self.result.duplicates) < MAX_ERRORS:
            self.result.duplicates.append(duplicate)

    def in_file(self, n: int, instance: models.Model) -> None:
        key = self.key(instance)
        if key is None:
            return
        first = self.seen.setdefault(key, n)
        if first != n:
            self._add(Duplicate(n, self._label(instance), of_row=first))

    def existing(self, batch: list[tuple[int, models.Model]]) -> None:
        """One query for a batch of rows: those whose key a visible record has."""
        keyed = [(n, obj, self.key(obj)) for n, obj in batch]
        keyed = [(n, obj, k) for n, obj, k in keyed if k is not None]
        if not keyed:
            return
        lookups = {f"{a}__in": {k[i] for _, _, k in keyed} for i, a in enumerate(self.attnames)}
        matches: dict[tuple[Any, ...], int] = {}
        for pk, *values in visible_to(self.user, self.sheet.model._default_manager.filter(**lookups)).values_list(
            "pk", *self.attnames
        ):
            matches.setdefault(tuple(values), pk)
        found = [(n, obj, matches[k]) for n, obj, k in keyed if k in matches]
        if not found:
            return
        room = max(0, MAX_ERRORS - len(self.result.duplicates))
        records = self.sheet.model._default_manager.in_bulk([pk for _, _, pk in found[:room]])
        for n, obj, pk in found:
            record = records.get(pk)
            url = getattr(record, "get_absolute_url", None)
            self._add(Duplicate(n, self._label(obj), record=str(record) if record else "",
                                url=url() if callable(url) else ""))


def import_file(
    sheet: Sheet,
    data: bytes,
    *,
    user: Any,
    filename: str = "",
    context: dict[str, Any] | None = None,
    duplicates: str = ASK,
) -> ImportResult:
    """Validate every row; save all of them in one short transaction, or none.

    Rows are validated first, outside any transaction, so a long file holds no write
    lock while it is checked (on SQLite a lock held that long turned other users' logins
    into "database is locked"); the valid rows are then written in one transaction.
    Rows that repeat the sheet's natural key (`Sheet.natural_key`) are, by `duplicates`:
    ASK — nothing is written and the result lists them (`needs_confirmation`); SKIP —
    the other rows are written; KEEP — every row is written.
    Raises ImportRefused for a file that cannot be read at all.
    """
    if duplicates not in (ASK, SKIP, KEEP):
        raise ValueError(f"unknown duplicates mode {duplicates!r}")
    check_file(data, filename)
    ctx: dict[str, Any] = {"user": user, "writable_units": list(writable_units(user)), **(context or {})}
    headers = {c.field: c.header for c in sheet.columns}
    columns = sheet.import_columns
    model, prepare = sheet.model, sheet.prepare
    checks = _Checks(model)
    result = ImportResult()
    dups = _Duplicates(sheet, user, result) if sheet.natural_key else None
    spool = _Spool()
    # A sheet whose prepare() writes validates inside the transaction, so that a
    # refused file leaves nothing behind (and holds the write lock meanwhile).
    outer = transaction.atomic() if sheet.writes_while_validating else contextlib.nullcontext()
    try:
        with outer, audit_context(user=user, action=Action.IMPORT, verb=sheet.title):
            for n, raw in _rows(data, sheet):
                result.rows += 1
                values: dict[str, Any] = {}
                failed: set[str] = set()
                for col in columns:
                    if col.field not in raw and not col.required:
                        continue
                    try:
                        values[col.field] = parse_cell(col, raw.get(col.field), ctx)
                    except ValidationError as exc:
                        failed.add(col.field)
                        result.add_errors(RowError(n, col.header, m) for m in exc.messages)
                instance = model()
                for f, v in values.items():
                    if v is not None:
                        setattr(instance, f, v)
                try:
                    if prepare is not None:
                        prepare(instance, values, ctx)
                    # Validate the cells that parsed too, so the row's every error is reported.
                    checks.full_clean(instance, failed)
                except ValidationError as exc:
                    for f, msgs in _messages(exc).items():
                        result.add_errors(RowError(n, headers.get(f, f or "—"), m) for m in msgs)
                if result.truncated:
                    break  # enough to show: the rest of the file is not read
                if failed or result.errors:
                    continue  # keep validating to report every error, but keep no rows
                if dups is not None:
                    dups.in_file(n, instance)
                batch = spool.add(n, instance)
                if batch and dups is not None:
                    dups.existing(batch)
            if not result.errors:
                batch = spool.flush()
                if batch and dups is not None:
                    dups.existing(batch)
                if not (result.duplicate_rows and duplicates == ASK):
                    _write(sheet, spool, result, ctx, user=user, filename=filename,
                           skip=result.duplicate_rows if duplicates == SKIP else frozenset())
            if sheet.writes_while_validating and not result.written:
                transaction.set_rollback(True)
    finally:
        spool.close()
    return result


def _write(sheet: Sheet, spool: _Spool, result: ImportResult, ctx: dict[str, Any], *,
           user: Any, filename: str, skip: set[int] | frozenset[int]) -> None:
    """The validated rows, in one transaction (the only time the import holds a write lock)."""
    # The saved instances are kept only for a sheet's after_save(); otherwise only their
    # number, so the memory of an import does not grow with its rows.
    writer = _Writer(sheet, keep=sheet.after_save is not None)
    model = sheet.model
    try:
        with transaction.atomic():
            _write_rows(sheet, spool, writer, result, ctx, skip)
            note = f"导入{result.created}条记录" + (f"，跳过重复{len(skip)}行" if skip else "")
            record(Action.IMPORT, user=user, verb=sheet.title, model=model._meta.label_lower,
                   object_repr=f"{filename or sheet.title}：{result.created}行",
                   unit_path=user.unit.path if getattr(user, "unit_id", None) else "",
                   note=note)
    except IntegrityError:
        # A key the database keeps unique, repeated by rows the user chose to keep.
        result.created, result.written = 0, False
        result.add_errors([RowError(0, "—", "有的行与已有记录或本文件的其他行编号相同，数据库不允许重复，未写入任何记录。")])


def _write_rows(sheet: Sheet, spool: _Spool, writer: _Writer, result: ImportResult, ctx: dict[str, Any],
                skip: set[int] | frozenset[int]) -> None:
    for n, instance in spool:
        if n in skip:
            continue
        if sheet.bulk:
            writer.add(instance)
        else:
            writer.save(instance)
    writer.flush()
    if sheet.after_save is not None:
        sheet.after_save(writer.saved or [], ctx)
    result.created, result.written = writer.created, True
    if sheet.bulk and result.created:
        # Bulk inserts send no signals: the figures kept for the importer's units go.
        figcache.data_changed(*ctx["writable_units"])


def errors_workbook(result: ImportResult) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "错误清单"
    ws.append(["行号", "列", "错误"])
    for e in result.errors:
        ws.append([e.row, e.column, safe_cell(e.message)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- exports

def _export_value(col: Column, obj: Any) -> Any:
    value = col.read(obj) if col.read is not None else getattr(obj, col.field, None)
    if col.personal == "name":
        value = mask_name(value or "")
    elif col.personal == "phone":
        value = mask_phone(value or "")
    elif col.personal == "id_number":
        value = mask_id_number(value or "")
    elif col.kind == "choice" and value is not None:
        value = dict(col.choices).get(value, value)
    elif col.kind == "bool" and value is not None:
        value = "是" if value else "否"
    elif isinstance(value, models.Model):
        value = str(value)
    elif isinstance(value, Decimal):
        value = float(value)
    return safe_cell(value)


def export(sheet: Sheet, rows: Iterable[Any], *, user: Any = None, columns: list[Column] | None = None) -> bytes:
    """The rows as a workbook in the template's layout, personal data masked."""
    cols = columns or sheet.columns
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet.title[:31])
    ws.append([c.header for c in cols])
    n = 0
    for obj in rows:
        ws.append([_export_value(c, obj) for c in cols])
        n += 1
    buf = io.BytesIO()
    wb.save(buf)
    if user is not None:
        record(Action.EXPORT, user=user, verb=sheet.title, model=sheet.model._meta.label_lower,
               object_repr=f"{sheet.title}：{n}行",
               unit_path=user.unit.path if getattr(user, "unit_id", None) else "")
    return buf.getvalue()


# ---------------------------------------------------------------- the export for editing


def _is_model_field(obj: Any, name: str) -> bool:
    return any(f.name == name for f in obj._meta.concrete_fields)


def _editing_value(col: Column, obj: Any) -> Any:
    """A cell as the import reads it back: full data, choices by label, units by name."""
    if col.unmasked is not None:
        value = col.unmasked(obj)
    elif col.read is None or _is_model_field(obj, col.field):
        value = getattr(obj, col.field, None)  # what the import set: the full value
    else:
        value = col.read(obj)
    if value is None:
        return None
    if col.kind == "choice":
        return dict(col.choices).get(value, value)
    if col.kind == "bool":
        return "是" if value else "否"
    if isinstance(value, models.Model):
        return getattr(value, "name", None) or str(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def export_for_editing(sheet: Sheet, rows: Iterable[Any], *, user: Any) -> bytes:
    """The rows in the import template's columns with full data, to be edited and imported
    again (issue 19, point 3). Personal data is not masked: the caller gives only records
    of units the user may write, and every such export is audited. Text a spreadsheet
    would run as a formula is written as a text cell, so it comes back unchanged."""
    cols = sheet.import_columns
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet.title[:31])
    ws.append([c.header + ("*" if c.required else "") for c in cols])
    n = 0
    for obj in rows:
        cells = []
        for c in cols:
            value = _editing_value(c, obj)
            if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"
                value = cell
            cells.append(value)
        ws.append(cells)
        n += 1
    buf = io.BytesIO()
    wb.save(buf)
    record(Action.EXPORT, user=user, verb=sheet.title, model=sheet.model._meta.label_lower,
           object_repr=f"{sheet.title}：{n}行（完整数据）",
           unit_path=user.unit.path if getattr(user, "unit_id", None) else "",
           note="导出完整数据（含个人信息），供修改后再导入")
    return buf.getvalue()
