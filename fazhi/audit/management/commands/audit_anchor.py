"""`fazhi audit_anchor [FILE]`: keep the audit chain's signed head outside the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from fazhi.audit.anchor import write_file


class Command(BaseCommand):
    help = "写出审计日志链的签名锚点（最新一条的编号与哈希），供管理员另行保存，以便发现截断或改写（供 cron 每日调用）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", nargs="?", help="锚点文件路径（默认：数据目录/audit-anchors/audit-head-时间.json）")

    def handle(self, *args: Any, **opts: Any) -> None:
        path, head = write_file(Path(opts["file"]) if opts["file"] else None)
        self.stdout.write(self.style.SUCCESS(
            f"已写出审计日志锚点 {path}：最新为第 {head['last_id'] or 0} 条。请将其复制到本服务器以外的地方保存。"
        ))
