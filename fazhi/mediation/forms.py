"""Forms of the mediation register: they parse input; the law is in models and rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.core.workflow import Transition
from fazhi.kit.screens import (
    ScopedModelForm,
    action_form_class,
    bool_field,
    scoped_form,
    text_area,
    textareas,
)
from fazhi.mediation.models import Committee, Dispute, Mediator
from fazhi.org.scope import visible_to


class DisputeForm(ScopedModelForm):
    class Meta:
        model = Dispute
        fields = ["committee", "mediator", "number", "kind", "received_on", "parties",
                  "party_count", "amount", "summary", "note"]
        widgets = textareas(summary=3, note=2)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["committee"].queryset = visible_to(
            user, Committee.objects.select_related("unit"), write=True
        )
        self.fields["mediator"].queryset = visible_to(user, Mediator.objects.all(), write=True)
        self.fields["received_on"].initial = timezone.localdate()


CommitteeForm = scoped_form(
    Committee, "unit", "name", "level", "field", "established_on", "dissolved_on", "phone"
)


MediatorForm = scoped_form(
    Mediator, "committee", "name", "phone", "full_time", "appointed_on", "left_on",
    write_links=("committee",),
)


FIELDS = {"agreement": text_area, "confirmation_planned": bool_field}


def dispute_action_form(transition: Transition, record: Any, user: Any) -> type[forms.Form]:
    return action_form_class(transition, record, FIELDS)
