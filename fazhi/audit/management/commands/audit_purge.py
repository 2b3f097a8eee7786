"""`fazhi audit_purge --before YYYY-MM-DD [--dry-run]`: remove audit entries past retention.

Network logs must be kept at least six months (网络安全法 第21条第(三)项; GB/T 22239-2019
8.1.4.3 审计记录保护), so nothing younger than `FAZHI_AUDIT_RETENTION_DAYS` (default and
minimum 180 days) may be removed. The purge appends an entry recording the anchor the
remaining chain starts from, so `fazhi audit_verify` still works afterwards.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.audit.trail import purge_before, verify_chain


def retention_days() -> int:
    return max(int(getattr(settings, "FAZHI_AUDIT_RETENTION_DAYS", 180)), 180)


class Command(BaseCommand):
    help = "清理保存期限之前的审计日志（至少保留 180 天），清理后哈希链仍可校验。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--before", required=True, help="清理此日期（不含）之前的记录，格式 YYYY-MM-DD"
        )
        parser.add_argument("--dry-run", action="store_true", help="只统计将清理的条数，不删除")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            before = dt.date.fromisoformat(opts["before"])
        except ValueError:
            raise CommandError(
                f"--before 日期格式不正确：{opts['before']}，应为 YYYY-MM-DD。"
            ) from None
        days = retention_days()
        latest_allowed = timezone.localdate() - dt.timedelta(days=days)
        if before > latest_allowed:
            raise CommandError(
                f"拒绝清理：审计日志至少保存 {days} 天，--before 不得晚于 {latest_allowed:%Y-%m-%d}。"
            )
        # A purge must not launder tampering: refuse while the chain is already broken.
        _, broken = verify_chain()
        if broken is not None:
            raise CommandError(
                f"拒绝清理：审计日志链在第 {broken.pk} 条处断开，请先运行 audit_verify 核查。"
            )
        cutoff = timezone.make_aware(dt.datetime.combine(before, dt.time.min))
        count, _ = purge_before(cutoff, dry_run=opts["dry_run"])
        if opts["dry_run"]:
            self.stdout.write(f"试运行：{before:%Y-%m-%d} 之前的审计日志共 {count} 条，未删除。")
        elif count == 0:
            self.stdout.write(f"{before:%Y-%m-%d} 之前没有审计日志，无需清理。")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"已清理 {before:%Y-%m-%d} 之前的审计日志 {count} 条，哈希链锚点已记录。"
                )
            )
