from __future__ import annotations

from django import forms

from fazhi.reports.models import AnnualReport, ReportFigure, ReportSection


class HeaderForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AnnualReport
        fields = [
            "title",
            "issuer_mark",
            "doc_number",
            "addressee",
            "signature",
            "dated",
            "intro",
            "copy_to",
            "printed_by",
            "printed_on",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3, "cols": 60}),
            "intro": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "dated": forms.DateInput(attrs={"type": "date"}),
            "printed_on": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {"title": "换行处即标题转行处。"}


class SectionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ReportSection
        fields = ["heading", "position", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 20, "cols": 100})}


class FigureForm(forms.ModelForm):
    class Meta:
        model = ReportFigure
        fields = ["code", "value", "source"]
