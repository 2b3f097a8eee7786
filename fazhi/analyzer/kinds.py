"""What kind of thing a coded count is: rules that check a code against the words a
report uses around the number (issue 22, the categories of wrong codes seen on texts
the analyzer had never read).

`extract.extract_figures` codes each number from the words nearest it; the rules here
then look at the clause and sentence around it and say, for a few recurring kinds of
report sentence, that the count is something else:

- posts on new media (微信公众号、微博、抖音…发布信息N条, 订阅量, 关注量) are not
  主动公开政府信息 unless the text calls them so (`new_media`);
- 法律咨询 answered is a consultation, not a 公共法律服务 visit (`consultations`);
- a count of bodies (个/家/所/处) never takes the code of a count of cases (`units`);
- in 政府信息公开 text, requests answered or handled and their outcomes are not the
  requests received, and the 复议/诉讼 about disclosure is not the body's own caseload
  (`disclosure_handling`);
- 合法性审查 of documents, contracts, 议题, 执法决定 is 合法性审核 (normdoc_reviewed),
  not a count of major decisions (`legality_review`);
- in a court's own report, the lawsuits are the court's docket, not one government's
  应诉 caseload (`court_docket`);
- a target, threshold or forecast (考核指标5%, 有望提升至45%, 力争达到…) or the condition
  of a counting rule (并处两种以上行政处罚的，) is no figure at all (`is_target`), nor is
  a count of the report's own structure in Chinese numerals (采取十三项措施, 围绕四项,
  等六项: `is_structure_count`).

All of it is data plus a few small functions; `refine(text, figures)` is the one
entry point for the code rules, `is_target`/`is_structure_count` for what is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from . import lexicon as lx

if TYPE_CHECKING:
    from .numbers import NumberToken


class _Coded(Protocol):
    indicator: str
    unit: str
    cstart: int
    cend: int


# Where a clause starts and a sentence starts (compact text: no whitespace but line
# and cell breaks).
_CLAUSE_STOPS = "，。；;！？!?,\n\t：:"
_SENTENCE_STOPS = "。；;！？!?\n"


def _back(text: str, pos: int, stops: str, limit: int) -> int:
    lo = max(0, pos - limit)
    for i in range(pos - 1, lo - 1, -1):
        if text[i] in stops:
            return i + 1
    return lo


def _clause_before(text: str, f: _Coded) -> str:
    return text[_back(text, f.cstart, _CLAUSE_STOPS, 40) : f.cstart]


def _sentence_before(text: str, f: _Coded) -> str:
    return text[_back(text, f.cstart, _SENTENCE_STOPS, 200) : f.cstart]


def _paragraph_before(text: str, f: _Coded) -> str:
    return text[_back(text, f.cstart, "\n", 400) : f.cstart]


# --- A. new media -----------------------------------------------------------------

# The channels of 政务新媒体: posts there are publicity, not 主动公开政府信息.
NEW_MEDIA = re.compile(r"公众号|微信|微博|抖音|快手|今日头条|头条号|视频号|新媒体|客户端|小红书|B站")
# What the text calls proactive disclosure.
PROACTIVE = re.compile(r"主动公开")
# The audience of an account, whatever code the words nearest it suggest.
AUDIENCE = re.compile(r"(订阅|关注|粉丝|阅读|浏览|点击|播放|转发|点赞)(量|数|用户|人数|次数)?(达到|达|超过|突破|为|共|累计|逾|近|约)*$")


def new_media(text: str, f: _Coded) -> str | None:
    """微信公众号发布信息120条 → other:new_media_posts; 订阅量1.2万 → other:audience.
    A count the sentence calls 主动公开 after it names the channel (通过微博、公众号
    主动公开政府信息300条) stays proactive disclosure."""
    if AUDIENCE.search(_clause_before(text, f)):
        return "other:new_media_audience"
    if f.indicator != "disclosure_proactive":
        return None
    sentence = _sentence_before(text, f)
    media = [m.end() for m in NEW_MEDIA.finditer(sentence)]
    if not media:
        return None
    said = [m.start() for m in PROACTIVE.finditer(sentence)]
    if said and said[-1] >= media[-1]:
        return None
    return "other:new_media_posts"


# 政协提案办理答复信息135条, 掌握纠纷信息60余条: what is counted is information.
INFORMATION = re.compile(r"信息(共计|共|计|达到|达|为|有)?\s*$")
# 提案办理结果22条, 办理复文2575件: the replies published, not the proposals.
PUBLISHED_REPLIES = re.compile(r"(结果|复文)(共计|共|计|达到|达|为|有)?\s*$")


def information(text: str, f: _Coded) -> str | None:
    """提案办理答复信息135条 → other:information_items: items of information published
    or gathered about proposals, disputes or cases are not the proposals, disputes or
    cases (every annotated text that met one says so); disclosure codes keep theirs."""
    if f.indicator.startswith(("disclosure_", "other:")) or f.indicator == lx.NUMERATOR:
        return None
    clause = _clause_before(text, f)
    if f.indicator in ("cppcc_proposals", "npc_suggestions") and PUBLISHED_REPLIES.search(clause):
        return "other:information_items"  # 提案办理结果22条, 办理复文2575件: what was published
    return "other:information_items" if INFORMATION.search(clause) else None



# 主动公开规范性文件78件, 主动公开市级文件67份: the documents among the items disclosed.
DOCUMENTS = re.compile(r"(规范性文件|文件|规章)(共计|共|计|达到|达|为|有)?$")


def documents(text: str, f: _Coded) -> str | None:
    """主动公开规范性文件78件 → other:proactive_documents: a count of documents, not of
    the items disclosed (the annotators of ten texts say so, of one the other way). A
    其中 list of a disclosure total gives its parts the total's code afterwards."""
    if f.indicator != "disclosure_proactive" or f.unit not in ("件", "份", "个", "部"):
        return None
    return "other:proactive_documents" if DOCUMENTS.search(_clause_before(text, f)) else None


