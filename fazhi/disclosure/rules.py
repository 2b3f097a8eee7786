"""What the Regulations on Open Government Information say about a request, as data.

Source: 《中华人民共和国政府信息公开条例》 (2019年修订, 国务院令第711号; shared/domain/
statutes.md §5). The periods (20 working days + 20, 7, 15 …) are rows of the deadlines
app (statutes.md Appendix A); this module names which applies when, the states and
moves of a request, the reply types and the annual-report rows they are counted in
(国办公开办函〔2021〕30号 format, statutes.md §5.3).
"""

from __future__ import annotations

from django.db import models

from fazhi.core.workflow import Transition, transition_table


class State(models.TextChoices):
    RECEIVED = "received", "办理中"
    CORRECTION = "correction", "待补正"
    CONSULTING = "consulting", "征求意见中"
    DONE = "done", "已办结"


class ApplicantKind(models.TextChoices):
    """The columns of the annual report's section 三 table (statutes.md §5.3)."""

    PERSON = "person", "自然人"
    BUSINESS = "business", "商业企业"
    RESEARCH = "research", "科研机构"
    CHARITY = "charity", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER = "other", "其他"


class Channel(models.TextChoices):
    """第31条: how the date of receipt is fixed depends on the channel."""

    IN_PERSON = "in_person", "当面提交"
    REGISTERED_POST = "registered_post", "邮寄（挂号、快递）"
    POST = "post", "平常信函"
    ONLINE = "online", "互联网"
    FAX = "fax", "传真"


class ReplyType(models.TextChoices):
    """Every way a request ends: one row of section 三 of the annual report each."""

    DISCLOSED = "disclosed", "予以公开"  # 第36条(一)(二)
    PARTIAL = "partial", "部分公开"  # 第37条
    SECRET = "secret", "不予公开：属于国家秘密"  # 第14条
    LAW_FORBIDS = "law_forbids", "不予公开：其他法律行政法规禁止公开"  # 第14条
    SAFETY = "safety", "不予公开：危及“三安全一稳定”"  # 第14条
    THIRD_PARTY = "third_party", "不予公开：保护第三方合法权益"  # 第15条
    INTERNAL = "internal", "不予公开：属于三类内部事务信息"  # 第16条第1款
    PROCESS = "process", "不予公开：属于四类过程性信息"  # 第16条第2款
    ENFORCEMENT_FILE = "enforcement_file", "不予公开：属于行政执法案卷"  # 第16条第2款
    QUERY = "query", "不予公开：属于行政查询事项"  # practice (statutes.md §5.3)
    NOT_HELD = "not_held", "无法提供：本机关不掌握相关政府信息"  # 第36条(四)(五)
    NEEDS_CREATION = "needs_creation", "无法提供：没有现成信息需要另行制作"  # 第38条
    STILL_UNCLEAR = "still_unclear", "无法提供：补正后申请内容仍不明确"  # 第30条
    PETITION = "petition", "不予处理：信访举报投诉类申请"  # 第39条第1款
    REPEAT = "repeat", "不予处理：重复申请"  # 第36条(六)
    PUBLICATION = "publication", "不予处理：要求提供公开出版物"  # 第39条第2款
    EXCESSIVE = "excessive", "不予处理：无正当理由大量反复申请"  # 第35条
    CONFIRM = "confirm", "不予处理：要求行政机关确认或重新出具已获取信息"
    NO_CORRECTION = "no_correction", "其他处理：申请人无正当理由逾期不补正"  # 第30条
    NO_FEE = "no_fee", "其他处理：申请人逾期未按收费通知要求缴纳费用"  # 第42条
    OTHER = "other", "其他处理：其他"  # 第36条(七) etc. [M: local practice varies]


# Section 三 of the annual report (国办公开办函〔2021〕30号): the result rows, in order,
# grouped under their headings. Labels are the template's, exactly (statutes.md §5.3).
RESULT_GROUPS: list[tuple[str, list[tuple[str, str]]]] = [
    ("（一）予以公开", [("", ReplyType.DISCLOSED)]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [("", ReplyType.PARTIAL)]),
    (
        "（三）不予公开",
        [
            ("1.属于国家秘密", ReplyType.SECRET),
            ("2.其他法律行政法规禁止公开", ReplyType.LAW_FORBIDS),
            ("3.危及“三安全一稳定”", ReplyType.SAFETY),
            ("4.保护第三方合法权益", ReplyType.THIRD_PARTY),
            ("5.属于三类内部事务信息", ReplyType.INTERNAL),
            ("6.属于四类过程性信息", ReplyType.PROCESS),
            ("7.属于行政执法案卷", ReplyType.ENFORCEMENT_FILE),
            ("8.属于行政查询事项", ReplyType.QUERY),
        ],
    ),
    (
        "（四）无法提供",
        [
            ("1.本机关不掌握相关政府信息", ReplyType.NOT_HELD),
            ("2.没有现成信息需要另行制作", ReplyType.NEEDS_CREATION),
            ("3.补正后申请内容仍不明确", ReplyType.STILL_UNCLEAR),
        ],
    ),
    (
        "（五）不予处理",
        [
            ("1.信访举报投诉类申请", ReplyType.PETITION),
            ("2.重复申请", ReplyType.REPEAT),
            ("3.要求提供公开出版物", ReplyType.PUBLICATION),
            ("4.无正当理由大量反复申请", ReplyType.EXCESSIVE),
            ("5.要求行政机关确认或重新出具已获取信息", ReplyType.CONFIRM),
        ],
    ),
    (
        "（六）其他处理",
        [
            (
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                ReplyType.NO_CORRECTION,
            ),
            (
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                ReplyType.NO_FEE,
            ),
            ("3.其他", ReplyType.OTHER),
        ],
    ),
]


