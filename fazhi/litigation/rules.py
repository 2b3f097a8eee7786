"""What the law says about administrative lawsuits, as data and pure functions.

Sources (see the project's shared `domain/statutes.md` §2):
- 《行政诉讼法》(2017): 第67条 (defence within 15 days of receiving the complaint copy),
  第69–78条 (judgment types), 第3条第3款 (the responsible person appears in court).
- 最高人民法院《关于行政机关负责人出庭应诉若干问题的规定》(法释〔2020〕3号, in force
  2020-07-01), cited below as "SPC 2020": 第1条 every instance, 第2条 who counts as
  负责人, 第5条 notice ≥ 3 days before the hearing, 第6条 a defective identity proof
  counts as absent, 第7条 one session per instance, 第8条 valid excuses.

No queries and no views here: models, views, the API and imports read these tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.workflow import Transition, transition_table


class State(models.TextChoices):
    RECEIVED = "received", "待答辩"  # complaint copy received; the defence clock runs
    DEFENDED = "defended", "审理中"  # defence filed; awaiting hearing or judgment
    CONCLUDED = "concluded", "已结案"  # judgment or ruling of this instance
    APPEALED = "appealed", "已上诉"  # concluded here, continued at the next instance


class Instance(models.TextChoices):
    FIRST = "first", "一审"
    SECOND = "second", "二审"
    RETRIAL = "retrial", "再审"
    RETRIAL_REVIEW = "retrial_review", "再审审查"


class Outcome(models.TextChoices):
    # Judgments (判决), 行政诉讼法 第69–78条.
    DISMISS_CLAIM = "dismiss_claim", "判决驳回诉讼请求"  # 第69条
    REVOKE = "revoke", "判决撤销"  # 第70条
    REVOKE_PARTIAL = "revoke_partial", "判决部分撤销"  # 第70条
    REVOKE_REDO = "revoke_redo", "判决撤销并责令重作"  # 第70条
    PERFORM = "perform", "判决履行法定职责"  # 第72条
    PAY = "pay", "判决给付"  # 第73条
    CONFIRM_ILLEGAL = "confirm_illegal", "判决确认违法"  # 第74条
    CONFIRM_VOID = "confirm_void", "判决确认无效"  # 第75条
    ALTER = "alter", "判决变更"  # 第77条
    AGREEMENT = "agreement", "判决承担行政协议责任"  # 第78条
    COMPENSATE = "compensate", "判决行政赔偿"  # 行政赔偿 cases (第76条, 国家赔偿法)
    DISMISS_COMPENSATION = "dismiss_compensation", "判决驳回赔偿请求"
    APPEAL_DISMISSED = "appeal_dismissed", "判决驳回上诉、维持原判"  # 第89条第1款第1项
    APPEAL_REVERSED_FOR = "appeal_reversed_for", "二审改判（行政机关胜诉）"  # 第89条第1款第2项
    APPEAL_REVERSED_AGAINST = "appeal_reversed_against", "二审改判（行政机关败诉）"
    # Rulings (裁定).
    NOT_ACCEPTED = "not_accepted", "裁定不予立案"  # 第51条
    DISMISS_SUIT = "dismiss_suit", "裁定驳回起诉"
    WITHDRAWAL_ALLOWED = "withdrawal_allowed", "裁定准予撤诉"  # 第62条
    REMANDED = "remanded", "裁定发回重审"  # 第89条第1款第3、4项
    # Other ways a case ends.
    DEEMED_WITHDRAWN = "deemed_withdrawn", "按撤诉处理"  # 第58条
    MEDIATED = "mediated", "调解结案"  # 第60条 (compensation, discretion)
    TERMINATED = "terminated", "裁定终结诉讼"
    OTHER = "other", "其他"


class Result(models.TextChoices):
    """How the defendant unit fared: the four buckets the issue asks for."""

    WON = "won", "胜诉"
    LOST = "lost", "败诉"
    WITHDRAWN = "withdrawn", "撤诉"
    OTHER = "other", "其他"


# "Lost": judgments against the defendant (statutes.md §2.2: 撤销/部分撤销, 确认违法, 确认无效,
# 责令履行/给付, 变更, 行政协议 liability; compensation ordered; reversed on appeal against it).
LOST: frozenset[str] = frozenset(
    {
        Outcome.REVOKE,
        Outcome.REVOKE_PARTIAL,
        Outcome.REVOKE_REDO,
        Outcome.PERFORM,
        Outcome.PAY,
        Outcome.CONFIRM_ILLEGAL,
        Outcome.CONFIRM_VOID,
        Outcome.ALTER,
        Outcome.AGREEMENT,
        Outcome.COMPENSATE,
        Outcome.APPEAL_REVERSED_AGAINST,
    }
)

# Judgments for the defendant; with the rulings that end the suit, what it won.
WON_JUDGMENTS: frozenset[str] = frozenset(
    {Outcome.DISMISS_CLAIM, Outcome.DISMISS_COMPENSATION, Outcome.APPEAL_REVERSED_FOR}
)
WON: frozenset[str] = WON_JUDGMENTS | {Outcome.NOT_ACCEPTED, Outcome.DISMISS_SUIT}

# Judgments: the default denominator of 败诉率 (statutes.md §2.2, "判决结案"): lost, won,
# or an appeal dismissed (which keeps the first instance's result, see `result_of`).
JUDGMENTS: frozenset[str] = LOST | WON_JUDGMENTS | {Outcome.APPEAL_DISMISSED}

WITHDRAWN: frozenset[str] = frozenset({Outcome.WITHDRAWAL_ALLOWED, Outcome.DEEMED_WITHDRAWN})

# Outcomes that only a second instance can give.
APPEAL_ONLY: frozenset[str] = frozenset(
    {
        Outcome.APPEAL_DISMISSED,
        Outcome.APPEAL_REVERSED_FOR,
        Outcome.APPEAL_REVERSED_AGAINST,
        Outcome.REMANDED,
    }
)


def result_of(outcome: str, appellant: str = "", previous_result: str = "") -> str:
    """The won / lost / withdrawn / other bucket of an outcome, given who appealed.

    判决驳回上诉、维持原判 (第89条第1款第1项) leaves the first-instance judgment standing:
    a loss for the agency when the agency (被告) appealed, a win when the plaintiff
    appealed; on a third party's appeal (or when the appellant is unknown) the
    first-instance result stands. Every other outcome decides by itself.
    """
    if outcome == Outcome.APPEAL_DISMISSED:
        if appellant == Appellant.DEFENDANT:
            return Result.LOST
        if appellant == Appellant.PLAINTIFF:
            return Result.WON
        return previous_result or Result.OTHER
    if outcome in LOST:
        return Result.LOST
    if outcome in WON:
        return Result.WON
    if outcome in WITHDRAWN:
        return Result.WITHDRAWN
    return Result.OTHER


def loss_rate_denominator() -> str:
    """The indicator code 败诉率 divides by: judgments (default) or every closed case.

    Local 考核 rules differ (statutes.md §2.2), so it is a setting:
    FAZHI_LITIGATION_LOSS_DENOMINATOR = "judged" | "closed".
    """
    choice = getattr(settings, "FAZHI_LITIGATION_LOSS_DENOMINATOR", "judged")
    return {"judged": "litig_judged", "closed": "litig_closed"}.get(choice, "litig_judged")


# ----------------------------------------------------------------- case numbers

# （2023）豫1725行初12号: year, court code (province abbreviation + digits), case type, serial.
# The case-type word decides the instance (最高人民法院《关于人民法院案件案号的若干规定》).
CASE_TYPES: dict[str, str] = {
    "行初": Instance.FIRST,
    "行赔初": Instance.FIRST,
    "行终": Instance.SECOND,
    "行赔终": Instance.SECOND,
    "行再": Instance.RETRIAL,
    "行赔再": Instance.RETRIAL,
    "行申": Instance.RETRIAL_REVIEW,
    "行赔申": Instance.RETRIAL_REVIEW,
    "行监": Instance.RETRIAL_REVIEW,
}
_CASE_RE = re.compile(
    r"^[（(]\s*(?P<year>\d{4})\s*[）)]\s*(?P<court>[\u4e00-\u9fa5]{1,2}\d{0,4})\s*"
    r"(?P<type>" + "|".join(sorted(CASE_TYPES, key=len, reverse=True)) + r")"
    r"\s*(?P<serial>\d{1,6})\s*号$"
)


@dataclass(frozen=True)
class CaseNumber:
    year: int
    court: str
    case_type: str
    serial: int

    @property
    def instance(self) -> str:
        return CASE_TYPES[self.case_type]

    def __str__(self) -> str:
        return f"（{self.year}）{self.court}{self.case_type}{self.serial}号"


def parse_case_number(text: str) -> CaseNumber:
    """The parsed case number; half-width brackets and spaces are accepted.

    Raises ValidationError with a Chinese message naming the expected form.
    """
    raw = (text or "").strip()
    m = _CASE_RE.match(raw)
    if m is None:
        raise ValidationError(
            "案号“%(value)s”格式不正确，应如“（2023）豫1725行初12号”：括号内为年份，其后为法院代字、"
            "案件类型（行初、行终、行再、行申、行赔初等）和序号。",
            params={"value": raw},
            code="invalid_case_number",
        )
    return CaseNumber(int(m["year"]), m["court"], m["type"], int(m["serial"]))


# ----------------------------------------------------------------- appearance (SPC 2020)


class LeaderRank(models.TextChoices):
    """Who appeared, by SPC 2020 第2条: the first four count as 负责人, the rest do not."""

    HEAD = "head", "正职负责人"
    DEPUTY = "deputy", "副职负责人"
    IN_CHARGE = "in_charge", "分管被诉行为的副职级领导"
    OTHER_LEADER = "other_leader", "其他参与分管的负责人"
    ENTRUSTED = "entrusted", "受委托组织的负责人（不计入）"
    LOWER = "lower", "下级行政机关的负责人（不计入）"


COUNTED_RANKS: frozenset[str] = frozenset(LeaderRank) - {LeaderRank.ENTRUSTED, LeaderRank.LOWER}


class Excuse(models.TextChoices):
    """Valid reasons for the responsible person's absence, SPC 2020 第8条."""

    NONE = "", "—"
    FORCE_MAJEURE = "force_majeure", "不可抗力"
    ACCIDENT = "accident", "意外事件"
    DUTY = "duty", "需要履行他人不能代替的公务"
    OTHER = "other", "其他正当事由"
    NO_REASON = "no_reason", "无正当理由"  # SPC 2020 第12条: the court may send a 司法建议