# 平均办结8起, 人均执法量18.5次, 配备专职调解员平均达到1.26名: an average, not a count.
# (年均受理超万件 is a year's count over several years, the catalogue's own period.)
AVERAGE = re.compile(r"平均|人均|日均|月均|场均|户均|件均")
# 首席调解员122名, 一级调解员535名, 评定等级调解员2783名: mediators of a rank or an honour.
RANKED_MEDIATORS = re.compile(r"(首席|[一二三四五]级|等级|优秀|金牌|品牌|星级)[^，。；、\d]{0,4}调解员[^，。；、\d]{0,2}$")


def averages(text: str, f: _Coded) -> str | None:
    """平均办结8起 → other:average: a mean per person, day or case is no catalogue count
    (every annotated text that met one says so). Rates keep their codes."""
    if f.indicator.startswith("other:") or f.unit == "%" or f.indicator == lx.NUMERATOR:
        return None
    return "other:average" if AVERAGE.search(_clause_before(text, f)) else None


def ranked_mediators(text: str, f: _Coded) -> str | None:
    """首席调解员122名 → other:ranked_mediators: the mediators of one rank, not all."""
    if f.indicator == "mediators" and RANKED_MEDIATORS.search(_clause_before(text, f)):
        return "other:ranked_mediators"
    return None


def matters(text: str, f: _Coded) -> str | None:
    """执法事项6432项，其中行政许可333项、行政处罚4670项: kinds of power counted in 项 are
    matters a body may act on, not acts done (cases are counted in 件, 宗, 起, 次)."""
    if f.indicator == "enforcement_cases" and f.unit == "项":
        return "other:enforcement_matters"
    return None


# --- B. consultations -------------------------------------------------------------

CONSULTATION = re.compile(r"咨询")
# A visit or a person served as such: 接待群众来访(咨询)…, 服务群众…人次 (接待 alone
# is not: 接待群众法律咨询, 接待来人来电咨询 count consultations).
VISIT = re.compile(r"来访|服务(群众|对象)|办理[^，。；]{0,6}事项")
SERVICE = re.compile(r"法律服务")


def consultations(text: str, f: _Coded) -> str | None:
    """解答法律咨询1200人次, 提供法律咨询服务300人次: consultations answered, not
    公共法律服务 visits (接待群众来访咨询 and 服务群众N人次 stay visits)."""
    if f.indicator != "legal_service_visits":
        return None
    clause = _clause_before(text, f)
    asked = [m.end() for m in CONSULTATION.finditer(clause)]
    if not asked or VISIT.search(clause):
        return None
    if any(m.start() >= asked[-1] for m in SERVICE.finditer(clause)):
        return None  # 政策咨询、法律服务达300人次: the last item, 法律服务, is counted
    return "other:legal_consultations"


# --- C. the measure word a code may take --------------------------------------------

