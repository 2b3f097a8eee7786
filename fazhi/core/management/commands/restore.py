"""`fazhi restore FILE`: replace the database's contents with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.backup import BackupError, read_header, restore


class Command(BaseCommand):
    help = "用备份文件恢复数据库（会替换当前全部数据）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="备份文件路径")
        parser.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
        parser.add_argument(
            "--force", action="store_true",
            help="未签名或签名无效的备份也恢复（审计日志记录强制恢复及其原因）",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        source = Path(opts["file"])
        if not source.exists():
            raise CommandError(f"备份文件不存在：{source}")
        try:
            header, _ = read_header(source, force=opts["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not opts["yes"]:
            answer = input(f"将用 {header['created']} 的备份替换当前全部数据，确定吗？输入 yes 继续：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消，未做任何修改。")
        try:
            restore(source, force=opts["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"已恢复 {header['created']} 的备份：{len(header['tables'])} 张表。"))
