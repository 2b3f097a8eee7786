"""Forms of the lists: adding an item and amending or removing one, each an adjustment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.kit.screens import DATE
from fazhi.lists.models import ListItem
from fazhi.lists.rules import Action, ListKind, PowerType, ServiceKind
from fazhi.org.scope import writable_units

BLANK = [("", "—")]


class AdjustmentFields(forms.Form):
    """What every adjustment records: when, why and under which document."""

    adjusted_on = forms.DateField(label="调整日期", widget=DATE, initial=timezone.localdate)
    reason = forms.CharField(
        label="调整原因",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="如：法律法规修改、机构改革职能划转、上级取消下放",
    )
    document_number = forms.CharField(
        label="文号", max_length=100, required=False, help_text="如：确政办〔2022〕15号"
    )

    def adjustment(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "on": d["adjusted_on"],
            "reason": d.get("reason", ""),
            "document_number": d.get("document_number", ""),
        }


class ItemFields(forms.Form):
    unit = forms.ModelChoiceField(label="实施单位", queryset=None)
    code = forms.CharField(label="事项编码", max_length=60)
    name = forms.CharField(label="事项名称", max_length=200)
    power_type = forms.ChoiceField(
        label="权力类型",
        choices=BLANK + PowerType.choices,
        required=False,
        help_text="权责清单事项必填",
    )
    service_kind = forms.ChoiceField(
        label="服务类型",
        choices=BLANK + ServiceKind.choices,
        required=False,
        help_text="政务服务事项必填",
    )
    legal_basis = forms.CharField(label="设定依据", max_length=500)
    basis_articles = forms.CharField(
        label="依据条款", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    ITEM = ("unit", "code", "name", "power_type", "service_kind", "legal_basis", "basis_articles")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user)

    def item_values(self) -> dict[str, Any]:
        return {f: self.cleaned_data.get(f) or ("" if f != "unit" else None) for f in self.ITEM}


class NewItemForm(ItemFields, AdjustmentFields):
    """A new item: added by an adjustment (新增) or entered as first compiled (初始编制)."""

    action = forms.ChoiceField(
        label="登记方式",
        choices=[
            (Action.ADD, "新增（调整）"),
            (Action.ESTABLISH, "初始编制（清单首次编制时的在册事项）"),
        ],
        initial=Action.ADD,
    )
    list_kind = forms.ChoiceField(label="清单类别", choices=ListKind.choices)

    field_order = [
        "action",
        "list_kind",
        *ItemFields.ITEM,
        "adjusted_on",
        "reason",
        "document_number",
    ]


class AmendForm(ItemFields, AdjustmentFields):
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = [*ItemFields.ITEM, "adjusted_on", "reason", "document_number", "version"]

    def __init__(self, *args: Any, item: ListItem, user: Any, **kwargs: Any) -> None:
        initial = {f: getattr(item, f) for f in ItemFields.ITEM}
        initial["unit"] = item.unit_id
        initial["version"] = item.version
        super().__init__(*args, user=user, initial=initial, **kwargs)
        self.item = item

    def changes(self) -> dict[str, Any]:
        """The item fields whose value differs from the item's."""
        values = self.item_values()
        out = {}
        for f, v in values.items():
            current = self.item.unit if f == "unit" else getattr(self.item, f)
            if v != current:
                out[f] = v
        return out


class RemoveForm(AdjustmentFields):
    version = forms.IntegerField(widget=forms.HiddenInput)