# Measure words that count bodies, places or rooms (法律援助工作站131家, 接待大厅8个).
BODY_UNITS = frozenset({"个", "家", "所", "处", "座", "间", "支", "支队伍"})
# Catalogue units a count of bodies may carry (mediation_committees 个, normdoc_issuers
# 个, units_without_counsel 个).
BODY_CODE_UNITS = frozenset({"个"})
# Codes that count people and are written with 个 too (调解员1153个).
BODY_UNIT_ALLOWED = frozenset(code for code, groups in lx.EXTRA_GROUPS.items() if "thing" in groups)
# Nouns of bodies, places and rooms: with one of them beside 个 the count is of bodies.
BODY_NOUN = re.compile(
    r"[^，。；、\d]{0,6}(工作站|服务站|联络点|工作室|中心|大厅|窗口|机构|组织|单位|部门|平台|基地|阵地|网点|"
    r"站|室|所|点|公园|广场|长廊|委员会|团队|队伍|主体)"
)
# Catalogue units that count cases, documents or files: never a body.
CASE_UNITS = frozenset({"件", "卷", "份", "条"})


def units(text: str, f: _Coded) -> str | None:
    """A code is only kept when the number's measure word fits the catalogue's unit
    (INDICATORS.md): a count of bodies (个/家/所/处) never takes a count of cases,
    documents or files (legal_aid_cases is 件, not 法律援助工作站131家)."""
    code = f.indicator
    if code.startswith("other:") or code == lx.NUMERATOR or f.unit not in BODY_UNITS:
        return None
    own = lx.CODE_UNIT.get(code)
    if own is None or own in BODY_CODE_UNITS or code in BODY_UNIT_ALLOWED:
        return None
    if f.unit == "个" and own not in CASE_UNITS:
        return None  # 重大行政决策事项5个: items (项) may be counted with 个
    if f.unit == "个" and not (BODY_NOUN.search(_clause_before(text, f)[-8:]) or BODY_NOUN.match(text, f.cend)):
        return None  # 35个议题: 个 counts things too; only a body named beside it is one
    return "other:" + re.sub(r"[^\u4e00-\u9fff]", "", _clause_before(text, f))[-8:] + f.unit


# --- F. handling of disclosure requests, appeals about disclosure ------------------

# What is done with the requests: answered, handled, their outcomes, carried on.
HANDLED = re.compile(
    r"答复|办理|办结|处理|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|告知|结转|转入下"
)
# The requests coming in (the catalogue's disclosure_requests: requests RECEIVED).
# 全年共办理依申请公开200件: the year's total handled is the caseload the text gives.
TOTAL = re.compile(r"(共|全年|累计|总计|合计)[^，。；]{0,2}$")
RECEIVED = re.compile(r"收到|新收|受理|接收|接到|提出|申请(数|总数|量)|共有|新增")
# 因政府信息公开被申请行政复议3件, 涉及政府信息公开的行政诉讼2件.
DISCLOSURE_APPEAL = re.compile(
    r"(因|涉及|针对|就|对)[^。\n]{0,16}(信息公开|公开申请|依申请)"
    r"|(信息公开|依申请公开|公开申请)[^。；，\n]{0,12}(被申请|被提起|被诉|引发|引起|提起)"
    r"|(信息公开|依申请公开|公开申请)(工作)?(类|相关|方面)?的?(行政)?(复议|诉讼|应诉)"
)


def _sentence_to_full_stop(text: str, f: _Coded) -> str:
    return text[_back(text, f.cstart, "。\n", 300) : f.cstart]


def disclosure_handling(text: str, f: _Coded) -> str | None:
    """答复/办理/办结…申请N件, 予以公开N件, 结转下年度N件: what was done with the
    requests, not the requests received; 因政府信息公开被申请行政复议N件, 行政诉讼N件
    and their 维持/纠错: appeals about disclosure, not the body's 复议/应诉 caseload."""
    code = f.indicator
    if code == "disclosure_requests":
        clause = _clause_before(text, f)
        handled = [m for m in HANDLED.finditer(clause) if not (m.group(0) == "办理" and TOTAL.search(clause[: m.start()]))]
        if handled and not RECEIVED.search(clause):
            return "other:disclosure_handled"
        return None
    if code.startswith(("recon_", "litig_")) and DISCLOSURE_APPEAL.search(_sentence_to_full_stop(text, f)):
        return "other:disclosure_appeals"
    return None


