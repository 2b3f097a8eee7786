"""Factories for tests: plain functions, no fixtures files (see CONTRIBUTING.md)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from fazhi.org.models import Person, Role, Unit, UnitKind, User

_seq = itertools.count(1)

# The project's shared docs beside the repository: the seed reports and their gold
# figures. Only the checks against the seeds (marker `seeds`) read them; a clone without
# the folder leaves those checks out and the run says so (conftest.py).
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "analyzer" / "gold"


def shared_present() -> bool:
    return SEEDS.is_dir() and GOLD.is_dir()

PASSWORD = "Fz-test-password-2024"  # noqa: S105 - test accounts only


def make_unit(name: str, kind: str = UnitKind.DEPARTMENT, parent: Unit | None = None, **extra: Any) -> Unit:
    code = extra.pop("code", f"U{next(_seq):05d}")
    return Unit.objects.create(name=name, kind=kind, parent=parent, code=code, **extra)


def make_user(username: str, unit: Unit | None, role: str = Role.LIAISON, **extra: Any) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, unit=unit, role=role, **extra)
    return user


def make_person(unit: Unit, name: str = "张三", **extra: Any) -> Person:
    return Person.objects.create(unit=unit, name=name, **extra)


def version_of(record: Any) -> int:
    """The record's current version, which every API write must carry (issue 17 item 8)."""
    return type(record)._default_manager.values_list("version", flat=True).get(pk=record.pk)
