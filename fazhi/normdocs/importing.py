"""The xlsx sheet of the normative-documents register: drafts in, documents out."""

from __future__ import annotations

from fazhi.kit.xlsx import Sheet, choice_column, exports, fields, model_column, state_column
from fazhi.normdocs.models import Document, ReviewItem
from fazhi.normdocs.rules import ReviewKind

SHEET = Sheet(
    model=Document,
    title="行政规范性文件",
    natural_key=("unit", "title"),
    columns=[
        *fields(Document, unit="确山县人民政府", title="确山县城区房屋租赁管理暂行办法",
                is_provisional="是", drafted_on="2024-03-01"),
        *exports(Document, "doc_no", "register_no", "published_on", "valid_until", "filing_due",
                 "filed_on"),
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
        model_column(ReviewItem, "unit", "确山县人民政府"),
        choice_column(
            "审核事项类别",
            "kind",
            [(v, label) for v, label in ReviewKind.choices if v != ReviewKind.NORMDOC],
            "合同（行政协议）",
        ),
        *fields(ReviewItem, title="城区集中供热特许经营协议", received_on="2024-03-01",
                reviewed_on="2024-03-08", opinion="同意", detail=""),
    ],
    bulk=False,
    instructions=["规范性文件的合法性审核请在该文件的办理页面登记，不在此导入。"],
)
