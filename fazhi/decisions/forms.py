"""Forms of the decisions screens: a catalogue, a decision, and the small form behind
each move's button (the API's transition uses the same one)."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.workflow import Transition
from fazhi.decisions.models import Catalogue, Decision
from fazhi.decisions.rules import Step
from fazhi.kit import screens

CatalogueForm = screens.scoped_form(
    Catalogue, "unit", "year", "title", "published_on", "url",
    url=forms.URLField(label="公布网址", required=False, assume_scheme="https"),
)


class DecisionForm(screens.ScopedModelForm):
    class Meta:
        model = Decision
        fields = ["unit", "catalogue", "year", "title", "lead_unit", "basis"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["lead_unit"].queryset = self.fields["unit"].queryset
        self.fields["catalogue"].queryset = Catalogue.objects.visible_to(
            user, write=True
        ).select_related("unit")


ACTION_FIELDS = {
    "start_on": screens.date_field,
    "end_on": screens.date_field,
    "step": screens.choice_field(Step.choices),
    "detail": screens.text_area,
    "handling": screens.text_area,
    "reason": screens.text_area,
    "shortened_reason": screens.text_area,
}


def action_form_class(transition: Transition, decision: Decision, user: Any) -> type[forms.Form]:
    """The date, the step's own inputs (rules.STEP_INPUTS), a note and the version."""
    return screens.action_form_class(transition, decision, ACTION_FIELDS)
