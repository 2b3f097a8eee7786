"""`fazhi api_token <username> [--name 用途] [--days N]`: issue an API token, shown once.

`--revoke` revokes every live token of the user instead; `--list` lists them (prefix,
purpose, expiry, last use), never the keys, which are not stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from fazhi.api.models import ApiToken


class Command(BaseCommand):
    help = "签发、列出或吊销某用户的接口令牌（令牌只显示一次）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="用途，如“市级平台对接”")
        parser.add_argument(
            "--days", type=int, default=None, help="有效天数（默认 FAZHI_API_TOKEN_DAYS）"
        )
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--revoke", action="store_true", help="吊销该用户全部有效令牌")
        group.add_argument("--list", action="store_true", help="列出该用户的令牌")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"用户不存在：{options['username']}")
        if options["revoke"]:
            n = ApiToken.revoke_all(user)
            self.stdout.write(f"已吊销 {n} 个令牌。")
            return
        if options["list"]:
            for t in ApiToken.objects.filter(user=user).order_by("created_at"):
                state = "已吊销" if t.revoked_at else ("有效" if t.is_valid else "已过期")
                used = t.last_used_at.date().isoformat() if t.last_used_at else "未使用"
                self.stdout.write(
                    f"{t.prefix}…  {t.name or '-'}  到期 {t.expires_at.date()}  {state}  {used}"
                )
            return
        days = options["days"]
        if days is not None and not 1 <= days <= 366:
            raise CommandError("有效天数须在 1 到 366 之间。")
        if not user.is_active:
            raise CommandError("该用户已停用，不能签发令牌。")
        token, key = ApiToken.issue(user, name=options["name"], days=days)
        self.stdout.write(f"令牌（只显示这一次，请妥善保存）：{key}")
        self.stdout.write(f"到期时间：{timezone.localtime(token.expires_at):%Y-%m-%d %H:%M}")
        self.stdout.write('用法：请求头 "Authorization: Token <令牌>"')