# --- K. legality review ---------------------------------------------------------------

REVIEW = re.compile(r"合法性审(查|核)|法制审(查|核)|合法性(把关|论证)")
REVIEW_VERB = re.compile(r"审(查|核)")
# What a legality review looks at besides major decisions.
# (决策事项 are the decisions themselves.)
REVIEWED_ITEMS = re.compile(r"文件|合同|协议|议题|执法决定|处罚决定|材料|会议纪要")
DECISION = re.compile(r"决策")


def legality_review(text: str, f: _Coded) -> str | None:
    """审查规范性文件、合同、议题、重大执法决定N件 is 合法性审核 (normdoc_reviewed),
    not decision_count (the decisions of the published catalogue); a review of major
    decisions themselves stays decision_legality_reviewed."""
    code = f.indicator
    clause = _clause_before(text, f)
    if code in ("decision_count", "decision_legality_reviewed") and REVIEW_VERB.search(clause):
        # 重大行政决策合法性审查3件, 审查重大行政决策15件: the decisions reviewed;
        # 审查重大行政决策议题及合同46件: the items named after 决策 are reviewed.
        decision = DECISION.search(clause)
        if decision and not REVIEWED_ITEMS.search(clause.split("决策")[-1]):
            return "decision_legality_reviewed"
        if decision or REVIEWED_ITEMS.search(clause) or REVIEW.search(clause):
            return "normdoc_reviewed"
        return None
    if not (code == "enforcement_cases" or code.startswith("other:")) or lx.unit_group(f.unit) != "thing":
        return None
    if FILING_REVIEW.search(clause):
        return None  # 备案审查: documents others filed, not a legality review
    if REVIEW.search(clause) or REVIEWED_NEXT.search(clause):
        # 对重大执法决定进行法制审核36件, 审核重大执法决定112件: reviews, not cases;
        # 合法性审核文件、决策、协议等共计236件: every kind of item reviewed.
        if DECISION.search(clause) and not REVIEWED_ITEMS.search(clause):
            return "decision_legality_reviewed"
        return "normdoc_reviewed"
    sentence_end = _forward(text, f.cend, "。；;\n", 60)
    after = text[f.cend : sentence_end]
    if REVIEWED_ITEMS.search(after.split("、")[0][:8]) and REVIEW.search(after):
        return "normdoc_reviewed"  # 对120件规范性文件、86份合同进行合法性审查
    return None


# 审核重大执法决定112件: the items reviewed named right after the verb.
REVIEWED_NEXT = re.compile(r"审(查|核)(把关)?[^，。；\d]{0,8}(执法决定|处罚决定|议题|合同|协议)")
FILING_REVIEW = re.compile(r"备案审查|备案审核")


def _forward(text: str, pos: int, stops: str, limit: int) -> int:
    hi = min(len(text), pos + limit)
    for i in range(pos, hi):
        if text[i] in stops:
            return i
    return hi


RULES = (new_media, documents, information, matters, averages, ranked_mediators, consultations, units, disclosure_handling, legality_review)


def refine(text: str, figures: Sequence[_Coded]) -> None:
    """Check every figure's code against the kind of thing its words count (the
    rules above, first that applies wins). `text` is the compact text the figures'
    `cstart`/`cend` point into."""
    for f in figures:
        for rule in RULES:
            code = rule(text, f)
            if code is not None and code != f.indicator:
                f.indicator = code
                break


# --- L. a court's own report --------------------------------------------------------------

# The opening of a court's report (德州市中级人民法院召开新闻发布会，发布…行政案件司法审查
# 报告; 全市法院新收一审行政诉讼案件9273件; …行政审判白皮书), not one it made with a
# 司法局 (联合召开), whose counts may be the government's own.
COURT_OPENING = re.compile(
    r"(人民法院|高院|中院|高法院|法院)[^。\n]{0,30}(召开|发布|举行|举办|新闻发布会|白皮书|通报|审判工作|司法审查报告|行政审判)"
    r"|行政审判[^。\n]{0,10}(白皮书|情况|工作报告)"
    r"|法院[^。\n]{0,12}(受理|新收|审结)[^。\n]{0,12}行政"
)
JOINT = re.compile(r"联合|司法局|司法厅|司法部|复议")
OPENING_CHARS = 400
# What a court reports of the government as a party: its leaders in court.
AS_A_PARTY = re.compile(r"应诉|出庭|负责人")


