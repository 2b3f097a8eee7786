"""Model behaviour every register shares."""

from __future__ import annotations

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
