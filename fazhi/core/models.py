"""Model behaviour every register shares, written once.

- `Versioned`: optimistic locking; `UniqueWithoutDisclosure`: a clash names no record.
- `EventDates` (`event_dates`): no date later than today, and the latest date for
  `Workflow.last_event_date`; `DatedRecord`: a plain record's `clean()` on top of it
  (the model adds `record_errors()`), with a `ScopedQuerySet` manager.
- `ScopedRecord`: a record with a `ScopedQuerySet` manager.
- `DetailPage` (`detail_url`), `MaskedApplicant` (张某某 in lists and exports),
  `InPostQuerySet.active(day)` for people and bodies in post; `InPost`: a person in post
  (a mediator, a 法律明白人), named 张某某, who cannot leave before being appointed.
- `OpenStates` (`open_states`): `is_open`, and `WorkflowQuerySet.open()` for lists.
- `optional_link(...)`: an optional link to a record of another kind; `unit_link(...)`:
  the unit a record belongs to (or names); `state_field(...)`: a workflow's state;
  `phone_field(...)`: a telephone number; `unique(...)`: one row per value of fields;
  `index_on(...)`: plain indexes.

Registration (`register(by=)`) and moves reserved to another unit live next to the
workflow, in `core.workflow` (`Registered`, `ReservedMoves`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse

from fazhi.core.validators import active_on, future_dates
from fazhi.org.models import Unit
from fazhi.org.scope import M, ScopedQuerySet
from fazhi.org.validators import mask_name, validate_phone


def optional_link(
    to: Any, verbose_name: str, *, on_delete: Any = models.PROTECT, related_name: str = "+",
    **options: Any,
) -> Any:
    """A link a record may have to a record of another kind (the lawsuit a request led to,
    the decision an opinion was given on): left empty on forms, NULL in the table."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=on_delete, related_name=related_name,
        null=True, blank=True, **options,
    )


def unit_link(verbose_name: str, *, related_name: str = "+", **options: Any) -> Any:
    """The unit a record belongs to or names (the unit, the respondent, the issuing body):
    a unit is never deleted while records name it."""
    return models.ForeignKey(
        Unit, verbose_name=verbose_name, on_delete=models.PROTECT, related_name=related_name,
        **options,
    )


def phone_field(verbose_name: str = "联系电话") -> Any:
    """A telephone number (landline or mobile, `validate_phone`), optional."""
    return models.CharField(verbose_name, max_length=20, blank=True, validators=[validate_phone])


def state_field(states: Any, default: str, **options: Any) -> Any:
    """A workflow's state (`states`: its `TextChoices`), which only `record.apply(...)` moves."""
    return models.CharField(
        "状态", max_length=20, choices=states.choices, default=default, **options
    )


def unique(*fields: str, name: str) -> models.UniqueConstraint:
    """At most one row for each value of `fields` together (a unit's year, a
    certificate's year, a decision's step)."""
    return models.UniqueConstraint(fields=list(fields), name=name)


def index_on(*fields: list[str]) -> list[models.Index]:
    """One index for each list of fields (named by Django, as `models.Index` is)."""
    return [models.Index(fields=f) for f in fields]


class ConcurrentEdit(ValidationError):
    """Someone else saved the record after this editor loaded it."""

    def __init__(self) -> None:
        super().__init__("该记录已被其他人修改，您的修改未保存。请刷新页面查看最新内容后重新操作。", code="concurrent_edit")


