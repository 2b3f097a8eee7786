"""The xlsx sheets of the publicity register: publicity activities and study sessions,
imported in bulk, all or nothing."""

from __future__ import annotations

from fazhi.kit.xlsx import Column, Sheet, choice_column, unit_column
from fazhi.publicity.models import Activity, StudySession
from fazhi.publicity.rules import Format, StudyKind, Target

ACTIVITY_SHEET = Sheet(
    model=Activity,
    title="普法活动",
    natural_key=("unit", "title", "held_on"),
    columns=[
        unit_column("主办单位", "确山县司法局"),
        Column("活动名称", "title", required=True, example="民法典进乡村宣讲"),
        Column("活动日期", "held_on", kind="date", required=True, example="2024-03-05"),
        choice_column("活动形式", "format", Format.choices, "送法下乡"),
        choice_column("普法对象", "target", Target.choices, "进乡村"),
        Column("地点", "place", example="竹沟镇文化广场"),
        Column("受教育群众（人次）", "audience", kind="int", example=300),
        Column("发放资料（份、册）", "materials", kind="int", example=500),
    ],
    bulk=True,
    instructions=["法治讲座请在“活动形式”中选“法治讲座”，统计时与其他普法活动分开计数。"],
)

STUDY_SHEET = Sheet(
    model=StudySession,
    title="学法活动",
    natural_key=("unit", "held_on", "topic"),
    columns=[
        unit_column("单位", "确山县人民政府"),
        Column("学法日期", "held_on", kind="date", required=True, example="2024-03-05"),
        choice_column("学法形式", "kind", StudyKind.choices, "政府常务会议学法"),
        Column("学习内容", "topic", required=True, example="《中华人民共和国行政复议法》"),
        Column("主讲人", "speaker"),
        Column("参学人数", "attendees", kind="int", example=30),
        Column("学时", "hours", kind="decimal", example=1),
    ],
    bulk=True,
)

SHEET = ACTIVITY_SHEET
