"""Where the registers keep the names of people, declared on each model.

A model whose records name citizens or parties declares the fields:

    class Application(Workflow):
        personal_name_fields = ("applicant_name",)

Anything published (the annual report) replaces every such name found in the unit's
subtree by surname + 某某 (个人信息保护法 第6条; 政府信息公开条例 第15条), and a drafter
may copy any of them into the text. The anonymiser collects the declarations by walking
the installed models, so a new register is covered by declaring its fields, and
fazhi/core/tests/test_privacy.py fails for a model with a name field left undeclared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.apps import apps


def personal_name_fields() -> Iterator[tuple[type[Any], str]]:
    """(model, field name) for every declared name field of the installed models."""

    for model in apps.get_models():
        for field in getattr(model, "personal_name_fields", ()):
            model._meta.get_field(field)  # a misspelt declaration fails loudly
            yield model, field