class ProactiveCategory(models.TextChoices):
    """What a portal counts when it reports proactive disclosure (seed 002: 政策文件22条，
    政策解读13条，依申请公开9条，领导信箱15条，行政复议25条，提案建议2条 …)."""

    POLICY = "policy", "政策文件"
    INTERPRETATION = "interpretation", "政策解读"
    ON_REQUEST = "on_request", "依申请公开"
    MAILBOX = "mailbox", "领导信箱"
    RECONSIDERATION = "reconsideration", "行政复议"
    SUGGESTION = "suggestion", "提案建议"
    FINANCE = "finance", "财政预决算"
    PERSONNEL = "personnel", "人事信息"
    ENFORCEMENT = "enforcement", "行政执法公示"
    PLANNING = "planning", "规划计划"
    NEWS = "news", "工作动态"
    OTHER = "other", "其他"


T = Transition
TRANSITIONS: dict[str, Transition] = transition_table(
    # 第30条: an unclear request → one notice within 7 working days; the reply period
    # starts again from the receipt of the completed request.
    T(
        "request_correction", "一次性告知补正", {State.RECEIVED}, State.CORRECTION
    ),
    T(
        "receive_correction", "收到补正申请", {State.CORRECTION}, State.RECEIVED
    ),
    T(
        "abandon", "逾期不补正（不再处理）", {State.CORRECTION}, State.DONE, style="danger"
    ),
    # 第32条、第33条第3款: consulting a third party (or another agency, 第34条) stops the clock.
    T(
        "consult", "征求第三方意见", {State.RECEIVED}, State.CONSULTING, {"reason": "征求意见事项"}
    ),
    T(
        "consultation_done", "收到第三方意见", {State.CONSULTING}, State.RECEIVED
    ),
    # 第33条第2款: +20 working days once, approved by the head of the 公开工作机构.
    T(
        "extend",
        "延长答复期限（批准）",
        {State.RECEIVED, State.CONSULTING},
        None,
        {"approved_by": "批准人", "reason": "延期理由"},
    ),
    # 第36–39条: the reply.
    T(
        "reply",
        "作出答复",
        {State.RECEIVED, State.CONSULTING},
        State.DONE,
        {"reply_type": "答复类型"},
        style="danger",
    ),
    # A reconsideration or lawsuit that followed (annual report section 四).
    T(
        "link_case",
        "关联复议、诉讼案件",
        {State.DONE},
        None,
        {"reconsideration": "行政复议案件", "lawsuit": "行政诉讼案件"},
    ),
)

INPUT_KINDS: dict[str, str] = {
    "reason": "text",
    "approved_by": "text",
    "reply_type": "choice:ReplyType",
    "reconsideration": "reconsideration",
    "lawsuit": "lawsuit",
    "problems": "long_text",
    "other": "long_text",
}


class FilingState(models.TextChoices):
    DUE = "due", "待公布"
    PUBLISHED = "published", "已公布"


# 第49条: the annual report of a 县级以上人民政府部门 is due by 31 January (submitted to the
# 主管部门 and published); the whole government's report, published by its 主管部门, by
# 31 March. Township governments and other units report with the departments, by
# 31 January [M: the statute names only 县级以上; local practice]. Villages are not
# agencies and file none; a village's record opens its county's report.
GOVERNMENT_KINDS = frozenset({"county", "city", "province"})
NO_REPORT_KINDS = frozenset({"village"})

FILING_TRANSITIONS: dict[str, Transition] = transition_table(
    Transition(
        "publish",
        "公布年度报告",
        {FilingState.DUE},
        FilingState.PUBLISHED,
        # The texts of parts 五 and 六 (第50条) go into the report as published; the
        # pre-issue check (reports/statutory.py, a guard on this move) refuses a report
        # whose figures the records do not bear out or whose part 五 is left unwritten.
        {
            "number": "文号",
            "url": "公布网址",
            "problems": "存在的主要问题及改进情况",
            "other": "其他需要报告的事项",
        },
    ),
)

# Period codes of the deadlines app.
P_REPLY = "disclosure_reply"  # 第33条第2款: 20 working days (+20 once)
P_CORRECTION_NOTICE = "disclosure_correction_notice"  # 第30条: 7 working days
P_THIRD_PARTY = "disclosure_third_party"  # 第32条: 15 working days
P_REPORT_DEPARTMENT = "disclosure_report_department"  # 第49条: by 31 January
P_REPORT_GOVERNMENT = "disclosure_report_government"  # 第49条: by 31 March
