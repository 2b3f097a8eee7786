"""Forms: registering a request or a proactively disclosed item, and the small form
behind each action button. The law is checked in the model and `apply()`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.core.workflow import Transition
from fazhi.disclosure import rules
from fazhi.disclosure.models import ProactiveItem, Request
from fazhi.disclosure.rules import ReplyType
from fazhi.kit.screens import action_form_class as kit_action_form
from fazhi.kit.screens import scoped_form, textareas
from fazhi.litigation.models import Lawsuit
from fazhi.org.scope import visible_to, writable_units
from fazhi.reconsideration.models import Application

DATE = forms.DateInput(attrs={"type": "date"})


RequestForm = scoped_form(
    Request, "number", "unit", "applicant_name", "applicant_kind", "applicant_phone",
    "content", "channel", "received_on", "note",
    widgets=textareas(note=3),
    today_fields=("received_on",),
)


ProactiveItemForm = scoped_form(
    ProactiveItem, "unit", "category", "title", "published_on", "formed_on", "channel", "url",
    today_fields=("published_on",),
)


class FilingForm(forms.Form):
    """Open a unit's annual report by hand (a unit with no records must report too)."""

    unit = forms.ModelChoiceField(label="报告单位", queryset=None)
    year = forms.IntegerField(label="报告年度", min_value=2008, max_value=2100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user)
        self.fields["year"].initial = timezone.localdate().year - 1


def _input(name: str, label: str, user: Any) -> forms.Field:
    kind = rules.INPUT_KINDS.get(name, "text")
    if kind == "choice:ReplyType":
        choices = [(v, lab) for v, lab in ReplyType.choices if v != ReplyType.NO_CORRECTION]
        return forms.ChoiceField(label=label, choices=choices)
    if kind in ("reconsideration", "lawsuit"):
        model = Application if kind == "reconsideration" else Lawsuit
        return forms.ModelChoiceField(
            label=label, required=False, queryset=visible_to(user, model.objects.all())
        )
    if kind == "long_text":  # a part of the annual report (第50条 五、六)
        return forms.CharField(
            label=label, max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4})
        )
    return forms.CharField(label=label, max_length=300, required=name == "approved_by")


def action_form_class(transition: Transition, request: Request, user: Any) -> type[forms.Form]:
    """A form with the date, a note, and one field per input the action needs."""
    return kit_action_form(transition, request, make=lambda name, label: _input(name, label, user))
