"""Forms: registering a case, a certificate, a supervision letter; the small form
behind each action button; the case-file scoring form. The law's checks live in the
models and `apply()`; these only parse input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.utils import timezone

from fazhi.core.workflow import Transition
from fazhi.enforcement.models import (
    Case,
    Certificate,
    LeniencyItem,
    LeniencyList,
    ReviewSheet,
    SupervisionLetter,
    applying_paths,
)
from fazhi.enforcement.rules import CancelReason, CriterionTier
from fazhi.kit.screens import action_form_class as kit_action_form_class
from fazhi.kit.screens import bool_field, choice_field
from fazhi.org.models import Person, UnitKind
from fazhi.org.scope import visible_to, writable_units

DATE = forms.DateInput(attrs={"type": "date"})


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "unit",
            "number",
            "kind",
            "party_name",
            "party_kind",
            "matter",
            "opened_on",
            "is_major",
            "note",
        ]
        widgets = {"opened_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user).exclude(kind=UnitKind.VILLAGE)
        self.fields["opened_on"].initial = timezone.localdate()


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = [
            "person",
            "role",
            "number",
            "field",
            "issuing_authority",
            "issued_on",
            "valid_until",
            "note",
        ]
        widgets = {
            "issued_on": DATE,
            "valid_until": DATE,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = writable_units(user)
        self.fields["person"].queryset = Person.objects.filter(unit__in=units).select_related(
            "unit"
        )
        self.fields["person"].label_from_instance = lambda p: f"{p.masked_name}（{p.unit.name}）"


class LetterForm(forms.ModelForm):
    class Meta:
        model = SupervisionLetter
        fields = ["issuer", "recipient", "number", "issued_on", "problems", "file_review"]
        widgets = {"issued_on": DATE, "problems": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = writable_units(user).exclude(kind=UnitKind.VILLAGE)
        self.fields["issuer"].queryset = units
        self.fields["recipient"].queryset = units
        self.fields["file_review"].queryset = self.fields["file_review"].queryset.filter(
            unit__in=units
        )
        self.fields["issued_on"].initial = timezone.localdate()


YES_NO = [("1", "通过"), ("0", "不通过")]


def action_form_class(transition: Transition, record: Any, user: Any) -> type[forms.Form]:
    """The kit's action form (date, note, the version the page was loaded with) with a
    field of enforcement's own for each input the action needs."""
    return kit_action_form_class(transition, record, _input_fields(record))


def _long_text(label: str) -> forms.Field:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


def _input_fields(record: Any) -> dict[str, Callable[[str], forms.Field]]:
    """The inputs of the certificate, case, letter and publication moves (rules.py)."""

    def leniency_item(label: str) -> forms.Field:
        # A case applies its own unit's and its superiors' published lists.
        items = LeniencyItem.objects.filter(
            unit__path__in=applying_paths(record.unit)
        ).select_related("leniency_list")
        return forms.ModelChoiceField(label=label, queryset=items, required=False)

    return {
        "year": lambda label: forms.IntegerField(
            label=label, min_value=0, initial=timezone.localdate().year - 1
        ),
        "training_hours": lambda label: forms.IntegerField(label=label, min_value=0),
        "valid_until": lambda label: forms.DateField(label=label, widget=DATE),
        "new_number": lambda label: forms.CharField(
            label=label, max_length=40, required=False, help_text="不换发新证、只延续有效期的，不填"
        ),
        "cancel_reason": choice_field(CancelReason.choices),
        "passed": lambda label: forms.TypedChoiceField(
            label=label, choices=YES_NO, coerce=lambda v: v == "1"
        ),
        "no_penalty": bool_field,
        "full_record": bool_field,
        "leniency_item": leniency_item,
        "report": _long_text,
        "reason": _long_text,
        "reviewer": lambda label: forms.CharField(label=label, max_length=300),
    }


