"""Administrative enforcement: officers' certificates and their annual review, cases
under the three systems (三项制度), leniency lists, case-file review, supervision
letters and each unit's yearly enforcement data publication.

Every state change goes through `apply()` (fazhi.core.workflow) with the transition
tables of `rules.py`. Cases are the volume register (5,000–20,000 a county-year): the
xlsx import bulk-creates historic cases whose state follows from their dates
(`Case.prepare_history`), checked by the same `clean()` as a case made on the screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from fazhi.audit.trail import audit_context
from fazhi.core.models import UniqueWithoutDisclosure
from fazhi.core.workflow import TransitionNotAllowed, Workflow
from fazhi.enforcement import rules
from fazhi.enforcement.rules import (
    CancelReason,
    CaseKind,
    CaseState,
    CertificateState,
    CriterionTier,
    Grade,
    LeniencyKind,
    LetterState,
    OfficerRole,
    PartyKind,
    PublicationState,
)
from fazhi.org.models import Person, Unit
from fazhi.org.scope import ScopedQuerySet, can_write_unit
from fazhi.org.validators import mask_name


def _services() -> Any:
    # Imported late: the deadlines app refers to register models through a generic key.
    from fazhi.deadlines import services

    return services


def _future_errors(obj: models.Model, names: tuple[str, ...]) -> dict[str, str]:
    today = timezone.localdate()
    errors = {}
    for name in names:
        value = getattr(obj, name)
        if value is not None and value > today:
            label = obj._meta.get_field(name).verbose_name
            errors[name] = f"{label}{value:%Y-%m-%d}晚于今天，不能登记未来的日期。"
    return errors


# ====================================================================== certificates


class CertificateQuerySet(ScopedQuerySet["Certificate"]):
    def valid_on(self, day: date) -> CertificateQuerySet:
        """Certificates that allow their holder to enforce on `day`: issued, not expired,
        not cancelled by then."""
        return self.filter(issued_on__lte=day, valid_until__gte=day).filter(
            Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=day)
        )

    def officers(self) -> CertificateQuerySet:
        return self.filter(role=OfficerRole.OFFICER)

    def supervisors(self) -> CertificateQuerySet:
        return self.filter(role=OfficerRole.SUPERVISOR)

    def expiring(self, day: date, within_days: int = 90) -> CertificateQuerySet:
        """Valid on `day` and expiring within `within_days` calendar days of it."""
        return self.valid_on(day).filter(valid_until__lte=day + timedelta(days=within_days))


class Certificate(UniqueWithoutDisclosure, Workflow):
    """A 行政执法证 or 行政执法监督证 held by a person (statutes.md §7.3)."""

    transitions = rules.CERT_TRANSITIONS

    search_fields = ("number", "person__name")  # what the list's search box matches (core.search)
    person = models.ForeignKey(
        Person,
        verbose_name="持证人",
        on_delete=models.PROTECT,
        related_name="enforcement_certificates",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="所在执法单位",
        on_delete=models.PROTECT,
        related_name="enforcement_certificates",
    )
    role = models.CharField(
        "人员类别", max_length=20, choices=OfficerRole.choices, default=OfficerRole.OFFICER
    )
    number = models.CharField("证件编号", max_length=40, unique=True)
    field = models.CharField("执法领域", max_length=100)
    issuing_authority = models.CharField("发证机关", max_length=100, help_text="如 河南省人民政府")
    issued_on = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", db_index=True)
    state = models.CharField(
        "状态",
        max_length=20,
        choices=CertificateState.choices,
        default=CertificateState.VALID,
        db_index=True,
    )
    cancelled_on = models.DateField("注销日期", null=True, blank=True)
    cancel_reason = models.CharField(
        "注销原因", max_length=20, choices=CancelReason.choices, blank=True
    )
    note = models.TextField("备注", blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = "行政执法证件"
        verbose_name_plural = "行政执法证件"
        ordering = ["unit__path", "number"]
        indexes = [models.Index(fields=["unit", "role", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.number}（{self.person.masked_name}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:certificate", args=[self.pk])

    def clean(self) -> None:
        errors = _future_errors(self, ("issued_on", "cancelled_on"))
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            errors["valid_until"] = "有效期至不能早于发证日期。"
        if self.person_id and self.unit_id and not self.person.unit.path.startswith(self.unit.path):
            errors["person"] = "持证人须为该执法单位（或其下属单位）的人员。"
        if self.state == CertificateState.CANCELLED and not self.cancelled_on:
            errors["cancelled_on"] = "已注销的证件请填写注销日期。"
        if self.cancelled_on and self.issued_on and self.cancelled_on < self.issued_on:
            errors["cancelled_on"] = "注销日期不能早于发证日期。"
        if errors:
            raise ValidationError(errors)

    def is_valid_on(self, day: date) -> bool:
        return (self.issued_on <= day <= self.valid_until) and (
            self.cancelled_on is None or self.cancelled_on > day
        )

    def last_event_date(self) -> date | None:
        dates = [
            self.issued_on,
            self.cancelled_on,
            *self.reviews.values_list("reviewed_on", flat=True),
            *self.renewals.values_list("renewed_on", flat=True),
        ]
        found = [d for d in dates if d is not None]
        return max(found) if found else None

    @classmethod
    def register(cls, *, by: Any, **fields: Any) -> Certificate:
        """Record a certificate; ValidationError (Chinese) and nothing written on bad input."""
        cert = cls(**fields)
        if cert.person_id and not cert.unit_id:
            cert.unit = cert.person.unit
        if cert.unit_id and not can_write_unit(by, cert.unit):
            raise ValidationError({"unit": "您无权为该单位登记执法证件。"})
        cert.state = CertificateState.VALID
        cert.full_clean()
        with transaction.atomic(), audit_context(user=by, verb="register"):
            cert.save()
            open_renewal_deadlines([cert])
        return cert

    def on_renew(
        self, *, on: date, valid_until: Any = None, new_number: Any = "", **_: Any
    ) -> None:
        """换证 / 延续: the new validity must extend the old one; a new number is optional."""
        if not isinstance(valid_until, date):
            raise TransitionNotAllowed("请填写新的有效期至。")
        if valid_until <= self.valid_until:
            raise TransitionNotAllowed(
                f"新的有效期至{valid_until:%Y-%m-%d}须晚于原有效期至{self.valid_until:%Y-%m-%d}"
                "（换证应延长有效期）。"
            )
        if valid_until <= on:
            raise TransitionNotAllowed(
                f"新的有效期至{valid_until:%Y-%m-%d}须晚于换证日期{on:%Y-%m-%d}。"
            )
        number = str(new_number or "").strip() or self.number
        if len(number) > 40:
            raise TransitionNotAllowed("证件编号不能超过40个字符。")
        if (
            number != self.number
            and Certificate.objects.filter(number=number).exclude(pk=self.pk).exists()
        ):
            raise TransitionNotAllowed(f"证件编号“{number}”已被其他证件使用。")
        self._pending_renewal = CertificateRenewal(
            certificate=self,
            unit=self.unit,
            renewed_on=on,
            old_number=self.number,
            new_number=number,
            old_valid_until=self.valid_until,
            new_valid_until=valid_until,
        )
        # The renewal due before the old expiry is done (on time or late).
        _services().meet_deadline(self, rules.P_CERT_RENEWAL, on=on)
        self.number = number
        self.valid_until = valid_until

    def _check_review(self, year: Any, training_hours: Any) -> tuple[int, int]:
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise TransitionNotAllowed("请填写审验年度。")
        if not isinstance(training_hours, int) or training_hours < 0:
            raise TransitionNotAllowed("年度培训学时应为不小于0的整数。")
        if self.reviews.filter(year=year).exists():
            raise TransitionNotAllowed(f"该证件{year}年度已审验，不能重复审验。")
        if self.issued_on.year > year:
            raise TransitionNotAllowed(f"证件{self.issued_on:%Y-%m-%d}发证，不能审验{year}年度。")
        return year, training_hours

    def on_pass_review(
        self, *, on: date, year: Any = None, training_hours: Any = None, **_: Any
    ) -> None:
        year, hours = self._check_review(year, training_hours)
        needed = rules.min_training_hours()
        if hours < needed:
            raise TransitionNotAllowed(
                f"年度培训学时{hours}学时，少于审验要求的{needed}学时，不能通过审验。"
            )
        if not self.is_valid_on(on) and on > self.valid_until:
            raise TransitionNotAllowed(f"证件已于{self.valid_until:%Y-%m-%d}到期，请换发新证。")
        self._pending_review = AnnualReview(
            certificate=self,
            unit=self.unit,
            role=self.role,
            year=year,
            reviewed_on=on,
            passed=True,
            training_hours=hours,
        )

    def on_fail_review(
        self, *, on: date, year: Any = None, training_hours: Any = None, reason: str = "", **_: Any
    ) -> None:
        year, hours = self._check_review(year, training_hours)
        if not (reason or "").strip():
            raise TransitionNotAllowed("请填写审验不通过的原因。")
        self._pending_review = AnnualReview(
            certificate=self,
            unit=self.unit,
            role=self.role,
            year=year,
            reviewed_on=on,
            passed=False,
            training_hours=hours,
            reason=reason.strip(),
        )
        # A failed review withdraws the card (statutes.md §7.3).
        self.cancelled_on = on
        self.cancel_reason = CancelReason.FAILED_REVIEW

    def on_cancel(self, *, on: date, cancel_reason: str = "", **_: Any) -> None:
        if cancel_reason not in CancelReason.values:
            raise TransitionNotAllowed("请选择注销原因。")
        self.cancelled_on = on
        self.cancel_reason = cancel_reason

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        for pending in ("_pending_review", "_pending_renewal"):
            child = getattr(self, pending, None)
            if child is not None:
                child.full_clean()
                child.save()
                setattr(self, pending, None)
        if self.state == CertificateState.CANCELLED:
            _services().cancel_deadline(self, rules.P_CERT_RENEWAL, on=on, reason="证件已注销")
        elif action == "renew":
            # The next renewal goes on the due list when the new expiry enters the window.
            open_renewal_deadlines([self])


def _renewal_title(cert: Certificate) -> str:
    return f"执法证件换证：{cert}"


def open_renewal_deadlines(
    certificates: list[Certificate], *, today: date | None = None, within_days: int | None = None
) -> int:
    """Put valid certificates expiring within the renewal window (`within_days`, default
    `rules.renewal_window_days()`, of `today`) on the due list: the period row
    `enforcement_certificate_renewal` (renew before expiry). Certificates expiring later
    are put there by the daily `fazhi refresh_certificate_renewals`. Idempotent: an open
    deadline is updated in place."""
    day = today or timezone.localdate()
    window = rules.renewal_window_days() if within_days is None else within_days
    n = 0
    s = _services()
    for cert in certificates:
        if cert.state != CertificateState.VALID or cert.valid_until < day:
            continue
        if cert.valid_until > day + timedelta(days=window):
            continue
        s.open_deadline(
            cert,
            rules.P_CERT_RENEWAL,
            start=cert.valid_until,
            title=_renewal_title(cert),
            unit=cert.unit,
            url=cert.get_absolute_url(),
        )
        n += 1
    return n


@dataclass
class RenewalRefresh:
    """What `refresh_renewal_deadlines` did (or, with dry_run, would do)."""

    opened: list[Certificate] = dc_field(default_factory=list)
    updated: list[Certificate] = dc_field(default_factory=list)
    closed: list[tuple[Certificate, str]] = dc_field(default_factory=list)


def refresh_renewal_deadlines(
    *, today: date | None = None, within_days: int | None = None, dry_run: bool = False
) -> RenewalRefresh:
    """The daily refresh of the renewal reminders (cron, `fazhi refresh_certificate_renewals`).

    - every valid certificate whose expiry falls within the window gets its open
      `enforcement_certificate_renewal` deadline (opened, or moved if the expiry changed);
    - an open renewal deadline whose certificate was cancelled, or renewed beyond the
      window outside the renewal action, is cancelled.
    An expired certificate keeps its (overdue) deadline: it was not renewed in time.
    Running it twice opens nothing twice and closes nothing twice.
    """
    from django.contrib.contenttypes.models import ContentType

    from fazhi.deadlines.models import Deadline

    day = today or timezone.localdate()
    window = rules.renewal_window_days() if within_days is None else within_days
    horizon = day + timedelta(days=window)
    s = _services()
    result = RenewalRefresh()
    open_by_cert = {
        int(d.object_id): d
        for d in Deadline.objects.open().filter(
            content_type=ContentType.objects.get_for_model(Certificate),
            period__code=rules.P_CERT_RENEWAL,
        )
    }
    with transaction.atomic():
        due = Certificate.objects.filter(
            state=CertificateState.VALID, valid_until__gte=day, valid_until__lte=horizon
        ).select_related("person", "unit")
        for cert in due.order_by("valid_until", "pk"):
            current = open_by_cert.pop(cert.pk, None)
            if current is not None and current.start_date == cert.valid_until:
                continue
            (result.updated if current is not None else result.opened).append(cert)
            if not dry_run:
                s.open_deadline(
                    cert,
                    rules.P_CERT_RENEWAL,
                    start=cert.valid_until,
                    title=_renewal_title(cert),
                    unit=cert.unit,
                    url=cert.get_absolute_url(),
                )
        stale = Certificate.objects.filter(pk__in=list(open_by_cert)).select_related(
            "person", "unit"
        )
        for cert in stale.order_by("pk"):
            if cert.state == CertificateState.CANCELLED:
                reason = "证件已注销"
            elif cert.valid_until > horizon:
                reason = f"证件有效期已延续至{cert.valid_until:%Y-%m-%d}"
            else:
                continue  # expired and not renewed: the overdue reminder stays
            result.closed.append((cert, reason))
            if not dry_run:
                s.cancel_deadline(cert, rules.P_CERT_RENEWAL, on=day, reason=reason)
    return result


def may_enforce(unit: Unit, day: date) -> models.QuerySet[Person]:
    """People of the unit's subtree who may enforce on `day`: a valid officer's certificate."""
    valid = Certificate.objects.in_subtree(unit).officers().valid_on(day)
    return Person.objects.filter(pk__in=valid.values("person_id")).select_related("unit")


def may_not_enforce(unit: Unit, day: date) -> models.QuerySet[Person]:
    """People of the unit's subtree who hold or held a certificate but none valid on `day`."""
    valid = Certificate.objects.in_subtree(unit).officers().valid_on(day)
    holders = Certificate.objects.in_subtree(unit).officers()
    return (
        Person.objects.filter(pk__in=holders.values("person_id"))
        .exclude(pk__in=valid.values("person_id"))
        .select_related("unit")
    )


