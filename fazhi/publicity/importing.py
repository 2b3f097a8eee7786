"""The xlsx sheets of the publicity register: publicity activities and study sessions,
imported in bulk, all or nothing."""

from __future__ import annotations

from fazhi.kit.xlsx import Sheet, fields
from fazhi.publicity.models import Activity, StudySession

ACTIVITY_SHEET = Sheet(
    model=Activity,
    title="普法活动",
    natural_key=("unit", "title", "held_on"),
    columns=[
        *fields(Activity, unit="确山县司法局", title="民法典进乡村宣讲", held_on="2024-03-05",
                format="送法下乡", target="进乡村", place="竹沟镇文化广场", audience=300,
                materials=500),
    ],
    bulk=True,
    instructions=["法治讲座请在“活动形式”中选“法治讲座”，统计时与其他普法活动分开计数。"],
)

STUDY_SHEET = Sheet(
    model=StudySession,
    title="学法活动",
    natural_key=("unit", "held_on", "topic"),
    columns=[
        *fields(StudySession, unit="确山县人民政府", held_on="2024-03-05", kind="政府常务会议学法",
                topic="《中华人民共和国行政复议法》", speaker="", attendees=30, hours=1),
    ],
    bulk=True,
)

SHEET = ACTIVITY_SHEET
