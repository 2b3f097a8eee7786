"""Legal publicity (普法) and study (学法): the vocabulary, as data.

- 八五普法规划 (2021–2025) and the 法律六进 campaign: law into 机关、乡村、社区、学校、
  企业、单位; the seeds also name 农民工、青少年、妇女、老人 as target groups.
- 谁执法谁普法: every enforcing unit keeps a publicity responsibility list (普法责任清单)
  of the laws it enforces, the groups to reach and when (中办国办《关于实行国家机关
  "谁执法谁普法"普法责任制的意见》, 2017).
- 学法: 政府常务会议会前学法 and 党委（党组）理论学习中心组学法 (the seeds: "每月学法、
  会前学法"), lectures and training; 国家工作人员学法用法 online exams; 领导干部述法.

No queries and no views here.
"""

from __future__ import annotations

from django.db import models


class Format(models.TextChoices):
    """What kind of publicity activity. Lectures are counted apart (publicity_lectures)."""

    COUNTRYSIDE = "countryside", "送法下乡"
    CAMPAIGN = "campaign", "集中宣传（宣传日、宣传周、宣传月）"
    CONSULTATION = "consultation", "法律咨询、以案释法"
    EXHIBITION = "exhibition", "法治展览、文艺演出"
    ONLINE = "online", "线上宣传"
    LECTURE = "lecture", "法治讲座"
    OTHER = "other", "其他"


# Formats counted as 法治讲座 (publicity_lectures) rather than as 普法活动 (publicity_events).
LECTURE_FORMATS: frozenset[str] = frozenset({Format.LECTURE})


class Target(models.TextChoices):
    """法律六进 and the groups the seeds name."""

    ORGANS = "organs", "进机关"
    VILLAGES = "villages", "进乡村"
    COMMUNITIES = "communities", "进社区"
    SCHOOLS = "schools", "进学校"
    ENTERPRISES = "enterprises", "进企业"
    INSTITUTIONS = "institutions", "进单位"
    MIGRANT_WORKERS = "migrant_workers", "农民工"
    YOUTH = "youth", "青少年、留守儿童"
    WOMEN_ELDERLY = "women_elderly", "妇女、老人"
    PUBLIC = "public", "社会公众"


SIX_INTO: frozenset[str] = frozenset(
    {
        Target.ORGANS,
        Target.VILLAGES,
        Target.COMMUNITIES,
        Target.SCHOOLS,
        Target.ENTERPRISES,
        Target.INSTITUTIONS,
    }
)


class StudyKind(models.TextChoices):
    EXECUTIVE = "executive", "政府常务会议学法"
    CENTRAL_GROUP = "central_group", "党委（党组）理论学习中心组学法"
    LECTURE = "lecture", "法治专题讲座"
    TRAINING = "training", "法治培训班"
    COLLECTIVE = "collective", "集体学法"


# INDICATORS.md study_sessions: 学法(常务会、中心组).
STUDY_SESSION_KINDS: frozenset[str] = frozenset({StudyKind.EXECUTIVE, StudyKind.CENTRAL_GROUP})


class ReportForm(models.TextChoices):
    MEETING = "meeting", "会议述法"
    WRITTEN = "written", "书面述法"
    ASSESSMENT = "assessment", "年终述职中述法"


def exam_participation_rate(expected: int, took: int) -> float | None:
    """Online exam participation in percent; None when nobody was expected."""
    return took * 100 / expected if expected else None
