"""Officers' certificates (行政执法证 / 执法监督证), their annual review (审验) and renewal (换证 / 延续)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.core.models import (
    DetailPage,
    ScopedRecord,
    UniqueWithoutDisclosure,
    save_pending,
    state_field,
    unique,
    unit_link,
)
from fazhi.core.records import newest_first
from fazhi.core.validators import future_dates
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services
from fazhi.enforcement import rules
from fazhi.enforcement.rules import (
    CancelReason,
    CertificateState,
    OfficerRole,
)
from fazhi.org.models import Person, Unit
from fazhi.org.scope import ScopedQuerySet


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


class Certificate(DetailPage, UniqueWithoutDisclosure, Registered, Workflow):
    """A 行政执法证 or 行政执法监督证 held by a person (statutes.md §7.3)."""

    detail_url = "enforcement:certificate"
    registrar_refusal = "您无权为该单位登记执法证件。"

    transitions = rules.CERT_TRANSITIONS

    search_fields = ("number", "person__name")  # what the list's search box matches (core.search)
    person = models.ForeignKey(
        Person,
        verbose_name="持证人",
        on_delete=models.PROTECT,
        related_name="enforcement_certificates",
    )
    unit = unit_link("所在执法单位", related_name="enforcement_certificates")
    role = models.CharField(
        "人员类别", max_length=20, choices=OfficerRole.choices, default=OfficerRole.OFFICER
    )
    number = models.CharField("证件编号", max_length=40, unique=True)
    field = models.CharField("执法领域", max_length=100)
    issuing_authority = models.CharField("发证机关", max_length=100, help_text="如 河南省人民政府")
    issued_on = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", db_index=True)
    state = state_field(CertificateState, CertificateState.VALID, db_index=True)
    cancelled_on = models.DateField("注销日期", null=True, blank=True)
    cancel_reason = models.CharField(
        "注销原因", max_length=20, choices=CancelReason.choices, blank=True
    )
    note = models.TextField("备注", blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "行政执法证件"
        ordering = ["unit__path", "number"]
        indexes = [models.Index(fields=["unit", "role", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.number}（{self.person.masked_name}）"

    def clean(self) -> None:
        errors = future_dates(self, ("issued_on", "cancelled_on"))
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
    def register(cls, *, by: Any, verb: str = "register", **fields: Any) -> Certificate:
        """Record a certificate (of its holder's unit unless one is given); ValidationError
        (Chinese) and nothing written on bad input."""
        cert = cls(**fields)
        if cert.person_id and not cert.unit_id:
            cert.unit = cert.person.unit
        cert.save_registered(by, verb=verb)
        return cert

    def on_register(self, by: Any) -> None:
        open_renewal_deadlines([self])

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
        services.meet_deadline(self, rules.P_CERT_RENEWAL, on=on)
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

    def _review(
        self, on: date, year: int, hours: int, *, passed: bool, reason: str = ""
    ) -> AnnualReview:
        """The year's 审验, saved with the move (`after_apply`)."""
        return AnnualReview(
            certificate=self,
            unit=self.unit,
            role=self.role,
            year=year,
            reviewed_on=on,
            passed=passed,
            training_hours=hours,
            reason=reason,
        )

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
        self._pending_review = self._review(on, year, hours, passed=True)

    def on_fail_review(
        self, *, on: date, year: Any = None, training_hours: Any = None, reason: str = "", **_: Any
    ) -> None:
        year, hours = self._check_review(year, training_hours)
        if not (reason or "").strip():
            raise TransitionNotAllowed("请填写审验不通过的原因。")
        self._pending_review = self._review(on, year, hours, passed=False, reason=reason.strip())
        # A failed review withdraws the card (statutes.md §7.3).
        self.cancelled_on = on
        self.cancel_reason = CancelReason.FAILED_REVIEW

    def on_cancel(self, *, on: date, cancel_reason: str = "", **_: Any) -> None:
        if cancel_reason not in CancelReason.values:
            raise TransitionNotAllowed("请选择注销原因。")
        self.cancelled_on = on
        self.cancel_reason = cancel_reason

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        save_pending(self, "_pending_review", "_pending_renewal")
        if self.state == CertificateState.CANCELLED:
            services.cancel_deadline(self, rules.P_CERT_RENEWAL, on=on, reason="证件已注销")
        elif action == "renew":
            # The next renewal goes on the due list when the new expiry enters the window.
            open_renewal_deadlines([self])


def _open_renewal(cert: Certificate) -> None:
    """The renewal reminder: renew before the expiry (`enforcement_certificate_renewal`)."""
    services.open_deadline(
        cert, rules.P_CERT_RENEWAL, start=cert.valid_until, title=f"执法证件换证：{cert}"
    )


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
    for cert in certificates:
        if cert.state != CertificateState.VALID or cert.valid_until < day:
            continue
        if cert.valid_until > day + timedelta(days=window):
            continue
        _open_renewal(cert)
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
    day = today or timezone.localdate()
    window = rules.renewal_window_days() if within_days is None else within_days
    horizon = day + timedelta(days=window)
    result = RenewalRefresh()
    open_by_cert = services.open_deadlines_of(Certificate, rules.P_CERT_RENEWAL)
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
                _open_renewal(cert)
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
                services.cancel_deadline(cert, rules.P_CERT_RENEWAL, on=day, reason=reason)
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


class CertificateRenewal(ScopedRecord):
    """One 换证 / 延续 of a certificate: the old and new number and validity. Made by the
    certificate's `renew` action."""

    certificate = models.ForeignKey(
        Certificate, verbose_name="证件", on_delete=models.CASCADE, related_name="renewals"
    )
    unit = unit_link("执法单位")
    renewed_on = models.DateField("换证日期")
    old_number = models.CharField("原证件编号", max_length=40)
    new_number = models.CharField("新证件编号", max_length=40)
    old_valid_until = models.DateField("原有效期至")
    new_valid_until = models.DateField("新的有效期至")


    Meta = newest_first("证件换证", "renewed_on")

    def __str__(self) -> str:
        return f"{self.renewed_on:%Y-%m-%d}换证：有效期至{self.new_valid_until:%Y-%m-%d}"

    def clean(self) -> None:
        errors = future_dates(self, ("renewed_on",))
        if (
            self.new_valid_until
            and self.old_valid_until
            and (self.new_valid_until <= self.old_valid_until)
        ):
            errors["new_valid_until"] = "新的有效期至须晚于原有效期至。"
        if errors:
            raise ValidationError(errors)


class AnnualReview(ScopedRecord):
    """One year's 审验 of a certificate. Made by the certificate's pass/fail actions."""

    certificate = models.ForeignKey(
        Certificate, verbose_name="证件", on_delete=models.CASCADE, related_name="reviews"
    )
    # Copied from the certificate so that indicators group by unit and role in one query.
    unit = unit_link("执法单位")
    role = models.CharField("人员类别", max_length=20, choices=OfficerRole.choices)
    year = models.PositiveSmallIntegerField("审验年度", db_index=True)
    reviewed_on = models.DateField("审验日期")
    passed = models.BooleanField("审验通过")
    training_hours = models.PositiveIntegerField("年度培训学时", default=0)
    reason = models.CharField("不通过原因", max_length=200, blank=True)


    class Meta:
        verbose_name = verbose_name_plural = "年度审验"
        ordering = ["-year", "id"]
        constraints = [unique("certificate", "year", name="enforcement_one_review_a_year")]

    def __str__(self) -> str:
        return f"{self.year}年度审验：{'通过' if self.passed else '不通过'}"

    def clean(self) -> None:
        errors = future_dates(self, ("reviewed_on",))
        if not self.passed and not self.reason.strip():
            errors["reason"] = "审验不通过请填写原因。"
        if errors:
            raise ValidationError(errors)
