"""Units, people and user accounts: who a record belongs to and who may see it."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Left, Substr
from django.db.models.lookups import In

from fazhi.org.validators import (
    mask_id_number,
    mask_name,
    mask_phone,
    validate_id_number,
    validate_phone,
    validate_uscc,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

# Each path segment is the unit's primary key, zero-padded to a fixed width, so that a
# subtree is one prefix match and "the county above a record" is one Substr().
PATH_WIDTH = 8
PATH_SEGMENT = PATH_WIDTH + 1  # digits and the trailing dot


def outermost_paths(paths: Iterable[str]) -> list[str]:
    """The paths not inside another of them: the roots of the subtrees they cover."""
    ordered = sorted(set(paths))
    return [p for i, p in enumerate(ordered) if not any(p.startswith(q) for q in ordered[:i])]


def in_subtrees(roots: list[str]) -> Q:
    """Units in any of the subtrees: a path LIKE for one root (the path index serves it);
    for many, the paths' first characters IN the roots, one hashed list per root length,
    rather than a LIKE per root on every unit (a province's hundred counties)."""
    if len(roots) == 1:
        return Q(path__startswith=roots[0])
    by_length: dict[int, list[str]] = {}
    for root in roots:
        by_length.setdefault(len(root), []).append(root)
    return reduce(operator.or_, [Q(In(Left("path", n), same)) for n, same in sorted(by_length.items())])


class UnitKind(models.TextChoices):
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级政府"
    DEPARTMENT = "department", "部门"
    TOWNSHIP = "township", "乡镇（街道）"
    VILLAGE = "village", "村（社区）"
    OTHER = "other", "其他"


class UnitQuerySet(models.QuerySet["Unit"]):
    def subtree_of(self, unit: Unit) -> UnitQuerySet:
        return self.filter(path__startswith=unit.path)

    def active(self) -> UnitQuerySet:
        return self.filter(active=True)

    def resolve(self, name_or_code: str) -> Unit:
        """The unit with this code, full name or short name; raises Unit.DoesNotExist."""
        key = name_or_code.strip()
        matches = list(self.filter(Q(code=key) | Q(name=key) | Q(short_name=key))[:2])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise Unit.DoesNotExist(f"未找到单位“{key}”（可用单位全称、简称或代码）。")
        raise Unit.MultipleObjectsReturned(f"“{key}”对应多个单位，请改用单位代码。")


class Unit(models.Model):
    name = models.CharField("单位全称", max_length=100)
    short_name = models.CharField("简称", max_length=50, blank=True)
    code = models.CharField(
        "单位代码", max_length=30, unique=True, help_text="本系统内的短代码，如 QS-SFJ。"
    )
    kind = models.CharField("单位类型", max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    uscc = models.CharField(
        "统一社会信用代码", max_length=18, blank=True, validators=[validate_uscc]
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    sort_order = models.PositiveIntegerField("排序", default=0)
    active = models.BooleanField("在用", default=True)

    objects = UnitQuerySet.as_manager()
    scope_field = ""  # a unit is itself the scope

    class Meta:
        verbose_name = verbose_name_plural = "单位"
        ordering = ["path"]
        indexes = [models.Index(fields=["kind", "path"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            if self.pk is None:
                super().save(*args, **kwargs)
                self._set_path()
                Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
                return
            old_path = Unit.objects.filter(pk=self.pk).values_list("path", flat=True).first() or ""
            self.previous_path = old_path  # post_save receivers see where a moved unit was
            self._set_path()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "path", "depth"}
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                # Re-root the whole subtree in one statement.
                Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(self.path), Substr("path", len(old_path) + 1)),
                    depth=F("depth") + (len(self.path) - len(old_path)) // PATH_SEGMENT,
                )

    def clean(self) -> None:
        if self.uscc:
            self.uscc = self.uscc.strip().upper()
        if self.pk and self.parent_id:
            parent_path = Unit.objects.filter(pk=self.parent_id).values_list("path", flat=True).first()
            own_path = Unit.objects.filter(pk=self.pk).values_list("path", flat=True).first()
            if parent_path and own_path and parent_path.startswith(own_path):
                raise ValidationError({"parent": "上级单位不能是本单位或其下级单位。"})

    def _set_path(self) -> None:
        prefix = ""
        if self.parent_id:
            prefix = Unit.objects.filter(pk=self.parent_id).values_list("path", flat=True).get()
        self.path = f"{prefix}{self.pk:0{PATH_WIDTH}d}."
        self.depth = len(self.path) // PATH_SEGMENT - 1

    def subtree(self) -> UnitQuerySet:
        return Unit.objects.subtree_of(self)

    def ancestors(self) -> UnitQuerySet:
        ids = [int(seg) for seg in self.path.split(".") if seg]
        return Unit.objects.filter(pk__in=ids).order_by("depth")

    def contains(self, other: Unit) -> bool:
        return other.path.startswith(self.path)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class MaskedContact:
    """A person's name and phone as lists and exports show them (张某某, 138****5678)."""

    name: str
    phone: str

    @property
    def masked_name(self) -> str:
        return mask_name(self.name)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


class Person(MaskedContact, models.Model):
    """A person the records name: staff, leaders, officers, advisers."""

    unit = models.ForeignKey(Unit, verbose_name="所在单位", on_delete=models.PROTECT, related_name="people")
    name = models.CharField("姓名", max_length=50)
    position = models.CharField("职务", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True, validators=[validate_phone])
    id_number = models.CharField(
        "公民身份号码", max_length=18, blank=True, validators=[validate_id_number]
    )
    is_principal = models.BooleanField("单位负责人", default=False, help_text="可作为负责人出庭应诉等。")

    class Meta:
        verbose_name = verbose_name_plural = "人员"
        ordering = ["unit__path", "name"]

    def __str__(self) -> str:
        return f"{self.masked_name}（{self.position}）" if self.position else self.masked_name

    def clean(self) -> None:
        self.id_number = self.id_number.strip().upper()

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "统筹协调（司法局/依法治县办）"
    LIAISON = "liaison", "联络员"
    LEADER = "leader", "领导"
    AUDITOR = "auditor", "审计员"


# What each role may do within its unit's subtree.
READ_ROLES = frozenset({Role.COORDINATOR, Role.LIAISON, Role.LEADER})
WRITE_ROLES = frozenset({Role.COORDINATOR, Role.LIAISON})
AUDIT_ROLES = frozenset({Role.AUDITOR, Role.COORDINATOR})
SWITCH_UNIT_ROLES = frozenset({Role.COORDINATOR, Role.LEADER})


class User(AbstractUser):
    unit = models.ForeignKey(
        Unit, verbose_name="所属单位", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.LIAISON)
    full_name = models.CharField("姓名", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True, validators=[validate_phone])
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        super().clean()
        if not self.is_superuser and self.unit_id is None:
            raise ValidationError({"unit": "非系统管理员账号必须属于一个单位。"})

    @property
    def needs_second_factor(self) -> bool:
        """Coordinators and administrators sign in with a TOTP code too (等保三级 d)."""
        return self.is_superuser or self.is_staff or self.role == Role.COORDINATOR

    @property
    def can_read_records(self) -> bool:
        return self.is_superuser or self.role in READ_ROLES

    @property
    def can_write_records(self) -> bool:
        return self.is_superuser or self.role in WRITE_ROLES

    @property
    def can_read_audit(self) -> bool:
        return self.is_superuser or self.role in AUDIT_ROLES


class PasswordHistory(models.Model):
    """Hashes of a user's recent passwords, so an old one is not chosen again."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.created_at:%Y-%m-%d}"


def units_named(names: Iterable[str]) -> dict[str, Unit]:
    return {u.name: u for u in Unit.objects.filter(name__in=list(names))}
