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

from fazhi.disclosure import indicators as disclosure_indicators
from fazhi.disclosure.rules import RESULT_GROUPS, ApplicantKind, ProactiveCategory
from fazhi.documents.demonstration import DEMO_MARK, DEMO_PREFIX, demonstration
from fazhi.documents.gbt9704 import Heading, OfficialDocument, Paragraph, Table, number_headings
from fazhi.documents.gbt9704 import render_docx as render
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import figure
from fazhi.indicators.engine import compute
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


# ------------------------------------------------------------------ the figures

# Section 二's figures that other registers' catalogue entries already define.
NORMDOCS_MADE = "normdoc_issued"
NORMDOCS_REPEALED = "disclosure_normdocs_repealed"
NORMDOCS_IN_FORCE = "disclosure_normdocs_in_force"
PERMITS = "enforcement_cases_permit"
PENALTIES = "enforcement_cases_penalty"
COERCIONS = "enforcement_cases_coercion"
PROACTIVE = "disclosure_proactive"
REVIEW_KEYS = ["recon", "suit_direct", "suit_after"]
RESULT_KEYS = [result for result, _ in disclosure_indicators.RESULTS]


def result_rows() -> list[tuple[str, str]]:
    """(label, reply type) for every result row of section 三, in template order."""
    rows = []
    for group, subs in RESULT_GROUPS:
        for sub, reply_type in subs:
            rows.append(
                (f"三、本年度办理结果 {group}{(' ' + sub) if sub else ''}", str(reply_type))
            )
    return rows


def _request_rows() -> list[tuple[str, str]]:
    """(label, row key of the catalogue codes) of section 三, in template order."""
    return [
        (ROW_NEW, "new"),
        (ROW_CARRIED, "carried"),
        *((label, f"result_{reply_type}") for label, reply_type in result_rows()),
        (ROW_TOTAL, "done"),
        (ROW_FORWARD, "forward"),
    ]


def codes() -> list[str]:
    """Every catalogue code the report's tables and summary print."""
    out = [PROACTIVE, *(f"{PROACTIVE}_{value}" for value in ProactiveCategory.values)]
    out += [NORMDOCS_MADE, NORMDOCS_REPEALED, NORMDOCS_IN_FORCE, PERMITS, PENALTIES, COERCIONS]
    for _, row in _request_rows():
        out += [*(f"disclosure_{row}_{kind}" for kind in KIND_ORDER), f"disclosure_{row}"]
    for group in REVIEW_KEYS:
        out += [
            *(f"disclosure_review_{group}_{r}" for r in RESULT_KEYS),
            f"disclosure_review_{group}",
        ]
    return out


def figures(unit: Unit, year: int) -> dict[str, Any]:
    """The report's figures, computed from the records at this moment (a document)."""
    return compute(unit, year, codes(), from_records=True)


# ------------------------------------------------------------------ section 三


def section3(values: dict[str, Any]) -> ReportTable:
    rows: list[tuple[str, list[Any]]] = [
        (
            label,
            [
                *(values[f"disclosure_{row}_{kind}"] for kind in KIND_ORDER),
                values[f"disclosure_{row}"],
            ],
        )
        for label, row in _request_rows()
    ]
    return ReportTable(
        "三、收到和处理政府信息公开申请情况",
        ["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", *APPLICANT_COLUMNS],
        rows,
    )


# ------------------------------------------------------------------ section 四


def section4(values: dict[str, Any]) -> ReportTable:
    """维持 / 纠正 / 其他 / 尚未审结 / 总计 for reconsiderations, lawsuits without and after one."""
    row: list[Any] = []
    for group in REVIEW_KEYS:
        row += [
            *(values[f"disclosure_review_{group}_{r}"] for r in RESULT_KEYS),
            values[f"disclosure_review_{group}"],
        ]
    header = [f"{g}：{c}" for g in REVIEW_GROUPS for c in RESULT_COLUMNS]
    return ReportTable("四、政府信息公开行政复议、行政诉讼情况", ["", *header], [("件数", row)])


# ------------------------------------------------------------------ section 二


def section2(
    values: dict[str, Any],
    *,
    regulations: tuple[int, int, int] = (0, 0, 0),
    fees_wan: Decimal = Decimal(0),
) -> list[ReportTable]:
    normdocs = [values[NORMDOCS_MADE], values[NORMDOCS_REPEALED], values[NORMDOCS_IN_FORCE]]
    return [
        ReportTable(
            "第二十条第（一）项",
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            [("规章", list(regulations)), ("行政规范性文件", normdocs)],
        ),
        ReportTable(
            "第二十条第（五）项",
            ["信息内容", "本年处理决定数量"],
            [("行政许可", [values[PERMITS]])],
        ),
        ReportTable(
            "第二十条第（六）项",
            ["信息内容", "本年处理决定数量"],
            [("行政处罚", [values[PENALTIES]]), ("行政强制", [values[COERCIONS]])],
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
    values = figures(unit, year)
    categories = [
        (label, values[f"{PROACTIVE}_{value}"])
        for value, label in ProactiveCategory.choices
        if values[f"{PROACTIVE}_{value}"]
    ]
    return AnnualReport(
        unit=unit,
        year=year,
        proactive_total=values[PROACTIVE],
        proactive_by_category=categories,
        section2=section2(values, regulations=regulations, fees_wan=fees_wan),
        section3=section3(values),
        section4=section4(values),
        fees_collected=fees_collected,
        problems_text=problems_text,
        other_text=other_text,
        extra={"figures": values},
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
    """The 总体情况 sentence, every figure in the house style (indicators.display)."""
    cat = catalogue()
    t3 = report.section3
    new = figure(cat["disclosure_new"], t3.row(ROW_NEW)[6])
    done = figure(cat["disclosure_done"], t3.row(ROW_TOTAL)[6])
    forward = figure(cat["disclosure_forward"], t3.row(ROW_FORWARD)[6])
    by_label = {str(label): value for value, label in ProactiveCategory.choices}
    cats = "，".join(
        f"{label}{figure(cat[f'{PROACTIVE}_{by_label[label]}'], n)}"
        for label, n in report.proactive_by_category
    )
    total = figure(cat[PROACTIVE], report.proactive_total)
    text = f"{report.year}年，{report.unit.name}主动公开政府信息{total}"
    text += f"（其中{cats}）" if cats else ""
    text += f"；新收政府信息公开申请{new}，办结{done}，结转下年度继续办理{forward}。"
    return text


def document(
    report: AnnualReport, *, number: str = "", dated: date | None = None, addressee: str = ""
) -> Any:
    """The report as an `OfficialDocument` of the GB/T 9704 renderer."""
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
        # Demonstration data never carries what could pass for a real document number.
        number=number or f"{DEMO_PREFIX if demonstration() else short + '政务公开'}〔{report.year + 1}〕1号",
        title=f"{unit.name}\n{report.year}年政府信息公开工作年度报告",
        addressee=addressee or ("社会公众" if is_government else "本级政府信息公开工作主管部门"),
        body=number_headings(body),
        signature=unit.name,
        dated=dated or date(report.year + 1, 1, 20),
        watermark=DEMO_MARK if demonstration() else "",
    )


def render_docx(report: AnnualReport, **kw: Any) -> bytes:
    """The .docx of the report; refuses (ReportInvalid) when a table total disagrees."""
    problems = validate(report)
    if problems:
        raise ReportInvalid(problems)
    return render(document(report, **kw))
