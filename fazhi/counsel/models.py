"""Legal advisers and public lawyers, the units they serve, and their legal opinions."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q

from fazhi.core.models import ScopedRecord, optional_link, phone_field, unit_link
from fazhi.core.records import record_meta
from fazhi.counsel.rules import Kind, Subject
from fazhi.org.models import MaskedContact, Unit
from fazhi.org.scope import ScopedQuerySet


class CounselQuerySet(ScopedQuerySet["Counsel"]):
    def serving_between(self, start: date, end: date) -> CounselQuerySet:
        return self.filter(serving_between(start, end))


def serving_between(start: date, end: date, prefix: str = "") -> Q:
    """In office at some time in [start, end]."""
    return Q(**{f"{prefix}start_on__lte": end}) & (
        Q(**{f"{prefix}end_on__isnull": True}) | Q(**{f"{prefix}end_on__gte": start})
    )


class Counsel(MaskedContact, models.Model):
    """A legal adviser engaged by a unit (contract with a firm) or a public lawyer."""

    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("name",)

    search_fields = ("name", "firm", "licence_no")  # what the list's search box matches (core.search)
    unit = unit_link("聘任（所在）单位")
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    name = models.CharField("姓名", max_length=50)
    firm = models.CharField("律师事务所", max_length=100, blank=True)
    licence_no = models.CharField("执业证号", max_length=50, blank=True)
    phone = phone_field()
    start_on = models.DateField("聘期（任职）开始")
    end_on = models.DateField("聘期（任职）结束", null=True, blank=True)
    served_units = models.ManyToManyField(
        Unit, verbose_name="同时服务的单位", blank=True, related_name="+"
    )

    objects = CounselQuerySet.as_manager()

    Meta = record_meta("法律顾问、公职律师", ordering=["unit__path", "kind", "pk"])

    def __str__(self) -> str:
        return f"{self.get_kind_display()}{self.masked_name}"

    def clean(self) -> None:
        errors = {}
        if self.end_on and self.start_on and self.end_on < self.start_on:
            errors["end_on"] = "聘期结束日期早于开始日期。"
        if self.kind == Kind.ADVISER and not self.firm.strip():
            errors["firm"] = "外聘法律顾问须填写所在律师事务所。"
        if errors:
            raise ValidationError(errors)


def has_counsel(start: date, end: date) -> Exists:
    """For a Unit queryset: the unit has an adviser or public lawyer in office in [start, end]."""
    serving = Counsel.objects.filter(serving_between(start, end))
    return Exists(serving.filter(unit=OuterRef("pk"))) | Exists(
        serving.filter(served_units=OuterRef("pk"))
    )


class Opinion(ScopedRecord):
    """A legal opinion, linked to the decision, document, contract or lawsuit it concerns."""

    unit = unit_link("服务单位")
    counsel = models.ForeignKey(
        Counsel, verbose_name="出具人", on_delete=models.PROTECT, related_name="opinions"
    )
    given_on = models.DateField("出具日期")
    subject = models.CharField("事项类别", max_length=10, choices=Subject.choices)
    title = models.CharField("事项", max_length=200)
    decision = optional_link("decisions.Decision", "重大行政决策")
    document = optional_link("normdocs.Document", "规范性文件")
    contract = optional_link("normdocs.ReviewItem", "合同")
    lawsuit = optional_link("litigation.Lawsuit", "行政诉讼案件")
    summary = models.TextField("意见要点", blank=True)


    Meta = record_meta("法律意见", ordering=["-given_on", "pk"])

    def __str__(self) -> str:
        return f"{self.get_subject_display()}：{self.title}"

    def clean(self) -> None:
        links = {
            Subject.DECISION: ("decision", self.decision_id),
            Subject.DOCUMENT: ("document", self.document_id),
            Subject.CONTRACT: ("contract", self.contract_id),
            Subject.LAWSUIT: ("lawsuit", self.lawsuit_id),
        }
        if self.subject in links:
            field, value = links[self.subject]
            if not value:
                label = self._meta.get_field(field).verbose_name
                raise ValidationError(
                    {field: f"事项类别为“{self.get_subject_display()}”的，须关联{label}。"}
                )
        if self.contract_id and self.contract.kind != "contract":
            raise ValidationError({"contract": "关联的审核事项不是合同。"})
        if self.counsel_id and self.given_on:
            c = self.counsel
            if self.given_on < c.start_on or (c.end_on and self.given_on > c.end_on):
                raise ValidationError({"given_on": "出具日期不在该法律顾问（公职律师）的聘期内。"})
        if self.unit_id:
            for field in ("decision", "document", "contract", "lawsuit"):
                obj = getattr(self, field) if getattr(self, f"{field}_id") else None
                if obj is not None and not (
                    obj.unit.path.startswith(self.unit.path)
                    or self.unit.path.startswith(obj.unit.path)
                ):
                    raise ValidationError({field: "关联的事项不属于服务单位或其上下级单位。"})
