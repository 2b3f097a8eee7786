"""`fazhi unlock_account USERNAME`: an administrator lifts an account's login locks."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.core.management.base import BaseCommand

from fazhi.audit.models import Action
from fazhi.audit.trail import record


class Command(BaseCommand):
    help = "解除某账号因连续登录失败而被临时锁定的状态（来自所有地址的锁定），并记入审计日志。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", help="用户名")

    def handle(self, *args: Any, **opts: Any) -> None:
        username = opts["username"]
        removed, _ = AccessAttempt.objects.filter(username=username).delete()
        record(Action.UPDATE, verb="unlock", object_repr=username[:200], note=f"管理员解除账号 {username} 的登录锁定。")
        self.stdout.write(self.style.SUCCESS(f"已解除 {username} 的登录锁定（清除 {removed} 条失败记录）。"))
