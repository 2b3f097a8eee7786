"""The 期限计算器 form: Chinese labels and errors; no database writes."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.deadlines import arithmetic as ar
from fazhi.deadlines.models import Period

CALC_MODES = [(ar.DAYS, "日（自然日）"), (ar.WORKDAYS, "工作日"), (ar.MONTHS, "月")]


class CalculatorForm(forms.Form):
    period = forms.ModelChoiceField(
        label="法定期限（可选）",
        queryset=Period.objects.filter(active=True, effective_until__isnull=True).exclude(
            mode=ar.DATE
        ),
        required=False,
        empty_label="—— 自定义 ——",
        to_field_name="code",
        help_text="选择后按该期限的长度和计算方式计算，下面的长度和方式可留空。",
    )
    start = forms.DateField(
        label="起算日 / 事件日",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "请填写起算日。",
            "invalid": "起算日：请填写日期，如 2024-09-27。",
        },
    )
    length = forms.IntegerField(
        label="期限长度",
        required=False,
        min_value=0,
        max_value=ar.MAX_DAYS,
        error_messages={
            "invalid": "期限长度：请填写整数。",
            "min_value": "期限长度不能为负数。",
            "max_value": "期限长度过大。",
        },
    )
    mode = forms.ChoiceField(label="计算方式", choices=CALC_MODES, required=False)
    direction = forms.ChoiceField(
        label="方向",
        choices=[(ar.AFTER, "起算日之后"), (ar.BEFORE, "事件日之前（如听证、开庭前）")],
        required=False,
    )
    pauses = forms.CharField(
        label="暂停（每行一段：暂停开始日：恢复计算日）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "2024-10-08：2024-10-15"}),
        help_text="暂停开始日至恢复计算日前一日不计入期限；尚未恢复的写成“2024-10-08：”。中英文冒号均可。",
    )
    extension = forms.IntegerField(
        label="延长期限（可选）",
        required=False,
        min_value=1,
        max_value=ar.MAX_DAYS,
        error_messages={"invalid": "延长期限：请填写整数。", "min_value": "延长期限应为正整数。"},
    )
    extension_mode = forms.ChoiceField(
        label="延长计算方式", choices=[("", "同期限"), *CALC_MODES], required=False
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        period: Period | None = data.get("period")
        if period is None:
            if data.get("length") is None:
                self.add_error("length", "请填写期限长度，或选择一个法定期限。")
            if not data.get("mode"):
                self.add_error("mode", "请选择计算方式。")
        else:
            start = data.get("start")
            if start is not None:
                # The version in force on the start day (行政复议法 第90条 for 复议).
                from fazhi.deadlines.services import period_in_force

                period = data["period"] = period_in_force(period.code, start) or period
            if data.get("length") is None:
                data["length"] = period.length
            if not data.get("mode"):
                data["mode"] = period.mode
            if not data.get("direction"):
                data["direction"] = period.direction
            if (
                data.get("extension") is None
                and period.extension_length
                and self.data.get("use_extension")
            ):
                data["extension"] = period.extension_length
        data["direction"] = data.get("direction") or ar.AFTER
        pauses: list[ar.Pause] = []
        for line in (data.get("pauses") or "").splitlines():
            if line.strip():
                try:
                    pauses.append(ar.parse_pause(line.strip()))
                except ar.PeriodError as exc:
                    self.add_error("pauses", str(exc))
        data["pause_list"] = pauses
        return data

    def compute(self, calendar: Any) -> ar.DueResult:
        """Run the arithmetic; raises PeriodError (Chinese) on inconsistent input."""
        d = self.cleaned_data
        period: Period | None = d.get("period")
        exts = []
        if d.get("extension"):
            exts.append(
                ar.Extension(
                    d["extension"],
                    d.get("extension_mode")
                    or (period.extension_mode if period and period.extension_mode else d["mode"]),
                    from_start=bool(period and period.extension_from_start),
                )
            )
        return ar.compute_due(
            d["start"],
            d["length"],
            d["mode"],
            calendar,
            pauses=d["pause_list"],
            extensions=exts,
            direction=d["direction"],
            first_day_counts=bool(period and period.first_day_counts),
            start_event=period.start_event if period else "",
            law=period.law if period else "",
            article=period.article if period and period.article != "—" else "",
            period_name=period.name if period else "",
            law_version=period.law_version if period else "",
        )
