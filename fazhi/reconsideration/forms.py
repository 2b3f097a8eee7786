"""Forms: registering an application, the small form behind each action button, and
recording a superior body's case. Validation of the law lives in the model and
`apply()`; these only parse input."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.workflow import Transition
from fazhi.kit.screens import ScopedModelForm, textareas
from fazhi.kit.screens import action_form_class as kit_action_form
from fazhi.org.models import Unit
from fazhi.org.scope import visible_to
from fazhi.reconsideration import rules
from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import (
    LetterKind,
    PerformanceStatus,
    Procedure,
    ReviewOutcome,
    SuspensionGround,
    TerminationReason,
)

DATE = forms.DateInput(attrs={"type": "date"})


class ApplicationForm(ScopedModelForm):
    unit_fields = ("respondent",)
    today_fields = ("received_on",)

    class Meta:
        model = Application
        fields = ["case_number", "applicant_name", "applicant_kind", "applicant_phone",
                  "respondent", "act", "act_kind", "channel", "received_on", "note"]
        widgets = textareas(note=3)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        # A respondent is a unit below a county the user may write for (the agency).
        respondent = self.fields["respondent"]
        respondent.queryset = respondent.queryset.exclude(kind__in=["county", "city", "province"])


def _choices(values: Any, enum: Any) -> list[tuple[str, str]]:
    return [(v, enum(v).label) for v in enum.values if v in values]


def _input(name: str, label: str, application: Application, user: Any) -> forms.Field:
    kind = rules.INPUT_KINDS.get(name, "text")
    if kind == "date":
        return forms.DateField(label=label, widget=DATE, required=name != "received_on")
    if kind == "int":
        return forms.IntegerField(
            label=label,
            min_value=1,
            max_value=366,
            error_messages={
                "min_value": f"{label}应为正整数。",
                "invalid": f"{label}：请填写整数。",
            },
        )
    choices = {
        "choice:Procedure": Procedure.choices,
        "choice:SuspensionGround": SuspensionGround.choices,
        "choice:DecisionOutcome": _choices(rules.DECISION_OUTCOMES, ReviewOutcome),
        "choice:TerminationReason": TerminationReason.choices,
        "choice:LetterKind": LetterKind.choices,
        "choice:PerformanceStatus": _choices(
            [s for s in PerformanceStatus.values if s != PerformanceStatus.PENDING],
            PerformanceStatus,
        ),
    }
    if kind in choices:
        return forms.ChoiceField(label=label, choices=choices[kind])
    if kind == "letter":
        return forms.ModelChoiceField(
            label=label, queryset=application.letters.filter(replied_on__isnull=True)
        )
    if name == "recipient":
        return forms.ModelChoiceField(
            label=label,
            required=False,
            queryset=visible_to(user, Unit.objects.subtree_of(application.agency).active()),
        )
    return forms.CharField(label=label, max_length=300, required=name in {"reason", "approved_by"})


def action_form_class(
    transition: Transition, application: Application, user: Any
) -> type[forms.Form]:
    """A form with the date, a note, one field per input the action needs, and the
    version the page was loaded with (a move made on a stale page is refused)."""
    return kit_action_form(
        transition, application, make=lambda name, label: _input(name, label, application, user)
    )


class SuperiorCaseForm(ScopedModelForm):
    unit_fields = ("respondent",)

    class Meta:
        model = SuperiorCase
        fields = ["respondent", "superior_body", "case_number", "applicant_name", "act",
                  "accepted_on", "closed_on", "outcome", "note"]
        widgets = textareas(note=2)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["outcome"].choices = [("", "（未审结）")] + [
            (v, label) for v, label in ReviewOutcome.choices if v != ReviewOutcome.NOT_ACCEPTED
        ]
