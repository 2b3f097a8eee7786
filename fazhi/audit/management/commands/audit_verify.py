"""`fazhi audit_verify [--anchor FILE …]`: check the audit trail's keyed chain and its kept heads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.audit.anchor import AnchorError, check, load, newest_file
from fazhi.audit.trail import verify_chain


class Command(BaseCommand):
    help = "校验审计日志哈希链（带密钥），并与保存在数据库以外的锚点（锚点文件或备份文件）核对，报告改写、删除或截断。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--anchor", action="append", default=[],
            help="锚点文件或备份文件（可多次给出；不给时使用数据目录 audit-anchors 中最新的锚点）",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        paths = [Path(p) for p in opts["anchor"]]
        if not paths and (newest := newest_file()) is not None:
            paths = [newest]
        try:
            heads = [(p.name, load(p)) for p in paths]
        except AnchorError as exc:
            raise CommandError(str(exc)) from exc
        starts = [h["keyed_from"] for _, h in heads if isinstance(h.get("keyed_from"), int)]
        checked, broken = verify_chain(keyed_from=min(starts) if starts else None)
        if broken is not None:
            raise CommandError(
                f"审计日志链在第 {broken.pk} 条（{broken.at:%Y-%m-%d %H:%M:%S}，{broken.username or '系统'}，"
                f"{broken.get_action_display()}）处断开：该条或其前一条已被修改或删除。此前 {checked} 条完好。"
            )
        try:
            for name, head in heads:
                check(head, name)
        except AnchorError as exc:
            raise CommandError(str(exc)) from exc
        against = f"，与锚点 {'、'.join(n for n, _ in heads)} 相符" if heads else "（未找到锚点文件，无法发现截断：请每日执行 fazhi audit_anchor）"
        self.stdout.write(self.style.SUCCESS(f"审计日志完好：共 {checked} 条，哈希链连续{against}。"))
