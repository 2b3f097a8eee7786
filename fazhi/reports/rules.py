"""The annual report's way from draft to the public, as data (core.workflow).

起草 → 审核 → 签发 → 公开: staff draft and submit it for review; the reviewer sends it
back or passes it to the signer; 签发 runs the pre-issue check (validation.py) and
freezes the figures; 公开 records the day it went on the government website, which must
be before 1 April of the next year (《法治政府建设与责任落实督察工作规定》第25、26条; the
deadline period `annual_report`, on the due list from the day the draft is made).
"""

from __future__ import annotations

from django.db import models

from fazhi.core.workflow import Transition


class Status(models.TextChoices):
    DRAFT = "draft", "起草"
    REVIEW = "review", "审核中"
    ISSUED = "issued", "已签发"
    PUBLISHED = "published", "已公开"


FROZEN = {Status.ISSUED, Status.PUBLISHED}

PERIOD = "annual_report"

TRANSITIONS = {
    "submit": Transition("submit", "提交审核", {Status.DRAFT}, Status.REVIEW),
    "send_back": Transition("send_back", "退回修改", {Status.REVIEW}, Status.DRAFT, inputs={"note": "退回意见"}),
    "issue": Transition("issue", "签发", {Status.REVIEW}, Status.ISSUED),
    "publish": Transition("publish", "公开", {Status.ISSUED}, Status.PUBLISHED),
}
