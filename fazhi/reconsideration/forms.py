"""Forms: registering an application, the small form behind each action button, and
recording a superior body's case. Validation of the law lives in the model and
`apply()`; these only parse input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.core.workflow import Transition
from fazhi.kit.screens import ScopedModelForm
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
        fields = [
            "case_number",
            "applicant_name",
            "applicant_kind",
            "applicant_phone",
            "respondent",
            "act",
            "act_kind",
            "channel",
            "received_on",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        # A respondent is a unit below a county the user may write for (the agency).
        respondent = self.fields["respondent"]
        respondent.queryset = respondent.queryset.exclude(kind__in=["county", "city", "province"])


def _choices(values: Any, enum: Any) -> list[tuple[str, str]]:
    return [(v, enum(v).label) for v in enum.values if v in values]


def action_form_class(
    transition: Transition, application: Application, user: Any
) -> type[forms.Form]:
    """A form with the date, a note, and one field per input the action needs."""
    fields: dict[str, forms.Field] = {
        "on": forms.DateField(label="办理日期", widget=DATE, initial=timezone.localdate),
    }
    for name, label in transition.inputs.items():
        kind = rules.INPUT_KINDS.get(name, "text")
        field: forms.Field
        if kind == "date":
            field = forms.DateField(label=label, widget=DATE, required=name != "received_on")
        elif kind == "int":
            field = forms.IntegerField(
                label=label,
                min_value=1,
                max_value=366,
                error_messages={
                    "min_value": f"{label}应为正整数。",
                    "invalid": f"{label}：请填写整数。",
                },
            )
        elif kind == "choice:Procedure":
            field = forms.ChoiceField(label=label, choices=Procedure.choices)
        elif kind == "choice:SuspensionGround":
            field = forms.ChoiceField(label=label, choices=SuspensionGround.choices)
        elif kind == "choice:DecisionOutcome":
            field = forms.ChoiceField(
                label=label, choices=_choices(rules.DECISION_OUTCOMES, ReviewOutcome)
            )
        elif kind == "choice:TerminationReason":
            field = forms.ChoiceField(label=label, choices=TerminationReason.choices)
        elif kind == "choice:LetterKind":
            field = forms.ChoiceField(label=label, choices=LetterKind.choices)
        elif kind == "choice:PerformanceStatus":
            statuses = [s for s in PerformanceStatus.values if s != PerformanceStatus.PENDING]
            field = forms.ChoiceField(label=label, choices=_choices(statuses, PerformanceStatus))
        elif kind == "letter":
            field = forms.ModelChoiceField(
                label=label, queryset=application.letters.filter(replied_on__isnull=True)
            )
        elif name == "recipient":
            field = forms.ModelChoiceField(
                label=label,
                required=False,
                queryset=visible_to(user, Unit.objects.subtree_of(application.agency).active()),
            )
        else:
            field = forms.CharField(
                label=label, max_length=300, required=name in {"reason", "approved_by"}
            )
        fields[name] = field
    fields["note"] = forms.CharField(
        label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # The version the page was loaded with: a move made on a stale page is refused.
    fields["version"] = forms.IntegerField(
        required=False, widget=forms.HiddenInput, initial=application.version
    )
    return type(f"{transition.action.title()}Form", (forms.Form,), fields)


class SuperiorCaseForm(ScopedModelForm):
    unit_fields = ("respondent",)

    class Meta:
        model = SuperiorCase
        fields = [
            "respondent",
            "superior_body",
            "case_number",
            "applicant_name",
            "act",
            "accepted_on",
            "closed_on",
            "outcome",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["outcome"].choices = [("", "（未审结）")] + [
            (v, label) for v, label in ReviewOutcome.choices if v != ReviewOutcome.NOT_ACCEPTED
        ]
