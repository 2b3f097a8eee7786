"""Screens of the publicity register: activities (the front page), the 谁执法谁普法
responsibility list with each line's activities, study sessions, online exams, leaders'
述法, and the figures. Plain records: list, form, xlsx, all through `org.scope`."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import HttpRequest

from fazhi.kit.screens import Choice, Column, Screen, Section, figures_view
from fazhi.org.validators import mask_parties
from fazhi.publicity import indicators as publicity_indicators
from fazhi.publicity.forms import (
    ActivityForm,
    ExamResultForm,
    LawReportForm,
    ResponsibilityForm,
    StudySessionForm,
)
from fazhi.publicity.importing import ACTIVITY_SHEET, STUDY_SHEET
from fazhi.publicity.models import Responsibility
from fazhi.publicity.rules import Format

SECTION = Section(
    "publicity",
    "普法学法",
    [
        ("普法活动", "list"),
        ("普法责任清单", "responsibilities"),
        ("学法", "study"),
        ("学法考试", "exams"),
        ("领导干部述法", "reports"),
        ("统计", "figures"),
    ],
)


def _with_done(request: HttpRequest, qs: QuerySet[Responsibility]) -> QuerySet[Responsibility]:
    return qs.annotate(done=Count("activities"))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


ACTIVITIES = Screen(
    key="list",
    form=ActivityForm,
    sheet=ACTIVITY_SHEET,
    date_field="held_on",
    choices=(Choice("format", Format.values),),
    columns=[
        Column("活动日期", lambda a: a.held_on),
        Column("活动名称", lambda a: a.title),
        Column("形式", lambda a: a.get_format_display()),
        Column("对象", lambda a: a.get_target_display()),
        Column("地点", lambda a: a.place or "—"),
        Column("受教育人次", lambda a: a.audience),
        Column("发放资料", lambda a: a.materials),
        Column("主办单位", lambda a: a.unit.name),
    ],
    help="法律六进：进机关、进乡村、进社区、进学校、进企业、进单位。法治讲座与其他普法活动分开统计。",
)
RESPONSIBILITIES = Screen(
    key="responsibilities",
    title="普法责任清单",
    form=ResponsibilityForm,
    year_field="year",
    filters=_with_done,
    columns=[
        Column("年度", lambda r: r.year),
        Column("责任单位", lambda r: r.unit.name),
        Column("普法内容", lambda r: r.laws),
        Column("普法对象", lambda r: r.get_target_display()),
        Column("计划场次", lambda r: r.planned_events),
        Column("已开展场次", lambda r: r.done),
    ],
    help="谁执法谁普法：各执法单位列明本单位执行的法律法规、普法对象和措施，活动登记时关联清单事项。",
)
STUDY = Screen(
    key="study",
    form=StudySessionForm,
    sheet=STUDY_SHEET,
    date_field="held_on",
    columns=[
        Column("学法日期", lambda s: s.held_on),
        Column("形式", lambda s: s.get_kind_display()),
        Column("学习内容", lambda s: s.topic),
        Column("主讲人", lambda s: s.speaker or "—"),
        Column("参学人数", lambda s: s.attendees),
        Column("学时", lambda s: s.hours),
        Column("单位", lambda s: s.unit.name),
    ],
)
EXAMS = Screen(
    key="exams",
    form=ExamResultForm,
    year_field="year",
    columns=[
        Column("年度", lambda e: e.year),
        Column("单位", lambda e: e.unit.name),
        Column("考试", lambda e: e.exam),
        Column("应参考", lambda e: e.expected),
        Column("实际参考", lambda e: e.took),
        Column("参考率", lambda e: _pct(e.participation_rate)),
        Column("合格", lambda e: e.passed),
        Column("平均分", lambda e: e.average_score if e.average_score is not None else "—"),
    ],
)
REPORTS = Screen(
    key="reports",
    form=LawReportForm,
    date_field="reported_on",
    columns=[
        Column("述法日期", lambda r: r.reported_on),
        Column("述法人", lambda r: mask_parties(r.person_name)),
        Column("职务", lambda r: r.position),
        Column("形式", lambda r: r.get_form_display()),
        Column("评议结果", lambda r: r.rating or "—"),
        Column("单位", lambda r: r.unit.name),
    ],
)
SCREENS = [ACTIVITIES, RESPONSIBILITIES, STUDY, EXAMS, REPORTS]

figures = figures_view(SECTION, [i.code for i in publicity_indicators.INDICATORS])
