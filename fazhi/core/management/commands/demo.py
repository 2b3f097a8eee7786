"""`fazhi demo`: a fresh demo database with the demo county, then serve it."""

from __future__ import annotations

import secrets
import socket
import time
import unicodedata
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.runserver import Command as RunServer
from django.db import connections, transaction
from django.utils import timezone

from fazhi.audit.trail import audit_context
from fazhi.core import demo_county as dc
from fazhi.core.demo import DemoContext
from fazhi.org.models import Person, Role, Unit, UnitKind, User

MARKER = "demo.marker"


class Command(BaseCommand):
    help = "创建演示数据库（确山县示范数据、各角色演示账号）并在本机启动网站。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-serve", action="store_true", help="只建库，不启动网站")
        parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
        parser.add_argument("--force", action="store_true", help="数据目录中已有非演示数据库时也覆盖")

    def handle(self, *args: Any, **opts: Any) -> None:
        port = opts["port"]
        # Before anything is built or deleted: a demo that cannot be served is no demo.
        if not opts["no_serve"] and not port_is_free(port):
            raise CommandError(f"本机端口 {port} 已被占用，请用 --port 换一个端口（如 --port 8080）。")
        db = settings.DATABASES["default"]
        if db["ENGINE"] != "django.db.backends.sqlite3":
            raise CommandError("演示系统使用数据目录中的 SQLite 数据库，请不要设置 DATABASE_URL。")
        path = self.database_path()
        marker = settings.DATA_DIR / MARKER
        if path.exists() and not marker.exists() and not opts["force"]:
            raise CommandError(
                f"{path} 已存在且不是演示数据库；为避免误删数据，请换一个 FAZHI_DATA_DIR，或加 --force 覆盖。"
            )
        started = time.monotonic()
        connections.close_all()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        self.stdout.write(f"创建演示数据库：{path}")
        call_command("migrate", interactive=False, verbosity=0)
        marker.write_text("fazhi demo database\n", encoding="utf-8")
        passwords = self.build()
        self.stdout.write(self.style.SUCCESS(f"演示数据已生成（{time.monotonic() - started:.1f} 秒）。"))
        self.stdout.write("演示账号（密码只显示这一次）：")
        for line in account_table(passwords):
            self.stdout.write(line)
        if opts["no_serve"]:
            return
        call_command(DemoServer(), f"127.0.0.1:{port}", use_reloader=False, skip_checks=True)

    @staticmethod
    def database_path() -> Path:
        return Path(settings.DATABASES["default"]["NAME"])

    @transaction.atomic
    def build(self) -> dict[str, tuple[str, str]]:
        with audit_context(note="演示数据"):
            ctx = build_county()
            passwords = create_users(ctx)
            for label, module in demo_modules():
                self.stdout.write(f"  载入：{label}")
                module.load(ctx)
        return passwords


class DemoServer(RunServer):
    """Django's development server, introduced in Chinese to the person who ran
    `./scripts/demo`: the demo runs on localhost only, so the English production-server
    warning is not for them (docs/deployment.md is, for a real deployment)."""

    def on_bind(self, server_port: int) -> None:
        self.stdout.write(self.style.SUCCESS(f"网站地址：http://127.0.0.1:{server_port}/  （Ctrl+C 停止）"))


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def display_width(text: str) -> int:
    """Columns a terminal gives the text: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def account_table(passwords: dict[str, tuple[str, str]]) -> list[str]:
    """The demo accounts as lines whose columns line up in a terminal, Chinese included."""
    rows = [("角色", "用户名", "密码"), *((label, username, pw) for username, (label, pw) in passwords.items())]
    widths = [max(display_width(row[i]) for row in rows) for i in range(2)]
    return [f"  {pad(label, widths[0])}  {pad(username, widths[1])}  {pw}" for label, username, pw in rows]


def demo_modules() -> list[tuple[str, Any]]:
    """Each app's `demo` module with a `load(ctx)`, in INSTALLED_APPS order, those
    marked `LOAD_LAST` (which read what the registers created) at the end."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("fazhi.") and find_spec(name) is not None:
            module = import_module(name)
            if hasattr(module, "load"):
                found.append((str(config.verbose_name), module))
    return sorted(found, key=lambda item: bool(getattr(item[1], "LOAD_LAST", False)))


