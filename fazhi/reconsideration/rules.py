"""What the Administrative Reconsideration Law says about an application, as data.

Source: 《中华人民共和国行政复议法》 as revised 2023-09-01, in force 2024-01-01
(shared/domain/statutes.md §1). Article numbers below are of that text. The periods
themselves (5 working days, 60 days + 30 …) are rows of the deadlines app, loaded from
statutes.md Appendix A; this module only names which period applies when.

No queries and no views here: states, the transition table, who may make each move,
the decision types and which of them count as 纠错.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from fazhi.core.workflow import Transition, transition_table


class State(models.TextChoices):
    RECEIVED = "received", "待审查"
    CORRECTION = "correction", "补正中"
    ACCEPTED = "accepted", "已受理"
    COPY_SENT = "copy_sent", "待答复"
    REPLIED = "replied", "审理中"
    SUSPENDED = "suspended", "中止"
    DECIDED = "decided", "已决定"
    MEDIATED = "mediated", "调解结案"
    SETTLED = "settled", "和解撤回"
    TERMINATED = "terminated", "终止"
    REFUSED = "refused", "不予受理"
    ABANDONED = "abandoned", "视为放弃"


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", "普通程序"
    SIMPLIFIED = "simplified", "简易程序"  # 第53条


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面递交"
    POST = "post", "邮寄"
    ONLINE = "online", "网上申请"
    ORAL = "oral", "口头申请"  # 第22条: recorded on the spot
    FORWARDED = "forwarded", "经作出处罚的机关转送"  # 第32条


class ApplicantKind(models.TextChoices):
    PERSON = "person", "自然人"
    LEGAL = "legal", "法人"
    OTHER = "other", "其他组织"


class ActKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LICENCE = "licence", "行政许可"
    DISCLOSURE = "disclosure", "政府信息公开"
    INACTION = "inaction", "不履行法定职责"
    REGISTRATION = "registration", "行政确认、登记"
    LAND = "land", "自然资源权属"
    COMPENSATION = "compensation", "行政赔偿"
    AGREEMENT = "agreement", "行政协议"
    OTHER = "other", "其他"


class ReviewOutcome(models.TextChoices):
    """Every disposition of the law (statutes.md §1.6). 中止 is a state, not an outcome."""

    CHANGE = "change", "变更"  # 第63条
    REVOKE = "revoke", "撤销"  # 第64条
    PARTIAL_REVOKE = "partial_revoke", "部分撤销"  # 第64条
    REVOKE_AND_REMAKE = "revoke_remake", "撤销并责令重新作出"  # 第64条
    CONFIRM_ILLEGAL = "confirm_illegal", "确认违法"  # 第65条
    ORDER_PERFORM = "order_perform", "责令履行"  # 第66条
    CONFIRM_VOID = "confirm_void", "确认无效"  # 第67条
    CONTRACT_LIABILITY = "contract_liability", "责令承担行政协议责任"  # 第71条
    UPHOLD = "uphold", "维持"  # 第68条
    REJECT_CLAIM = "reject_claim", "驳回复议请求"  # 第69条
    REJECT_APPLICATION = "reject_application", "驳回申请"  # 第33条
    NOT_ACCEPTED = "not_accepted", "不予受理"  # 第30条第2款
    MEDIATED = "mediated", "调解"  # 第73条
    SETTLED_WITHDRAWN = "settled_withdrawn", "和解撤回"  # 第74条、第41条
    TERMINATED = "terminated", "终止"  # 第41条


# 纠错 (statutes.md §1.6, §1.8): decisions that find the act wrong. 行政协议 remedies
# (第71条) are corrective in substance [M]; change this set if the province counts otherwise.
CORRECTIVE_OUTCOMES = frozenset(
    {
        ReviewOutcome.CHANGE,
        ReviewOutcome.REVOKE,
        ReviewOutcome.PARTIAL_REVOKE,
        ReviewOutcome.REVOKE_AND_REMAKE,
        ReviewOutcome.CONFIRM_ILLEGAL,
        ReviewOutcome.ORDER_PERFORM,
        ReviewOutcome.CONFIRM_VOID,
        ReviewOutcome.CONTRACT_LIABILITY,
    }
)
REVOKED_OUTCOMES = frozenset(
    {
        ReviewOutcome.REVOKE,
        ReviewOutcome.PARTIAL_REVOKE,
        ReviewOutcome.REVOKE_AND_REMAKE,
    }
)
DISMISSED_OUTCOMES = frozenset({ReviewOutcome.REJECT_CLAIM, ReviewOutcome.REJECT_APPLICATION})
# Outcomes the "decide" action may record: a 行政复议决定 (第63–69条、第71条、第33条):
# it corrects the act, upholds it, or dismisses the claim or the application.
DECISION_OUTCOMES = CORRECTIVE_OUTCOMES | {ReviewOutcome.UPHOLD} | DISMISSED_OUTCOMES
# A decision on the merits: every decision except 驳回申请, which finds the case
# inadmissible after acceptance (第33条) and so says nothing about the act.
MERITS_OUTCOMES = DECISION_OUTCOMES - {ReviewOutcome.REJECT_APPLICATION}
# 调解、和解结案 (调撤): reported together in official statistics (§1.8).
MEDIATED_OUTCOMES = frozenset({ReviewOutcome.MEDIATED, ReviewOutcome.SETTLED_WITHDRAWN})

# The 纠错率 denominator differs between provinces (§1.8); Fazhi's default follows the
# 2018 national briefing: accepted cases closed by a decision on the merits.
CORRECTION_BASES = {
    "merits": ("作出实体复议决定的审结案件", MERITS_OUTCOMES),
    "decisions": ("作出复议决定的审结案件（含驳回申请）", DECISION_OUTCOMES),
    "closed": ("全部审结案件（含调解、和解、终止）", None),
}


def correction_base() -> str:
    """The configured 纠错率 denominator: "merits" (default), "decisions" or "closed"."""
    base = getattr(settings, "FAZHI_RECON_CORRECTION_BASE", "merits")
    if base not in CORRECTION_BASES:
        raise ValueError(f"FAZHI_RECON_CORRECTION_BASE must be one of {sorted(CORRECTION_BASES)}")
    return base


class SuspensionGround(models.TextChoices):
    """第39条: grounds for 中止."""

    DEATH = "death", "申请人死亡，须等待近亲属表明是否参加"
    INCAPACITY = "incapacity", "申请人丧失参加能力，尚未确定法定代理人"
    MISSING = "missing", "申请人下落不明"
    SUCCESSOR = "successor", "作为申请人的组织终止，尚未确定权利义务承受人"
    FORCE_MAJEURE = "force_majeure", "不可抗力等正当理由不能参加"
    INTERPRETATION = "interpretation", "案件涉及法律适用问题需有权机关解释或确认"
    OTHER_CASE = "other_case", "案件审理需以其他案件的审理结果为依据"
    NORMDOC = "normdoc", "附带审查规范性文件（第56、57条）"
    SETTLEMENT = "settlement", "当事人同意中止以调解、和解"
    OTHER = "other", "其他需要中止的情形"


class TerminationReason(models.TextChoices):
    """第41条: grounds for 终止 (和解撤回 has its own action, 第74条)."""

    WITHDRAWN = "withdrawn", "申请人撤回申请，准予撤回"
    DEATH = "death", "申请人死亡，无近亲属或近亲属放弃"
    ORG_ENDED = "org_ended", "作为申请人的组织终止，无承受人或承受人放弃"
    CRIMINAL = "criminal", "对同一行为已采取刑事强制措施"
    SUSPENSION_LAPSED = "suspension_lapsed", "中止满60日，中止原因仍未消除"


class PerformanceStatus(models.TextChoices):
    """第77条、第83条: the respondent must carry out decisions and 调解书."""

    PENDING = "pending", "待核查"
    PERFORMED = "performed", "已履行"
    URGED = "urged", "已责令限期履行"
    NOT_PERFORMED = "not_performed", "未履行（已通报或约谈）"


class LetterKind(models.TextChoices):
    OPINION = "opinion", "行政复议意见书"  # 第76条
    SUGGESTION = "suggestion", "行政复议建议书"  # 实施条例 第57条第2款


# Who makes a move. "agency": the 复议机关 (its 复议机构 staff); "respondent": the
# respondent unit's own staff or the agency (the agency may log what it received).
AGENCY, RESPONDENT = "agency", "respondent"

OPEN_REVIEW = {State.ACCEPTED, State.COPY_SENT, State.REPLIED}
CLOSED_STATES = frozenset({State.DECIDED, State.MEDIATED, State.SETTLED, State.TERMINATED})
FINAL_STATES = CLOSED_STATES | {State.REFUSED, State.ABANDONED}
OPEN_STATES = frozenset(State.values) - FINAL_STATES
AFTER_ACCEPTANCE = OPEN_REVIEW | {State.SUSPENDED} | CLOSED_STATES

# Inputs each action asks for beyond the date and a note: name → (Chinese label, kind).
# Kinds: "date", "text", "choice:<ChoicesClass>", "letter" (one of the case's letters).
INPUT_KINDS: dict[str, str] = {
    "procedure": "choice:Procedure",
    "reason": "text",
    "received_on": "date",
    "hearing_on": "date",
    "ground": "choice:SuspensionGround",
    "approved_by": "text",
    "outcome": "choice:DecisionOutcome",
    "termination_reason": "choice:TerminationReason",
    "kind": "choice:LetterKind",
    "recipient": "text",
    "letter": "letter",
    "status": "choice:PerformanceStatus",
    "length": "int",
}

T = Transition
TRANSITIONS: dict[str, Transition] = transition_table(
    # 第31条: papers incomplete → notice within the 5-day review; the applicant's
    # correction time does not count against the review.
    T("request_correction", "通知补正", {State.RECEIVED}, State.CORRECTION),
    T(
        "receive_correction", "收到补正材料", {State.CORRECTION}, State.RECEIVED
    ),
    # 第31条第2款: with a good reason the 复议机构 may extend the correction period by a
    # reasonable length (no statutory cap: the approval states it).
    T(
        "extend_correction",
        "延长补正期限",
        {State.CORRECTION},
        None,
        {"length": "延长工作日数", "approved_by": "批准人", "reason": "正当理由"},
    ),
    # 第31条第2款: no correction in time without good reason → treated as abandoned.
    T(
        "abandon", "逾期未补正（视为放弃）", {State.CORRECTION}, State.ABANDONED, style="danger"
    ),
    # 第30条: accept, or refuse with reasons, within 5 working days.
    T("accept", "受理", {State.RECEIVED}, State.ACCEPTED, {"procedure": "审理程序"}),
    T(
        "refuse",
        "不予受理",
        {State.RECEIVED},
        State.REFUSED,
        {"reason": "不予受理理由"},
        style="danger",
    ),
    # 第30条第3款: no decision within the review period → accepted on its last day.
    T(
        "deem_accepted",
        "审查期满视为受理",
        {State.RECEIVED},
        State.ACCEPTED,
        {"procedure": "审理程序"},
    ),
    # 第48条 / 第54条: copy to the respondent within 7 / 3 working days.
    T(
        "send_copy",
        "发送申请书副本",
        {State.ACCEPTED},
        State.COPY_SENT,
        {"received_on": "被申请人收到日期"},
    ),
    # 第48条 / 第54条: reply within 10 / 5 working days of receiving the copy.
    T("receive_reply", "收到答复", {State.COPY_SENT}, State.REPLIED),
    # 第50–51条: hearing in the ordinary procedure, notice ≥ 5 working days before.
    T(
        "schedule_hearing",
        "安排听证",
        {State.COPY_SENT, State.REPLIED},
        None,
        {"hearing_on": "听证日期"},
    ),
    # 第55条: switch to the ordinary procedure with the 复议机构 head's approval.
    T("to_ordinary", "转为普通程序", OPEN_REVIEW, None, {"approved_by": "批准人"}),
    # 第39条 / 第40条: suspend (the decision clock stops) and resume.
    T("suspend", "中止审理", OPEN_REVIEW, State.SUSPENDED, {"ground": "中止原因"}),
    T("resume", "恢复审理", {State.SUSPENDED}, None),
    # 第62条第1款: extend once by at most 30 days with the head's approval.
    T(
        "extend",
        "延期（批准）",
        OPEN_REVIEW | {State.SUSPENDED},
        None,
        {"approved_by": "批准人", "reason": "延期理由"},
    ),
    # 第63–69条、第71条、第33条.
    T(
        "decide",
        "作出复议决定",
        OPEN_REVIEW,
        State.DECIDED,
        {"outcome": "决定类型"},
        style="danger",
    ),
    # 第73条: the 调解书 takes effect once signed by all parties.
    T(
        "mediate", "调解结案", OPEN_REVIEW | {State.SUSPENDED}, State.MEDIATED, style="danger"
    ),
    # 第74条: settlement, withdrawal allowed, case terminated.
    T(
        "settle", "和解撤回", OPEN_REVIEW | {State.SUSPENDED}, State.SETTLED, style="danger"
    ),
    # 第41条.
    T(
        "terminate",
        "终止审理",
        OPEN_REVIEW | {State.SUSPENDED},
        State.TERMINATED,
        {"termination_reason": "终止原因"},
        style="danger",
    ),
    # 第76条 / 实施条例 第57条: letters to the respondent, report within 60 days.
    T(
        "issue_letter",
        "制发意见书/建议书",
        AFTER_ACCEPTANCE,
        None,
        {"kind": "文书类型", "recipient": "送达单位（默认被申请人）"},
    ),
    T(
        "letter_reply", "登记意见书/建议书回复", AFTER_ACCEPTANCE, None, {"letter": "文书"}
    ),
    # 第77条、第83条: follow-up of performance.
    T(
        "follow_up", "登记履行情况", {State.DECIDED, State.MEDIATED}, None, {"status": "履行情况"}
    ),
)

SIDE: dict[str, str] = {action: AGENCY for action in TRANSITIONS} | {
    "receive_reply": RESPONDENT,
    "letter_reply": RESPONDENT,
}

# Period codes of the deadlines app (statutes.md Appendix A).
# 第90条: the 2023 text applies to applications received from 2024-01-01; earlier ones
# keep the periods of the old law (the deadlines app holds both versions and picks by
# the received date). The old law had no 简易程序 and no restart after 补正.
LAW_2023_FROM = date(2024, 1, 1)
P_REVIEW = "recon_acceptance_review"  # 第30条: 5 working days
P_CORRECTION = "recon_applicant_correction"  # 第31条: 10 working days
P_OPINION = "recon_opinion_feedback"  # 第76条: 60 days
P_HEARING_NOTICE = "recon_hearing_notice"  # 第51条: 5 working days before the hearing
COPY_PERIOD = {
    Procedure.ORDINARY: "recon_copy_ordinary",
    Procedure.SIMPLIFIED: "recon_copy_simplified",
}
REPLY_PERIOD = {
    Procedure.ORDINARY: "recon_reply_ordinary",
    Procedure.SIMPLIFIED: "recon_reply_simplified",
}
DECISION_PERIOD = {
    Procedure.ORDINARY: "recon_decision_ordinary",
    Procedure.SIMPLIFIED: "recon_decision_simplified",
}


def outcome_state(outcome: str) -> str:
    """The state a closing outcome leads to."""
    if outcome == ReviewOutcome.MEDIATED:
        return State.MEDIATED
    if outcome == ReviewOutcome.SETTLED_WITHDRAWN:
        return State.SETTLED
    if outcome == ReviewOutcome.TERMINATED:
        return State.TERMINATED
    if outcome in DECISION_OUTCOMES:
        return State.DECIDED
    raise ValueError(outcome)


def can_extend(procedure: str, already_extended: bool) -> bool:
    """第62条: only the ordinary procedure's 60 days may be extended, and only once."""
    return procedure == Procedure.ORDINARY and not already_extended
