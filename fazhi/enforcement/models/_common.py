"""What the enforcement models share: the future-date check."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


def _future_errors(obj: models.Model, names: tuple[str, ...]) -> dict[str, str]:
    today = timezone.localdate()
    errors = {}
    for name in names:
        value = getattr(obj, name)
        if value is not None and value > today:
            label = getattr(obj._meta.get_field(name), "verbose_name", name)
            errors[name] = f"{label}{value:%Y-%m-%d}晚于今天，不能登记未来的日期。"
    return errors
