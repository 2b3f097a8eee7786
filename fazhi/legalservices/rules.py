"""What the law says about legal aid, notarisation and village legal helpers.

Sources (shared `domain/statutes.md` §10):
- 《法律援助法》(in force 2022-01-01) 第43条: the legal aid body reviews an application and
  decides within 7 days of receipt (period `legal_aid_decision`); after approval it
  assigns a lawyer or legal aid worker within 3 days (`legal_aid_assignment`); a refusal
  is written, with reasons. The law says "日": calendar days, counted by the deadlines app.
- 第42条: an applicant who is a migrant worker (进城务工人员) claiming unpaid wages or
  work-injury compensation is exempt from the economic-hardship check: the statutory core
  of the 农民工绿色通道, which Fazhi treats as a priority channel.
- 第44条: aid may be given first and the paperwork done later (先行提供) when fewer than
  7 days remain before a limitation period or a deadline, among other cases.

No queries and no views here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core.workflow import Transition, transition_table

PERIOD_DECISION = "legal_aid_decision"  # 法律援助法 第43条: 7 days from receipt
PERIOD_ASSIGNMENT = "legal_aid_assignment"  # 第43条: 3 days from the approval decision


class MatterKind(models.TextChoices):
    CRIMINAL = "criminal", "刑事"
    CIVIL = "civil", "民事"
    ADMINISTRATIVE = "administrative", "行政"
    NON_LITIGATION = "non_litigation", "非诉讼"


class Claim(models.TextChoices):
    """What the applicant seeks (法律援助法 第31–32条)."""

    WAGES = "wages", "追索劳动报酬"
    WORK_INJURY = "work_injury", "工伤赔偿"
    LABOUR = "labour", "确认劳动关系"
    MAINTENANCE = "maintenance", "给付赡养费、抚养费、扶养费"
    SOCIAL = "social", "社会保险、社会救助、抚恤金"
    INJURY = "injury", "交通事故、医疗事故等人身损害赔偿"
    STATE_COMPENSATION = "state_compensation", "国家赔偿"
    DOMESTIC_VIOLENCE = "domestic_violence", "虐待、遗弃、家庭暴力"
    DEFENCE = "defence", "刑事辩护、代理"
    OTHER = "other", "其他"


# 第42条: migrant workers claiming these are exempt from the hardship check.
GREEN_CHANNEL_CLAIMS: frozenset[str] = frozenset({Claim.WAGES, Claim.WORK_INJURY})


def green_channel(migrant_worker: bool, claim: str) -> bool:
    """Whether the application goes through the 农民工绿色通道 (第42条)."""
    return bool(migrant_worker) and claim in GREEN_CHANNEL_CLAIMS


class State(models.TextChoices):
    RECEIVED = "received", "待审查"
    APPROVED = "approved", "已批准待指派"
    ASSIGNED = "assigned", "已指派承办"
    REFUSED = "refused", "不予援助"
    WITHDRAWN = "withdrawn", "已撤回"
    CLOSED = "closed", "已结案"


class Decision(models.TextChoices):
    APPROVED = "approved", "给予法律援助"
    REFUSED = "refused", "不予法律援助"


class Result(models.TextChoices):
    WON = "won", "胜诉或主张得到支持"
    PARTIAL = "partial", "部分支持"
    MEDIATED = "mediated", "调解、和解结案"
    LOST = "lost", "未获支持"
    TERMINATED = "terminated", "终止援助"


S = State
TRANSITIONS: dict[str, Transition] = transition_table(
    # 第43条: decide within 7 days; a refusal in writing, with reasons.
    Transition("approve", "决定给予援助", {S.RECEIVED}, S.APPROVED),
    Transition(
        "refuse",
        "决定不予援助",
        {S.RECEIVED},
        S.REFUSED,
        inputs={"reason": "不予援助理由"},
        style="danger",
    ),
    Transition("withdraw", "申请人撤回", {S.RECEIVED}, S.WITHDRAWN, style="danger"),
    # 第43条: assign within 3 days of approval.
    Transition(
        "assign",
        "指派承办人",
        {S.APPROVED},
        S.ASSIGNED,
        inputs={"lawyer": "承办律师或法律援助人员"},
    ),
    Transition("close", "结案", {S.ASSIGNED}, S.CLOSED, inputs={"result": "办理结果"}),
)


class NotaryKind(models.TextChoices):
    SUCCESSION = "succession", "继承"
    ENTRUSTMENT = "entrustment", "委托"
    DECLARATION = "declaration", "声明"
    GIFT = "gift", "赠与"
    CONTRACT = "contract", "合同（协议）"
    KINSHIP = "kinship", "亲属关系"
    BIRTH = "birth", "出生"
    DEGREE = "degree", "学历、学位"
    NO_CRIMINAL_RECORD = "no_criminal_record", "无犯罪记录"
    EVIDENCE = "evidence", "保全证据"
    DEPOSIT = "deposit", "提存"
    OTHER = "other", "其他"


class Channel(models.TextChoices):
    """Where a public legal service visit took place (三大平台)."""

    CENTRE = "centre", "县级公共法律服务中心"
    STATION = "station", "乡镇（街道）公共法律服务工作站"
    ROOM = "room", "村（社区）公共法律服务室"
    HOTLINE = "hotline", "12348热线"
    ONLINE = "online", "网络平台"


class ServiceKind(models.TextChoices):
    CONSULTATION = "consultation", "法律咨询"
    AID_INTAKE = "aid_intake", "法律援助申请受理"
    NOTARY = "notary", "公证咨询、办理"
    MEDIATION = "mediation", "人民调解"
    DOCUMENT = "document", "代写法律文书"
    OTHER = "other", "其他"


def helpers_per_village_minimum() -> int:
    """N in "villages with at least N legal helpers" (法律明白人 coverage); default 1.

    Local programmes set their own target (e.g. one per 20 households), so it is a
    setting, `FAZHI_LEGAL_HELPERS_PER_VILLAGE`, not a constant.
    """
    value = getattr(settings, "FAZHI_LEGAL_HELPERS_PER_VILLAGE", 1)
    return max(1, int(value))
