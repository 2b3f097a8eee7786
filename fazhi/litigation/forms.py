"""Forms: registering a lawsuit, and one small form per workflow action."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import Appellant, Excuse, LeaderRank, Outcome
from fazhi.org.models import Person, User
from fazhi.org.scope import visible_to, writable_units
from fazhi.reconsideration.models import Application

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LawsuitForm(forms.ModelForm):
    class Meta:
        model = Lawsuit
        fields = [
            "unit",
            "court",
            "case_number",
            "cause",
            "act_challenged",
            "plaintiff_name",
            "filed_on",
            "received_on",
            "handler",
            "previous",
            "reconsideration",
            "note",
        ]
        widgets = {"filed_on": DATE, "received_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = writable_units(user)
        self.fields["previous"].queryset = visible_to(user, Lawsuit.objects.all(), write=True)
        self.fields["reconsideration"].queryset = visible_to(user, Application.objects.all())
        self.fields["handler"].queryset = visible_to(user, User.objects.filter(is_active=True))  # type: ignore[arg-type]


class ActionForm(forms.Form):
    on = forms.DateField(label="办理日期", widget=DATE)
    on_label = "办理日期"  # what the move's date is (收到通知, 开庭, 裁判 …)
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    # The version the page was loaded with: a move made on a stale page is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, lawsuit: Lawsuit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lawsuit = lawsuit
        self.fields["on"].label = self.on_label
        self.fields["note"] = self.fields.pop("note")  # the action's own fields first

    def data_for_apply(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("on", "note", "version")}


class DefendForm(ActionForm):
    pass


class ScheduleHearingForm(ActionForm):
    hearing_on = forms.DateField(label="开庭日期", widget=DATE)
    appearance_required = forms.BooleanField(label="要求负责人出庭", required=False, initial=True)
    on_label = "收到开庭（出庭）通知日期"


class RecordHearingForm(ActionForm):
    on_label = "开庭日期"
    hearing = forms.ModelChoiceField(
        label="对应开庭通知",
        queryset=Hearing.objects.none(),
        required=False,
        empty_label="（未登记通知，新增一次开庭）",
    )
    appearance_required = forms.BooleanField(
        label="要求负责人出庭",
        required=False,
        initial=True,
        help_text="同一审级已有负责人出庭的，后续庭次可不要求（最高法2020年规定第7条）",
    )
    appeared = forms.BooleanField(label="负责人出庭", required=False)
    person = forms.ModelChoiceField(
        label="出庭负责人", queryset=Person.objects.none(), required=False
    )
    rank = forms.ChoiceField(
        label="负责人类别", choices=[("", "—"), *LeaderRank.choices], required=False
    )
    identity_proof_ok = forms.BooleanField(label="身份证明合格", required=False, initial=True)
    spoke = forms.BooleanField(label="出庭且出声", required=False)
    excuse = forms.ChoiceField(label="未出庭理由", choices=Excuse.choices, required=False)
    excuse_note = forms.CharField(label="理由说明", required=False)
    staff = forms.CharField(label="出庭工作人员", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hearing"].queryset = self.lawsuit.hearings.filter(held=False)
        self.fields["person"].queryset = Person.objects.filter(unit=self.lawsuit.unit).order_by(
            "-is_principal", "name"
        )


class ConcludeForm(ActionForm):
    outcome = forms.ChoiceField(label="裁判结果", choices=Outcome.choices)
    judgment_number = forms.CharField(label="裁判文书号", required=False)
    appellant = forms.ChoiceField(
        label="上诉人（二审）",
        choices=[("", "—— 取前审登记的上诉人 ——"), *Appellant.choices],
        required=False,
        help_text="驳回上诉、维持原判的胜败诉取决于谁上诉；前审已登记上诉人的可不填。",
    )
    on_label = "裁判日期"


class ExtendTrialForm(ActionForm):
    months = forms.IntegerField(
        label="延长月数",
        min_value=1,
        max_value=24,
        error_messages={"min_value": "延长月数应为正整数。", "invalid": "延长月数：请填写整数。"},
    )
    approved_by = forms.CharField(label="批准法院", max_length=100, initial="高级人民法院")
    on_label = "批准日期"


class AppealForm(ActionForm):
    appellant = forms.ChoiceField(label="上诉人", choices=Appellant.choices)
    on_label = "上诉日期"


ACTION_FORMS: dict[str, type[ActionForm]] = {
    "defend": DefendForm,
    "schedule_hearing": ScheduleHearingForm,
    "record_hearing": RecordHearingForm,
    "extend_trial": ExtendTrialForm,
    "conclude": ConcludeForm,
    "appeal": AppealForm,
}


def api_action_form(transition: Any, lawsuit: Lawsuit) -> Any:
    """The screen's form of the move for `POST /api/lawsuits/<id>/transition/`
    (api.base.TransitionMixin). A JSON client that leaves a checkbox out means the
    box as the screen first shows it (e.g. 要求负责人出庭 ticked), not unticked."""
    form_class = ACTION_FORMS[transition.action]
    defaults = {
        name: field.initial
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.BooleanField) and field.initial is not None
    }

    def bind(data: Any, files: Any = None) -> ActionForm:
        return form_class({**defaults, **data}, files, lawsuit=lawsuit)

    return bind
