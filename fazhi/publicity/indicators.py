"""Indicators fed by the legal publicity and study register.

Activities count by the day they were held. 普法活动 (publicity_events) and 法治讲座
(publicity_lectures) are disjoint: reports state them side by side ("送法下乡120余场次，
举办法治讲座20余场次"). Materials and audience sum over both.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.indicators.catalogue import counts, rates, totals
from fazhi.indicators.q import dated, in_years, narrowed
from fazhi.publicity.rules import LECTURE_FORMATS, STUDY_SESSION_KINDS

ACTIVITY = "publicity.Activity"
STUDY = "publicity.StudySession"


held = dated("held_on")


INDICATORS = [
    *counts(ACTIVITY, [
        # code, name, unit, which records, definition
        ("publicity_events", "普法活动", "场次", narrowed(held, ~Q(format__in=LECTURE_FORMATS)), "期内举办的普法活动场次（送法下乡、集中宣传、法律咨询、展览演出、线上宣传等；法治讲座另计）。"),
        ("publicity_lectures", "法治讲座", "场次", narrowed(held, format__in=LECTURE_FORMATS), "期内面向群众举办的法治讲座场次。"),
    ]),
    *totals(ACTIVITY, [
        # code, name, unit, summed field, which records, definition
        ("publicity_materials", "发放普法资料", "份", "materials", held, "期内普法活动和法治讲座发放的普法资料（读本、手册、彩页）份数之和。"),
        ("publicity_audience", "受教育群众", "人次", "audience", held, "期内普法活动和法治讲座受教育群众人次之和。"),
    ]),
    *counts(STUDY, [
        ("study_sessions", "学法(常务会、中心组)", "次", narrowed(held, kind__in=STUDY_SESSION_KINDS), "期内政府常务会议学法和党委（党组）理论学习中心组学法的次数。"),
        ("study_lectures", "法治专题讲座（学法）", "期", narrowed(held, kind="lecture"), "期内为领导干部和工作人员举办的法治专题讲座期数。"),
    ]),
    *totals(STUDY, [
        ("study_hours", "学法学时", "学时", "hours", held, "期内各类学法活动的学时之和。"),
    ], decimals=1),
    *totals("publicity.ExamResult", [
        ("exam_participants", "学法考试参考人数", "人", "took", in_years(), "期内年度国家工作人员学法用法网上考试实际参考人数之和。"),
        ("exam_expected", "学法考试应参考人数", "人", "expected", in_years(), "期内年度学法用法网上考试应参考人数之和。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("exam_participation_rate", "学法考试参考率", "exam_participants", "exam_expected", "实际参考人数 ÷ 应参考人数 × 100%。"),
    ], decimals=1),
    *counts("publicity.LawReport", [
        ("law_reports", "领导干部述法", "人次", dated("reported_on"), "期内领导干部述法人次。"),
    ]),
]