class Versioned(models.Model):
    """Optimistic locking: a save that started from a stale copy is refused.

    Forms and API calls carry the `version` they were loaded with; `save()` only
    writes when the row still has that version, so the second of two concurrent
    editors is told instead of silently overwriting the first.
    """

    version = models.PositiveIntegerField("版本", default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None:
            super().save(*args, **kwargs)
            return
        expected = self.version
        with transaction.atomic():
            bumped = type(self)._default_manager.filter(pk=self.pk, version=expected).update(version=expected + 1)
            if not bumped:
                raise ConcurrentEdit()
            self.version = expected + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            super().save(*args, **kwargs)

    def check_version(self, expected: int | None) -> None:
        if expected is not None and int(expected) != self.version:
            raise ConcurrentEdit()


class UniqueWithoutDisclosure(models.Model):
    """A value unique across all units (a court's case number, a certificate number) is
    refused without telling the user whose record holds it (issue 17 point 14).

    Django's "具有 案号 的 行政应诉案件 已存在。" confirmed another unit's case to anyone
    who guessed its number; the message below is the same whether the record is in the
    user's scope or not, and names neither the record nor its unit.
    """

    class Meta:
        abstract = True

    def unique_error_message(self, model_class: type[models.Model], unique_check: Sequence[str]) -> ValidationError:
        if len(unique_check) != 1:
            return super().unique_error_message(model_class, unique_check)
        field = model_class._meta.get_field(unique_check[0])
        label = field.verbose_name if isinstance(field, models.Field) else field.name
        return ValidationError(
            f"该{label}已被登记，不能重复登记。如需核实，请在本单位的列表中查找，或联系统筹协调员。",
            code="unique",
        )


class EventDates(models.Model):
    """A record whose date fields tell what happened, in order (`event_dates`).

    None of them may be later than today, and a workflow move may not predate the latest
    of them (`Workflow.last_event_date`): mix this in before `Workflow`.
    """

    event_dates: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    def future_date_errors(self, today: date | None = None) -> dict[str, str]:
        """`{field: message}` for each event date later than today, for `clean()`."""
        return future_dates(self, self.event_dates, today)

    def last_event_date(self) -> date | None:
        dates = [d for d in (getattr(self, n) for n in self.event_dates) if d is not None]
        return max(dates) if dates else None


class ScopedRecord(models.Model):
    """A record read through `org.scope`: its manager is a `ScopedQuerySet`
    (`visible_to`, `in_subtree` …) on the model's `scope_field`."""

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class DatedRecord(EventDates):
    """A plain record of what a unit did on a day (an activity, a visit, a letter).

    `clean()` refuses event dates later than today and adds the model's own
    `record_errors()` (a record's own message for a field replaces the date's).
    """

    # A record with its own queryset declares `objects: ClassVar[Any] = Its.as_manager()`
    # (the Django plugin types a model's manager as a class variable).
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors = self.future_date_errors() | self.record_errors()
        if errors:
            raise ValidationError(errors)

    def record_errors(self) -> dict[str, str]:
        return {}


class InPostQuerySet(ScopedQuerySet[M]):
    """Rows in post (in force) on a day: started by it and not yet ended (`in_post_fields`)."""

    in_post_fields: ClassVar[tuple[str, str]] = ("appointed_on", "left_on")

    def active(self, on: date) -> InPostQuerySet[M]:
        return self.filter(active_on(on, *self.in_post_fields))


class InPost(DatedRecord):
    """A person in post in a register (a mediator, a 法律明白人), from `appointed_on` (an
    event date) until `left_on`: found by name, named 张某某 in lists and in anything
    published, and refused when the leaving date is before the appointing one. The model
    declares `name` and the two dates under its own labels, which the message uses."""

    personal_name_fields: ClassVar[tuple[str, ...]] = ("name",)
    search_fields: ClassVar[tuple[str, ...]] = ("name",)  # the list's search box (core.search)
    event_dates = ("appointed_on",)
    name: str
    appointed_on: date | None
    left_on: date | None

    objects: ClassVar[Any] = InPostQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return mask_name(self.name)

    def record_errors(self) -> dict[str, str]:
        if self.appointed_on and self.left_on and self.left_on < self.appointed_on:
            label = {f.name: f.verbose_name for f in self._meta.fields}
            return {"left_on": f"{label['left_on']}不能早于{label['appointed_on']}。"}
        return {}


class DetailPage:
    """A record with a page of its own: `get_absolute_url()` is the URL named `detail_url`."""

    detail_url: ClassVar[str]
    pk: Any

    def get_absolute_url(self) -> str:
        return reverse(self.detail_url, args=[self.pk])


class OpenStates:
    """A workflow record is open (on the lists of work in hand) in one of `open_states`."""

    open_states: ClassVar[frozenset[str]]
    state_field: ClassVar[str]

    @property
    def is_open(self) -> bool:
        return getattr(self, self.state_field) in self.open_states


class WorkflowQuerySet(ScopedQuerySet[M]):
    """Records of an `OpenStates` model; `open()`: the ones still in hand."""

    def open(self) -> WorkflowQuerySet[M]:
        model: Any = self.model
        return self.filter(**{f"{model.state_field}__in": model.open_states})


class MaskedApplicant:
    """Lists and exports show an applicant who is a person as 张某某; an organisation's
    name is not personal data. The model names its two fields: `applicant_name` and
    `applicant_kind` unless it sets `masked_name_field` / `masked_kind_field` (an
    enforcement case's party is `party_name` / `party_kind`)."""

    PERSON_KIND: ClassVar[str] = "person"
    masked_name_field: ClassVar[str] = "applicant_name"
    masked_kind_field: ClassVar[str] = "applicant_kind"

    @property
    def masked_applicant(self) -> str:
        name: str = getattr(self, self.masked_name_field)
        if getattr(self, self.masked_kind_field) == self.PERSON_KIND:
            return mask_name(name)
        return name


# round 2 (h11)


def save_pending(record: Any, *names: str) -> None:
    """Save the child rows a move's `on_<action>` hook built and kept on the record under
    `names` (an annual review, an urging …): they wait until `apply()` has saved the
    record itself, then are validated, saved and forgotten, in the move's transaction."""
    for name in names:
        child = getattr(record, name, None)
        if child is not None:
            child.full_clean()
            child.save()
            setattr(record, name, None)
