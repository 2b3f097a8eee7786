"""The API registers call to run statutory deadlines on their records.

Every function takes the register's record and a period code of Appendix A
(statutes.md), works inside one transaction, and leaves the stored due date
recomputed. Dates are passed explicitly (`start=`, `on=`): nothing here reads the
clock. Errors are `ValidationError`s with Chinese messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction

from fazhi.audit.trail import audit_context
from fazhi.deadlines import arithmetic as ar
from fazhi.deadlines.models import (
    Deadline,
    DeadlineExtension,
    DeadlinePause,
    DeadlineQuerySet,
    Period,
    Status,
)
from fazhi.org.scope import unit_of
from fazhi.workdays.calendar import WorkCalendar
from fazhi.workdays.services import get_calendar


def get_period(code: str, on: dt.date | None = None) -> Period:
    """The period `code` in the law version in force on `on` (default: the current one).

    Raises ValidationError when the code is unknown, or when no version of it was in
    force on `on` (e.g. 简易程序 before 2024-01-01, 行政复议法 第90条).
    """
    versions = list(Period.objects.filter(code=code).order_by("effective_from"))
    if not versions:
        raise ValidationError(f"法定期限代码“{code}”不存在，请在基础数据中检查。")
    if on is None:
        current = [p for p in versions if p.effective_until is None]
        return (current or versions)[-1]
    in_force = [p for p in versions if p.in_force_on(on)]
    if in_force:
        return in_force[-1]
    first = versions[0]
    if first.effective_from and on < first.effective_from and not _replaced_law(first):
        # No older version is recorded: the earliest one is used, and the
        # explanation shows its effective date next to the case's date.
        return first
    when = (
        f"自 {first.effective_from.isoformat()} 起才施行"
        if first.effective_from and on < first.effective_from
        else "已失效"
    )
    raise ValidationError(
        f"“{first.name}”（{first.basis}）{when}，{on.isoformat()} 的案件不适用该期限。"
    )


def _replaced_law(period: Period) -> bool:
    """True when this period came with a revision that replaced an older law version.

    Periods of the same register (code prefix) whose older version ended the day
    before this one took effect mark a revision; a period of the new text with no
    older row of its own did not exist before (e.g. 复议 简易程序 before 2024-01-01).
    """
    if period.effective_from is None:
        return False
    prefix = period.code.split("_", 1)[0] + "_"
    return Period.objects.filter(
        code__startswith=prefix, effective_until=period.effective_from - dt.timedelta(days=1)
    ).exists()


def period_in_force(code: str, on: dt.date) -> Period | None:
    """Like get_period, but None when the period did not exist on `on`."""
    try:
        return get_period(code, on)
    except ValidationError:
        return None


def law_date_of(record: models.Model, default: dt.date) -> dt.date:
    """The day whose law a record's periods follow: its `period_law_date`, else `default`."""
    value = getattr(record, "period_law_date", None)
    return value if isinstance(value, dt.date) else default


