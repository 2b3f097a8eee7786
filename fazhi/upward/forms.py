from __future__ import annotations

import base64
import binascii
from typing import Any

from django import forms
from django.utils import timezone

from fazhi.org.models import Unit
from fazhi.org.validators import validate_uscc
from fazhi.upward.export import SENDER_KINDS
from fazhi.upward.models import TrustedKey, key_fingerprint


class ExportForm(forms.Form):
    unit = forms.ModelChoiceField(label="报送单位", queryset=Unit.objects.none())
    year = forms.IntegerField(label="年度", min_value=1990, max_value=2100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user.is_superuser:
            qs = Unit.objects.filter(kind__in=SENDER_KINDS, active=True)
        else:
            qs = Unit.objects.filter(pk=user.unit_id, kind__in=SENDER_KINDS)
        self.fields["unit"].queryset = qs.order_by("path")
        self.fields["unit"].error_messages["invalid_choice"] = "只能导出本单位（县级以上人民政府）的上报文件。"
        if not self.is_bound:
            self.initial.setdefault("year", timezone.localdate().year - 1)
            first = qs.first()
            if first is not None:
                self.initial.setdefault("unit", first.pk)


class _MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class _MultipleFileField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        items = data if isinstance(data, list | tuple) else [data]
        return [single(item, initial) for item in items if item]


class UploadForm(forms.Form):
    files = _MultipleFileField(
        label="上报文件（.zip，可多选）", widget=_MultipleFileInput(attrs={"multiple": True}),
        error_messages={"required": "请选择至少一个上报文件。"},
    )


class TrustedKeyForm(forms.ModelForm):
    class Meta:
        model = TrustedKey
        fields = ["uscc", "name", "public_key", "note"]

    def clean_uscc(self) -> str:
        value = self.cleaned_data["uscc"].strip().upper()
        validate_uscc(value)
        return value

    def clean_public_key(self) -> str:
        value = "".join(self.cleaned_data["public_key"].split())
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise forms.ValidationError("公钥应为 Base64 编码（由报送单位的系统导出）。") from exc
        if len(raw) != 32:
            raise forms.ValidationError("公钥长度不对：Ed25519 公钥应为32字节。")
        self.fingerprint = key_fingerprint(raw)
        return value
