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

from fazhi.kit.xlsx import Column, Sheet, exports, fields, model_column
from fazhi.mediation.models import Committee, Dispute
from fazhi.mediation.rules import State
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
        *fields(Dispute, number="竹调〔2024〕15号", kind="邻里纠纷", received_on="2024-03-05"),
        model_column(
            Dispute,
            "parties",
            "张三、李四",
            read=lambda d: d.parties_masked,
            help="多个当事人用“、”分隔；导出时遮盖姓名",
        ),
        *fields(Dispute, party_count=2, amount=5000, summary=""),
        model_column(Dispute, "outcome", "达成口头协议", help="已结案的填写；调解中的留空"),
        model_column(Dispute, "closed_on", "2024-03-12", help="已结案的填写，不早于受理日期"),
        model_column(Dispute, "note"),
        model_column(Dispute, "unit", importable=False, kind="text"),
        *exports(Dispute, "state", "confirmation_applied_on", "followed_up_on"),
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
        *fields(Committee, unit="竹沟镇人民政府", name="竹沟镇人民调解委员会",
                level="乡镇（街道）人民调解委员会", field="", established_on="2011-06-01"),
        model_column(Committee, "phone", personal="phone"),
    ],
    bulk=True,
    instructions=["村（社区）调委会的所在单位填村（社区），乡镇（街道）调委会填乡镇（街道）。"],
)

SHEET = DISPUTE_SHEET
