"""The xlsx sheet of suggestions and proposals: the 交办 list a county receives from the
人大常委会 / 政协 each year, imported all or nothing; each row starts its reply period."""

from __future__ import annotations

from typing import Any

from fazhi.kit.xlsx import Sheet, exports, fields, model_column, writers_only
from fazhi.oversight.models import Suggestion
from fazhi.oversight.rules import SuggestionState


def _after_save(instances: list[Any], context: dict[str, Any]) -> None:
    for s in instances:
        s.open_reply_deadline()


SHEET = Sheet(
    model=Suggestion,
    title="建议提案",
    natural_key=("unit", "kind", "number", "title"),
    columns=[
        *fields(Suggestion, kind="人大代表建议", number="第15号",
                title="关于改善城区停车秩序的建议"),
        model_column(Suggestion, "proposer_name", "李四", personal="name"),
        model_column(Suggestion, "proposer_phone", "13800000000", personal="phone"),
        *fields(Suggestion, office="确山县人民政府", unit="确山县城市管理局",
                co_units="确山县公安局", assigned_on="2024-03-20"),
        *exports(Suggestion, "state", "contacted_on", "replied_on", "category", "satisfaction"),
    ],
    prepare=writers_only(
        "office", "只有交办机关的工作人员可以交办建议、提案。", state=SuggestionState.ASSIGNED
    ),
    after_save=_after_save,
    bulk=False,
    instructions=[
        "每行一件交办的人大代表建议或政协委员提案，导入后自动开始3个月的答复期限（代表法第51条）。",
        "联系代表、答复、满意度请在详情页面逐步办理。",
    ],
)
