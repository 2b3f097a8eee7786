"""Disclosure indicators (codes of the shared INDICATORS.md; helper codes noted).

Helper codes not in INDICATORS.md: `disclosure_replied` (requests answered in the
period, the denominator of `disclosure_on_time_rate`) and `disclosure_on_time_rate`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q

from fazhi.disclosure.models import Request
from fazhi.disclosure.rules import ApplicantKind, ProactiveCategory, ReplyType, State
from fazhi.indicators.catalogue import Indicator, Period, cell, count, parts, rate
from fazhi.indicators.q import Where, dated, narrowed, within
from fazhi.litigation.rules import Instance
from fazhi.litigation.rules import Result as LawsuitResult
from fazhi.litigation.rules import State as LawsuitState
from fazhi.reconsideration import rules as recon_rules
from fazhi.reconsideration.rules import ActKind

ITEM = "disclosure.ProactiveItem"
REQUEST = "disclosure.Request"


def _in(field: str, p: Period) -> Q:
    return Q(**{f"{field}__gte": p.start, f"{field}__lte": p.end})


def proactive(p: Period) -> Q:
    return _in("published_on", p)


def requests(p: Period) -> Q:
    return _in("received_on", p)


def replied(p: Period) -> Q:
    # Requests abandoned for want of correction (第30条) have no reply period to meet.
    return Q(state=State.DONE, replied_on_time__isnull=False) & _in("replied_on", p)


def replied_on_time(p: Period) -> Q:
    return replied(p) & Q(replied_on_time=True)


INDICATORS = [
    count(
        "disclosure_proactive",
        "主动公开政府信息",
        "条",
        model=ITEM,
        where=proactive,
        definition="期间内主动公开的政府信息条数（按公开日期计，各类别合计）。",
    ),
    count(
        "disclosure_requests",
        "依申请公开",
        "件",
        model=REQUEST,
        where=requests,
        definition="期间内收到的政府信息公开申请件数（按政府信息公开条例第31条确定的收到日期计）。",
    ),
    count(
        "disclosure_replied",
        "作出答复",
        "件",
        model=REQUEST,
        where=replied,
        definition="期间内作出答复的申请件数（按答复日期计；逾期不补正不再处理的不计入）。",
    ),
    count(
        "disclosure_replied_on_time",
        "按期答复",
        "件",
        model=REQUEST,
        where=replied_on_time,
        definition="期间内作出答复、且在答复期限内答复的申请件数（20个工作日，经批准延长的为延长后期限，征求意见时间不计入；条例第33条）。",
    ),
    rate(
        "disclosure_on_time_rate",
        "按期答复率",
        numerator="disclosure_replied_on_time",
        denominator="disclosure_replied",
        definition="按期答复件数 ÷ 期间内作出答复的申请件数 × 100%。",
    ),
]


# ------------------------------------------------------------------ the annual report's tables
#
# The 政府信息公开工作年度报告 (国办公开办函〔2021〕30号; statutes.md §5.3) fills its
# tables with these figures (disclosure/report.py), computed from the records like every
# other figure. Codes: `disclosure_<row>_<applicant column>` for section 三, with the
# row's 总计 as `disclosure_<row>`; `disclosure_review_<group>_<result>` for section 四.
# Reconsiderations and lawsuits are counted here because a request links to them
# (disclosure.Request.reconsideration / .lawsuit).

KINDS = [(str(value), str(label)) for value, label in ApplicantKind.choices]


def _of_kind(where: Where, kind: str) -> Where:
    return narrowed(where, applicant_kind=kind)


def _carried(p: Period) -> Q:
    """Received before the period and not answered before it began."""
    return Q(received_on__lt=p.start) & (Q(replied_on__isnull=True) | Q(replied_on__gte=p.start))


def _forward(p: Period) -> Q:
    """Received by the period's end and not answered by then."""
    return Q(received_on__lte=p.end) & (Q(replied_on__isnull=True) | Q(replied_on__gt=p.end))


