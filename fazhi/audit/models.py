"""The audit trail: who changed what, when, from what to what.

Entries are chained: each stores an HMAC-SHA256, under the audit key kept outside the
database (FAZHI_AUDIT_KEY), of the previous entry's hash and its own content, so editing
or deleting an entry breaks the chain at that point (`fazhi audit_verify` finds it) and
nobody without the key can recompute it. Entries written before the key was introduced
keep their plain SHA-256 (`scheme` ""): see README.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class Action(models.TextChoices):
    CREATE = "create", "新增"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    TRANSITION = "transition", "状态变更"
    LOGIN = "login", "登录"
    LOGOUT = "logout", "退出"
    LOGIN_FAILED = "login_failed", "登录失败"
    EXPORT = "export", "导出"
    IMPORT = "import", "导入"
    ISSUE = "issue", "印发报告"
    RESTORE = "restore", "恢复备份"


# How an entry's hash is computed. Entries written before issue 17 carry the plain
# SHA-256 of the unkeyed chain; every entry written since carries the keyed one.
SCHEME_SHA256 = ""
SCHEME_HMAC = "hmac1"


def audit_key() -> bytes:
    key = settings.FAZHI_AUDIT_KEY
    if not key:
        raise ImproperlyConfigured("未设置 FAZHI_AUDIT_KEY 或 FAZHI_SECRET_KEY：不能写入或校验审计日志。")
    return key.encode("utf-8")


class EntryQuerySet(models.QuerySet["Entry"]):
    def visible_to(self, user: Any) -> EntryQuerySet:
        if not user.is_authenticated or not user.can_read_audit:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(unit_path__startswith=user.unit.path)

    def for_object(self, obj: models.Model) -> EntryQuerySet:
        return self.filter(model=obj._meta.label_lower, object_pk=str(obj.pk))


class Entry(models.Model):
    at = models.DateTimeField("时间", db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    username = models.CharField("用户名", max_length=150, blank=True)
    action = models.CharField("操作", max_length=20, choices=Action.choices)
    # e.g. "accept" for a transition, or the export's name.
    verb = models.CharField("动作", max_length=50, blank=True)
    model = models.CharField("记录类型", max_length=100, blank=True, db_index=True)
    object_pk = models.CharField("记录编号", max_length=64, blank=True, db_index=True)
    object_repr = models.CharField("记录", max_length=200, blank=True)
    # The path of the record's unit, so auditors see their jurisdiction only.
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    ip = models.GenericIPAddressField("IP地址", null=True, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)
    # SCHEME_HMAC since issue 17; SCHEME_SHA256 ("") for the entries written before.
    scheme = models.CharField(max_length=8, blank=True, default=SCHEME_SHA256)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ["-id"]
        indexes = [models.Index(fields=["model", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.object_repr}"

    def content_blob(self) -> str:
        """The entry's content as its hash covers it (everything but the chain fields)."""
        payload = {
            "at": self.at.isoformat(),
            "user": self.user_id,
            "username": self.username,
            "action": self.action,
            "verb": self.verb,
            "model": self.model,
            "object_pk": self.object_pk,
            "object_repr": self.object_repr,
            "unit_path": self.unit_path,
            "before": self.before,
            "after": self.after,
            "note": self.note,
            "ip": self.ip,
        }
        return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)

    def content_digest(self, prev_hash: str) -> str:
        data = (prev_hash + self.content_blob()).encode("utf-8")
        if self.scheme == SCHEME_HMAC:
            return hmac.new(audit_key(), data, hashlib.sha256).hexdigest()
        return hashlib.sha256(data).hexdigest()

    def redacted_digest(self, prev_hash: str) -> str:
        """The keyed digest of the entry as it stands after secrets were cleared from it
        (`trail.redact_secrets`): what the redaction entry records in place of the
        content the original hash covered."""
        data = ("redacted:" + prev_hash + self.content_blob()).encode("utf-8")
        return hmac.new(audit_key(), data, hashlib.sha256).hexdigest()

    def seal(self, prev_hash: str) -> None:
        """Chain this new entry to `prev_hash` under the audit key."""
        self.scheme = SCHEME_HMAC
        self.prev_hash = prev_hash
        self.hash = self.content_digest(prev_hash)

    @property
    def changes(self) -> list[tuple[str, Any, Any]]:
        before = self.before or {}
        after = self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
