"""Form helpers every register's screens share."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


def add_errors(form: Any, exc: ValidationError) -> None:
    """Put a model's ValidationError on the form: each message on its field when the
    form has that field, else at the top of the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
