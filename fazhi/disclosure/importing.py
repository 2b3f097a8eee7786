"""The xlsx sheets of the disclosure register: requests and proactively disclosed items.

Requests: import registers new requests (办理中) and starts each one's 20-working-day
reply period (条例第33条), all or nothing; later steps go through the screens or API.
Items: bulk import of the portal's published list (thousands a year), all or nothing.
"""

from __future__ import annotations

from typing import Any

from fazhi.disclosure.models import ProactiveItem, ReportFiling, Request
from fazhi.disclosure.rules import State
from fazhi.kit.xlsx import Sheet, exports, fields, model_column, writers_only


def _after_save(instances: list[Any], context: dict[str, Any]) -> None:
    for req in instances:
        req.open_reply_deadline(req.received_on)
    ReportFiling.ensure_for((req.unit, req.received_on) for req in instances)


def _after_save_items(instances: list[Any], context: dict[str, Any]) -> None:
    # Bulk-created (no save()): open the annual reports the items fall due in here.
    ReportFiling.ensure_for((item.unit, item.published_on) for item in instances)


SHEET = Sheet(
    model=Request,
    title="政府信息公开申请",
    natural_key=("unit", "number"),
    columns=[
        *fields(Request, number="确政公开〔2024〕1号", unit="确山县人民政府办公室"),
        model_column(Request, "applicant_name", "张三", read=lambda r: r.masked_applicant),
        model_column(Request, "applicant_kind", "自然人"),
        model_column(Request, "applicant_phone", "13800000000", personal="phone"),
        *fields(Request, content="2023年度财政预算执行情况", channel="互联网",
                received_on="2024-01-31", note=""),
        *exports(Request, "state", "replied_on", "reply_type", "replied_on_time"),
    ],
    prepare=writers_only("unit", "您无权为该单位登记政府信息公开申请。", state=State.RECEIVED),
    after_save=_after_save,
    bulk=False,
    instructions=[
        "每行登记一件新收到的政府信息公开申请，导入后状态为“办理中”，并自动开始20个工作日的答复期限（政府信息公开条例第33条）。",
        "收到申请日期按条例第31条确定。补正、征求意见、延期、答复请在申请页面逐步办理。",
    ],
)


ITEM_SHEET = Sheet(
    model=ProactiveItem,
    title="主动公开信息",
    natural_key=("unit", "title", "published_on"),
    columns=[
        *fields(ProactiveItem, unit="确山县人民政府办公室", category="政策文件",
                title="关于印发确山县2024年政务公开工作要点的通知", published_on="2024-03-01",
                formed_on="2024-02-20", channel="政府门户网站", url=""),
    ],
    prepare=writers_only("unit", "您无权为该单位登记主动公开信息。"),
    after_save=_after_save_items,
    bulk=True,
    instructions=["每行一条已主动公开的政府信息；全部行校验通过才会导入。"],
)
