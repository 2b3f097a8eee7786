"""Forms: creating score sheets, a manual score with its evidence, the workflow moves.
They only parse input; the checks of the law and of who may score are in the model and
`services.py`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.assessment.models import ScoreSheet, System
from fazhi.core.workflow import Transition
from fazhi.kit import screens
from fazhi.org.models import Unit, UnitKind
from fazhi.org.scope import writable_units


def _default_year() -> int:
    return timezone.localdate().year - 1


class SheetCreateForm(forms.Form):
    system = forms.ModelChoiceField(
        label="考核指标体系", queryset=System.objects.all(), empty_label=None
    )
    year = forms.IntegerField(
        label="考核年度", min_value=1990, max_value=2100, initial=_default_year
    )
    units = forms.ModelMultipleChoiceField(
        label="被考核单位",
        queryset=Unit.objects.none(),
        required=False,
        help_text="可多选；考核单位为各单位的上级。",
    )
    all_children = forms.BooleanField(
        label="为本单位的全部直属单位（部门、乡镇街道）建表",
        required=False,
    )

    def __init__(self, *args: Any, user: Any, home: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.home = home
        self.fields["units"].queryset = (
            writable_units(user)
            .exclude(kind=UnitKind.VILLAGE)
            .exclude(parent__isnull=True)
            .order_by("path")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        units = list(data.get("units") or [])
        if data.get("all_children") and self.home is not None:
            units += list(
                self.home.children.filter(active=True)
                .exclude(kind=UnitKind.VILLAGE)
                .order_by("sort_order", "path")
            )
        seen: dict[int, Unit] = {u.pk: u for u in units}
        if not seen and not self.errors:
            raise forms.ValidationError("请选择被考核单位，或勾选“为本单位的全部直属单位建表”。")
        data["targets"] = list(seen.values())
        return data


class ManualScoreForm(forms.Form):
    points = forms.DecimalField(label="得分", max_digits=7, decimal_places=2, min_value=0)
    note = forms.CharField(
        label="评分说明",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="核查了哪些材料、扣分理由。",
    )
    link = forms.URLField(label="材料链接", required=False, max_length=500, assume_scheme="https")
    attachment = forms.FileField(label="证明材料（附件）", required=False)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


def action_form_class(transition: Transition, sheet: ScoreSheet, user: Any) -> type[forms.Form]:
    """The date, a note and the page's version: the small form behind each button."""
    return screens.action_form_class(transition, sheet)
