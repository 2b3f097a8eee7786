"""Forms of the decisions screens: a catalogue, a decision (steps are moves, not forms)."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.decisions.models import Catalogue, Decision
from fazhi.org.scope import writable_units


class CatalogueForm(forms.ModelForm):
    url = forms.URLField(label="公布网址", required=False, assume_scheme="https")

    class Meta:
        model = Catalogue
        fields = ["unit", "year", "title", "published_on", "url"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user)


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["unit", "catalogue", "year", "title", "lead_unit", "basis"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = writable_units(user)
        self.fields["unit"].queryset = units
        self.fields["lead_unit"].queryset = units
        self.fields["catalogue"].queryset = Catalogue.objects.visible_to(
            user, write=True
        ).select_related("unit")