def build_county() -> DemoContext:
    province = Unit.objects.create(name=dc.PROVINCE[0], code=dc.PROVINCE[1], kind=UnitKind.PROVINCE, short_name="河南省")
    city = Unit.objects.create(name=dc.CITY[0], code=dc.CITY[1], kind=UnitKind.CITY, parent=province, short_name="驻马店市")
    county = Unit.objects.create(name=dc.COUNTY[0], code=dc.COUNTY[1], short_name=dc.COUNTY[2], kind=UnitKind.COUNTY, parent=city)
    units: dict[str, Unit] = {u.name: u for u in (province, city, county)}
    departments = []
    for i, (name, code) in enumerate(dc.DEPARTMENTS):
        u = Unit.objects.create(name=name, code=code, kind=UnitKind.DEPARTMENT, parent=county, sort_order=i, short_name=name.replace("确山县", "县"))
        departments.append(u)
        units[name] = u
    for name, code in dc.OTHER:
        units[name] = Unit.objects.create(name=name, code=code, kind=UnitKind.OTHER, parent=county)
    townships, villages = [], []
    for i, (name, code) in enumerate(dc.TOWNSHIPS):
        t = Unit.objects.create(name=name, code=code, kind=UnitKind.TOWNSHIP, parent=county, sort_order=100 + i)
        townships.append(t)
        units[name] = t
        town = name.removesuffix("人民政府").removesuffix("办事处")
        for j in range(dc.VILLAGES_PER_TOWNSHIP):
            stem = dc.VILLAGE_STEMS[(i * dc.VILLAGES_PER_TOWNSHIP + j) % len(dc.VILLAGE_STEMS)]
            kind_word = "社区" if "街道" in town else "村"
            v = Unit.objects.create(name=f"{town}{stem}{kind_word}", code=f"{code}-{j + 1:02d}", kind=UnitKind.VILLAGE, parent=t)
            villages.append(v)
            units[v.name] = v
    Person.objects.create(unit=county, name="蒋立新", position="县长", is_principal=True)
    Person.objects.create(unit=county, name="王建华", position="常务副县长", is_principal=True)
    Person.objects.create(unit=units["确山县司法局"], name="李文博", position="局长", is_principal=True)
    for d in departments:
        Person.objects.create(unit=d, name=f"{'赵钱孙周吴郑冯陈'[d.pk % 8]}{'明华强军伟芳'[d.pk % 6]}", position="局长", is_principal=True)
    return DemoContext(
        city=city, county=county, units=units, departments=departments, townships=townships,
        villages=villages, users={}, today=timezone.localdate(),
    )


DEMO_USERS = [
    ("coordinator", "统筹协调员", Role.COORDINATOR, dc.COUNTY[0], "司法局统筹员"),
    ("liaison", "联络员", Role.LIAISON, "确山县市场监督管理局", "市场监管局联络员"),
    ("leader", "领导", Role.LEADER, dc.COUNTY[0], "县领导"),
    ("auditor", "审计员", Role.AUDITOR, dc.COUNTY[0], "安全审计员"),
    ("supervisor", "省级督导", Role.LEADER, dc.PROVINCE[0], "省司法厅督导员"),
    ("city", "市级统筹协调员", Role.COORDINATOR, dc.CITY[0], "市司法局统筹员"),
]


def create_users(ctx: DemoContext) -> dict[str, tuple[str, str]]:
    passwords: dict[str, tuple[str, str]] = {}
    for username, label, role, unit_name, full_name in DEMO_USERS:
        password = _password()
        user = User.objects.create_user(username=username, password=password, unit=ctx.units[unit_name], role=role, full_name=full_name)
        ctx.users[role if role not in ctx.users else username] = user
        passwords[username] = (label, password)
    password = _password()
    admin = User.objects.create_superuser("admin", "", password, full_name="系统管理员", unit=ctx.county, role=Role.COORDINATOR)
    ctx.users["admin"] = admin
    passwords["admin"] = ("系统管理员", password)
    return passwords


def _password() -> str:
    # Readable but strong: four groups, letters and digits.
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))