def court_report(text: str) -> bool:
    """Whether the text is a court's report of its own docket."""
    opening = text[:OPENING_CHARS]
    m = COURT_OPENING.search(opening)
    if m is None:
        return False
    start = _back(opening, m.start(), "。\n", OPENING_CHARS)
    end = opening.find("。", m.end())
    return not JOINT.search(opening[start : end if end >= 0 else len(opening)])


def court_docket(text: str, figures: Sequence[_Coded]) -> None:
    """In a court's report the lawsuits are the court's docket, from every plaintiff
    against every agency (annotators code them `other:`: the catalogue's litig_cases is
    one government's caseload); what it says of agencies' leaders appearing in court,
    and the agencies' losses and loss rate (the catalogue's 败诉 by its name), keep
    their codes."""
    if not court_report(text):
        return
    for f in figures:
        if f.indicator == "litig_cases" and not AS_A_PARTY.search(_clause_before(text, f)):
            f.indicator = "other:court_admin_cases"


# --- E. last year's value ---------------------------------------------------------------

# 由上年的816件上升到1087件, 从上年的…: last year's value first, this year's after it.
LAST_YEAR_FIRST = re.compile(r"(由|从)(去年|上年|上一?年度?|前一?年|(19|20)\d\d年)(同期)?的?$")
# 与上年的1068件相比, 同上年的…, 和去年同期的…: last year's value, this year's beside it.
LAST_YEAR_BESIDE = re.compile(r"(与|和|同|跟|较|比|相比|对比)(去年|上年|上一?年度?|前一?年|(19|20)\d\d年)(同期)?的?$")


CHANGED_TO = re.compile(r"^[^，。；\d]{0,2}(上升|增加|增长|提高|提升|下降|减少|降低|降)(到|至|为)$")


class _Dated(_Coded, Protocol):
    sentence: int
    scope: str

    @property
    def is_rate(self) -> bool: ...


def finish(text: str, figures: Sequence[_Part]) -> None:
    """The rules that need the lists of parts found: breakdowns, last year's values."""
    breakdowns(text, figures)
    for f in figures:
        # 受理申请210件，其中予以公开98件: an outcome stays one after its total gave it
        # the requests' code; so do the outcomes of an appeal about disclosure.
        code = disclosure_handling(text, f)
        if code is not None:
            f.indicator = code
    last_year_values(text, figures)
    table_totals(text, figures)


def table_totals(text: str, figures: Sequence[_Part]) -> None:
    """A table's 合计 row restating a count the text gave before the table (全年共审结
    复议案件4696件 … 合计 | 4696 | 100%): the row's count is that figure again and takes
    its code. Only a count without a catalogue code of its own, equal to exactly one
    earlier count with one, in the same kind of unit."""
    for i, f in enumerate(figures):
        if f.is_rate or not f.indicator.startswith("other:"):
            continue
        line_start = text.rfind("\n", 0, f.cstart) + 1
        line_end = text.find("\n", f.cstart)
        cells = text[line_start : line_end if line_end >= 0 else len(text)].split("\t")
        label = next((c for c in cells if c and not c[0].isdigit()), "")
        if len(cells) < 2 or not lx.TOTAL_ROW.match(label):
            continue
        same = {
            g.indicator
            for g in figures[:i]
            if g.cstart < line_start
            and not g.is_rate
            and g.value == f.value
            and not g.indicator.startswith("other:")
            and lx.unit_group(g.unit) == lx.unit_group(f.unit)
        }
        if len(same) == 1:
            f.indicator = same.pop()