def _check_date(value: Any, label: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(f"{label}：请填写日期。")
    return value


def _open(record: models.Model, period_code: str, *, lock: bool = True) -> Deadline | None:
    qs = Deadline.objects.for_record(record).open().filter(period__code=period_code)
    if lock:
        qs = qs.select_for_update()
    return qs.select_related("period").first()


def _require_open(record: models.Model, period_code: str) -> Deadline:
    deadline = _open(record, period_code)
    if deadline is None:
        get_period(period_code)
        raise ValidationError(f"该记录没有进行中的“{period_code}”期限。")
    return deadline


def _save_computed(deadline: Deadline) -> Deadline:
    try:
        deadline.recompute(get_calendar())
    except ar.PeriodError as exc:
        raise ValidationError(str(exc)) from exc
    deadline.save()
    return deadline


def _record_url(record: models.Model) -> str:
    get_url = getattr(record, "get_absolute_url", None)
    if get_url is None:
        return ""
    try:
        return str(get_url())
    except Exception:  # noqa: BLE001 - a record without a detail page yet
        return ""


def open_deadline(
    record: models.Model,
    period_code: str,
    *,
    start: dt.date,
    title: str,
    unit: Any = None,
    responsible: Any = None,
    url: str = "",
    law_on: dt.date | None = None,
    restart: bool = False,
) -> Deadline:
    """Start (or restart) the period for this record; idempotent per (record, period).

    The period is taken in the law version in force on `law_on` (default: the
    record's `period_law_date`, else `start`). An open deadline for the same record
    and period is updated in place (new start date, title, unit, …) and recomputed,
    keeping its pauses and extensions — unless `restart`, which drops them: the
    period runs afresh from `start` (e.g. 复议法 第31条第3款 after 补正).
    """
    _check_date(start, "起算日")
    law_date = law_on or law_date_of(record, start)
    _check_date(law_date, "法律适用日")
    period = get_period(period_code, law_date)
    if not period.active:
        raise ValidationError(f"法定期限“{period.name}”已停用。")
    if unit is None:
        unit = unit_of(record)
    with transaction.atomic(), audit_context(verb="开始计算期限"):
        deadline = _open(record, period_code)
        if deadline is None:
            deadline = Deadline(record=record, period=period)
        elif restart:
            deadline.pauses.all().delete()
            deadline.extensions.all().delete()
        deadline.period = period
        deadline.law_date = law_date
        deadline.start_date = start
        deadline.title = (title or str(record))[:200]
        deadline.unit = unit
        deadline.responsible = responsible
        deadline.url = url or _record_url(record)
        return _save_computed(deadline)


def meet_deadline(record: models.Model, period_code: str, *, on: dt.date) -> Deadline | None:
    """The act was done on `on`: close the open deadline and store whether on time.

    Returns None when no deadline of that period is open for the record.
    """
    _check_date(on, "完成日")
    with transaction.atomic(), audit_context(verb="期限完成"):
        deadline = _open(record, period_code)
        if deadline is None:
            return None
        if on < deadline.start_date and deadline.period.direction == ar.AFTER:
            raise ValidationError(
                f"完成日 {on.isoformat()} 早于起算日 {deadline.start_date.isoformat()}。"
            )
        deadline.status = Status.MET
        deadline.met_on = on
        deadline.on_time = on <= deadline.due_date
        deadline.save()
        return deadline


def cancel_deadline(
    record: models.Model, period_code: str, *, on: dt.date, reason: str = ""
) -> Deadline | None:
    """The period no longer runs (case withdrawn, terminated, …). None when none is open."""
    _check_date(on, "取消日")
    with transaction.atomic(), audit_context(verb="期限取消", note=reason):
        deadline = _open(record, period_code)
        if deadline is None:
            return None
        deadline.status = Status.CANCELLED
        deadline.cancelled_on = on
        deadline.cancel_reason = reason[:200]
        deadline.save()
        return deadline


def pause_deadline(
    record: models.Model, period_code: str, *, start: dt.date, reason: str = ""
) -> Deadline:
    """Stop the clock from `start` (e.g. 行政复议 中止, 第39条; GIS third-party consultation)."""
    _check_date(start, "暂停开始日")
    with transaction.atomic(), audit_context(verb="期限暂停", note=reason):
        deadline = _require_open(record, period_code)
        if deadline.period.direction == ar.BEFORE:
            raise ValidationError("事件日之前的期限不能暂停。")
        if deadline.paused_since is not None:
            raise ValidationError(
                f"该期限自 {deadline.paused_since.isoformat()} 起已暂停，请先恢复计算。"
            )
        if start > deadline.due_date:
            # 行政复议法 第39条 (and every pause of a period) stops a running clock; an
            # expired period stays expired, and stays on the overdue list.
            raise ValidationError(
                f"暂停开始日 {start.isoformat()} 晚于期限届满日 {deadline.due_date.isoformat()}："
                "期限已经届满，不能再中止或暂停计算（中止只适用于进行中的期限，行政复议法第39条）。"
            )
        if start < deadline.start_date:
            raise ValidationError(
                f"暂停开始日 {start.isoformat()} 早于起算日 {deadline.start_date.isoformat()}。"
            )
        last = deadline.pauses.order_by("-resumed_on").first()
        if last is not None and last.resumed_on and start < last.resumed_on:
            raise ValidationError(
                f"暂停开始日 {start.isoformat()} 早于上次恢复计算日 {last.resumed_on.isoformat()}。"
            )
        DeadlinePause.objects.create(deadline=deadline, start=start, reason=reason[:200])
        return _save_computed(deadline)


def resume_deadline(record: models.Model, period_code: str, *, on: dt.date) -> Deadline:
    """Run the clock again from `on` (the pause leaves start…on-1 uncounted)."""
    _check_date(on, "恢复计算日")
    with transaction.atomic(), audit_context(verb="期限恢复计算"):
        deadline = _require_open(record, period_code)
        pause = deadline.pauses.filter(resumed_on__isnull=True).first()
        if pause is None:
            raise ValidationError("该期限没有暂停，无需恢复。")
        if on < pause.start:
            raise ValidationError(
                f"恢复计算日 {on.isoformat()} 早于暂停开始日 {pause.start.isoformat()}。"
            )
        pause.resumed_on = on
        pause.save()
        return _save_computed(deadline)


def extend_deadline(
    record: models.Model,
    period_code: str,
    *,
    on: dt.date,
    reason: str = "",
    approved_by: str = "",
    length: int | None = None,
) -> Deadline:
    """Extend by `length` (default: the period's extension) as approved on `on`.

    Refused when the period allows no extension, when it was already extended the
    allowed number of times, when `length` exceeds the statutory maximum, or when
    the deadline had already passed on `on`.
    """
    _check_date(on, "批准日")
    with transaction.atomic(), audit_context(verb="期限延长", note=reason):
        deadline = _require_open(record, period_code)
        period = deadline.period
        if not period.max_extensions:
            raise ValidationError(f"“{period.name}”依法不得延长（{period.basis}）。")
        done = deadline.extensions.count()
        if done >= period.max_extensions:
            raise ValidationError(
                f"“{period.name}”最多延长 {period.max_extensions} 次，已经延长过。"
            )
        mode = period.extension_mode or period.mode
        if length is None:
            length = period.extension_length
        if length is None:
            raise ValidationError(
                f"请填写延长期限（{ar.MODE_LABELS[mode]}）：{period.basis}未规定延长上限，按批准的期限延长。"
            )
        if isinstance(length, bool) or not isinstance(length, int) or length <= 0:
            raise ValidationError("延长期限应为正整数。")
        if period.extension_length is not None and length > period.extension_length:
            what = f"自{period.start_event}起" if period.extension_from_start else ""
            raise ValidationError(
                f"延长期限最多{what} {period.extension_length} {ar.MODE_LABELS[mode]}（{period.basis}）。"
            )
        if period.extension_from_start and mode == period.mode and length <= period.length:
            raise ValidationError(
                f"延长后的期限应长于原期限 {period.length} {ar.MODE_LABELS[mode]}（自{period.start_event}起计算）。"
            )
        if on > deadline.due_date:
            raise ValidationError(f"期限已于 {deadline.due_date.isoformat()} 届满，不能再延长。")
        if on < deadline.start_date:
            raise ValidationError(
                f"批准日 {on.isoformat()} 早于起算日 {deadline.start_date.isoformat()}。"
            )
        DeadlineExtension.objects.create(
            deadline=deadline,
            on=on,
            length=length,
            mode=mode,
            reason=reason[:200],
            approved_by=approved_by[:100],
        )
        return _save_computed(deadline)


def deadlines_for(record: models.Model) -> DeadlineQuerySet:
    """Every deadline of this record, open and closed, earliest due first."""
    return Deadline.objects.for_record(record).select_related("period").order_by("due_date", "id")


class DueDates:
    """Due dates of period codes counted from start dates, without pauses or extensions
    (records registered after the fact, e.g. a bulk import of past cases), on the
    current calendar and the current version of each period row.

    The calendar and each period row are read once for the life of this object (one
    import), never for the life of the process: the next import, or the next call of
    `due_date`, sees an administrator's change to a period or a holiday notice."""

    def __init__(self, calendar: WorkCalendar | None = None) -> None:
        self.calendar = calendar or get_calendar()
        self._periods: dict[str, Period] = {}

    def __call__(self, period_code: str, start: dt.date) -> dt.date:
        period = self._periods.get(period_code)
        if period is None:
            period = self._periods[period_code] = get_period(period_code)
        try:
            return ar.compute_due(
                start,
                period.length,
                period.mode,
                self.calendar,
                direction=period.direction,
                fixed_month_day=period.fixed_month_day,
                first_day_counts=period.first_day_counts,
            ).due
        except ar.PeriodError as exc:
            raise ValidationError(str(exc)) from exc


def due_date(period_code: str, start: dt.date, calendar: WorkCalendar | None = None) -> dt.date:
    """The due date of `period_code` counted from `start` (see `DueDates`)."""
    return DueDates(calendar)(period_code, start)


def open_deadlines_of(model: type[models.Model], period_code: str) -> dict[Any, Deadline]:
    """The open deadlines of `period_code` on records of `model`, by the record's primary
    key (e.g. every running renewal reminder of the certificates, for a daily refresh)."""
    pk = model._meta.pk
    assert pk is not None
    qs = deadlines_of(model).open().filter(period__code=period_code)
    return {pk.to_python(d.object_id): d for d in qs.select_related("period")}


def deadlines_of(model: type[models.Model]) -> DeadlineQuerySet:
    """Every deadline of every record of `model` (the registers' due lists start here)."""
    ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Deadline.objects.filter(content_type=ct)


def deadlines_of_app(app_label: str) -> DeadlineQuerySet:
    """Every deadline of the records of one register (an app), open and closed."""
    return Deadline.objects.filter(content_type__app_label=app_label)


def overdue_ids(model: type[models.Model], today: dt.date) -> set[int]:
    """The ids of `model`'s records with a running deadline past its due date today."""
    # object_id is text in the deadlines table: compare in Python, not across types in SQL.
    ids = deadlines_of(model).overdue(today).values_list("object_id", flat=True)
    return {int(x) for x in ids if str(x).isdigit()}


def deadlines_by_record(
    records: Sequence[models.Model], period_code: str = ""
) -> dict[int, Deadline]:
    """Each record's deadline (of `period_code` when given; the latest opened when a
    record has several), by the record's id; records without one are absent. One query."""
    if not records:
        return {}
    qs = deadlines_of(type(records[0])).filter(object_id__in=[str(r.pk) for r in records])
    if period_code:
        qs = qs.filter(period__code=period_code)
    found = {d.object_id: d for d in qs.select_related("period").order_by("id")}
    return {r.pk: found[str(r.pk)] for r in records if str(r.pk) in found}


def lights_for(
    records: Sequence[models.Model], today: dt.date, period_code: str = ""
) -> dict[int, str]:
    """Each record's deadline light today (see `deadlines_by_record`), by record id."""
    return {pk: d.light(today) for pk, d in deadlines_by_record(records, period_code).items()}


def recompute_open_deadlines(years: set[int] | frozenset[int] | None = None) -> int:
    """Recompute open deadlines (those touching `years`, or all); returns how many changed.

    Called inside the transaction that saved or deleted a holiday notice.
    """
    calendar = get_calendar()
    qs = Deadline.objects.open().select_related("period").prefetch_related("pauses", "extensions")
    if years is not None:
        qs = qs.touching_years(years)
    changed = 0
    with transaction.atomic(), audit_context(verb="节假日安排变更，重新计算期限"):
        for deadline in qs.select_for_update(of=("self",)) if _supports_of() else qs:
            if deadline.recompute(calendar):
                deadline.save(
                    update_fields=["due_date", "provisional", "paused_since", "updated_at"]
                )
                changed += 1
    return changed


def _supports_of() -> bool:
    return bool(connection.features.has_select_for_update_of)
