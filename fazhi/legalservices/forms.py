"""Forms of the legal services register: they parse input; the law is in models and rules."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.workflow import Transition
from fazhi.kit.screens import (
    action_form_class,
    choice_field,
    scoped_form,
    textareas,
)
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit
from fazhi.legalservices.rules import Result
from fazhi.org.models import UnitKind

AidApplicationForm = scoped_form(
    AidApplication, "unit", "number", "applicant_name", "applicant_phone", "applicant_id_number",
    "received_on", "matter_kind", "claim", "migrant_worker", "provided_first", "summary",
    widgets=textareas(summary=3),
)


NotarisationForm = scoped_form(
    Notarisation, "unit", "number", "kind", "applicant_name", "foreign", "issued_on", "fee_waived"
)


LegalHelperForm = scoped_form(
    LegalHelper, "unit", "name", "phone", "occupation", "trained_on", "appointed_on", "left_on",
    unit_kinds=(UnitKind.VILLAGE,),
)


ServiceVisitForm = scoped_form(ServiceVisit, "unit", "visited_on", "channel", "kind", "people", "topic")


FIELDS = {"result": choice_field(Result.choices)}


def aid_action_form(transition: Transition, record: Any, user: Any) -> type[forms.Form]:
    return action_form_class(transition, record, FIELDS)
