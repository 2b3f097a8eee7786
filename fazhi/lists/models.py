"""The lists (权责清单 · 行政许可事项清单 · 政务服务事项) and their adjustments.

An item is never edited in place: every change is an `ListAdjustment` written by
`services.apply_adjustment`, which changes the item and records the change (date,
reason, 文号, the item before and after) in one transaction. Each adjustment is also
the item's *version* from its date until the next adjustment (`superseded_on`), so the
lists as they stood on any day — and the counts by unit and kind at any year end — come
from the adjustments alone, even after an item moved to another unit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.core.models import DetailPage, index_on, optional_link, unit_link
from fazhi.core.records import newest_first
from fazhi.lists.rules import (
    IN_FORCE_AFTER,
    ITEM_FIELDS,
    Action,
    ListKind,
    PowerType,
    ServiceKind,
    kind_errors,
)
from fazhi.org.scope import ScopedQuerySet


def in_force_q(day: date, start: str = "in_force_from", end: str = "in_force_until") -> Q:
    """In force on `day`: started on or before it and not ended by it."""
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day}))


class ItemQuerySet(ScopedQuerySet["ListItem"]):
    def in_force(self, on: date) -> ItemQuerySet:
        return self.filter(in_force_q(on))

    def of_kind(self, kind: str) -> ItemQuerySet:
        return self.filter(list_kind=kind)


class ListItem(DetailPage, models.Model):
    detail_url = "lists:detail"
    search_fields = ("code", "name")  # what the list's search box matches (core.search)
    unit = unit_link("实施单位")
    list_kind = models.CharField("清单类别", max_length=10, choices=ListKind.choices)
    code = models.CharField("事项编码", max_length=60)
    name = models.CharField("事项名称", max_length=200)
    power_type = models.CharField("权力类型", max_length=20, choices=PowerType.choices, blank=True)
    service_kind = models.CharField(
        "服务类型", max_length=20, choices=ServiceKind.choices, blank=True
    )
    legal_basis = models.CharField(
        "设定依据",
        max_length=500,
        help_text="法律、法规、规章名称，如：《中华人民共和国行政许可法》",
    )
    basis_articles = models.TextField("依据条款", blank=True, help_text="条款序号及内容")
    in_force_from = models.DateField("生效日期")
    in_force_until = models.DateField("取消日期", null=True, blank=True, editable=False)
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "清单事项"
        ordering = ["list_kind", "unit__path", "code", "id"]
        indexes = index_on(["unit", "list_kind"], ["list_kind", "code"])
        constraints = [
            # Checked with a message naming the code in clean(); this is the guard.
            models.UniqueConstraint(
                fields=["unit", "list_kind", "code"],
                condition=Q(in_force_until__isnull=True),
                name="lists_item_code_unique_in_force",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_in_force(self) -> bool:
        return self.in_force_until is None

    @property
    def type_display(self) -> str:
        if self.list_kind == ListKind.POWER:
            return self.get_power_type_display()
        if self.list_kind == ListKind.SERVICE:
            return self.get_service_kind_display()
        return PowerType.PERMIT.label

    def snapshot(self) -> dict[str, Any]:
        """The attributes an adjustment may change, as stored in its before/after."""
        data: dict[str, Any] = {f: getattr(self, f) for f in ITEM_FIELDS if f != "unit"}
        data["unit"] = self.unit_id
        data["unit_name"] = self.unit.name if self.unit_id else ""
        data["list_kind"] = self.list_kind
        return data

    def state_on(self, day: date) -> dict[str, Any] | None:
        """The item as it stood on `day` (its snapshot), None when not in force that day."""
        adj = self.adjustments.filter(adjusted_on__lte=day).order_by("-adjusted_on", "-id").first()
        if adj is None or adj.action not in IN_FORCE_AFTER:
            return None
        return adj.after

    def clean(self) -> None:
        errors = kind_errors(self.list_kind, self.power_type, self.service_kind)
        if self.unit_id and self.list_kind and self.code and self.in_force_until is None:
            clash = ListItem.objects.filter(
                unit_id=self.unit_id,
                list_kind=self.list_kind,
                code=self.code,
                in_force_until__isnull=True,
            ).exclude(pk=self.pk)
            if clash.exists():
                errors["code"] = (
                    f"事项编码“{self.code}”在{self.unit.name}的{self.get_list_kind_display()}"
                    "中已有在册事项，不能重复。"
                )
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Any = None) -> None:
        # The in-force code uniqueness is checked in clean(), with a message naming it.
        super().validate_constraints(exclude={*(exclude or ()), "code"})


class ListAdjustmentQuerySet(ScopedQuerySet["ListAdjustment"]):
    def in_force(self, on: date) -> ListAdjustmentQuerySet:
        """The item versions in force on `on`: one per item in the lists that day."""
        return self.filter(action__in=IN_FORCE_AFTER).filter(
            in_force_q(on, "adjusted_on", "superseded_on")
        )


class ListAdjustment(models.Model):
    """One change of one item (调整) — and the item's version until the next change.

    `unit`, `list_kind`, `power_type` and `service_kind` are the item's after the change
    (before it, for a removal), so that counts by unit and kind at any date need no
    replay. Written only by `services.apply_adjustment` and `services.establish_many`.
    """

    search_fields = ("document_number",)  # what the list's search box matches (core.search)
    item = models.ForeignKey(
        ListItem, verbose_name="事项", on_delete=models.PROTECT, related_name="adjustments"
    )
    unit = unit_link("实施单位")
    list_kind = models.CharField("清单类别", max_length=10, choices=ListKind.choices)
    power_type = models.CharField("权力类型", max_length=20, choices=PowerType.choices, blank=True)
    service_kind = models.CharField(
        "服务类型", max_length=20, choices=ServiceKind.choices, blank=True
    )
    action = models.CharField("调整方式", max_length=10, choices=Action.choices)
    adjusted_on = models.DateField("调整日期")
    reason = models.CharField("调整原因", max_length=500, blank=True)
    document_number = models.CharField("文号", max_length=100, blank=True)
    before = models.JSONField("调整前", null=True, blank=True)
    after = models.JSONField("调整后", null=True, blank=True)
    superseded_on = models.DateField("被后续调整取代日期", null=True, blank=True)
    recorded_by = optional_link(settings.AUTH_USER_MODEL, "登记人", on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ListAdjustmentQuerySet.as_manager()

    Meta = newest_first(
        "清单调整",
        "adjusted_on",
        indexes=index_on(
            ["unit", "adjusted_on"], ["list_kind", "adjusted_on"], ["item", "adjusted_on"]
        ),
    )

    def __str__(self) -> str:
        code = (self.after or self.before or {}).get("code", "")
        return f"{self.adjusted_on:%Y-%m-%d} {self.get_action_display()} {code}"

    def get_absolute_url(self) -> str:
        return reverse("lists:detail", args=[self.item_id])

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(label, before, after) of each attribute that this adjustment changed."""
        before, after = self.before or {}, self.after or {}
        labels = {f.name: f.verbose_name for f in ListItem._meta.fields}
        out = []
        for f in ITEM_FIELDS:
            key = "unit_name" if f == "unit" else f
            if before.get(key) != after.get(key):
                out.append((labels[f], _label(f, before.get(key)), _label(f, after.get(key))))
        return out


def _label(field: str, value: Any) -> Any:
    if field == "power_type" and value:
        return PowerType(value).label
    if field == "service_kind" and value:
        return ServiceKind(value).label
    return value if value not in (None, "") else "—"
