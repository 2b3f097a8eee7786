"""Every register declares where it keeps the names of people (core.privacy), so the
annual report's anonymisation cannot forget a register."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from fazhi.core.privacy import personal_name_fields
from fazhi.counsel.models import Counsel

# Name fields that are not a record's citizen or party: user accounts, and org.Person,
# which the anonymiser reads as a whole (reports.annual.known_names).
NOT_RECORDS = {"org.User", "org.Person"}
NOT_NAMES = {"short_name", "file_name"}


def name_like_fields() -> set[tuple[str, str]]:
    """Text fields holding a person's name: `*_name`, or labelled 姓名."""
    found = set()
    for model in apps.get_models():
        if not model.__module__.startswith("fazhi.") or model._meta.label in NOT_RECORDS:
            continue
        for f in model._meta.concrete_fields:
            if not isinstance(f, models.CharField | models.TextField) or f.name in NOT_NAMES:
                continue
            if f.name.endswith("_name") or str(f.verbose_name) == "姓名":
                found.add((model._meta.label, f.name))
    return found


def test_every_field_holding_a_persons_name_is_declared_for_anonymisation():
    declared = {(m._meta.label, f) for m, f in personal_name_fields()}
    missing = name_like_fields() - declared
    assert not missing, f"declare personal_name_fields on these models: {sorted(missing)}"


def test_the_collection_finds_the_registers_name_fields():
    declared = {(m._meta.label, f) for m, f in personal_name_fields()}
    assert {
        ("reconsideration.Application", "applicant_name"),
        ("reconsideration.SuperiorCase", "applicant_name"),
        ("litigation.Lawsuit", "plaintiff_name"),
        ("legalservices.AidApplication", "applicant_name"),
        ("legalservices.Notarisation", "applicant_name"),
        ("legalservices.LegalHelper", "name"),
        ("publicity.LawReport", "person_name"),
        ("mediation.Mediator", "name"),
        ("counsel.Counsel", "name"),
        ("enforcement.Case", "party_name"),
        ("disclosure.Request", "applicant_name"),
        ("oversight.Suggestion", "proposer_name"),
    } <= declared


def test_a_declared_field_that_does_not_exist_fails_loudly(monkeypatch):

    monkeypatch.setattr(Counsel, "personal_name_fields", ("nmae",))
    with pytest.raises(FieldDoesNotExist):
        list(personal_name_fields())
