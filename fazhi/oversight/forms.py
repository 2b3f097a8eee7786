"""Forms: proposing a task, assigning a suggestion, and the small form behind each
action button. The rules are checked in the models and `apply()`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.core.workflow import Transition
from fazhi.kit.screens import action_form_class as kit_action_form
from fazhi.kit.screens import scoped_form, textareas
from fazhi.oversight import rules
from fazhi.oversight.models import Suggestion, Task

DATE = forms.DateInput(attrs={"type": "date"})
CHOICES = {
    "choice:Means": rules.Means.choices,
    "choice:ContactMeans": rules.ContactMeans.choices,
    "choice:ReplyCategory": rules.ReplyCategory.choices,
    "choice:Satisfaction": rules.Satisfaction.choices,
}


TaskForm = scoped_form(
    Task, "number", "title", "requirement", "source_kind", "source_ref", "office", "unit",
    "co_units", "proposed_on", "note",
    widgets=textareas(requirement=3, note=2),
    unit_fields=("office", "unit", "co_units"),
    today_fields=("proposed_on",),
)


SuggestionForm = scoped_form(
    Suggestion, "kind", "number", "title", "proposer_name", "proposer_phone", "office", "unit",
    "co_units", "assigned_on", "note",
    widgets=textareas(note=2),
    unit_fields=("office", "unit"),
    today_fields=("assigned_on",),
)


class MilestoneForm(forms.Form):
    """A milestone's name and date; the rules (after 立项, not after the task's 完成时限)
    are checked by `Milestone.add()` / `change()`."""

    title = forms.CharField(label="节点", max_length=200)
    due_on = forms.DateField(label="节点时限", widget=DATE)


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label="完成日期", widget=DATE, initial=timezone.localdate)


REQUIRED_TEXT = {"approved_by", "reason", "responsible", "accepted_by", "text"}


def _input(name: str, label: str) -> forms.Field:
    kind = rules.INPUT_KINDS.get(name, "text")
    if kind in CHOICES:
        return forms.ChoiceField(label=label, choices=CHOICES[kind])
    if kind == "date":
        return forms.DateField(label=label, widget=DATE)
    if kind == "file":
        return forms.FileField(label=label, required=False)
    if kind == "textarea":
        return forms.CharField(
            label=label, widget=forms.Textarea(attrs={"rows": 3}), required=name in REQUIRED_TEXT
        )
    return forms.CharField(label=label, max_length=300, required=name in REQUIRED_TEXT)


def action_form_class(transition: Transition, record: Any, user: Any) -> type[forms.Form]:
    """A form with the date, a note, and one field per input the move needs."""
    return kit_action_form(transition, record, make=_input)