def last_year_values(text: str, figures: Sequence[_Dated]) -> None:
    """A count written as last year's (由上年的816件上升到1087件; 与上年的1068件相比)
    takes the code of this year's count it is set beside, in the same sentence and
    kind of unit: the one after it for 由/从, the nearer one for 与…相比. Its scope
    says 上年 (the gold convention)."""
    for i, f in enumerate(figures):
        if f.is_rate:
            continue
        before = text[max(0, f.cstart - 12) : f.cstart]
        first = LAST_YEAR_FIRST.search(before)
        if not first and not LAST_YEAR_BESIDE.search(before):
            continue
        same = [
            j
            for j, g in enumerate(figures)
            if j != i
            and g.sentence == f.sentence
            and not g.is_rate
            and lx.unit_group(g.unit) == lx.unit_group(f.unit)
            and not g.indicator.startswith("other:")
        ]
        later = [j for j in same if j > i]
        earlier = [j for j in same if j < i]
        if first:
            pick = later[:1]
        else:
            pick = sorted(earlier[-1:] + later[:1], key=lambda j: abs(figures[j].cstart - f.cstart))[:1]
        nxt = i + 1 < len(figures) and figures[i + 1]
        if first and not pick and nxt and nxt.sentence == f.sentence and nxt.unit == f.unit:
            # 收到申请由上年的816件上升到1087件: the words before name both values.
            if not f.indicator.startswith("other:") and nxt.indicator.startswith("other:"):
                if CHANGED_TO.search(text[f.cend : nxt.cstart]):
                    nxt.indicator = f.indicator
                    pick = [i + 1]
        if pick:
            f.indicator = figures[pick[0]].indicator
            if "上年" not in f.scope:
                f.scope = "上年" + ("，" + f.scope if f.scope else "")


# --- G. targets and the report's own structure -------------------------------------------

# 市考核指标5%, 目标为…, 力争达到…, 有望提升至45%, 预计…, 确保…: a target or a forecast.
TARGET = re.compile(
    r"(考核指标|指标(值)?(为|是)|目标(值|任务)?(为|是)?|力争|争取|有望|预计|预期|计划(达到|完成|实现)|"
    r"要求(达到|不低于)|将(提升|提高|达到|增加|增至|降至|控制)|不得(低于|超过))"
    r"[^，。；\d]{0,20}$"
)


def is_figure(text: str, tok: NumberToken) -> bool:
    """Whether a number kept as a measure is a measured figure: not a target, a
    threshold, a forecast, a rule of how often or how many each, nor a count of the
    report's own structure."""
    return not is_target(text, tok) and not is_structure_count(text, tok) and not is_norm(text, tok)


# 每月学法1次, 每季度不少于一次: how often, a rule of the work; 每个乡镇配备2-3名: how many
# each body has, a staffing norm. Neither counts what was done (每月值班律师逾1200人 does:
# a person count, no 配备).
FREQUENCY_BEFORE = re.compile(r"每(月|周|季度|年|半年|日|天)[^，。；、\d]{0,8}?(不少于|至少|不低于)?$")
FREQUENCY_UNITS = frozenset({"次", "个", "场", "期"})
STAFFING_BEFORE = re.compile(r"每(个|名|一个)[^，。；\d]{0,10}?(配备|配齐|配置|有|设|设立)(了)?(不少于|至少)?$")
STAFFING_UNITS = frozenset({"名", "人", "个"})


def is_norm(text: str, tok: NumberToken) -> bool:
    start = _back(text, tok.start, _CLAUSE_STOPS, 24)
    before = text[start : tok.start]
    if tok.unit in FREQUENCY_UNITS and tok.value <= 10 and FREQUENCY_BEFORE.search(before):
        return True
    return tok.unit in STAFFING_UNITS and tok.value <= 20 and bool(STAFFING_BEFORE.search(before))


def is_target(text: str, tok: NumberToken) -> bool:
    """A number a report sets as a target, threshold or forecast, not a measured
    figure (市考核指标5%, 力争达到95%, 有望提升至45%, 目标为…)."""
    start = _back(text, tok.start, _CLAUSE_STOPS, 32)
    before = text[start : tok.start]
    if TARGET.search(before):
        return True
    if CONDITION_AFTER.match(text, tok.end):
        return True  # 并处两种以上行政处罚的，算一件: the condition of a counting rule
    # 对增幅超过60%的乡镇进行督导: a threshold that picks out others, not a figure.
    return bool(THRESHOLD_OPEN.match(before) and THRESHOLD_AFTER.match(text, tok.end) and COMPARE.search(before + text[tok.end : tok.end + 3]))


THRESHOLD_OPEN = re.compile(r"(对|凡|对于|将|把)")
THRESHOLD_AFTER = re.compile(r"(以上|以下|及以上|以内)?的")
COMPARE = re.compile(r"超过|高于|低于|不足|少于|多于|达到|以上|以下|以内")
# A number that opens a condition (…以上…的，): a rule's threshold, not a count.
CONDITION_AFTER = re.compile(r"(以上|以下|及以上|以内)[^，。；\d]{0,10}的[，,]")


