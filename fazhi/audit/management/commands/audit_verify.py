"""`fazhi audit_verify`: check the audit trail's hash chain."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.audit.trail import verify_chain


class Command(BaseCommand):
    help = "校验审计日志哈希链，报告第一条被篡改或删除的位置。"

    def handle(self, *args: Any, **opts: Any) -> None:
        checked, broken = verify_chain()
        if broken is not None:
            raise CommandError(
                f"审计日志链在第 {broken.pk} 条（{broken.at:%Y-%m-%d %H:%M:%S}，{broken.username or '系统'}，"
                f"{broken.get_action_display()}）处断开：该条或其前一条已被修改或删除。此前 {checked} 条完好。"
            )
        self.stdout.write(self.style.SUCCESS(f"审计日志完好：共 {checked} 条，哈希链连续。"))
