"""Cron: record today's supervision reminders and escalations (idempotent).

    fazhi send_supervision_reminders [--dry-run]

Run it daily; running it again the same day (or after a missed day) records nothing
twice. "Sent" means recorded and shown on the lead unit's due list (督办待办).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.oversight.reminders import send


class Command(BaseCommand):
    help = "登记今日应发出的督办提醒和逾期督办（可重复运行，不会重复登记）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="只列出，不登记")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        today = timezone.localdate()
        planned = send(today, dry_run=dry_run)
        for p in planned:
            self.stdout.write(f"{p.task.unit.name}｜{p.task}｜{_label(p)}｜{p.note}")
        verb = "应登记" if dry_run else "已登记"
        self.stdout.write(
            f"{today:%Y-%m-%d} {verb}督办提醒{sum(p.kind == 'reminder' for p in planned)}条、逾期督办{sum(p.kind == 'escalation' for p in planned)}条。"
        )


def _label(p: Any) -> str:
    from fazhi.oversight.rules import Means, UrgingKind

    return f"{UrgingKind(p.kind).label}·{Means(p.means).label}"
