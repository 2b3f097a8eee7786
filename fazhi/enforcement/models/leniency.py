"""Published rules that apply below the publisher, and the leniency lists (包容审慎清单)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Min, Q

from fazhi.audit.trail import audit_context
from fazhi.core.models import DetailPage, unit_link
from fazhi.core.records import record_meta
from fazhi.core.validators import future_dates
from fazhi.enforcement.rules import (
    LeniencyKind,
)
from fazhi.org.models import Unit
from fazhi.org.scope import ScopedQuerySet, can_write_unit


def applying_paths(unit: Unit) -> list[str]:
    """The paths of a unit and its superiors: their published rules apply to it."""
    return [u.path for u in unit.ancestors()] + [unit.path]


class PublishedRulesQuerySet(ScopedQuerySet[Any]):
    """Leniency lists and scoring sheets: published rules, so a unit reads its own
    subtree's and also its superiors' (they apply to it); it writes only its subtree's."""

    def applying_to(self, unit: Unit) -> PublishedRulesQuerySet:
        return self.filter(unit__path__in=applying_paths(unit))

    def around(self, unit: Unit) -> PublishedRulesQuerySet:
        """What a unit's screens list: the rules that apply to it (its own and its
        superiors') and those published below it."""
        return self.filter(
            Q(unit__path__in=applying_paths(unit)) | Q(unit__path__startswith=unit.path)
        )

    def readable_by(self, user: Any) -> PublishedRulesQuerySet:
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        if not user.can_read_records or user.unit_id is None:
            return self.none()
        return self.filter(
            Q(unit__path__startswith=user.unit.path) | Q(unit__path__in=applying_paths(user.unit))
        )


def _text(row: dict[str, Any], name: str) -> str:
    return str(row.get(name) or "").strip()


class LeniencyList(DetailPage, models.Model):
    """A unit's published 包容审慎 list (首违不罚 / 轻微不罚 / 无主观过错不罚)."""

    detail_url = "enforcement:leniency_list"

    unit = unit_link("制定单位", related_name="leniency_lists")
    kind = models.CharField("清单类别", max_length=20, choices=LeniencyKind.choices)
    title = models.CharField("清单名称", max_length=200)
    document_number = models.CharField("文号", max_length=50, blank=True)
    published_on = models.DateField("公布日期")

    objects = PublishedRulesQuerySet.as_manager()

    Meta = record_meta("包容审慎清单", ordering=["unit__path", "-published_on"])

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = future_dates(self, ("published_on",))
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
            item = (existing.get(pk) if pk is not None else None) or LeniencyItem()
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
            # The earliest decision under this list (its cases, through the items).
            first = LeniencyItem.objects.filter(
                leniency_list=instance, cases__decided_on__isnull=False
            ).aggregate(first=Min("cases__decided_on"))["first"]
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
    unit = unit_link("制定单位", editable=False)
    violation = models.CharField("违法行为", max_length=300)
    legal_basis = models.CharField("法律依据", max_length=300)
    conditions = models.CharField(
        "适用条件", max_length=300, help_text="如 首次违法、危害后果轻微并及时改正"
    )

    Meta = record_meta("清单事项", ordering=["leniency_list_id", "id"])

    def __str__(self) -> str:
        return f"{self.leniency_list.get_kind_display()}：{self.violation}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.unit_id = self.leniency_list.unit_id
        super().save(*args, **kwargs)
