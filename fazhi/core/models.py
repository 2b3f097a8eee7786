"""Model behaviour every register shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction


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
