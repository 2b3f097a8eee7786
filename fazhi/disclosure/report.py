"""The annual 政府信息公开工作年度报告 of any unit (条例第49–50条), from the records.

`build(unit, year)` fills the national template's tables (国办公开办函〔2021〕30号;
statutes.md §5.3, row and column labels exactly as there) from the registers:

- 二: 行政规范性文件 from the normdocs register, 行政许可/处罚/强制 decisions from the
  enforcement register; a county has no power to make 规章 (立法法第93条: 设区的市以上),
  so a county's row is 0 unless the caller passes figures; 行政事业性收费 has no register
  yet and is passed in (`fees_wan`);
- 三: the requests of this register, by applicant column and reply type;
- 四: reconsiderations and lawsuits about disclosure (linked from a request, or a
  reconsideration whose act is 政府信息公开) by result.

`validate(report)` lists every total that does not equal its rows; `render_docx()`
refuses a report that has any (so a broken table is never published) and renders it
with the GB/T 9704 renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q

from fazhi.disclosure.models import ProactiveItem, Request
from fazhi.disclosure.rules import RESULT_GROUPS, ApplicantKind, State
from fazhi.indicators.catalogue import Period
from fazhi.org.models import Unit, UnitKind

APPLICANT_COLUMNS = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
]
KIND_ORDER = [
    ApplicantKind.PERSON,
    ApplicantKind.BUSINESS,
    ApplicantKind.RESEARCH,
    ApplicantKind.CHARITY,
    ApplicantKind.LEGAL_SERVICE,
    ApplicantKind.OTHER,
]
ROW_NEW = "一、本年新收政府信息公开申请数量"
ROW_CARRIED = "二、上年结转政府信息公开申请数量"
ROW_TOTAL = "三、本年度办理结果 （七）总计"
ROW_FORWARD = "四、结转下年度继续办理"
REVIEW_GROUPS = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
RESULT_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


class ReportInvalid(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("年度报告表格校验未通过：" + "；".join(problems))


@dataclass
class ReportTable:
    caption: str
    header: list[str]
    rows: list[tuple[str, list[Any]]]

    def row(self, label: str) -> list[Any]:
        for lab, values in self.rows:
            if lab == label:
                return values
        raise KeyError(label)

    def as_strings(self) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        return tuple(self.header), tuple((lab, *(_fmt(v) for v in vals)) for lab, vals in self.rows)


@dataclass
class AnnualReport:
    unit: Unit
    year: int
    proactive_total: int
    proactive_by_category: list[tuple[str, int]]
    section2: list[ReportTable]
    section3: ReportTable
    section4: ReportTable
    fees_collected: Decimal = Decimal(0)
    problems_text: str = ""
    other_text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


# ------------------------------------------------------------------ section 三


def result_rows() -> list[tuple[str, str]]:
    """(label, reply type) for every result row of section 三, in template order."""
    rows = []
    for group, subs in RESULT_GROUPS:
        for sub, reply_type in subs:
            rows.append(
                (f"三、本年度办理结果 {group}{(' ' + sub) if sub else ''}", str(reply_type))
            )
    return rows


def _by_kind(qs: Any) -> list[int]:
    counts = {k: 0 for k in KIND_ORDER}
    for kind in qs.values_list("applicant_kind", flat=True):
        counts[kind] = counts.get(kind, 0) + 1
    values = [counts[k] for k in KIND_ORDER]
    return [*values, sum(values)]


def section3(unit: Unit, year: int) -> ReportTable:
    p = Period.year(year)
    qs = Request.objects.in_subtree(unit)
    rows: list[tuple[str, list[Any]]] = []
    rows.append((ROW_NEW, _by_kind(qs.filter(received_on__gte=p.start, received_on__lte=p.end))))
    carried = qs.filter(received_on__lt=p.start).filter(
        Q(replied_on__isnull=True) | Q(replied_on__gte=p.start)
    )
    rows.append((ROW_CARRIED, _by_kind(carried)))
    done = qs.filter(state=State.DONE, replied_on__gte=p.start, replied_on__lte=p.end)
    per_type: dict[str, dict[str, int]] = {}
    for kind, reply_type in done.values_list("applicant_kind", "reply_type"):
        per_type.setdefault(reply_type, {}).setdefault(kind, 0)
        per_type[reply_type][kind] += 1
    total = [0] * 7
    for label, reply_type in result_rows():
        counts = per_type.get(reply_type, {})
        values = [counts.get(k, 0) for k in KIND_ORDER]
        values.append(sum(values))
        rows.append((label, values))
        total = [a + b for a, b in zip(total, values, strict=True)]
    rows.append((ROW_TOTAL, total))
    forward = qs.filter(received_on__lte=p.end).filter(
        Q(replied_on__isnull=True) | Q(replied_on__gt=p.end)
    )
    rows.append((ROW_FORWARD, _by_kind(forward)))
    return ReportTable(
        "三、收到和处理政府信息公开申请情况",
        ["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", *APPLICANT_COLUMNS],
        rows,
    )


# ------------------------------------------------------------------ section 四


def _review_row(items: list[tuple[str, bool]]) -> list[int]:
    """items: (result bucket, closed by year end) → 维持 / 纠正 / 其他 / 尚未审结 / 总计."""
    buckets = {"upheld": 0, "corrected": 0, "other": 0, "open": 0}
    for bucket, closed in items:
        buckets[bucket if closed else "open"] += 1
    values = [buckets["upheld"], buckets["corrected"], buckets["other"], buckets["open"]]
    return [*values, sum(values)]


def section4(unit: Unit, year: int) -> ReportTable:
    from fazhi.litigation.models import Lawsuit
    from fazhi.litigation.rules import Instance, Result
    from fazhi.litigation.rules import State as LawsuitState
    from fazhi.reconsideration import rules as recon_rules
    from fazhi.reconsideration.models import Application
    from fazhi.reconsideration.rules import ActKind

    p = Period.year(year)
    linked = Request.objects.in_subtree(unit)
    recon_qs = Application.objects.filter(received_on__gte=p.start, received_on__lte=p.end).filter(
        Q(pk__in=linked.exclude(reconsideration=None).values("reconsideration_id"))
        | Q(act_kind=ActKind.DISCLOSURE, respondent__path__startswith=unit.path)
    )
    recon_items = []
    upheld = recon_rules.DISMISSED_OUTCOMES | {recon_rules.ReviewOutcome.UPHOLD}
    for outcome, state, closed_on in recon_qs.values_list("outcome", "state", "closed_on"):
        closed = state in recon_rules.CLOSED_STATES and closed_on is not None and closed_on <= p.end
        bucket = (
            "upheld"
            if outcome in upheld
            else "corrected"
            if outcome in recon_rules.CORRECTIVE_OUTCOMES
            else "other"
        )
        recon_items.append((bucket, closed))
    suits = Lawsuit.objects.filter(
        filed_on__gte=p.start,
        filed_on__lte=p.end,
        instance=Instance.FIRST,
        pk__in=linked.exclude(lawsuit=None).values("lawsuit_id"),
    )
    direct, after = [], []
    for result, state, closed_on, recon_id in suits.values_list(
        "result", "state", "closed_on", "reconsideration_id"
    ):
        # An appealed case is not finished until the last instance: 尚未审结.
        closed = state == LawsuitState.CONCLUDED and closed_on is not None and closed_on <= p.end
        bucket = (
            "upheld" if result == Result.WON else "corrected" if result == Result.LOST else "other"
        )
        (after if recon_id else direct).append((bucket, closed))
    values = _review_row(recon_items) + _review_row(direct) + _review_row(after)
    header = [f"{g}：{c}" for g in REVIEW_GROUPS for c in RESULT_COLUMNS]
    return ReportTable("四、政府信息公开行政复议、行政诉讼情况", ["", *header], [("件数", values)])


# ------------------------------------------------------------------ section 二


def section2(
    unit: Unit,
    year: int,
    *,
    regulations: tuple[int, int, int] = (0, 0, 0),
    fees_wan: Decimal = Decimal(0),
) -> list[ReportTable]:
    from fazhi.enforcement.models import Case
    from fazhi.enforcement.rules import CaseKind
    from fazhi.normdocs.models import Document

    p = Period.year(year)
    docs = Document.objects.in_subtree(unit).filter(published_on__isnull=False)
    made = docs.filter(published_on__gte=p.start, published_on__lte=p.end).count()
    repealed = docs.filter(ended_on__gte=p.start, ended_on__lte=p.end).count()
    in_force = (
        docs.filter(published_on__lte=p.end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=p.end))
        .count()
    )
    cases = Case.objects.in_subtree(unit).filter(decided_on__gte=p.start, decided_on__lte=p.end)
    by_kind = {k: 0 for k in CaseKind.values}
    for kind in cases.values_list("kind", flat=True):
        by_kind[kind] += 1
    return [
        ReportTable(
            "第二十条第（一）项",
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            [("规章", list(regulations)), ("行政规范性文件", [made, repealed, in_force])],
        ),
        ReportTable(
            "第二十条第（五）项",
            ["信息内容", "本年处理决定数量"],
            [("行政许可", [by_kind[CaseKind.PERMIT]])],
        ),
        ReportTable(
            "第二十条第（六）项",
            ["信息内容", "本年处理决定数量"],
            [("行政处罚", [by_kind[CaseKind.PENALTY]]), ("行政强制", [by_kind[CaseKind.COERCION]])],
        ),
        ReportTable(
            "第二十条第（八）项",
            ["信息内容", "本年收费金额（单位：万元）"],
            [("行政事业性收费", [fees_wan])],
        ),
    ]


# ------------------------------------------------------------------ the report


def build(
    unit: Unit,
    year: int,
    *,
    regulations: tuple[int, int, int] = (0, 0, 0),
    fees_wan: Decimal = Decimal(0),
    fees_collected: Decimal = Decimal(0),
    problems_text: str = "",
    other_text: str = "",
) -> AnnualReport:
    p = Period.year(year)
    items = ProactiveItem.objects.in_subtree(unit).filter(
        published_on__gte=p.start, published_on__lte=p.end
    )
    from django.db.models import Count

    from fazhi.disclosure.rules import ProactiveCategory

    by_cat = {row["category"]: row["n"] for row in items.values("category").annotate(n=Count("pk"))}
    categories = [
        (label, by_cat[value]) for value, label in ProactiveCategory.choices if by_cat.get(value)
    ]
    return AnnualReport(
        unit=unit,
        year=year,
        proactive_total=sum(by_cat.values()),
        proactive_by_category=categories,
        section2=section2(unit, year, regulations=regulations, fees_wan=fees_wan),
        section3=section3(unit, year),
        section4=section4(unit, year),
        fees_collected=fees_collected,
        problems_text=problems_text,
        other_text=other_text,
    )


def validate(report: AnnualReport) -> list[str]:
    """Every total that does not equal its rows, in Chinese; [] when the tables agree."""
    problems: list[str] = []
    t3 = report.section3
    for label, values in t3.rows:
        if sum(values[:6]) != values[6]:
            problems.append(
                f"表三“{label}”：总计列{values[6]}不等于各类申请人之和{sum(values[:6])}"
            )
    results = [
        values
        for label, values in t3.rows
        if label not in (ROW_NEW, ROW_CARRIED, ROW_TOTAL, ROW_FORWARD)
    ]
    total = t3.row(ROW_TOTAL)
    for i, column in enumerate(APPLICANT_COLUMNS):
        column_sum = sum(v[i] for v in results)
        if column_sum != total[i]:
            problems.append(
                f"表三“{column}”列：（七）总计{total[i]}不等于各办理结果之和{column_sum}"
            )
        left = t3.row(ROW_NEW)[i] + t3.row(ROW_CARRIED)[i]
        right = total[i] + t3.row(ROW_FORWARD)[i]
        if left != right:
            problems.append(
                f"表三“{column}”列：第一项加第二项（{left}）不等于第三项加第四项（{right}）"
            )
    values = report.section4.rows[0][1]
    for g, group in enumerate(REVIEW_GROUPS):
        part = values[g * 5 : g * 5 + 5]
        if sum(part[:4]) != part[4]:
            problems.append(
                f"表四“{group}”：总计{part[4]}不等于维持、纠正、其他、尚未审结之和{sum(part[:4])}"
            )
    for table in report.section2:
        for label, vals in table.rows:
            if any((not isinstance(v, int | Decimal)) or v < 0 for v in vals):
                problems.append(f"表二“{table.caption}”“{label}”：数值应为非负数")
    return problems


def _summary(report: AnnualReport) -> str:
    t3 = report.section3
    new = t3.row(ROW_NEW)[6]
    done = t3.row(ROW_TOTAL)[6]
    forward = t3.row(ROW_FORWARD)[6]
    cats = "，".join(f"{label}{n}条" for label, n in report.proactive_by_category)
    text = f"{report.year}年，{report.unit.name}主动公开政府信息{report.proactive_total}条"
    text += f"（其中{cats}）" if cats else ""
    text += f"；新收政府信息公开申请{new}件，办结{done}件，结转下年度继续办理{forward}件。"
    return text


def document(
    report: AnnualReport, *, number: str = "", dated: date | None = None, addressee: str = ""
) -> Any:
    """The report as an `OfficialDocument` of the GB/T 9704 renderer."""
    from fazhi.documents.gbt9704 import Heading, OfficialDocument, Paragraph, Table, number_headings

    unit = report.unit
    short = unit.short_name or unit.name
    body: list[Any] = [
        Paragraph(
            f"本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和国务院办公厅政府信息与政务公开办公室"
            f"印发的年度报告格式要求编制，数据统计期限为{report.year}年1月1日至{report.year}年12月31日。"
        ),
        Heading("总体情况"),
        Paragraph(_summary(report)),
        Heading("主动公开政府信息情况"),
    ]
    for table in report.section2:
        header, rows = table.as_strings()
        body.append(Table(header=header, rows=rows, caption=table.caption))
    header, rows = report.section3.as_strings()
    body += [Heading("收到和处理政府信息公开申请情况"), Table(header=header, rows=rows)]
    header, rows = report.section4.as_strings()
    body += [Heading("政府信息公开行政复议、行政诉讼情况"), Table(header=header, rows=rows)]
    body += [
        Heading("存在的主要问题及改进情况"),
        Paragraph(report.problems_text or "（请填写本年度存在的主要问题及改进情况。）"),
        Heading("其他需要报告的事项"),
        Paragraph(
            (report.other_text + " " if report.other_text else "")
            + (
                f"本年度收取信息处理费{_fmt(report.fees_collected)}元。"
                if report.fees_collected
                else "本年度未收取信息处理费。"
            )
        ),
    ]
    is_government = unit.kind in (
        UnitKind.COUNTY,
        UnitKind.CITY,
        UnitKind.PROVINCE,
        UnitKind.TOWNSHIP,
    )
    return OfficialDocument(
        issuer_mark=f"{unit.name}文件",
        number=number or f"{short}政务公开〔{report.year + 1}〕1号",
        title=f"{unit.name}\n{report.year}年政府信息公开工作年度报告",
        addressee=addressee or ("社会公众" if is_government else "本级政府信息公开工作主管部门"),
        body=number_headings(body),
        signature=unit.name,
        dated=dated or date(report.year + 1, 1, 20),
    )


def render_docx(report: AnnualReport, **kw: Any) -> bytes:
    """The .docx of the report; refuses (ReportInvalid) when a table total disagrees."""
    from fazhi.documents.gbt9704 import render_docx as render

    problems = validate(report)
    if problems:
        raise ReportInvalid(problems)
    return render(document(report, **kw))
