"""The audit log as a person reads it: people's names, Chinese names of record types,
fields, moves and states. The entries keep the codes (the API and exports show them);
only the screen translates."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

# Moves recorded outside a workflow's transitions (a transition's own label is used
# where the record type has one).
VERBS = {
    "register": "登记", "create": "新建", "update": "修改", "record": "记录", "issue": "签发",
    "prepare": "准备", "propose": "提出", "assign": "交办", "score": "评分",
    "create_sheet": "建立考核表", "recompute": "重新计算", "open_report": "生成年度报告",
    "send_supervision_reminders": "督查催办", "otp": "动态验证码", "unlock_otp": "以动态验证码解锁",
    "unlock": "解除锁定", "restore": "恢复备份", "restore_forced": "强制恢复备份",
    "password_changed": "修改密码", "otp_enrolled": "启用动态验证码",
    "milestone_add": "添加节点", "milestone_change": "修改节点", "milestone_done": "完成节点",
    "milestone_remove": "删除节点",
}


def _model(label: str) -> Any:
    try:
        return apps.get_model(label) if label else None
    except (LookupError, ValueError):
        return None


def verb_label(model: Any, verb: str) -> str:
    transition = getattr(model, "transitions", {}).get(verb) if model is not None else None
    if transition is not None:
        return str(transition.label)
    return VERBS.get(verb, verb)


def _field(model: Any, key: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(key.removesuffix("_id"))
    except FieldDoesNotExist:
        return None


def _value(field: Any, value: Any) -> Any:
    choices = dict(getattr(field, "flatchoices", None) or ())
    if choices and value in choices:
        return choices[value]
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def rows(entries: list[Any]) -> list[dict[str, Any]]:
    """Each entry with what the page shows of it."""
    from fazhi.org.models import User

    names = dict(
        User.objects.filter(username__in={e.username for e in entries} | {e.object_repr for e in entries} - {""})
        .exclude(full_name="")
        .values_list("username", "full_name")
    )
    shown = []
    for e in entries:
        model = _model(e.model)
        changes = []
        for key, before, after in e.changes:
            field = _field(model, key)
            name = str(field.verbose_name) if field is not None else key
            changes.append((name, _value(field, before), _value(field, after)))
        shown.append({
            "entry": e,
            "person": names.get(e.username, e.username),
            "verb": verb_label(model, e.verb) if e.verb else "",
            # A sign-in's record is the account: its person, as in the user column.
            "record": names.get(e.object_repr, e.object_repr) if e.model in ("", "org.user") else e.object_repr,
            "model": str(model._meta.verbose_name) if model is not None else e.model,
            "changes": changes,
        })
    return shown