# 采取十三项措施, 围绕四项重点, 提出六条意见, 其他需要报告的事项等六项: the report's own
# parts and measures, counted in Chinese numerals.
# (三个工作站, 两个工作室 are bodies: 工作 must not start another noun.)
STRUCTURE_NOUN = re.compile(
    r"^(措施|举措|重点|任务|工作(?![站室组队])|内容|要求|意见(?!书)|做法|目标|方面|环节|事项|问题|短板|不足|特色|亮点)"
)
STRUCTURE_VERB = re.compile(r"(围绕|聚焦|突出|抓好|抓住|做好|落实|采取|提出|推出|坚持|把握|从|等)$")
STRUCTURE_UNITS = frozenset({"项", "条", "个", "点", "大", "方面"})


def is_structure_count(text: str, tok: NumberToken) -> bool:
    """A count in Chinese numerals of the measures, tasks or points the report itself
    lays out (采取十三项措施, 围绕四项, 等六项) is no figure."""
    if not tok.chinese or tok.unit not in STRUCTURE_UNITS or tok.approx:
        return False
    after = text[tok.end : tok.end + 4]
    if STRUCTURE_NOUN.match(after):
        return True
    before = text[max(0, tok.start - 2) : tok.start]
    if before.endswith("等"):
        return True  # 调解、普法等六项: the items the report has just listed, summed up
    return bool(STRUCTURE_VERB.search(before)) and (not after or after[0] in "，。；、：:,;）)\n")


# --- D. a total broken down by type, respondent or field ------------------------------------

# 从案件类型看，…; 按被申请人分：…; 从申请事项来看，…: what follows breaks down a total.
# 案件类型分别为…, 申请事项主要包括…, ，涉及行政处罚512件、…: the same, naming the kinds.
BREAKDOWN = re.compile(
    r"(从|按照?|依照?)(?P<by>[^，。；：:\d从按依]{1,12}?)(来看|上看|看|划分|区分|分类|分)[，,：:]"
    r"|(类型|类别|种类|领域|事项)(主要)?(分别)?(为|是|有|包括|涉及)[：:]?"
    r"|(?<=[，,])(主要)?涉及(?=[^，。；\d]{2,10}\d)"
    r"|(?:^|(?<=[，,：:\n]))(受理|收到|新收|审结|办结|办理)的?(案件|申请)?中[，,：:]?"
)
# How far back (in paragraphs) a breakdown's total may stand when the parts add up to
# it exactly (a section 被申请人情况 breaking down the count of the section before).
EXACT_TOTAL_PARAGRAPHS = 3
# 以市政府部门为被申请人的421件, 被申请人为乡镇政府的12件: one respondent of a list.
RESPONDENT = re.compile(r"以[^，。；、]{1,16}为被申请人|被申请人(为|是)")


class _Part(_Dated, Protocol):
    value: Decimal
    paragraph: int
    part_of: int | None
    breakdown: tuple[int, int] | None


def _total_before(figures: Sequence[_Part], first: int, unit: str, at_least: Decimal) -> int | None:
    """The nearest count before `first` in its paragraph, in the same kind of unit,
    not smaller than the parts, with a catalogue code."""
    f0 = figures[first]
    for j in range(first - 1, -1, -1):
        g = figures[j]
        if g.paragraph != f0.paragraph or g.sentence < f0.sentence - 1:
            return None
        if g.is_rate or lx.unit_group(g.unit) != lx.unit_group(unit):
            continue
        if g.part_of is not None:
            continue  # a part of an earlier list, not a total
        if g.value < at_least:
            return None
        if g.indicator.startswith("other:"):
            continue  # 新接收行政诉讼案件264件，审结264件。从…看，…: past a count with no code
        return j
    return None


def _take_total_code(figures: Sequence[_Part], total: int, parts: list[int]) -> None:
    tcode = figures[total].indicator
    for i in parts:
        f = figures[i]
        f.breakdown = (total, parts[0])
        if f.indicator in lx.PARTITIONS.get(tcode, ()):
            continue  # 维持、撤销…: the outcomes of the total keep their codes
        f.indicator = tcode
        if "其中" not in f.scope:
            f.scope = (f.scope + "，" if f.scope else "") + "其中"