class CertificateRenewal(models.Model):
    """One 换证 / 延续 of a certificate: the old and new number and validity. Made by the
    certificate's `renew` action."""

    certificate = models.ForeignKey(
        Certificate, verbose_name="证件", on_delete=models.CASCADE, related_name="renewals"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="执法单位", on_delete=models.PROTECT, related_name="+"
    )
    renewed_on = models.DateField("换证日期")
    old_number = models.CharField("原证件编号", max_length=40)
    new_number = models.CharField("新证件编号", max_length=40)
    old_valid_until = models.DateField("原有效期至")
    new_valid_until = models.DateField("新的有效期至")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "证件换证"
        verbose_name_plural = "证件换证"
        ordering = ["-renewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.renewed_on:%Y-%m-%d}换证：有效期至{self.new_valid_until:%Y-%m-%d}"

    def clean(self) -> None:
        errors = _future_errors(self, ("renewed_on",))
        if (
            self.new_valid_until
            and self.old_valid_until
            and (self.new_valid_until <= self.old_valid_until)
        ):
            errors["new_valid_until"] = "新的有效期至须晚于原有效期至。"
        if errors:
            raise ValidationError(errors)


class AnnualReviewQuerySet(ScopedQuerySet["AnnualReview"]):
    pass


class AnnualReview(models.Model):
    """One year's 审验 of a certificate. Made by the certificate's pass/fail actions."""

    certificate = models.ForeignKey(
        Certificate, verbose_name="证件", on_delete=models.CASCADE, related_name="reviews"
    )
    # Copied from the certificate so that indicators group by unit and role in one query.
    unit = models.ForeignKey(
        Unit, verbose_name="执法单位", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("人员类别", max_length=20, choices=OfficerRole.choices)
    year = models.PositiveSmallIntegerField("审验年度", db_index=True)
    reviewed_on = models.DateField("审验日期")
    passed = models.BooleanField("审验通过")
    training_hours = models.PositiveIntegerField("年度培训学时", default=0)
    reason = models.CharField("不通过原因", max_length=200, blank=True)

    objects = AnnualReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "年度审验"
        verbose_name_plural = "年度审验"
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "year"], name="enforcement_one_review_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年度审验：{'通过' if self.passed else '不通过'}"

    def clean(self) -> None:
        errors = _future_errors(self, ("reviewed_on",))
        if not self.passed and not self.reason.strip():
            errors["reason"] = "审验不通过请填写原因。"
        if errors:
            raise ValidationError(errors)


# ====================================================================== leniency


def _applying_paths(unit: Unit) -> list[str]:
    """The paths of a unit and its superiors: their published rules apply to it."""
    return [u.path for u in unit.ancestors()] + [unit.path]


class PublishedRulesQuerySet(ScopedQuerySet[Any]):
    """Leniency lists and scoring sheets: published rules, so a unit reads its own
    subtree's and also its superiors' (they apply to it); it writes only its subtree's."""

    def applying_to(self, unit: Unit) -> PublishedRulesQuerySet:
        return self.filter(unit__path__in=_applying_paths(unit))

    def readable_by(self, user: Any) -> PublishedRulesQuerySet:
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        if not user.can_read_records or user.unit_id is None:
            return self.none()
        return self.filter(
            Q(unit__path__startswith=user.unit.path) | Q(unit__path__in=_applying_paths(user.unit))
        )


def _text(row: dict[str, Any], name: str) -> str:
    return str(row.get(name) or "").strip()


class LeniencyList(models.Model):
    """A unit's published 包容审慎 list (首违不罚 / 轻微不罚 / 无主观过错不罚)."""

    unit = models.ForeignKey(
        Unit, verbose_name="制定单位", on_delete=models.PROTECT, related_name="leniency_lists"
    )
    kind = models.CharField("清单类别", max_length=20, choices=LeniencyKind.choices)
    title = models.CharField("清单名称", max_length=200)
    document_number = models.CharField("文号", max_length=50, blank=True)
    published_on = models.DateField("公布日期")

    objects = PublishedRulesQuerySet.as_manager()

    class Meta:
        verbose_name = "包容审慎清单"
        verbose_name_plural = "包容审慎清单"
        ordering = ["unit__path", "-published_on"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement:leniency_list", args=[self.pk])

    def clean(self) -> None:
        errors = _future_errors(self, ("published_on",))
        if not (self.title or "").strip():
            errors["title"] = "请填写清单名称。"
        if errors:
            raise ValidationError(errors)

    @classmethod
    def save_with_items(
        cls, *, by: Any, instance: LeniencyList, items: list[dict[str, Any]]
    ) -> LeniencyList:
        """Create or change a list and its items, all or nothing.

        `items`: one dict per row of the screen, {id (an existing item of this list or
        None), violation, legal_basis, conditions, delete}. Blank new rows are ignored.
        Refused (Chinese ValidationError, nothing written): a unit the user may not
        write, a list left without items, a row half filled, the same violation twice,
        removing an item cases were decided under, or a publication date later than a
        decision made under the list (行政处罚法第33条: the list is applied once published).
        """
        if not instance.unit_id or not can_write_unit(by, instance.unit):
            raise ValidationError({"unit": "您无权制定或修改该单位的包容审慎清单。"})
        instance.full_clean()
        existing = {i.pk: i for i in instance.items.all()} if instance.pk else {}
        errors: list[str] = []
        keep: list[LeniencyItem] = []
        remove: list[LeniencyItem] = []
        seen: dict[str, int] = {}
        labels = {"violation": "违法行为", "legal_basis": "法律依据", "conditions": "适用条件"}
        for n, row in enumerate(items, start=1):
            pk = row.get("id") or None
            if pk is not None and pk not in existing:
                errors.append(f"第{n}项：该事项不属于本清单。")
                continue
            if row.get("delete"):
                if pk is not None:
                    remove.append(existing[pk])
                continue
            values = {name: _text(row, name) for name in labels}
            if pk is None and not any(values.values()):
                continue  # an unused blank row of the form
            missing = [labels[k] for k, v in values.items() if not v]
            if missing:
                errors.append(f"第{n}项：请填写{'、'.join(missing)}。")
                continue
            too_long = [labels[k] for k, v in values.items() if len(v) > 300]
            if too_long:
                errors.append(f"第{n}项：{'、'.join(too_long)}不能超过300个字符。")
                continue
            if values["violation"] in seen:
                errors.append(
                    f"第{n}项：违法行为“{values['violation']}”与第{seen[values['violation']]}项重复。"
                )
                continue
            seen[values["violation"]] = n
            item = existing.get(pk) or LeniencyItem()
            for k, v in values.items():
                setattr(item, k, v)
            keep.append(item)
        for item in remove:
            used = item.cases.count()
            if used:
                errors.append(f"事项“{item.violation}”已有{used}件案件适用，不能删除。")
        if not keep and not errors:
            errors.append("清单至少应有一项事项。")
        if instance.pk:
            first = (
                Case.objects.filter(leniency_item__leniency_list=instance, decided_on__isnull=False)
                .order_by("decided_on")
                .values_list("decided_on", flat=True)
                .first()
            )
            if first is not None and instance.published_on > first:
                raise ValidationError(
                    {
                        "published_on": f"已有案件于{first:%Y-%m-%d}依本清单决定不予处罚，"
                        "公布日期不能晚于该日期。"
                    }
                )
        if errors:
            raise ValidationError({"items": errors})
        verb = "update" if instance.pk else "create"
        with transaction.atomic(), audit_context(user=by, verb=verb):
            instance.save()
            for item in remove:
                item.delete()
            for item in keep:
                item.leniency_list = instance
                item.save()
        return instance


class LeniencyItem(models.Model):
    """One item of a list: violation, legal basis, conditions (statutes.md §7.2)."""

    leniency_list = models.ForeignKey(
        LeniencyList, verbose_name="清单", on_delete=models.CASCADE, related_name="items"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="制定单位", on_delete=models.PROTECT, related_name="+", editable=False
    )
    violation = models.CharField("违法行为", max_length=300)
    legal_basis = models.CharField("法律依据", max_length=300)
    conditions = models.CharField(
        "适用条件", max_length=300, help_text="如 首次违法、危害后果轻微并及时改正"
    )

    class Meta:
        verbose_name = "清单事项"
        verbose_name_plural = "清单事项"
        ordering = ["leniency_list_id", "id"]

    def __str__(self) -> str:
        return f"{self.leniency_list.get_kind_display()}：{self.violation}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.unit_id = self.leniency_list.unit_id
        super().save(*args, **kwargs)


# ====================================================================== cases


class CaseQuerySet(ScopedQuerySet["Case"]):
    def decided_in(self, start: date, end: date) -> CaseQuerySet:
        return self.filter(decided_on__gte=start, decided_on__lte=end)

    def three_system_gaps(self) -> CaseQuerySet:
        """Decided cases with a gap: unpublished or late, or without full records."""
        return self.filter(decided_on__isnull=False).filter(
            Q(published_late=True)
            | Q(full_record=False)
            | Q(publication_due__isnull=False, published_on__isnull=True)
        )


CASE_DATES = ("opened_on", "legal_review_on", "decided_on", "published_on")


class Case(Workflow):
    """An enforcement case (行政处罚, 许可, 强制, 检查, 征收, 其他) under the three systems."""

    transitions = rules.CASE_TRANSITIONS

    search_fields = ("number", "party_name", "matter")  # what the list's search box matches (core.search)
    unit = models.ForeignKey(
        Unit, verbose_name="执法单位", on_delete=models.PROTECT, related_name="enforcement_cases"
    )
    number = models.CharField("案号（文号）", max_length=60, blank=True)
    kind = models.CharField("执法类别", max_length=20, choices=CaseKind.choices)
    personal_name_fields = ("party_name",)  # anonymised in anything published (core/privacy.py)
    party_name = models.CharField("当事人", max_length=100)
    party_kind = models.CharField(
        "当事人类型", max_length=10, choices=PartyKind.choices, default=PartyKind.PERSON
    )
    matter = models.CharField("案由（事项）", max_length=300)
    opened_on = models.DateField("立案（受理）日期")
    state = models.CharField(
        "状态", max_length=20, choices=CaseState.choices, default=CaseState.OPEN, db_index=True
    )
    is_major = models.BooleanField(
        "重大执法决定", default=False, help_text="须经法制审核（行政处罚法第58条）"
    )
    legal_review_on = models.DateField("法制审核日期", null=True, blank=True)
    legal_review_passed = models.BooleanField("法制审核通过", null=True, blank=True)
    legal_reviewer = models.CharField("法制审核人员", max_length=50, blank=True)
    full_record = models.BooleanField("全过程记录完整", default=False, help_text="行政处罚法第47条")
    decided_on = models.DateField("决定（办结）日期", null=True, blank=True)
    no_penalty = models.BooleanField("不予处罚", default=False)
    leniency_item = models.ForeignKey(
        LeniencyItem,
        verbose_name="适用清单事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    publication_due = models.DateField("公示期限", null=True, blank=True, editable=False)
    published_on = models.DateField("公示日期", null=True, blank=True)
    published_late = models.BooleanField("逾期公示", default=False)
    note = models.TextField("备注", blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "行政执法案件"
        verbose_name_plural = "行政执法案件"
        ordering = ["-opened_on", "-id"]
        indexes = [
            # Covers every column the enforcement indicators read, so one county's
            # annual figures are an index-only scan of its units' year (issue 11, 2b).
            models.Index(
                fields=["unit", "decided_on"],
                include=[
                    "kind",
                    "leniency_item",
                    "no_penalty",
                    "is_major",
                    "legal_review_passed",
                    "published_late",
                    "published_on",
                ],
                name="enforcement_case_figures",
            ),
            models.Index(fields=["kind", "decided_on"]),
            models.Index(fields=["decided_on"]),
        ]

    def __str__(self) -> str:
        return (
            self.number
            or f"{self.get_kind_display()}：{self.masked_party}（{self.opened_on:%Y-%m-%d}）"
        )

    def get_absolute_url(self) -> str:
        return reverse("enforcement:case", args=[self.pk])

    @property
    def masked_party(self) -> str:
        return (
            mask_name(self.party_name) if self.party_kind == PartyKind.PERSON else self.party_name
        )

    def last_event_date(self) -> date | None:
        found = [d for d in (getattr(self, n) for n in CASE_DATES) if d is not None]
        return max(found) if found else None

    def action_available(self, action: str) -> bool:
        if action == "publish":
            return rules.publication_period(self.kind) is not None
        return True

    # ------------------------------------------------------------ validation

    def clean(self) -> None:
        errors = _future_errors(self, CASE_DATES)
        if self.decided_on and self.opened_on and self.decided_on < self.opened_on:
            errors["decided_on"] = "决定日期不能早于立案日期。"
        if self.legal_review_on and self.opened_on and self.legal_review_on < self.opened_on:
            errors["legal_review_on"] = "法制审核日期不能早于立案日期。"
        if self.published_on and not self.decided_on:
            errors["published_on"] = "尚未作出决定的案件不能登记公示日期。"
        elif self.published_on and self.decided_on and self.published_on < self.decided_on:
            errors["published_on"] = "公示日期不能早于决定日期。"
        if self.published_on and self.kind and rules.publication_period(self.kind) is None:
            errors["published_on"] = (
                f"{self.get_kind_display()}不作为执法决定公示，请不要填写公示日期。"
            )
        if self.legal_review_on and self.legal_review_passed is None:
            errors["legal_review_passed"] = "请填写法制审核结论。"
        if self.decided_on and self.is_major:
            # 行政处罚法 第58条 / 118号: no major decision without a passed legal review first.
            if not self.legal_review_on or self.legal_review_passed is not True:
                errors["is_major"] = (
                    "重大执法决定须经法制审核且审核通过后才能作出（行政处罚法第58条）。"
                )
            elif self.legal_review_on > self.decided_on:
                errors["legal_review_on"] = "法制审核须在作出重大执法决定之前完成。"
        if self.no_penalty and self.kind != CaseKind.PENALTY:
            errors["no_penalty"] = "只有行政处罚案件可以登记“不予处罚”。"
        if self.leniency_item_id:
            item = self.leniency_item
            if self.kind != CaseKind.PENALTY or not self.no_penalty:
                errors["leniency_item"] = "适用包容审慎清单的应为决定不予处罚的行政处罚案件。"
            elif self.unit_id and not self.unit.path.startswith(item.unit.path):
                errors["leniency_item"] = "所选清单事项不是本单位（或上级）公布的清单。"
            elif self.decided_on and item.leniency_list.published_on > self.decided_on:
                errors["leniency_item"] = (
                    f"清单{item.leniency_list.published_on:%Y-%m-%d}才公布，晚于决定日期。"
                )
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ registration

    @classmethod
    def register(cls, *, by: Any, **fields: Any) -> Case:
        """Open a case (立案); a penalty case starts its 90-day decision period (第60条)."""
        case = cls(**fields)
        if case.unit_id and not can_write_unit(by, case.unit):
            raise ValidationError({"unit": "您无权为该单位登记执法案件。"})
        case.state = CaseState.OPEN
        for name in ("decided_on", "published_on", "legal_review_on"):
            setattr(case, name, None)
        case.full_clean()
        with transaction.atomic(), audit_context(user=by, verb="register"):
            case.save()
            case.open_deadlines()
        return case

    def open_deadlines(self) -> None:
        """The periods running for the case's current state (register, import)."""
        s = _services()
        if self.state == CaseState.OPEN and self.kind == CaseKind.PENALTY:
            s.open_deadline(
                self,
                rules.P_PENALTY_DECISION,
                start=self.opened_on,
                title=f"作出处罚决定：{self}",
                unit=self.unit,
                url=self.get_absolute_url(),
            )
        code = rules.publication_period(self.kind)
        if self.state == CaseState.DECIDED and code:
            d = s.open_deadline(
                self,
                code,
                start=self.decided_on,
                title=f"公示执法决定：{self}",
                unit=self.unit,
                url=self.get_absolute_url(),
            )
            if self.publication_due != d.due_date:
                self.publication_due = d.due_date
                type(self).objects.filter(pk=self.pk).update(publication_due=d.due_date)

    def prepare_history(self, calendar: Any = None) -> None:
        """For bulk import of past cases: the state follows the dates, and the
        publication due date and lateness come from the deadlines app's arithmetic and
        period rows, exactly as `apply()` would have found them."""
        if self.published_on:
            self.state = CaseState.PUBLISHED
        elif self.decided_on:
            self.state = CaseState.DECIDED
        else:
            self.state = CaseState.OPEN
        self.publication_due = None
        self.published_late = False
        code = rules.publication_period(self.kind) if self.kind else None
        if self.decided_on and code:
            self.publication_due = due_date(code, self.decided_on, calendar)
            self.published_late = bool(
                self.published_on and self.published_on > self.publication_due
            )

    # ------------------------------------------------------------ hooks

    def on_legal_review(
        self, *, on: date, passed: Any = None, reviewer: str = "", **_: Any
    ) -> None:
        if passed not in (True, False):
            raise TransitionNotAllowed("请选择法制审核结论（通过或不通过）。")
        if not (reviewer or "").strip():
            raise TransitionNotAllowed("请填写法制审核人员。")
        self.legal_review_on = on
        self.legal_review_passed = passed
        self.legal_reviewer = reviewer.strip()

    def on_decide(
        self,
        *,
        on: date,
        no_penalty: Any = False,
        leniency_item: Any = None,
        full_record: Any = False,
        **_: Any,
    ) -> None:
        if self.is_major and (self.legal_review_on is None or self.legal_review_passed is not True):
            raise TransitionNotAllowed(
                "重大执法决定须经法制审核且审核通过后才能作出（行政处罚法第58条）。"
            )
        self.decided_on = on
        self.no_penalty = bool(no_penalty)
        self.leniency_item = leniency_item if isinstance(leniency_item, LeniencyItem) else None
        self.full_record = bool(full_record)
        _services().meet_deadline(self, rules.P_PENALTY_DECISION, on=on)

    def on_publish(self, *, on: date, **_: Any) -> None:
        code = rules.publication_period(self.kind)
        met = _services().meet_deadline(self, code, on=on) if code else None
        self.published_on = on
        self.published_late = bool(met is not None and met.on_time is False)

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        if action == "decide":
            self.open_deadlines()


@cache
def _period_row(code: str) -> tuple[int, str, str, str, bool]:
    from fazhi.deadlines.models import Period

    p = Period.objects.get(code=code)
    return p.length, p.mode, p.direction, p.fixed_month_day, p.first_day_counts


def due_date(code: str, start: date, calendar: Any = None) -> date:
    """The due date of period `code` from `start`, by the deadlines app's arithmetic
    (no pauses or extensions: for bulk-imported historic records). Pass `calendar` when
    computing many (one calendar load instead of one a record)."""
    from fazhi.deadlines import arithmetic as ar
    from fazhi.workdays.services import get_calendar

    length, mode, direction, fixed, first = _period_row(code)
    return ar.compute_due(
        start,
        length,
        mode,
        calendar or get_calendar(),
        direction=direction,
        fixed_month_day=fixed,
        first_day_counts=first,
    ).due


# ====================================================================== case-file review


class ReviewSheet(models.Model):
    """A scoring sheet (评查标准): veto items plus scored items summing to 100 points."""

    unit = models.ForeignKey(
        Unit, verbose_name="制定单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("评查表名称", max_length=200)
    year = models.PositiveSmallIntegerField("年度")

    objects = PublishedRulesQuerySet.as_manager()

    class Meta:
        verbose_name = "案卷评查表"
        verbose_name_plural = "案卷评查表"
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enforcement:sheet", args=[self.pk])

    @staticmethod
    def _check(name: str, year: Any) -> dict[str, str]:
        errors = {}
        if not (name or "").strip():
            errors["name"] = "请填写评查表名称。"
        elif len(name.strip()) > 200:
            errors["name"] = "评查表名称不能超过200个字符。"
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            errors["year"] = "请填写评查年度（2000—2100）。"
        return errors

    @staticmethod
    def _criteria(criteria: list[tuple[str, str, Any]]) -> list[Criterion]:
        """Validate (tier, text, points) rows: scored items carry positive points that sum
        to the full score (100); veto items carry none. Chinese errors naming the row."""
        items = []
        total = Decimal(0)
        for i, (tier, text, points) in enumerate(criteria, start=1):
            if not tier:
                raise ValidationError({"criteria": f"第{i}项：请选择类别。"})
            if tier not in CriterionTier.values:
                raise ValidationError({"criteria": f"第{i}项：类别“{tier}”不是可选值。"})
            if not str(text).strip():
                raise ValidationError({"criteria": f"第{i}项：评查内容不能为空。"})
            if len(str(text).strip()) > 300:
                raise ValidationError({"criteria": f"第{i}项：评查内容不能超过300个字符。"})
            try:
                pts = Decimal(str(points if points not in (None, "") else 0))
            except ArithmeticError as exc:
                raise ValidationError({"criteria": f"第{i}项“{text}”：分值应为数字。"}) from exc
            if tier == CriterionTier.VETO:
                pts = Decimal(0)
            elif not pts.is_finite() or pts <= 0:
                raise ValidationError({"criteria": f"第{i}项“{text}”：分值应大于0。"})
            elif pts != pts.quantize(Decimal("0.1")) or pts > rules.FULL_SCORE:
                raise ValidationError(
                    {"criteria": f"第{i}项“{text}”：分值应不超过100分，最多保留一位小数。"}
                )
            total += pts
            items.append(Criterion(tier=tier, text=str(text).strip(), points=pts, order=i))
        if not any(c.tier != CriterionTier.VETO for c in items):
            raise ValidationError({"criteria": "评查表至少应有一项计分项目。"})
        if total != rules.FULL_SCORE:
            raise ValidationError(
                {"criteria": f"计分项目分值合计为{total:g}分，应为{rules.FULL_SCORE:g}分。"}
            )
        return items

    @classmethod
    def create(
        cls, *, by: Any, unit: Unit, name: str, year: int, criteria: list[tuple[str, str, Any]]
    ) -> ReviewSheet:
        """criteria: (tier, text, points). Scored items must sum to 100; veto items carry 0."""
        if not can_write_unit(by, unit):
            raise ValidationError({"unit": "您无权为该单位制定评查表。"})
        errors = cls._check(name, year)
        if errors:
            raise ValidationError(errors)
        items = cls._criteria(criteria)
        with transaction.atomic(), audit_context(user=by, verb="create"):
            sheet = cls.objects.create(unit=unit, name=name.strip(), year=year)
            for c in items:
                c.sheet = sheet
            Criterion.objects.bulk_create(items)
        return sheet

    def revise(
        self, *, by: Any, name: str, year: int, criteria: list[tuple[str, str, Any]]
    ) -> None:
        """Change the sheet, all or nothing. Once files were scored with it, its criteria
        and points are fixed (the recorded scores rest on them): only name and year change."""
        if not can_write_unit(by, self.unit):
            raise ValidationError({"unit": "您无权修改该单位的评查表。"})
        errors = self._check(name, year)
        if errors:
            raise ValidationError(errors)
        items = self._criteria(criteria)
        old = [(c.tier, c.text, c.points) for c in self.criteria.all()]
        changed = [(c.tier, c.text, c.points) for c in items] != old
        used = self.reviews.count()
        if changed and used:
            raise ValidationError(
                {
                    "criteria": f"已有{used}份案卷按本评查表评查，评查项目和分值不能修改"
                    "（可修改名称和年度，或另建评查表）。"
                }
            )
        with transaction.atomic(), audit_context(user=by, verb="update"):
            self.name, self.year = name.strip(), year
            self.save()
            if changed:
                self.criteria.all().delete()
                for c in items:
                    c.sheet = self
                Criterion.objects.bulk_create(items)


class Criterion(models.Model):
    sheet = models.ForeignKey(
        ReviewSheet, verbose_name="评查表", on_delete=models.CASCADE, related_name="criteria"
    )
    tier = models.CharField("类别", max_length=20, choices=CriterionTier.choices)
    text = models.CharField("评查内容", max_length=300)
    points = models.DecimalField("分值", max_digits=5, decimal_places=1, default=Decimal(0))
    order = models.PositiveSmallIntegerField("序号", default=0)

    class Meta:
        verbose_name = "评查项目"
        verbose_name_plural = "评查项目"
        ordering = ["sheet_id", "order"]

    def __str__(self) -> str:
        return f"{self.get_tier_display()}：{self.text}（{self.points:g}分）"


class FileReviewQuerySet(ScopedQuerySet["FileReview"]):
    pass


class FileReview(models.Model):
    """The review of one case file (案卷评查): reviewers, deductions, score and grade."""

    search_fields = ("file_number",)  # what the list's search box matches (core.search)
    unit = models.ForeignKey(
        Unit, verbose_name="被评查单位", on_delete=models.PROTECT, related_name="file_reviews"
    )
    sheet = models.ForeignKey(
        ReviewSheet, verbose_name="评查表", on_delete=models.PROTECT, related_name="reviews"
    )
    case = models.ForeignKey(
        Case,
        verbose_name="案件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="file_reviews",
    )
    file_number = models.CharField("案卷号", max_length=60)
    reviewed_on = models.DateField("评查日期", db_index=True)
    reviewers = models.CharField("评查人员", max_length=200, help_text="多人用顿号分隔")
    score = models.DecimalField("得分", max_digits=5, decimal_places=1)
    grade = models.CharField("等次", max_length=20, choices=Grade.choices)
    vetoed = models.BooleanField("触及否决项", default=False)
    findings = models.TextField("发现的问题", blank=True)

    objects = FileReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "案卷评查"
        verbose_name_plural = "案卷评查"
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.file_number}：{self.score:g}分（{self.get_grade_display()}）"

    @classmethod
    def record(
        cls,
        *,
        by: Any,
        unit: Unit,
        sheet: ReviewSheet,
        file_number: str,
        reviewed_on: date,
        reviewers: str,
        deductions: dict[int, Any] | None = None,
        vetoes: list[int] | None = None,
        findings: str = "",
        case: Case | None = None,
    ) -> FileReview:
        """Score one file with the sheet and save it with its deductions, all or nothing."""
        if not can_write_unit(by, unit):
            raise ValidationError({"unit": "您无权登记该单位的案卷评查。"})
        criteria = {c.pk: c for c in sheet.criteria.all()}
        total, grade, parsed, veto_ids = cls.compute(criteria, deductions, vetoes)
        if case is not None and case.unit_id != unit.pk:
            raise ValidationError({"case": "所选案件不属于被评查单位。"})
        review = cls(
            unit=unit,
            sheet=sheet,
            case=case,
            file_number=file_number,
            reviewed_on=reviewed_on,
            reviewers=reviewers,
            score=total,
            grade=grade,
            vetoed=bool(veto_ids),
            findings=findings,
        )
        review.full_clean()
        with transaction.atomic(), audit_context(user=by, verb="record"):
            review.save()
            Deduction.objects.bulk_create(review.deduction_rows(criteria, parsed, veto_ids))
        return review

    @staticmethod
    def compute(
        criteria: dict[int, Criterion],
        deductions: dict[int, Any] | None,
        vetoes: list[int] | None,
    ) -> tuple[Decimal, str, dict[int, Decimal], list[int]]:
        """(score, grade, deductions, veto ids) of one file scored with a sheet's criteria
        ({pk: Criterion}); ValidationError (Chinese, naming the item) on bad input."""
        weights = {pk: c.points for pk, c in criteria.items() if c.tier != CriterionTier.VETO}
        veto_ids = [int(v) for v in (vetoes or [])]
        for v in veto_ids:
            if v not in criteria or criteria[v].tier != CriterionTier.VETO:
                raise ValidationError({"vetoes": "所选否决项不属于本评查表。"})
        try:
            parsed = {
                int(k): Decimal(str(v))
                for k, v in (deductions or {}).items()
                if v not in (None, "", 0)
            }
            total, grade = rules.score(
                weights, parsed, veto_ids, labels={pk: c.text for pk, c in criteria.items()}
            )
        except (ArithmeticError, ValueError) as exc:
            raise ValidationError(
                {
                    "deductions": str(exc)
                    if isinstance(exc, rules.ScoringError)
                    else "扣分应为数字。"
                }
            ) from exc
        return total, grade, parsed, veto_ids

    def deduction_rows(
        self, criteria: dict[int, Criterion], parsed: dict[int, Decimal], veto_ids: list[int]
    ) -> list[Deduction]:
        """The Deduction rows of this (saved) review: each capped at its item's points."""
        return [
            Deduction(review=self, criterion=criteria[k], points=min(v, criteria[k].points))
            for k, v in parsed.items()
        ] + [
            Deduction(review=self, criterion=criteria[v], points=Decimal(0), veto=True)
            for v in veto_ids
        ]

    def clean(self) -> None:
        errors = _future_errors(self, ("reviewed_on",))
        if not self.reviewers.strip():
            errors["reviewers"] = "请填写评查人员。"
        if not self.file_number.strip():
            errors["file_number"] = "请填写案卷号。"
        if errors:
            raise ValidationError(errors)

    @property
    def masked_reviewers(self) -> str:
        return "、".join(
            mask_name(n.strip())
            for n in self.reviewers.replace(",", "、").replace("，", "、").split("、")
            if n.strip()
        )


class Deduction(models.Model):
    review = models.ForeignKey(
        FileReview, verbose_name="评查", on_delete=models.CASCADE, related_name="deductions"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name="评查项目", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("扣分", max_digits=5, decimal_places=1, default=Decimal(0))
    veto = models.BooleanField("触及否决项", default=False)

    class Meta:
        verbose_name = "扣分"
        verbose_name_plural = "扣分"

    def __str__(self) -> str:
        return f"{self.criterion.text}：{'否决' if self.veto else f'扣{self.points:g}分'}"


# ====================================================================== supervision letters


class SupervisionLetterQuerySet(ScopedQuerySet["SupervisionLetter"]):
    def open(self) -> SupervisionLetterQuerySet:
        return self.exclude(state=LetterState.CLOSED)


class SupervisionLetter(Workflow):
    """A 行政执法监督意见书 to an enforcement unit, its rectification and follow-up (§7.5)."""

    transitions = rules.LETTER_TRANSITIONS

    search_fields = ("number",)  # what the list's search box matches (core.search)
    issuer = models.ForeignKey(
        Unit,
        verbose_name="制发机关",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="司法行政部门（执法监督机构）",
    )
    recipient = models.ForeignKey(
        Unit, verbose_name="送达单位", on_delete=models.PROTECT, related_name="supervision_letters"
    )
    number = models.CharField("文号", max_length=60)
    issued_on = models.DateField("制发日期", db_index=True)
    problems = models.TextField("发现的问题及整改要求")
    file_review = models.ForeignKey(
        FileReview,
        verbose_name="源自案卷评查",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    state = models.CharField(
        "状态",
        max_length=20,
        choices=LetterState.choices,
        default=LetterState.ISSUED,
        db_index=True,
    )
    reported_on = models.DateField("报告整改日期", null=True, blank=True)
    report = models.TextField("整改情况", blank=True)
    reported_late = models.BooleanField("逾期报告", default=False)
    closed_on = models.DateField("销号日期", null=True, blank=True)

    objects = SupervisionLetterQuerySet.as_manager()
    scope_field = "recipient"

    class Meta:
        verbose_name = "行政执法监督意见书"
        verbose_name_plural = "行政执法监督意见书"
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number}（{self.recipient}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:letter", args=[self.pk])

    def clean(self) -> None:
        errors = _future_errors(self, ("issued_on", "reported_on", "closed_on"))
        if self.issuer_id and self.recipient_id:
            # The 司法局 supervises the units of its own government (its parent's subtree).
            base = self.issuer.parent or self.issuer
            if not self.recipient.path.startswith(base.path):
                errors["recipient"] = "送达单位须为制发机关所在政府的执法单位。"
        if self.reported_on and self.issued_on and self.reported_on < self.issued_on:
            errors["reported_on"] = "报告整改日期不能早于制发日期。"
        if self.reported_on and not (self.report or "").strip():
            errors["report"] = "已报告整改的，请填写整改情况。"
        if self.closed_on and not self.reported_on:
            errors["closed_on"] = "尚未报告整改的意见书不能销号。"
        elif self.closed_on and self.reported_on and self.closed_on < self.reported_on:
            errors["closed_on"] = "销号日期不能早于报告整改日期。"
        if errors:
            raise ValidationError(errors)

    def prepare_history(self, calendar: Any = None) -> None:
        """For the xlsx import of letters as they stand: the state follows the dates, and
        whether the report was late comes from the rectification period row
        (`enforcement_rectification`) by the deadlines app's arithmetic."""
        if self.closed_on:
            self.state = LetterState.CLOSED
        elif self.reported_on:
            self.state = LetterState.REPORTED
        else:
            self.state = LetterState.ISSUED
        self.reported_late = bool(
            self.reported_on
            and self.issued_on
            and self.reported_on > due_date(rules.P_RECTIFICATION, self.issued_on, calendar)
        )

    def open_deadlines(self) -> None:
        """An imported letter still being rectified gets its running period."""
        if self.state == LetterState.ISSUED:
            _services().open_deadline(
                self,
                rules.P_RECTIFICATION,
                start=self.issued_on,
                title=f"监督意见书整改报告：{self}",
                unit=self.recipient,
                url=self.get_absolute_url(),
            )

    def last_event_date(self) -> date | None:
        found = [d for d in (self.issued_on, self.reported_on, self.closed_on) if d is not None]
        return max(found) if found else None

    def may(self, user: Any, action: str) -> bool:
        """Verifying and sending back are the issuer's; reporting is the recipient's (or the issuer's)."""
        if action in ("verify", "send_back"):
            return can_write_unit(user, self.issuer)
        return True

    def allowed_actions(self, user: Any) -> list[Any]:
        return [t for t in super().allowed_actions(user) if self.may(user, t.action)]

    def apply(self, action: str, *, by: Any, on: date, note: str = "", **data: Any) -> None:
        if action in self.transitions and not self.may(by, action):
            raise TransitionNotAllowed(
                f"“{self.transitions[action].label}”须由制发机关（{self.issuer}）办理。"
            )
        super().apply(action, by=by, on=on, note=note, **data)

    @classmethod
    def issue(cls, *, by: Any, **fields: Any) -> SupervisionLetter:
        letter = cls(**fields)
        if letter.issuer_id and not can_write_unit(by, letter.issuer):
            raise ValidationError({"issuer": "只有制发机关的工作人员可以登记监督意见书。"})
        letter.state = LetterState.ISSUED
        letter.full_clean()
        with transaction.atomic(), audit_context(user=by, verb="issue"):
            letter.save()
            _services().open_deadline(
                letter,
                rules.P_RECTIFICATION,
                start=letter.issued_on,
                title=f"监督意见书整改报告：{letter}",
                unit=letter.recipient,
                url=letter.get_absolute_url(),
            )
        return letter

    def on_report(self, *, on: date, report: str = "", **_: Any) -> None:
        if not (report or "").strip():
            raise TransitionNotAllowed("请填写整改情况。")
        self.reported_on = on
        self.report = report.strip()
        met = _services().meet_deadline(self, rules.P_RECTIFICATION, on=on)
        self.reported_late = bool(met is not None and met.on_time is False)

    def on_verify(self, *, on: date, **_: Any) -> None:
        self.closed_on = on

    def on_send_back(self, *, on: date, reason: str = "", **_: Any) -> None:
        if not (reason or "").strip():
            raise TransitionNotAllowed("请填写退回理由。")
        # Rectification goes on: the period runs again from the day it was sent back.
        self.report = f"{self.report}\n{on:%Y-%m-%d} 退回：{reason.strip()}".strip()
        _services().open_deadline(
            self,
            rules.P_RECTIFICATION,
            start=on,
            title=f"监督意见书整改报告（退回）：{self}",
            unit=self.recipient,
            url=self.get_absolute_url(),
        )


# ====================================================================== yearly data publication


class DataPublicationQuerySet(ScopedQuerySet["DataPublication"]):
    pass


class DataPublication(Workflow):
    """A unit's yearly enforcement data publication (118号: by 31 January [M])."""

    transitions = rules.PUBLICATION_TRANSITIONS

    unit = models.ForeignKey(
        Unit,
        verbose_name="执法单位",
        on_delete=models.PROTECT,
        related_name="enforcement_publications",
    )
    year = models.PositiveSmallIntegerField("数据年度")
    state = models.CharField(
        "状态", max_length=20, choices=PublicationState.choices, default=PublicationState.PENDING
    )
    due_on = models.DateField("公开期限", null=True, blank=True, editable=False)
    published_on = models.DateField("公开日期", null=True, blank=True)
    published_late = models.BooleanField("逾期公开", default=False)
    where = models.CharField("公开网址或载体", max_length=300, blank=True)

    objects = DataPublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "行政执法数据年度公开"
        verbose_name_plural = "行政执法数据年度公开"
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"], name="enforcement_one_publication_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}{self.year}年度行政执法数据"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:publication", args=[self.unit_id, self.year])

    def clean(self) -> None:
        errors = _future_errors(self, ("published_on",))
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
                d = _services().open_deadline(
                    pub,
                    rules.P_ANNUAL_DATA,
                    start=date(year, 12, 31),
                    title=f"公开{year}年度行政执法数据：{unit}",
                    unit=unit,
                    url=pub.get_absolute_url(),
                )
                pub.due_on = d.due_date
                cls.objects.filter(pk=pub.pk).update(due_on=d.due_date)
        return pub

    def on_publish(self, *, on: date, where: str = "", **_: Any) -> None:
        if on.year <= self.year:
            raise TransitionNotAllowed(f"{self.year}年度数据须在年度结束后公开。")
        self.published_on = on
        self.where = (where or "").strip()
        met = _services().meet_deadline(self, rules.P_ANNUAL_DATA, on=on)
        self.published_late = bool(met is not None and met.on_time is False)
