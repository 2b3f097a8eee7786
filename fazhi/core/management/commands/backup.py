"""`fazhi backup [FILE]`: a consistent online backup of the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "在线备份数据库（SQLite 或 PostgreSQL），生成经签名、仅所有者可读（0600）、可加密的备份文件。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", nargs="?", help="备份文件路径（默认：数据目录/backups/fazhi-时间.backup）")
        parser.add_argument(
            "--encrypt", action="store_true", default=None,
            help="加密备份内容（AES-256-GCM，密钥由 FAZHI_BACKUP_KEY 派生；设置 FAZHI_BACKUP_ENCRYPT=1 时默认加密）",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(opts["file"] or settings.DATA_DIR / "backups" / f"fazhi-{stamp}.backup")
        try:
            header = backup(target, encrypt=opts["encrypt"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(header["tables"].values())
        self.stdout.write(self.style.SUCCESS(f"已备份到 {target}：{len(header['tables'])} 张表，{rows} 行，{header['size']} 字节{'，已加密' if header['encryption'] else ''}。"))
