"""What the law says about people's mediation, as data and pure functions.

Source: 《人民调解法》(2010, in force 2011-01-01; shared `domain/statutes.md` §9):
- 第8条: village and residents' committees must set up a 人民调解委员会; enterprises may;
  第34条: townships, streets and social organisations may set one up by reference,
  the basis of the 行业性、专业性 committees (traffic, medical, labour, property …).
- 第28–30条: an agreement is oral (the mediator records it; effective when reached) or
  written (调解协议书; effective when signed by the parties and the mediator, sealed).
- 第31–33条: the agreement binds; the parties may jointly apply for 司法确认 within
  30 days of the agreement taking effect (period code `mediation_judicial_confirmation`).

No queries and no views here: models, views, the API and imports read these tables.
"""

from __future__ import annotations

from django.db import models

from fazhi.core.workflow import Transition, transition_table

PERIOD_JUDICIAL_CONFIRMATION = "mediation_judicial_confirmation"  # 人民调解法 第33条, 30 days


class Level(models.TextChoices):
    VILLAGE = "village", "村（社区）人民调解委员会"  # 第8条, mandatory
    TOWNSHIP = "township", "乡镇（街道）人民调解委员会"  # 第34条
    INDUSTRY = "industry", "行业性、专业性人民调解委员会"  # 第34条 (traffic, medical, labour …)
    ENTERPRISE = "enterprise", "企事业单位人民调解委员会"  # 第8条, as needed


class Kind(models.TextChoices):
    """Dispute types as the 司法行政 statistics group them."""

    FAMILY = "family", "婚姻家庭"
    NEIGHBOUR = "neighbour", "邻里纠纷"
    HOUSING = "housing", "房屋宅基地"
    LAND = "land", "山林土地"
    CONTRACT = "contract", "合同纠纷"
    DAMAGES = "damages", "损害赔偿"
    LABOUR = "labour", "劳动争议"
    WAGES = "wages", "拖欠农民工工资"
    TRAFFIC = "traffic", "道路交通事故"
    MEDICAL = "medical", "医疗纠纷"
    PROPERTY = "property", "物业纠纷"
    EXPROPRIATION = "expropriation", "征地拆迁"
    ENVIRONMENT = "environment", "环境污染"
    OTHER = "other", "其他"


class Outcome(models.TextChoices):
    ORAL = "oral", "达成口头协议"  # 第28条
    WRITTEN = "written", "达成书面协议"  # 第28–29条
    FAILED = "failed", "调解不成"  # 第26条: inform the parties of other remedies
    REFERRED = "referred", "移交其他部门处理"  # e.g. to 信访, the court, a 行业 committee


# What counts as a successful mediation (调解成功): an agreement, oral or written.
# 调解成功率 = disputes settled by agreement ÷ disputes received (statutes.md §9).
SUCCESS_OUTCOMES: frozenset[str] = frozenset({Outcome.ORAL, Outcome.WRITTEN})
# Outcomes that end the committee's handling of the dispute.
CLOSING_OUTCOMES: frozenset[str] = frozenset(Outcome.values)


def is_success(outcome: str) -> bool:
    return outcome in SUCCESS_OUTCOMES


class State(models.TextChoices):
    RECEIVED = "received", "调解中"
    SETTLED = "settled", "已达成协议"
    PERFORMED = "performed", "协议已履行"
    BREACHED = "breached", "协议未履行"
    FAILED = "failed", "调解不成"
    REFERRED = "referred", "已移交"


# Each outcome's state once the mediation ends.
STATE_OF_OUTCOME: dict[str, str] = {
    Outcome.ORAL: State.SETTLED,
    Outcome.WRITTEN: State.SETTLED,
    Outcome.FAILED: State.FAILED,
    Outcome.REFERRED: State.REFERRED,
}

S = State
AGREED = {S.SETTLED, S.PERFORMED, S.BREACHED}

TRANSITIONS: dict[str, Transition] = transition_table(
    # 第28条: an oral agreement takes effect when the parties reach it.
    Transition(
        "agree_oral", "达成口头协议", {S.RECEIVED}, S.SETTLED, inputs={"agreement": "协议内容"}
    ),
    # 第29–30条: a written agreement takes effect when signed and sealed. If the parties
    # mean to apply for 司法确认 (第33条), their 30 days run from that day.
    Transition(
        "agree_written",
        "达成书面协议",
        {S.RECEIVED},
        S.SETTLED,
        inputs={"agreement": "协议内容", "confirmation_planned": "当事人拟申请司法确认"},
    ),
    # 第26条: mediation failed; the parties are told of arbitration, the courts etc.
    Transition(
        "fail", "调解不成", {S.RECEIVED}, S.FAILED, inputs={"reason": "原因"}, style="danger"
    ),
    Transition(
        "refer",
        "移交处理",
        {S.RECEIVED},
        S.REFERRED,
        inputs={"referred_to": "移交单位"},
        style="danger",
    ),
    # 第31条 and the committee's duty to follow up (回访) on performance.
    Transition(
        "record_performed", "回访：协议已履行", {S.SETTLED, S.BREACHED}, S.PERFORMED
    ),
    Transition(
        "record_breached", "回访：协议未履行", {S.SETTLED}, S.BREACHED, inputs={"reason": "原因"}
    ),
    # 第33条: the parties jointly applied to the court for 司法确认.
    Transition("record_confirmation", "登记申请司法确认", AGREED, None),
)

# Outcome of each closing action.
OUTCOME_OF_ACTION: dict[str, str] = {
    "agree_oral": Outcome.ORAL,
    "agree_written": Outcome.WRITTEN,
    "fail": Outcome.FAILED,
    "refer": Outcome.REFERRED,
}


def success_rate(success: int, cases: int) -> float | None:
    """调解成功率 in percent, unrounded; None when nothing was received."""
    if not cases:
        return None
    return success * 100 / cases
