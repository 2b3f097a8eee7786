"""Upward reporting (逐级上报): what a county sends up and what a city or province receives.

Sender side: `SigningKey`, the unit's Ed25519 key that signs its upward files.
Receiver side: `TrustedKey`, a sender's public key registered (out of band) by the
receiving unit; `Submission`, one verified file of one sender unit and year, kept with
its bytes; `ReportedFigure`, the figures it carried; `ImportedUnit`, a unit created by an
import because the receiver did not have it yet (reported from elsewhere).

A submission is *current* until a later verified file of the same unit and year replaces
it; replaced submissions stay, with their figures, as history. Only current submissions
count in the indicators (`rollup.py`).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.core.models import optional_link, unique
from fazhi.org.scope import ScopedQuerySet


def key_fingerprint(public_raw: bytes) -> str:
    """The key's id: the first 16 hex digits of SHA-256 over the raw 32-byte public key."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


class SigningKey(models.Model):
    """The private key this server signs a unit's upward files with.

    Whoever can read this table can sign as the unit (see README, threat model): keep
    database backups as confidential as the server itself.
    """

    unit = models.OneToOneField("org.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    private_key = models.CharField(max_length=64, editable=False)  # raw 32 bytes, base64
    public_key = models.CharField("公钥", max_length=64, editable=False)  # raw 32 bytes, base64
    fingerprint = models.CharField("公钥指纹", max_length=16, editable=False)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "上报签名密钥"

    def __str__(self) -> str:
        return f"{self.unit}（{self.fingerprint}）"

    @classmethod
    def for_unit(cls, unit: Any) -> SigningKey:
        """The unit's key, generated on first use."""

        existing = cls.objects.filter(unit=unit).first()
        if existing is not None:
            return existing
        private = Ed25519PrivateKey.generate()
        raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return cls.objects.create(
            unit=unit,
            private_key=base64.b64encode(raw_private).decode("ascii"),
            public_key=base64.b64encode(raw_public).decode("ascii"),
            fingerprint=key_fingerprint(raw_public),
        )

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(self.private_key)).sign(data)


class TrustedKey(models.Model):
    """A sender's public key, registered by the receiving unit before it imports files.

    It applies to imports into the registering unit and every unit below it.
    """

    unit = models.ForeignKey("org.Unit", verbose_name="登记单位（接收方）", on_delete=models.PROTECT, related_name="+")
    uscc = models.CharField("发送单位统一社会信用代码", max_length=18)
    name = models.CharField("发送单位名称", max_length=100)
    public_key = models.CharField("公钥（Base64）", max_length=64)
    fingerprint = models.CharField("公钥指纹", max_length=16, editable=False)
    active = models.BooleanField("有效", default=True)
    note = models.CharField("说明", max_length=200, blank=True, help_text="如：公钥由泌阳县司法局于2023年3月1日书面送达")
    registered_at = models.DateTimeField("登记时间", auto_now_add=True)
    registered_by = optional_link(settings.AUTH_USER_MODEL, "登记人")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "发送单位公钥"
        ordering = ["uscc", "-registered_at"]
        constraints = [
            unique("unit", "uscc", "public_key", name="upward_one_key_per_sender")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.fingerprint}）"


class SubmissionQuerySet(ScopedQuerySet["Submission"]):
    def current(self) -> SubmissionQuerySet:
        return self.filter(current=True)


class Submission(models.Model):
    """One verified upward file: a sender unit's figures (and issued report) for a year."""

    unit = models.ForeignKey("org.Unit", verbose_name="报送单位", on_delete=models.PROTECT, related_name="+")
    receiver = models.ForeignKey("org.Unit", verbose_name="接收单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    file_name = models.CharField("文件名", max_length=200, blank=True)
    content = models.BinaryField("上报文件", editable=False)
    sha256 = models.CharField("文件SHA-256", max_length=64, db_index=True)
    # The signed content's identity (the manifest lists every member's SHA-256): the
    # same file zipped again has another file SHA-256 but the same manifest.
    manifest_sha256 = models.CharField("清单SHA-256", max_length=64, db_index=True, default="", editable=False)
    format_version = models.CharField("格式版本", max_length=30)
    manifest = models.JSONField("清单", default=dict)
    generated_at = models.DateTimeField("生成时间")
    software = models.CharField("生成软件", max_length=60, blank=True)
    key_fingerprint = models.CharField("签名公钥指纹", max_length=16)
    report_included = models.BooleanField("含年度报告", default=False)
    report_meta = models.JSONField("年度报告信息", default=dict, blank=True)
    current = models.BooleanField("现行", default=True)
    replaces = models.OneToOneField(
        "self", verbose_name="替换", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)
    imported_by = optional_link(settings.AUTH_USER_MODEL, "导入人")

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "上报文件"
        ordering = ["-year", "unit__path", "-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"], condition=models.Q(current=True), name="upward_one_current_per_unit_year"
            )
        ]
        indexes = [models.Index(fields=["year", "current"])]

    def __str__(self) -> str:
        return f"{self.unit}{self.year}年上报文件"

    def get_absolute_url(self) -> str:
        return reverse("upward:detail", args=[self.pk])


class ReportedFigure(models.Model):
    """One indicator of a submission: the value as the sender computed it, and the raw
    figure (count, unscaled sum, mean's total and number, maximum) it rolls up from."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="figures")
    unit = models.ForeignKey("org.Unit", verbose_name="报送单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    code = models.CharField("指标代码", max_length=60)
    name = models.CharField("指标名称", max_length=100)
    measure = models.CharField("计量单位", max_length=20, blank=True)
    kind = models.CharField("类型", max_length=10)
    definition = models.TextField("定义", blank=True)
    value = models.DecimalField("数值", max_digits=20, decimal_places=4, null=True, blank=True)
    raw = models.JSONField("原始数", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "上报指标"
        ordering = ["submission", "pk"]
        constraints = [unique("submission", "code", name="upward_one_figure_per_code")]
        indexes = [models.Index(fields=["year", "code"])]

    def __str__(self) -> str:
        return f"{self.code} = {self.value}"


class ImportedUnit(models.Model):
    """A unit this server knows only from upward reports: created by an import under the
    receiving unit because its unified social credit code was not found here."""

    unit = models.OneToOneField("org.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    first_submission = models.ForeignKey(
        Submission, verbose_name="首次导入", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "外报单位"

    def __str__(self) -> str:
        return str(self.unit)