VALID_EXCUSES: frozenset[str] = frozenset(
    {Excuse.FORCE_MAJEURE, Excuse.ACCIDENT, Excuse.DUTY, Excuse.OTHER}
)


def counts_as_appearance(*, appeared: bool, rank: str, identity_proof_ok: bool) -> bool:
    """SPC 2020 第2条 (who counts) and 第6条 (a defective identity proof counts as absent)."""
    return bool(appeared and rank in COUNTED_RANKS and identity_proof_ok)


# ----------------------------------------------------------------- workflow

S = State
TRANSITIONS: dict[str, Transition] = transition_table(
    # 行政诉讼法 第67条: answer within 15 days of receiving the complaint copy.
    Transition("defend", "提交答辩状", {S.RECEIVED}, S.DEFENDED),
    # SPC 2020 第5条: the court's 出庭通知书 reaches the unit ≥ 3 days before the hearing.
    Transition(
        "schedule_hearing",
        "登记开庭通知",
        {S.RECEIVED, S.DEFENDED},
        None,
        inputs={"hearing_on": "开庭日期", "appearance_required": "是否要求负责人出庭"},
    ),
    Transition(
        "record_hearing",
        "登记庭审情况",
        {S.RECEIVED, S.DEFENDED},
        None,
        inputs={
            "hearing": "开庭通知（留空则新增一次开庭）",
            "appearance_required": "是否要求负责人出庭",
            "appeared": "负责人是否出庭",
            "person": "出庭负责人",
            "rank": "负责人类别",
            "identity_proof_ok": "身份证明是否合格",
            "spoke": "是否发言（出庭且出声）",
            "excuse": "未出庭理由",
            "excuse_note": "理由说明",
            "staff": "出庭工作人员",
        },
    ),
    # 行政诉讼法 第81条 / 第88条: the court's trial period, extended with the approval of
    # the 高级人民法院 (no statutory cap): recorded so the due list follows the court.
    Transition(
        "extend_trial",
        "登记审理期限延长",
        {S.RECEIVED, S.DEFENDED},
        None,
        inputs={"months": "延长月数", "approved_by": "批准法院"},
    ),
    Transition(
        "conclude",
        "登记裁判结果",
        {S.RECEIVED, S.DEFENDED},
        S.CONCLUDED,
        inputs={
            "outcome": "裁判结果",
            "judgment_number": "裁判文书号",
            "appellant": "上诉人（二审）",
        },
        style="danger",
    ),
    # 行政诉讼法 第85条: appeal within 15 days of a judgment, 10 of a ruling.
    Transition(
        "appeal",
        "登记上诉",
        {S.CONCLUDED},
        S.APPEALED,
        inputs={"appellant": "上诉人"},
    ),
)


class Appellant(models.TextChoices):
    PLAINTIFF = "plaintiff", "原告"
    DEFENDANT = "defendant", "被告（本机关）"
    THIRD_PARTY = "third_party", "第三人"


# Period codes of the deadlines app (statutes.md Appendix A).
PERIOD_DEFENCE = "litig_defence"  # 行政诉讼法 第67条: 15 days from receipt of the complaint copy
# The court's period for an instance keeps an open case on the due list until judgment.
PERIOD_TRIAL = {
    "first": "litig_trial_first",  # 行政诉讼法 第81条: 6 months from 立案
    "second": "litig_trial_appeal",  # 第88条: 3 months from receipt of the appeal
}
PERIOD_APPEARANCE_NOTICE = "litig_appearance_notice"  # SPC 2020 第5条: ≥ 3 days before the hearing