def _exact_total_before(figures: Sequence[_Part], first: int, whole: Decimal) -> int | None:
    """The nearest count before `first`, up to EXACT_TOTAL_PARAGRAPHS paragraphs back,
    with a catalogue code, that the parts add up to exactly: where the breakdown stands
    apart from its total (a section of its own), only the arithmetic ties them."""
    f0 = figures[first]
    for j in range(first - 1, -1, -1):
        g = figures[j]
        if g.paragraph < f0.paragraph - EXACT_TOTAL_PARAGRAPHS:
            return None
        if g.is_rate or g.part_of is not None or g.indicator.startswith("other:"):
            continue
        if g.value == whole and lx.unit_group(g.unit) == lx.unit_group(f0.unit):
            return j
    return None


def _respondent_run(text: str, figures: Sequence[_Part], i: int) -> list[int]:
    """The counts of the list of respondents figures[i] stands in: one sentence to its
    full stop (items may be set apart by ；), each naming its respondent (以…为被申请人的
    N件), the last perhaps the rest (乡镇政府等其他N件); shares between them are skipped."""

    def joined(a: _Part, b: _Part) -> bool:
        return a.paragraph == b.paragraph and "。" not in text[min(a.cend, b.cend) : max(a.cstart, b.cstart)]

    def item(j: int) -> bool:
        return bool(RESPONDENT.search(_clause_before(text, figures[j])))

    counts = [j for j, g in enumerate(figures) if not g.is_rate]
    k = counts.index(i)
    while k > 0 and joined(figures[counts[k - 1]], figures[counts[k]]) and item(counts[k - 1]):
        k -= 1
    run: list[int] = []
    for j in counts[k:]:
        if run and not joined(figures[run[-1]], figures[j]):
            break
        if item(j):
            run.append(j)
        elif run and REST_OF_LIST.search(_clause_before(text, figures[j])):
            run.append(j)
            break
        else:
            break
    return run


# The last item of a list, standing for the rest: 乡镇政府等其他1942件, 其他部门12件.
REST_OF_LIST = re.compile(r"(等|及)?其他[^，。；\d]{0,8}$|^其他")


def breakdown_lists(text: str, figures: Sequence[_Part]) -> list[tuple[re.Match[str], list[int]]]:
    """(marker, counts) for every list a BREAKDOWN marker opens: the counts after it to
    the end of its sentence or the next marker, two or more, in one kind of unit."""
    out = []
    for m in BREAKDOWN.finditer(text):
        end = min((j for j in (text.find("。", m.end()), text.find("\n", m.end())) if j >= 0), default=len(text))
        nxt = BREAKDOWN.search(text, m.end(), end)
        if nxt:
            end = nxt.start()  # …；从被申请人看，…: the next breakdown of the same total
        parts = [i for i, f in enumerate(figures) if m.end() <= f.cstart < end and not f.is_rate]
        if len(parts) >= 2 and len({lx.unit_group(figures[i].unit) for i in parts}) == 1:
            out.append((m, parts))
    return out


def breakdowns(text: str, figures: Sequence[_Part]) -> None:
    """A total broken down by type, respondent or field (从案件类型看，行政处罚类17件、
    行政强制类1件; 以市政府部门为被申请人的421件、以区县政府为被申请人的782件) gives
    its parts its own code (the gold rule: a part of a total has the total's code),
    not `other:<type>` nor the code the type's words suggest (enforcement_cases for
    行政处罚 in a 复议 breakdown, recon_superior_cases for 以…为被申请人). Only where the
    total is stated before and the parts, introduced as its breakdown, fit in it."""
    for m, parts in breakdown_lists(text, figures):
        first = min(parts)
        whole = sum((figures[i].value for i in parts), Decimal(0))
        total = _total_before(figures, first, figures[first].unit, whole)
        if total is None:
            total = _exact_total_before(figures, first, whole)
        if total is None or figures[total].cend > m.start():
            continue
        _take_total_code(figures, total, parts)
    # Two or more respondents in one list: a breakdown of the body's own cases.
    seen: set[int] = set()
    for i, f in enumerate(figures):
        if i in seen or f.indicator != "recon_superior_cases":
            continue
        run = _respondent_run(text, figures, i)
        if len(run) < 2:
            continue
        seen.update(run)
        total = figures[run[0]].part_of
        whole = sum((figures[j].value for j in run), Decimal(0))
        if total is None:
            total = _total_before(figures, run[0], f.unit, whole)
        if total is None:
            total = _exact_total_before(figures, run[0], whole)
        if total is not None and not figures[total].indicator.startswith("other:"):
            _take_total_code(figures, total, run)
        else:
            for j in run:
                figures[j].indicator = "other:respondent_breakdown"