class FileReviewForm(forms.Form):
    """Scoring one file with a sheet: one deduction field per scored item, one box per veto item."""

    unit = forms.ModelChoiceField(label="被评查单位", queryset=None)
    file_number = forms.CharField(label="案卷号", max_length=60)
    reviewed_on = forms.DateField(label="评查日期", widget=DATE, initial=timezone.localdate)
    reviewers = forms.CharField(label="评查人员", max_length=200, help_text="多人用顿号分隔")
    findings = forms.CharField(
        label="发现的问题", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: Any, sheet: ReviewSheet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.fields["unit"].queryset = visible_to(user, writable_units(user)).exclude(
            kind=UnitKind.VILLAGE
        )
        self.criteria = list(sheet.criteria.all())
        for c in self.criteria:
            if c.tier == CriterionTier.VETO:
                self.fields[f"veto_{c.pk}"] = forms.BooleanField(
                    label=f"否决项：{c.text}", required=False
                )
            else:
                self.fields[f"deduct_{c.pk}"] = forms.DecimalField(
                    label=f"{c.get_tier_display()}：{c.text}（{c.points:g}分）扣分",
                    required=False,
                    min_value=0,
                    max_digits=5,
                    decimal_places=1,
                )

    def deductions(self) -> dict[int, Any]:
        return {
            c.pk: self.cleaned_data.get(f"deduct_{c.pk}")
            for c in self.criteria
            if c.tier != CriterionTier.VETO and self.cleaned_data.get(f"deduct_{c.pk}")
        }

    def vetoes(self) -> list[int]:
        return [
            c.pk
            for c in self.criteria
            if c.tier == CriterionTier.VETO and self.cleaned_data.get(f"veto_{c.pk}")
        ]


# ------------------------------------------------------------------ published rules


class LeniencyListForm(forms.ModelForm):
    """The list itself; its items are the rows of `LeniencyItemFormSet`."""

    class Meta:
        model = LeniencyList
        fields = ["unit", "kind", "title", "document_number", "published_on"]
        widgets = {"published_on": DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user).exclude(kind=UnitKind.VILLAGE)
        if self.instance.pk:
            # A list stays with the unit that published it (its cases rest on that).
            self.fields["unit"].disabled = True
            self.fields["unit"].queryset = self.fields["unit"].queryset.model.objects.filter(
                pk=self.instance.unit_id
            )


class LeniencyItemForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    violation = forms.CharField(label="违法行为", max_length=300, required=False)
    legal_basis = forms.CharField(label="法律依据", max_length=300, required=False)
    conditions = forms.CharField(label="适用条件", max_length=300, required=False)


LeniencyItemFormSet = forms.formset_factory(
    LeniencyItemForm, extra=3, can_delete=True, max_num=500, validate_max=True
)


def item_rows(formset: Any) -> list[dict[str, Any]]:
    """The formset's rows for `LeniencyList.save_with_items` (the model validates them)."""
    return [
        {
            "id": f.cleaned_data.get("id"),
            "violation": f.cleaned_data.get("violation", ""),
            "legal_basis": f.cleaned_data.get("legal_basis", ""),
            "conditions": f.cleaned_data.get("conditions", ""),
            "delete": f.cleaned_data.get("DELETE", False),
        }
        for f in formset.forms
        if f.cleaned_data
    ]


class ReviewSheetForm(forms.Form):
    unit = forms.ModelChoiceField(label="制定单位", queryset=None)
    name = forms.CharField(label="评查表名称", max_length=200)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)

    def __init__(self, *args: Any, user: Any, sheet: ReviewSheet | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user).exclude(kind=UnitKind.VILLAGE)
        self.fields["year"].initial = timezone.localdate().year
        if sheet is not None:
            self.fields["unit"].disabled = True
            self.fields["unit"].queryset = self.fields["unit"].queryset.model.objects.filter(
                pk=sheet.unit_id
            )


class CriterionForm(forms.Form):
    tier = forms.ChoiceField(
        label="类别", choices=[("", "—")] + list(CriterionTier.choices), required=False
    )
    text = forms.CharField(label="评查内容", max_length=300, required=False)
    points = forms.DecimalField(
        label="分值", required=False, max_digits=5, decimal_places=1, help_text="否决项不计分"
    )


CriterionFormSet = forms.formset_factory(
    CriterionForm, extra=4, can_delete=True, max_num=200, validate_max=True
)


def criterion_rows(formset: Any) -> list[tuple[str, str, Any]]:
    """(tier, text, points) of the filled, not deleted rows, in order; a row with some
    cells filled but no category is passed on so the model names it."""
    rows = []
    for f in formset.forms:
        d = f.cleaned_data
        if not d or d.get("DELETE"):
            continue
        if not d.get("tier") and not (d.get("text") or "").strip() and d.get("points") is None:
            continue
        rows.append((d.get("tier") or "", d.get("text") or "", d.get("points")))
    return rows
