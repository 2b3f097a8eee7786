"""Indicators fed by the lists: items in force at the end of the period, by list and
type, and the adjustments made in the period.

Counts of items are counts of item *versions* (adjustments) in force on the period's last
day, so an item counts once, for the unit that held it that day, even if it moved to
another unit or was removed since. Seed 002: "确认区直部门权责事项2003项，调整行政职权
事项286项 … 编制公布全区行政许可事项清单155项"; seed 003: "梳理编制政务服务事项3923项，
其中依申请类事项875项，公共服务类事项3048项".
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.indicators.catalogue import Period, counts, parts
from fazhi.lists.models import in_force_q
from fazhi.lists.rules import IN_FORCE_AFTER, Action, ListKind, ServiceKind

ADJUSTMENT = "lists.ListAdjustment"


def in_force_at_end(p: Period) -> Q:
    return Q(action__in=IN_FORCE_AFTER) & in_force_q(p.end, "adjusted_on", "superseded_on")


def adjusted_in(p: Period) -> Q:
    return Q(adjusted_on__gte=p.start, adjusted_on__lte=p.end)


INDICATORS = [
    *counts(ADJUSTMENT, [
        # code, name, unit, which records, definition
        ("power_list_items", "权责清单事项", "项", lambda p: in_force_at_end(p) & Q(list_kind=ListKind.POWER), "期末（期内最后一日）权责清单中在册的事项数，按当日的实施单位计。"),
        ("permit_items", "行政许可事项", "项", lambda p: in_force_at_end(p) & Q(list_kind=ListKind.PERMIT), "期末行政许可事项清单中在册的事项数。"),
        ("service_items_on_application", "政务服务事项（依申请类）", "项", lambda p: (in_force_at_end(p) & Q(list_kind=ListKind.SERVICE, service_kind=ServiceKind.ON_APPLICATION)), "期末在册的依申请类政务服务事项数。"),
        ("service_items_public", "政务服务事项（公共服务类）", "项", lambda p: (in_force_at_end(p) & Q(list_kind=ListKind.SERVICE, service_kind=ServiceKind.PUBLIC)), "期末在册的公共服务类政务服务事项数。"),
    ]),
    parts(
        "service_items",
        "政务服务事项",
        "项",
        of=("service_items_on_application", "service_items_public"),
        definition="期末在册的政务服务事项数 = 依申请类 + 公共服务类。",
    ),
    *counts(ADJUSTMENT, [
        ("power_items_adjusted", "调整权责清单事项", "项", lambda p: (adjusted_in(p) & Q(list_kind=ListKind.POWER, action__in=[Action.ADD, Action.AMEND, Action.REMOVE])), "期内对权责清单事项的调整（新增、变更、取消）项次；初始编制不计。"),
        ("list_items_added", "清单新增事项", "项", lambda p: adjusted_in(p) & Q(action=Action.ADD), "期内三类清单经调整新增的事项数（初始编制不计）。"),
        ("list_items_amended", "清单变更事项", "项次", lambda p: adjusted_in(p) & Q(action=Action.AMEND), "期内三类清单的事项变更项次。"),
        ("list_items_removed", "清单取消事项", "项", lambda p: adjusted_in(p) & Q(action=Action.REMOVE), "期内三类清单经调整取消的事项数。"),
    ]),
    parts(
        "list_adjustments",
        "清单调整",
        "项次",
        of=("list_items_added", "list_items_amended", "list_items_removed"),
        definition="期内三类清单的调整项次 = 新增 + 变更 + 取消。",
    ),
]