def _done(reply_type: str) -> Where:
    return narrowed(dated("replied_on"), state=State.DONE, reply_type=reply_type)


REQUEST_ROWS: list[tuple[str, str, Where, str]] = [
    (
        "new",
        "本年新收政府信息公开申请",
        requests,
        "期间内收到的申请（按条例第31条确定的收到日期计）",
    ),
    ("carried", "上年结转政府信息公开申请", _carried, "期间开始前收到、期间开始时尚未答复的申请"),
    *(
        (
            f"result_{value}",
            f"办理结果：{label}",
            _done(value),
            f"期间内办结、办理结果为“{label}”的申请（按答复日期计）",
        )
        for value, label in ReplyType.choices
    ),
    ("forward", "结转下年度继续办理", _forward, "期间结束时已收到、尚未答复的申请"),
]
RESULT_ROWS = [code for code, *_ in REQUEST_ROWS if code.startswith("result_")]


def _table_row(
    code: str, name: str, model: str, cells: list[tuple[str, str, Where, str]], total: str
) -> list[Indicator]:
    """A row of a report table: a count for each column (suffix, column, where,
    definition) and the row's total, the sum of its columns."""
    out = [
        count(
            f"{code}_{suffix}",
            f"{name}（{column}）",
            "件",
            model=model,
            where=where,
            definition=definition,
        )
        for suffix, column, where, definition in cells
    ]
    out.append(
        parts(
            code, name, "件", of=tuple(f"{code}_{suffix}" for suffix, *_ in cells), definition=total
        )
    )
    return out


def _request_table() -> list[Indicator]:
    out: list[Indicator] = []
    for row, name, where, meaning in REQUEST_ROWS:
        cells = [
            (
                kind,
                column,
                _of_kind(where, kind),
                f"{meaning}中申请人为{column}的件数（年度报告表三）。",
            )
            for kind, column in KINDS
        ]
        out += _table_row(
            f"disclosure_{row}",
            name,
            REQUEST,
            cells,
            f"{meaning}的件数，各类申请人之和（年度报告表三“总计”列）。",
        )
    for kind, column in KINDS:
        out.append(
            parts(
                f"disclosure_done_{kind}",
                f"本年度办理结果总计（{column}）",
                "件",
                of=tuple(f"disclosure_{row}_{kind}" for row in RESULT_ROWS),
                definition=f"期间内办结的申请人为{column}的申请，各办理结果之和（年度报告表三（七）总计）。",
            )
        )
    out.append(
        parts(
            "disclosure_done",
            "本年度办理结果总计",
            "件",
            of=tuple(f"disclosure_done_{kind}" for kind, _ in KINDS),
            definition="期间内办结的申请，各类申请人之和（年度报告表三（七）总计）。",
        )
    )
    return out


# Section 四: by result, a case closed by the period's end; 尚未审结 otherwise.
RESULTS = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("open", "尚未审结"),
]


def _recon_base(p: Period) -> Q:
    linked = Request.objects.filter(reconsideration__isnull=False).values("reconsideration_id")
    return within("received_on", p) & (Q(pk__in=linked) | Q(act_kind=ActKind.DISCLOSURE))


def _recon(result: str) -> Where:
    upheld = [*recon_rules.DISMISSED_OUTCOMES, recon_rules.ReviewOutcome.UPHOLD]
    corrective = list(recon_rules.CORRECTIVE_OUTCOMES)
    by_result = {
        "upheld": Q(outcome__in=upheld),
        "corrected": Q(outcome__in=corrective),
        "other": ~Q(outcome__in=[*upheld, *corrective]),
    }

    def where(p: Period) -> Q:
        closed = Q(
            state__in=list(recon_rules.CLOSED_STATES), closed_on__isnull=False, closed_on__lte=p.end
        )
        if result == "open":
            return _recon_base(p) & ~closed
        return _recon_base(p) & closed & by_result[result]

    return where


