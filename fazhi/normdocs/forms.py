"""Forms of the normative-documents screens: a draft, a cleanup, a cleanup outcome, and
the small form behind each move's button (the API's transition uses the same one)."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.workflow import Transition
from fazhi.kit import screens
from fazhi.normdocs.models import Cleanup, Document
from fazhi.normdocs.rules import CleanupOutcome
from fazhi.org.models import Unit


class DocumentForm(screens.ScopedModelForm):
    """A draft; every later step is a move (`apply()`) on the document's page."""

    class Meta:
        model = Document
        fields = ["unit", "title", "is_provisional", "drafted_on", "filing_authority"]
        help_texts = {"filing_authority": "不填则公布时默认为制定机关的上级机关"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["filing_authority"].queryset = Unit.objects.active()


CleanupForm = screens.scoped_form(Cleanup, "unit", "title", "cutoff", "started_on", "finished_on")


class DecideForm(forms.Form):
    document = forms.ModelChoiceField(Document.objects.none(), label="文件")
    outcome = forms.ChoiceField(choices=CleanupOutcome.choices, label="清理结论")
    on = forms.DateField(label="结论日期", widget=screens.DATE)
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


ACTION_FIELDS = {
    "effective_from": screens.date_field,
    "valid_until": screens.date_field,
    "detail": screens.text_area,
}


def action_form_class(transition: Transition, doc: Document, user: Any) -> type[forms.Form]:
    """The date, the move's own inputs, a note and the version the page was loaded with."""
    return screens.action_form_class(transition, doc, ACTION_FIELDS)
