"""xlsx sheets of the lists: the items (a list as first compiled, 初始编制) and the
adjustments (新增 / 变更 / 取消), each all or nothing.

Items go through the shared `core.xlsx.import_file` (bulk), then `establish_many` writes
each item's first version. Adjustments are applied row by row, in the file's order,
through `services.apply_adjustment` inside one transaction that is rolled back if any
row is refused: a later row may change an item an earlier row added.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from fazhi.audit.models import Action as AuditAction
from fazhi.audit.trail import audit_context, record
from fazhi.core.validators import not_future
from fazhi.kit.xlsx import (
    Column,
    ImportResult,
    RowError,
    Sheet,
    _rows,
    check_file,
    choice_column,
    exports,
    fields,
    model_column,
    parse_cell,
    unit_column,
)
from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.rules import Action, ListKind, PowerType, ServiceKind
from fazhi.lists.services import apply_adjustment, establish_many
from fazhi.org.scope import writable_units

# ---------------------------------------------------------------- items


def _prepare_item(instance: models.Model, values: dict[str, Any], ctx: dict[str, Any]) -> None:
    assert isinstance(instance, ListItem)
    errors = not_future(values.get("in_force_from"), "in_force_from")
    unit, kind, code = values.get("unit"), values.get("list_kind"), values.get("code")
    if unit is not None and kind and code:
        seen: set[tuple[int, str, str]] = ctx.setdefault("_codes", set())
        key = (unit.pk, kind, code)
        if key in seen:
            errors["code"] = f"事项编码“{code}”在本文件中重复（同一实施单位、同一清单）。"
        seen.add(key)
    instance._document = values.get("_document") or ""  # type: ignore[attr-defined]
    if errors:
        raise ValidationError(errors)


def _establish(saved: list[models.Model], ctx: dict[str, Any]) -> None:
    establish_many([s for s in saved if isinstance(s, ListItem)], by=ctx["user"])


ITEM_COLUMNS = [
    *fields(ListItem, list_kind="权责清单", code="QS-SFJ-XZCF-001",
            name="对律师事务所违法行为的处罚", unit="确山县司法局"),
    model_column(ListItem, "power_type", "行政处罚", help="权责清单事项必填；其他清单留空"),
    model_column(
        ListItem, "service_kind", help="政务服务事项必填：依申请类 / 公共服务类；其他清单留空"
    ),
    *fields(ListItem, legal_basis="《中华人民共和国律师法》", basis_articles="第五十条",
            in_force_from="2022-01-01"),
    Column(
        "文号",
        "_document",
        help="公布清单的文件文号，如：确政办〔2022〕3号",
        read=lambda i: getattr(i, "first_document", "") or "",
    ),
    *exports(ListItem, "in_force_until"),
]

ITEM_SHEET = Sheet(
    model=ListItem,
    title="清单事项",
    columns=ITEM_COLUMNS,
    prepare=_prepare_item,
    after_save=_establish,
    instructions=[
        "本表用于录入首次编制的清单（初始编制）。已在册事项的新增、变更、取消请使用“清单调整”模板。",
        "同一实施单位同一清单内，在册事项的事项编码不能重复。",
    ],
)

# ---------------------------------------------------------------- adjustments

ADJUSTMENT_ACTIONS = [(a.value, a.label) for a in (Action.ADD, Action.AMEND, Action.REMOVE)]


def _snap(field: str, after_first: bool = True) -> Any:
    def read(adj: ListAdjustment) -> Any:
        first, second = (adj.after, adj.before) if after_first else (adj.before, adj.after)
        return ((first or second) or {}).get(field, "")

    return read


def _moved_to(adj: ListAdjustment) -> str:
    if adj.action == Action.AMEND and adj.before and adj.after:
        if adj.before.get("unit") != adj.after.get("unit"):
            return adj.after.get("unit_name", "")
    return ""


ADJUSTMENT_SHEET = Sheet(
    model=ListAdjustment,
    title="清单调整",
    columns=[
        choice_column("调整方式", "action", ADJUSTMENT_ACTIONS, "新增"),
        choice_column("清单类别", "list_kind", ListKind.choices, "行政许可事项清单"),
        Column(
            "事项编码",
            "code",
            required=True,
            example="QS-SCJ-XK-009",
            read=_snap("code", after_first=False),
        ),
        unit_column(
            "实施单位",
            "确山县市场监督管理局",
            help="新增：实施单位；变更、取消：该事项现在的实施单位",
            read=_snap("unit_name", after_first=False),
        ),
        Column(
            "事项名称",
            "name",
            example="食品经营许可",
            help="新增必填；变更时填写新名称，不变则留空",
            read=_snap("name"),
        ),
        Column(
            "权力类型",
            "power_type",
            kind="choice",
            choices=PowerType.choices,
            read=_snap("power_type"),
        ),
        Column(
            "服务类型",
            "service_kind",
            kind="choice",
            choices=ServiceKind.choices,
            read=_snap("service_kind"),
        ),
        Column(
            "设定依据",
            "legal_basis",
            example="《中华人民共和国食品安全法》",
            help="新增必填；变更时填写新依据，不变则留空",
            read=_snap("legal_basis"),
        ),
        Column("依据条款", "basis_articles", example="第三十五条", read=_snap("basis_articles")),
        unit_column(
            "变更后实施单位",
            field="new_unit",
            required=False,
            help="仅变更实施单位时填写",
            read=_moved_to,
        ),
        model_column(ListAdjustment, "adjusted_on", "2022-06-30"),
        Column("调整原因", "reason", required=True, example="依据上级清单新增"),
        Column("文号", "document_number", required=True, example="确政办〔2022〕15号"),
    ],
    instructions=[
        "调整方式：新增（新事项）、变更（修改在册事项）、取消（事项退出清单）。",
        "变更、取消按“清单类别 + 事项编码 + 实施单位”找到在册事项；变更只填写要改变的列。",
        "同一事项的多次调整按调整日期先后排列；调整日期不能早于该事项上一次调整，也不能晚于今天。",
    ],
)

ITEM_VALUE_FIELDS = ("name", "power_type", "service_kind", "legal_basis", "basis_articles")


def _apply_row(values: dict[str, Any], user: Any) -> None:
    """Apply one parsed row through `apply_adjustment`; ValidationError when refused."""
    action, kind, code, unit = (
        values["action"],
        values["list_kind"],
        values["code"],
        values["unit"],
    )
    common = {
        "by": user,
        "on": values["adjusted_on"],
        "reason": values.get("reason") or "",
        "document_number": values.get("document_number") or "",
    }
    if action == Action.ADD:
        if values.get("new_unit"):
            raise ValidationError({"new_unit": "新增事项不填写“变更后实施单位”。"})
        changes = {
            "list_kind": kind,
            "code": code,
            "unit": unit,
            **{f: values.get(f) or "" for f in ITEM_VALUE_FIELDS},
        }
        apply_adjustment(action, changes=changes, **common)
        return
    item = ListItem.objects.filter(
        unit=unit, list_kind=kind, code=code, in_force_until__isnull=True
    ).first()
    if item is None:
        verb = "变更" if action == Action.AMEND else "取消"
        raise ValidationError(
            {"code": f"{unit.name}的{ListKind(kind).label}中没有在册的事项“{code}”，不能{verb}。"}
        )
    if action == Action.REMOVE:
        apply_adjustment(action, item=item, **common)
        return
    changes = {f: values[f] for f in ITEM_VALUE_FIELDS if values.get(f)}
    if values.get("new_unit"):
        changes["unit"] = values["new_unit"]
    apply_adjustment(action, item=item, changes=changes, **common)


def import_adjustments(data: bytes, *, user: Any, filename: str = "") -> ImportResult:
    """Apply every row of an adjustments workbook, or none. Raises ImportRefused for a
    file that cannot be read at all."""
    check_file(data, filename)
    sheet = ADJUSTMENT_SHEET
    ctx: dict[str, Any] = {"user": user, "writable_units": list(writable_units(user))}
    headers = {c.field: c.header for c in sheet.columns}
    headers["item"] = "事项编码"
    result = ImportResult()
    with (
        transaction.atomic(),
        audit_context(user=user, action=AuditAction.IMPORT, verb=sheet.title),
    ):
        for n, raw in _rows(data, sheet):
            result.rows += 1
            values: dict[str, Any] = {}
            failed = False
            for col in sheet.import_columns:
                try:
                    values[col.field] = parse_cell(col, raw.get(col.field), ctx)
                except ValidationError as exc:
                    failed = True
                    result.add_errors(RowError(n, col.header, m) for m in exc.messages)
            if result.truncated:
                break  # enough to show: the rest of the file is not read
            if failed:
                continue
            try:
                _apply_row(values, user)
            except ValidationError as exc:
                messages = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
                for f, msgs in messages.items():
                    result.add_errors(RowError(n, headers.get(f, "—"), m) for m in msgs)
                if result.truncated:
                    break
                continue
            result.created += 1
        if result.errors:
            transaction.set_rollback(True)
            result.created = 0
            return result
        record(
            AuditAction.IMPORT,
            user=user,
            verb=sheet.title,
            model=sheet.model._meta.label_lower,
            object_repr=f"{filename or sheet.title}：{result.created}行",
            unit_path=user.unit.path if getattr(user, "unit_id", None) else "",
            note=f"导入{result.created}条调整",
        )
    return result