def _suit(result: str, *, after_review: bool) -> Where:
    by_result = {
        "upheld": Q(result=LawsuitResult.WON),
        "corrected": Q(result=LawsuitResult.LOST),
        "other": ~Q(result__in=[LawsuitResult.WON, LawsuitResult.LOST]),
    }

    def where(p: Period) -> Q:
        linked = Request.objects.filter(lawsuit__isnull=False).values("lawsuit_id")
        base = within("filed_on", p) & Q(
            instance=Instance.FIRST, pk__in=linked, reconsideration__isnull=not after_review
        )
        # An appealed case is not finished until the last instance: 尚未审结.
        closed = Q(state=LawsuitState.CONCLUDED, closed_on__isnull=False, closed_on__lte=p.end)
        if result == "open":
            return base & ~closed
        return base & closed & by_result[result]

    return where


REVIEW_GROUPS: list[tuple[str, str, str, Callable[[str], Where], str]] = [
    (
        "recon",
        "政府信息公开行政复议",
        "reconsideration.Application",
        _recon,
        "期间内收到的、由政府信息公开申请引发或被申请行为为政府信息公开的行政复议案件",
    ),
    (
        "suit_direct",
        "政府信息公开行政诉讼（未经复议直接起诉）",
        "litigation.Lawsuit",
        lambda r: _suit(r, after_review=False),
        "期间内立案的、由政府信息公开申请引发且未经复议的一审行政诉讼案件",
    ),
    (
        "suit_after",
        "政府信息公开行政诉讼（复议后起诉）",
        "litigation.Lawsuit",
        lambda r: _suit(r, after_review=True),
        "期间内立案的、由政府信息公开申请引发且经复议后起诉的一审行政诉讼案件",
    ),
]


def _review_table() -> list[Indicator]:
    out: list[Indicator] = []
    for group, name, model, where_of, meaning in REVIEW_GROUPS:
        cells = [
            (
                result,
                column,
                where_of(result),
                f"{meaning}中{'期间结束时尚未审结' if result == 'open' else f'期间结束前审结、{column}'}的件数（年度报告表四）。",
            )
            for result, column in RESULTS
        ]
        out += _table_row(
            f"disclosure_review_{group}",
            name,
            model,
            cells,
            f"{meaning}的件数（年度报告表四“总计”）。",
        )
    return out


def _proactive_of(category: str) -> Where:
    return narrowed(proactive, category=category)


def _section2() -> list[Indicator]:
    docs = "normdocs.Document"
    return [
        *(
            count(
                f"disclosure_proactive_{value}",
                f"主动公开政府信息：{label}",
                "条",
                model=ITEM,
                where=_proactive_of(value),
                definition=f"期间内主动公开的“{label}”类政府信息条数（按公开日期计）。",
            )
            for value, label in ProactiveCategory.choices
        ),
        count(
            "disclosure_normdocs_repealed",
            "本年废止行政规范性文件",
            "件",
            model=docs,
            where=narrowed(dated("ended_on"), published_on__isnull=False),
            definition="期间内废止（失效）的已公布行政规范性文件件数（年度报告表二第二十条第（一）项）。",
        ),
        count(
            "disclosure_normdocs_in_force",
            "现行有效行政规范性文件",
            "件",
            model=docs,
            where=lambda p: (
                Q(published_on__lte=p.end) & (Q(ended_on__isnull=True) | Q(ended_on__gt=p.end))
            ),
            definition="期间结束时已公布且尚未废止（失效）的行政规范性文件件数（年度报告表二第二十条第（一）项）。",
        ),
    ]


# Cells of the report's tables: computed and drilled down like every figure, not listed
# among the register's headline figures on the overview screens.
TABLE = "政府信息公开工作年度报告"
INDICATORS += [cell(ind, TABLE) for ind in (*_section2(), *_request_table(), *_review_table())]
