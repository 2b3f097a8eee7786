"""Each unit's yearly enforcement data publication."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse

from fazhi.audit.trail import audit_context
from fazhi.core.models import state_field, unit_link
from fazhi.core.records import annual_meta
from fazhi.core.validators import future_dates
from fazhi.core.workflow import TransitionNotAllowed, Workflow
from fazhi.deadlines import services
from fazhi.enforcement import rules
from fazhi.enforcement.rules import (
    PublicationState,
)
from fazhi.org.models import Unit
from fazhi.org.scope import ScopedQuerySet, can_write_unit


class DataPublication(Workflow):
    """A unit's yearly enforcement data publication (118号: by 31 January [M])."""

    transitions = rules.PUBLICATION_TRANSITIONS

    unit = unit_link("执法单位", related_name="enforcement_publications")
    year = models.PositiveSmallIntegerField("数据年度")
    state = state_field(PublicationState, PublicationState.PENDING)
    due_on = models.DateField("公开期限", null=True, blank=True, editable=False)
    published_on = models.DateField("公开日期", null=True, blank=True)
    published_late = models.BooleanField("逾期公开", default=False)
    where = models.CharField("公开网址或载体", max_length=300, blank=True)

    objects: ClassVar[Any] = ScopedQuerySet["DataPublication"].as_manager()

    Meta = annual_meta("行政执法数据年度公开", "enforcement_one_publication_a_year")

    def __str__(self) -> str:
        return f"{self.unit}{self.year}年度行政执法数据"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:publication", args=[self.unit_id, self.year])

    def clean(self) -> None:
        errors = future_dates(self, ("published_on",))
        if errors:
            raise ValidationError(errors)

    def last_event_date(self) -> date | None:
        return self.published_on

    @classmethod
    def prepare(cls, *, by: Any, unit: Unit, year: int) -> DataPublication:
        """The publication record of a unit and year, with its deadline on the due list."""
        if not can_write_unit(by, unit):
            raise ValidationError({"unit": "您无权办理该单位的数据公开。"})
        with transaction.atomic(), audit_context(user=by, verb="prepare"):
            pub, created = cls.objects.get_or_create(unit=unit, year=year)
            if created:
                d = services.open_deadline(
                    pub,
                    rules.P_ANNUAL_DATA,
                    start=date(year, 12, 31),
                    title=f"公开{year}年度行政执法数据：{unit}",
                )
                pub.due_on = d.due_date
                cls.objects.filter(pk=pub.pk).update(due_on=d.due_date)
        return pub

    def on_publish(self, *, on: date, where: str = "", **_: Any) -> None:
        if on.year <= self.year:
            raise TransitionNotAllowed(f"{self.year}年度数据须在年度结束后公开。")
        self.published_on = on
        self.where = (where or "").strip()
        met = services.meet_deadline(self, rules.P_ANNUAL_DATA, on=on)
        self.published_late = bool(met is not None and met.on_time is False)
