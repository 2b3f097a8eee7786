"""The three lists a county government keeps of what it may and must do, as data.

- 权责清单 (power and responsibility list): every administrative power of every
  department, by type — 行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、
  行政确认、行政奖励、行政裁决、其他行政权力 (中办国办《关于推行地方各级政府工作部门
  权力清单制度的指导意见》, 2015; the list is adjusted "dynamically" when laws change or
  functions move: 动态调整).
- 行政许可事项清单 (permit list): 国务院办公厅《关于全面实行行政许可事项清单管理的
  通知》(国办发〔2022〕2号) — no permit outside the list (行政许可法 第14—15条).
- 政务服务事项 (government service items): 依申请类 (on application: permits,
  confirmations, payments … that start from an application) and 公共服务类 (public
  services) — seed 003: "政务服务事项3923项，其中依申请类事项875项，公共服务类事项
  3048项".

Every change of an item is an adjustment (调整): 新增 / 变更 / 取消 with its date, reason
and document number (文号); the list as first compiled is entered as 初始编制. No
queries and no views here.
"""

from __future__ import annotations

from django.db import models


class ListKind(models.TextChoices):
    POWER = "power", "权责清单"
    PERMIT = "permit", "行政许可事项清单"
    SERVICE = "service", "政务服务事项"


class PowerType(models.TextChoices):
    """The ten types of administrative power of the 权责清单."""

    PERMIT = "permit", "行政许可"
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LEVY = "levy", "行政征收"
    PAYMENT = "payment", "行政给付"
    INSPECTION = "inspection", "行政检查"
    CONFIRMATION = "confirmation", "行政确认"
    REWARD = "reward", "行政奖励"
    ADJUDICATION = "adjudication", "行政裁决"
    OTHER = "other", "其他行政权力"


class ServiceKind(models.TextChoices):
    ON_APPLICATION = "on_application", "依申请类"
    PUBLIC = "public", "公共服务类"


class Action(models.TextChoices):
    ESTABLISH = "establish", "初始编制"
    ADD = "add", "新增"
    AMEND = "amend", "变更"
    REMOVE = "remove", "取消"


# Actions that create an item, and the ones that count as adjustments (调整) of a list:
# the list as first compiled is not an adjustment of it.
CREATING = frozenset({Action.ESTABLISH, Action.ADD})
ADJUSTING = frozenset({Action.ADD, Action.AMEND, Action.REMOVE})
# Adjustments after which the item is in force (its version is the state until the next).
IN_FORCE_AFTER = frozenset({Action.ESTABLISH, Action.ADD, Action.AMEND})

# The attributes an adjustment may change, in the order snapshots list them.
ITEM_FIELDS = (
    "unit",
    "code",
    "name",
    "power_type",
    "service_kind",
    "legal_basis",
    "basis_articles",
)


def kind_errors(list_kind: str, power_type: str, service_kind: str) -> dict[str, str]:
    """What is wrong with an item's type fields for its list (empty when right).

    A power-list item has a power type and no service kind; a service item the reverse;
    a permit-list item neither (its type is 行政许可 by definition).
    """
    errors: dict[str, str] = {}
    if list_kind == ListKind.POWER and not power_type:
        errors["power_type"] = "权责清单事项须填写权力类型。"
    if list_kind != ListKind.POWER and power_type:
        errors["power_type"] = "只有权责清单事项填写权力类型。"
    if list_kind == ListKind.SERVICE and not service_kind:
        errors["service_kind"] = "政务服务事项须填写服务类型（依申请类或公共服务类）。"
    if list_kind != ListKind.SERVICE and service_kind:
        errors["service_kind"] = "只有政务服务事项填写服务类型。"
    return errors
