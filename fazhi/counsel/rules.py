"""Legal advisers and public lawyers (法律顾问 · 公职律师), as data.

"全县所有党政机关至少配备一名公职律师或法律顾问": the units that must have counsel are
the party and government bodies (county, departments, townships, party organs), not
villages. 《重大行政决策程序暂行条例》第27条 has advisers and public lawyers take part in
the legality review of major decisions.
"""

from __future__ import annotations

from django.db import models

from fazhi.org.models import UnitKind


class Kind(models.TextChoices):
    ADVISER = "adviser", "法律顾问"
    PUBLIC_LAWYER = "public_lawyer", "公职律师"


class Subject(models.TextChoices):
    DECISION = "decision", "重大行政决策"
    DOCUMENT = "document", "行政规范性文件"
    CONTRACT = "contract", "合同（行政协议）"
    LAWSUIT = "lawsuit", "行政诉讼案件"
    OTHER = "other", "其他事项"


# Unit kinds that must have an adviser or a public lawyer.
MUST_HAVE_COUNSEL = (UnitKind.COUNTY, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP, UnitKind.OTHER)
