"""Cron: keep the certificate renewal reminders on the due list (idempotent).

    fazhi refresh_certificate_renewals [--dry-run] [--within DAYS]

Run it daily (e.g. `15 6 * * * cd /srv/fazhi && python3 -m uv run fazhi
refresh_certificate_renewals`). Every valid certificate whose expiry enters the renewal
window (FAZHI_ENF_RENEWAL_WINDOW_DAYS, default 90 days) gets its
`enforcement_certificate_renewal` deadline; reminders of certificates cancelled or
renewed beyond the window are closed. Running it again the same day changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.enforcement.models import refresh_renewal_deadlines
from fazhi.enforcement.rules import renewal_window_days


class Command(BaseCommand):
    help = "将即将到期的行政执法证件列入换证提醒，关闭已注销或已换证证件的提醒（可重复运行）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="只列出，不登记")
        parser.add_argument(
            "--within",
            type=int,
            default=None,
            help="有效期在今后多少日内届满的证件列入提醒（默认按 FAZHI_ENF_RENEWAL_WINDOW_DAYS）",
        )

    def handle(
        self, *args: Any, dry_run: bool = False, within: int | None = None, **options: Any
    ) -> None:
        if within is not None and within < 1:
            raise CommandError("--within 应为正整数（日）。")
        today = timezone.localdate()
        window = within if within is not None else renewal_window_days()
        done = refresh_renewal_deadlines(today=today, within_days=window, dry_run=dry_run)
        for cert in done.opened:
            self.stdout.write(
                f"列入提醒｜{cert.unit.name}｜{cert}｜有效期至{cert.valid_until:%Y-%m-%d}"
            )
        for cert in done.updated:
            self.stdout.write(
                f"更新提醒｜{cert.unit.name}｜{cert}｜有效期至{cert.valid_until:%Y-%m-%d}"
            )
        for cert, reason in done.closed:
            self.stdout.write(f"关闭提醒｜{cert.unit.name}｜{cert}｜{reason}")
        verb = "应" if dry_run else "已"
        self.stdout.write(
            f"{today:%Y-%m-%d}（{window}日内到期）{verb}列入换证提醒{len(done.opened)}件、"
            f"{verb}更新{len(done.updated)}件、{verb}关闭{len(done.closed)}件。"
        )
