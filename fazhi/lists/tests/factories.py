"""Building list items the way users do: through `apply_adjustment`."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.lists.models import ListItem
from fazhi.lists.rules import ListKind, PowerType, ServiceKind
from fazhi.lists.services import apply_adjustment


def make_item(
    by: Any,
    unit: Any,
    *,
    kind: str = ListKind.POWER,
    code: str = "QZ-001",
    on: date = date(2021, 6, 30),
    action: str = "establish",
    **fields: Any,
) -> ListItem:
    changes: dict[str, Any] = {
        "unit": unit,
        "list_kind": kind,
        "code": code,
        "name": f"事项{code}",
        "legal_basis": "《中华人民共和国行政处罚法》",
    }
    if kind == ListKind.POWER:
        changes["power_type"] = PowerType.PENALTY
    if kind == ListKind.SERVICE:
        changes["service_kind"] = ServiceKind.ON_APPLICATION
    changes.update(fields)
    extra = (
        {} if action == "establish" else {"reason": "新增", "document_number": "确政办〔2022〕1号"}
    )
    return apply_adjustment(action, by=by, on=on, changes=changes, **extra).item


def adjust(action: str, item: ListItem, by: Any, on: date, **changes: Any) -> Any:
    return apply_adjustment(
        action,
        by=by,
        on=on,
        item=item,
        changes=changes or None,
        reason="法律修订",
        document_number="确政办〔2022〕41号",
    )
