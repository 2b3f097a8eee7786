"""The xlsx sheet of the normative-documents register: drafts in, documents out."""

from __future__ import annotations

from fazhi.kit.xlsx import Column, Sheet, choice_column, state_column, unit_column
from fazhi.normdocs.models import Document, ReviewItem
from fazhi.normdocs.rules import ReviewKind, ReviewOpinion

SHEET = Sheet(
    model=Document,
    title="行政规范性文件",
    natural_key=("unit", "title"),
    columns=[
        unit_column("制定机关", "确山县人民政府"),
        Column("文件名称", "title", required=True, example="确山县城区房屋租赁管理暂行办法"),
        Column("暂行或试行", "is_provisional", kind="bool", example="是"),
        Column("起草日期", "drafted_on", kind="date", required=True, example="2024-03-01"),
        Column("发文字号", "doc_no", importable=False),
        Column("统一登记号", "register_no", importable=False),
        Column("公布日期", "published_on", kind="date", importable=False),
        Column("有效期至", "valid_until", kind="date", importable=False),
        Column("报备期限", "filing_due", kind="date", importable=False),
        Column("报备日期", "filed_on", kind="date", importable=False),
        state_column(),
    ],
    instructions=["导入登记起草中的文件；送审、审核、公布、报备请在系统中逐项办理。"],
)


# Other items legally reviewed (contracts, agenda items, other documents): the justice
# bureau's log, often kept in a spreadsheet. A normative document's review is a move of
# the document, so that kind is not offered here.
REVIEW_SHEET = Sheet(
    model=ReviewItem,
    title="合法性审核事项",
    natural_key=("unit", "title", "received_on"),
    columns=[
        unit_column("送审单位", "确山县人民政府"),
        choice_column(
            "审核事项类别",
            "kind",
            [(v, label) for v, label in ReviewKind.choices if v != ReviewKind.NORMDOC],
            "合同（行政协议）",
        ),
        Column("事项名称", "title", required=True, example="城区集中供热特许经营协议"),
        Column("收到日期", "received_on", kind="date", required=True, example="2024-03-01"),
        Column("审核完成日期", "reviewed_on", kind="date", example="2024-03-08"),
        Column("审核意见", "opinion", kind="choice", choices=ReviewOpinion.choices, example="同意"),
        Column("意见要点", "detail"),
    ],
    bulk=False,
    instructions=["规范性文件的合法性审核请在该文件的办理页面登记，不在此导入。"],
)
