"""`fazhi assessment_load <file>`: load an indicator system (考核指标体系), all or nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.assessment.loader import LoadError, load_path, shipped


class Command(BaseCommand):
    help = "载入考核指标体系文件（YAML/JSON）；任何错误都不写入。不带参数时载入随附的2021年示范指标体系。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", nargs="?", help="指标体系文件（.yaml / .json）")

    def handle(self, *args: Any, **opts: Any) -> None:
        path = opts["file"] or str(shipped())
        try:
            system = load_path(path)
        except LoadError as exc:
            raise CommandError(
                "未载入，文件有以下问题：\n" + "\n".join(f"  - {e}" for e in exc.errors)
            ) from exc
        counts = {k: system.nodes.filter(kind=k).count() for k in ("area", "item", "rule")}
        self.stdout.write(
            self.style.SUCCESS(
                f"已载入：{system.name}（{system.code}），{counts['area']}个领域、{counts['item']}个项目、"
                f"{counts['rule']}条评分规则，总分{system.total_points}分。"
            )
        )
