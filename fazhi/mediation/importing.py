"""The xlsx sheets of the mediation register: disputes (the 台账) and committees.

Townships keep a monthly dispute ledger (矛盾纠纷排查调处台账) and send it up; a row may
be a dispute still being mediated or one already concluded. A concluded row carries its
outcome and closing date, and its state follows from the outcome by the same table
`apply()` uses (`rules.STATE_OF_OUTCOME`); `full_clean()` checks the pair. Disputes are
the largest register, so they are written with `bulk_create` in batches, all or nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Column, Sheet, choice_column, unit_column
from fazhi.mediation.models import Committee, Dispute
from fazhi.mediation.rules import Kind, Level, Outcome, State
from fazhi.org.scope import visible_to


def parse_committee(raw: Any, context: dict[str, Any]) -> Committee:
    """A committee the importing user may write for, by its exact name."""
    cache: dict[str, Any] = context.get("_committees") or {}
    if not cache:
        for c in visible_to(context["user"], Committee.objects.select_related("unit"), write=True):
            cache[c.name] = c if c.name not in cache else None  # None: ambiguous
        context["_committees"] = cache
    key = str(raw).strip()
    if key not in cache:
        raise ValidationError(f"调委会“{key}”不存在或不在您的管辖范围内。")
    committee = cache[key]
    if committee is None:
        raise ValidationError(f"有多个名为“{key}”的调委会，请先在系统中区分其名称。")
    return committee


def _prepare(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    dispute: Dispute = instance
    if dispute.committee_id:
        dispute.unit = dispute.committee.unit  # loaded with the committee: no query per row
    outcome, closed_on = values.get("outcome"), values.get("closed_on")
    if outcome:
        dispute.set_concluded(outcome, closed_on)
    else:
        dispute.state = State.RECEIVED
        if closed_on:
            raise ValidationError({"outcome": "填写了结案日期的，请同时填写调解结果。"})


DISPUTE_SHEET = Sheet(
    model=Dispute,
    title="矛盾纠纷",
    natural_key=("committee", "number"),
    columns=[
        Column(
            "调委会",
            "committee",
            kind="custom",
            parse=parse_committee,
            required=True,
            example="竹沟镇人民调解委员会",
        ),
        Column("卷宗编号", "number", example="竹调〔2024〕15号"),
        choice_column("纠纷类型", "kind", Kind.choices, "邻里纠纷"),
        Column("受理日期", "received_on", kind="date", required=True, example="2024-03-05"),
        Column(
            "当事人",
            "parties",
            required=True,
            example="张三、李四",
            read=lambda d: d.parties_masked,
            help="多个当事人用“、”分隔；导出时遮盖姓名",
        ),
        Column("当事人数", "party_count", kind="int", example=2),
        Column("涉及金额（元）", "amount", kind="decimal", example=5000),
        Column("纠纷简要情况", "summary"),
        Column(
            "调解结果",
            "outcome",
            kind="choice",
            choices=Outcome.choices,
            example="达成口头协议",
            help="已结案的填写；调解中的留空",
        ),
        Column(
            "结案日期",
            "closed_on",
            kind="date",
            example="2024-03-12",
            help="已结案的填写，不早于受理日期",
        ),
        Column("备注", "note"),
        Column("所在单位", "unit", importable=False),
        Column("状态", "state", kind="choice", choices=State.choices, importable=False),
        Column("申请司法确认日期", "confirmation_applied_on", kind="date", importable=False),
        Column("回访日期", "followed_up_on", kind="date", importable=False),
    ],
    prepare=_prepare,
    bulk=True,
    instructions=[
        "每行一件矛盾纠纷。调解中的纠纷“调解结果”“结案日期”留空，导入后在纠纷页面继续办理。",
        "已结案的纠纷填写调解结果（达成口头协议、达成书面协议、调解不成、移交其他部门处理）和结案日期。",
        "调解成功率 = 达成协议（口头或书面）的纠纷 ÷ 受理的纠纷（人民调解法第28条）。",
        "调委会须先在系统中登记，按名称填写。",
    ],
)


COMMITTEE_SHEET = Sheet(
    model=Committee,
    title="人民调解委员会",
    natural_key=("unit", "name"),
    columns=[
        unit_column("所在单位", "竹沟镇人民政府"),
        Column("调委会名称", "name", required=True, example="竹沟镇人民调解委员会"),
        choice_column("类别", "level", Level.choices, "乡镇（街道）人民调解委员会"),
        Column("行业领域", "field", example=""),
        Column("成立日期", "established_on", kind="date", example="2011-06-01"),
        Column("联系电话", "phone", personal="phone"),
    ],
    bulk=True,
    instructions=["村（社区）调委会的所在单位填村（社区），乡镇（街道）调委会填乡镇（街道）。"],
)

SHEET = DISPUTE_SHEET
