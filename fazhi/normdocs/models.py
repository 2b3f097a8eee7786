"""Normative documents: the issuer list, documents with review and filing, cleanups."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from fazhi.core.models import (
    DetailPage,
    EventDates,
    ScopedRecord,
    optional_link,
    state_field,
    unique,
    unit_link,
)
from fazhi.core.records import record_meta
from fazhi.core.validators import future_message, is_future
from fazhi.core.workflow import TransitionNotAllowed, Workflow, choice_input
from fazhi.deadlines import services
from fazhi.normdocs import rules
from fazhi.normdocs.rules import ReviewKind, ReviewOpinion, State
from fazhi.org.models import Unit
from fazhi.org.scope import ScopedQuerySet, can_write_unit


class Issuer(ScopedRecord):
    """An entry of the 制定主体清单: a body allowed to issue normative documents."""

    unit = unit_link("制定主体")
    listed_on = models.DateField("列入清单日期")
    delisted_on = models.DateField("移出清单日期", null=True, blank=True)
    basis = models.CharField("主体资格依据", max_length=200, blank=True)


    class Meta:
        verbose_name = "制定主体"
        verbose_name_plural = "制定主体清单"
        ordering = ["unit__path"]
        constraints = [unique("unit", "listed_on", name="normdocs_issuer_once")]

    def __str__(self) -> str:
        return str(self.unit)

    def clean(self) -> None:
        if self.delisted_on and self.listed_on and self.delisted_on < self.listed_on:
            raise ValidationError({"delisted_on": "移出清单日期早于列入日期。"})


def is_listed_issuer(unit: Unit, on: date) -> bool:
    return (
        Issuer.objects.filter(unit=unit, listed_on__lte=on)
        .filter(models.Q(delisted_on__isnull=True) | models.Q(delisted_on__gt=on))
        .exists()
    )


class DocumentQuerySet(ScopedQuerySet["Document"]):
    def in_force(self) -> DocumentQuerySet:
        return self.filter(state__in=rules.IN_FORCE_STATES)

    def expiring(self, *, on: date, until: date) -> DocumentQuerySet:
        return self.in_force().filter(valid_until__gte=on, valid_until__lte=until)


class Document(DetailPage, EventDates, Workflow):
    """One 行政规范性文件 from drafting to the end of its validity."""

    detail_url = "normdocs:detail"

    search_fields = ("doc_no", "title", "register_no")  # what the list's search box matches (core.search)
    unit = unit_link("制定机关")
    title = models.CharField("文件名称", max_length=200)
    doc_no = models.CharField("发文字号", max_length=50, blank=True)
    register_no = models.CharField("统一登记号", max_length=50, blank=True)
    is_provisional = models.BooleanField("暂行或试行", default=False)
    drafted_on = models.DateField("起草日期")
    review_received_on = models.DateField("送审日期", null=True, blank=True)
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    review_opinion = models.CharField(
        "审核意见", max_length=10, choices=ReviewOpinion.choices, blank=True
    )
    adopted_on = models.DateField("审议通过日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    effective_from = models.DateField("施行日期", null=True, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    filing_authority = optional_link(Unit, "备案机关")
    filing_due = models.DateField("报备期限", null=True, blank=True, editable=False)
    filed_on = models.DateField("报备日期", null=True, blank=True)
    filing_conform = models.BooleanField("报备规范", null=True, blank=True)
    ended_on = models.DateField("废止或失效日期", null=True, blank=True)
    state = state_field(State, State.DRAFT)

    transitions: ClassVar = rules.TRANSITIONS
    once_moves = {"file": "filed_on"}
    event_dates = (
        "drafted_on",
        "review_received_on",
        "reviewed_on",
        "adopted_on",
        "published_on",
        "filed_on",
        "ended_on",
    )
    # The dates of its stages, in order: none may be earlier than the one before (`clean`).
    stage_dates = (
        "drafted_on",
        "review_received_on",
        "reviewed_on",
        "adopted_on",
        "published_on",
        "effective_from",
    )
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "行政规范性文件"
        verbose_name_plural = verbose_name
        ordering = ["-drafted_on", "pk"]
        indexes = [models.Index(fields=["state", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.title}（{self.doc_no}）" if self.doc_no else self.title

    def clean(self) -> None:
        previous: tuple[str, date] | None = None
        for name in self.stage_dates:
            value = getattr(self, name)
            if value is None:
                continue
            if previous and value < previous[1]:
                label = self._meta.get_field(name).verbose_name
                before = self._meta.get_field(previous[0]).verbose_name
                raise ValidationError(
                    {name: f"{label}{value:%Y-%m-%d}早于{before}{previous[1]:%Y-%m-%d}。"}
                )
            previous = (name, value)
        if self.valid_until and self.effective_from and self.valid_until < self.effective_from:
            raise ValidationError({"valid_until": "有效期截止日期早于施行日期。"})
        if self.filed_on and self.published_on and self.filed_on < self.published_on:
            raise ValidationError({"filed_on": "报备日期早于公布日期。"})

    @property
    def filed_on_time(self) -> bool | None:
        if self.filed_on is None or self.filing_due is None:
            return None
        return self.filed_on <= self.filing_due

    # ------------------------------------------------------------ hooks

    def on_submit_review(self, *, on: date, **_: Any) -> None:
        self.review_received_on = on

    def on_review(self, *, on: date, by: Any, opinion: str = "", detail: str = "", **_: Any) -> str:
        opinion = choice_input(opinion, ReviewOpinion, "审核意见")
        self.reviewed_on = on
        self.review_opinion = opinion
        item, _created = ReviewItem.objects.get_or_create(
            document=self,
            defaults={
                "unit": self.unit,
                "kind": ReviewKind.NORMDOC,
                "title": self.title,
                "received_on": self.review_received_on or on,
            },
        )
        item.reviewed_on, item.opinion, item.detail = on, opinion, str(detail or "")
        item.full_clean()
        item.save()
        # 115号: a draft that fails review may not be issued; it goes back to drafting.
        return State.DRAFT if opinion == ReviewOpinion.FAIL else State.REVIEWED

    def on_adopt(self, *, on: date, **_: Any) -> None:
        if self.review_opinion not in (ReviewOpinion.PASS, ReviewOpinion.AMEND):
            raise TransitionNotAllowed("未经合法性审核或审核未通过的文件不得审议印发。")
        self.adopted_on = on

    def on_publish(
        self,
        *,
        on: date,
        doc_no: str = "",
        register_no: str = "",
        effective_from: date | None = None,
        valid_until: date | None = None,
        **_: Any,
    ) -> None:
        if not is_listed_issuer(self.unit, on):
            raise TransitionNotAllowed(
                f"{self.unit}不在行政规范性文件制定主体清单内，不能以其名义印发。"
            )
        self.doc_no = str(doc_no or self.doc_no).strip()
        self.register_no = str(register_no or self.register_no).strip()
        if not self.doc_no or not self.register_no:
            # 37号: 统一登记、统一编号、统一印发.
            raise TransitionNotAllowed("公布前须填写发文字号和统一登记号。")
        self.published_on = on
        if self.filing_authority_id is None:
            # Typical filing chain (statutes.md §4): a department or township files with the
            # county government, the county government with the city government.
            self.filing_authority = self.unit.parent
        self.effective_from = effective_from or self.effective_from or on
        if self.effective_from < on:
            raise TransitionNotAllowed(
                "施行日期不能早于公布日期（未公布的文件不得作为行政管理依据）。"
            )
        self.is_provisional = self.is_provisional or rules.is_provisional_title(self.title)
        self.valid_until = valid_until or rules.default_valid_until(
            self.effective_from, self.is_provisional
        )
        limit = rules.default_valid_until(self.effective_from, self.is_provisional)
        if self.valid_until > limit:
            raise TransitionNotAllowed(
                f"有效期不得超过{rules.validity_years(self.is_provisional)}年（至{limit:%Y-%m-%d}）。"
            )

    def on_file(self, *, on: date, conform: Any = True, **_: Any) -> str:
        if self.published_on is None:
            raise TransitionNotAllowed("文件尚未公布，不能报备。")
        self.filed_on = on
        self.filing_conform = _yes(conform)
        return self.state  # filing does not change the document's state

    def on_amend(self, *, on: date, valid_until: date | None = None, **_: Any) -> None:
        # The document stays in force in its amended form; the cleanup row keeps the date.
        # An amendment may set a new validity period, counted from the amendment.
        if valid_until in (None, ""):
            return
        if not isinstance(valid_until, date):
            raise TransitionNotAllowed("修改后有效期至：请填写日期。")
        limit = rules.default_valid_until(on, self.is_provisional)
        if valid_until < on:
            raise TransitionNotAllowed("修改后有效期至早于修改日期。")
        if valid_until > limit:
            raise TransitionNotAllowed(
                f"修改后有效期不得超过{rules.validity_years(self.is_provisional)}年（至{limit:%Y-%m-%d}）。"
            )
        self.valid_until = valid_until

    def on_repeal(self, *, on: date, **_: Any) -> None:
        self.ended_on = on

    def on_declare_invalid(self, *, on: date, **_: Any) -> None:
        self.ended_on = on

    def on_expire(self, *, on: date, **_: Any) -> None:
        if self.valid_until is None or on <= self.valid_until:
            raise TransitionNotAllowed("有效期尚未届满。")
        self.ended_on = on

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        # Due dates come from the deadlines app (working-day calendar), never from here.
        if action == "submit_review":
            services.open_deadline(self, rules.REVIEW_PERIOD, start=on, title=f"合法性审核：{self.title}")
        elif action == "review":
            services.meet_deadline(self, rules.REVIEW_PERIOD, on=on)
        elif action == "publish":
            deadline = services.open_deadline(
                self, rules.FILING_PERIOD, start=on, title=f"报送备案：{self}"
            )
            self.filing_due = deadline.due_date
            type(self).objects.filter(pk=self.pk).update(filing_due=self.filing_due)
            self._open_expiry()
        elif action == "file":
            services.meet_deadline(self, rules.FILING_PERIOD, on=on)
        elif action == "amend":
            self._open_expiry()  # the new validity period, if the amendment set one
        elif action in ("repeal", "declare_invalid", "expire"):
            reason = f"文件{self.get_state_display()}"
            services.cancel_deadline(self, rules.FILING_PERIOD, on=on, reason=reason)
            services.cancel_deadline(self, rules.EXPIRY_PERIOD, on=on, reason=reason)

    def _open_expiry(self) -> None:
        """Put the last day of the validity period on the due list (re-dated on amendment)."""
        if self.valid_until is None:
            return
        services.open_deadline(
            self,
            rules.EXPIRY_PERIOD,
            start=self.valid_until,
            title=f"有效期届满：{self}",
        )


def _yes(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip()
    if text in ("是", "1", "true", "True", "on", "yes"):
        return True
    if text in ("否", "0", "false", "False", "", "no"):
        return False
    raise TransitionNotAllowed(f"“{text}”应为“是”或“否”。")


class ReviewItem(ScopedRecord):
    """One item legally reviewed (合法性审核): a normative document, contract, agenda item…"""

    search_fields = ("title",)  # what the list's search box matches (core.search)
    unit = unit_link("送审单位")
    kind = models.CharField("审核事项类别", max_length=10, choices=ReviewKind.choices)
    title = models.CharField("事项名称", max_length=200)
    document = models.OneToOneField(
        Document,
        verbose_name="规范性文件",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_item",
    )
    received_on = models.DateField("收到日期")
    reviewed_on = models.DateField("审核完成日期", null=True, blank=True)
    opinion = models.CharField("审核意见", max_length=10, choices=ReviewOpinion.choices, blank=True)
    detail = models.TextField("意见要点", blank=True)


    Meta = record_meta("合法性审核事项", ordering=["-received_on", "pk"])

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    def clean(self) -> None:
        if self.kind == ReviewKind.NORMDOC and self.document_id is None:
            raise ValidationError({"kind": "规范性文件的合法性审核请在该文件的办理页面登记。"})
        if self.reviewed_on and self.received_on and self.reviewed_on < self.received_on:
            raise ValidationError({"reviewed_on": "审核完成日期早于收到日期。"})
        if self.reviewed_on and not self.opinion:
            raise ValidationError({"opinion": "已审核的事项须填写审核意见。"})


class Cleanup(DetailPage, ScopedRecord):
    """A cleanup campaign (清理) of the documents issued before a cut-off date."""

    detail_url = "normdocs:cleanup"

    unit = unit_link("组织清理单位")
    title = models.CharField("清理名称", max_length=200)
    cutoff = models.DateField("清理范围截止日期", help_text="清理此日期以前制定的文件")
    started_on = models.DateField("开始日期")
    finished_on = models.DateField("完成日期", null=True, blank=True)


    Meta = record_meta("规范性文件清理", ordering=["-started_on"])

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.finished_on and self.started_on and self.finished_on < self.started_on:
            raise ValidationError({"finished_on": "完成日期早于开始日期。"})

    def decide(
        self, document: Document, outcome: str, *, by: Any, on: date, note: str = ""
    ) -> CleanupResult:
        """Record the outcome for one document and apply it to the document, atomically."""
        if outcome not in rules.OUTCOME_ACTION:
            raise TransitionNotAllowed(f"未知清理结论：{outcome}")
        if not can_write_unit(by, self.unit):
            raise TransitionNotAllowed("您无权办理该清理。")
        if document.unit.path[: len(self.unit.path)] != self.unit.path:
            raise TransitionNotAllowed(
                f"《{document.title}》不属于本次清理的范围（制定机关不在本单位之下）。"
            )
        if document.published_on is None or document.published_on > self.cutoff:
            raise TransitionNotAllowed(
                f"《{document.title}》不是{self.cutoff:%Y年%m月%d日}以前公布的文件，不在清理范围内。"
            )
        if document.state not in rules.IN_FORCE_STATES:
            raise TransitionNotAllowed(
                f"《{document.title}》已{document.get_state_display()}，无需清理。"
            )
        if not isinstance(on, date):
            raise TransitionNotAllowed("请填写清理结论日期。")
        if on < self.started_on:
            raise TransitionNotAllowed("清理结论日期早于清理开始日期。")
        if is_future(on):
            raise TransitionNotAllowed(future_message(on, "清理结论日期"))
        if CleanupResult.objects.filter(cleanup=self, document=document).exists():
            raise TransitionNotAllowed(f"《{document.title}》在本次清理中已有结论。")
        with transaction.atomic():
            result = CleanupResult(
                cleanup=self, document=document, outcome=outcome, decided_on=on, note=note
            )
            result.full_clean()
            result.save()
            action = rules.OUTCOME_ACTION[outcome]
            if action:
                document.apply(
                    action,
                    by=by,
                    on=on,
                    note=f"{self.title}：{rules.CleanupOutcome(outcome).label}",
                )
        return result


class CleanupResult(ScopedRecord):
    """The outcome of one cleanup for one document."""

    cleanup = models.ForeignKey(
        Cleanup, verbose_name="清理", on_delete=models.CASCADE, related_name="results"
    )
    document = models.ForeignKey(
        Document, verbose_name="文件", on_delete=models.PROTECT, related_name="cleanup_results"
    )
    outcome = models.CharField("清理结论", max_length=10, choices=rules.CleanupOutcome.choices)
    decided_on = models.DateField("结论日期")
    note = models.CharField("说明", max_length=200, blank=True)

    scope_field = "cleanup__unit"

    class Meta:
        verbose_name = "清理结论"
        verbose_name_plural = verbose_name
        ordering = ["cleanup", "pk"]
        constraints = [unique("cleanup", "document", name="normdocs_one_outcome_per_cleanup")]

    def __str__(self) -> str:
        return f"{self.document}：{self.get_outcome_display()}"
