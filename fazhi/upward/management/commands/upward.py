"""`fazhi upward export|import|key|trust`: upward reporting from the command line.

    fazhi upward export --unit 泌阳县人民政府 --year 2022 -o 泌阳县2022.zip
    fazhi upward import a.zip b.zip [--into 驻马店市人民政府]
    fazhi upward key --unit 泌阳县人民政府          # the public key to send up
    fazhi upward trust --into 驻马店市人民政府 --uscc … --name … --key …
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from fazhi.audit.trail import audit_context
from fazhi.org.models import Unit
from fazhi.org.validators import is_valid_uscc
from fazhi.upward import export as exporting
from fazhi.upward.fileformat import Refused
from fazhi.upward.models import SigningKey, TrustedKey, key_fingerprint
from fazhi.upward.receive import receive


def _unit(key: str) -> Unit:
    try:
        return Unit.objects.resolve(key)
    except (Unit.DoesNotExist, Unit.MultipleObjectsReturned) as exc:
        raise CommandError(str(exc.args[0] if exc.args else exc)) from exc


class Command(BaseCommand):
    help = "逐级上报：导出本单位上报文件、导入下级上报文件、查看本单位公钥、登记下级公钥。"

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        ex = sub.add_parser("export", help="导出某单位某年度的上报文件")
        ex.add_argument("--unit", required=True, help="单位全称、简称或单位代码")
        ex.add_argument("--year", required=True, type=int)
        ex.add_argument("-o", "--output", required=True, help="输出文件（.zip）")
        im = sub.add_parser("import", help="核验并导入上报文件（可多个）")
        im.add_argument("files", nargs="+")
        im.add_argument("--into", default="", help="接收单位（默认：文件所载上级中本系统已有的最近一级）")
        key = sub.add_parser("key", help="显示本单位的签名公钥（首次使用时生成）")
        key.add_argument("--unit", required=True)
        tr = sub.add_parser("trust", help="登记下级单位的签名公钥")
        tr.add_argument("--into", required=True, help="登记单位（接收方）")
        tr.add_argument("--uscc", required=True, help="报送单位统一社会信用代码")
        tr.add_argument("--name", required=True, help="报送单位名称")
        tr.add_argument("--key", required=True, help="报送单位公钥（Base64）")

    def handle(self, *args: Any, **opts: Any) -> None:
        getattr(self, f"do_{opts['action']}")(opts)

    def do_export(self, opts: dict[str, Any]) -> None:
        unit = _unit(opts["unit"])
        out = Path(opts["output"])
        # All or nothing: the export's audit entry (and a first key) stay only when the
        # file is written.
        with transaction.atomic(), audit_context(note="命令行导出"):
            try:
                data = exporting.export_year(unit, opts["year"])
            except exporting.ExportRefused as exc:
                raise CommandError(str(exc)) from exc
            try:
                out.write_bytes(data)
            except OSError as exc:
                raise CommandError(f"无法写入 {out}（{exc.strerror or exc}），未导出。") from exc
        self.stdout.write(f"已导出 {unit.name}{opts['year']}年度上报文件：{opts['output']}（{len(data)} 字节）")

    def do_import(self, opts: dict[str, Any]) -> None:
        into = _unit(opts["into"]) if opts["into"] else None
        refused = 0
        for name in opts["files"]:
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                self.stderr.write(f"{name}：无法读取（{exc.strerror}）")
                refused += 1
                continue
            try:
                with audit_context(note="命令行导入"):
                    outcome = receive(data, into=into, file_name=path.name)
            except Refused as exc:
                self.stderr.write(f"{name}：未导入。{exc}")
                refused += 1
            else:
                self.stdout.write(f"{name}：{outcome.summary}")
        if refused:
            raise CommandError(f"{refused} 个文件未导入。")

    def do_key(self, opts: dict[str, Any]) -> None:
        unit = _unit(opts["unit"])
        try:
            exporting.refuse_imported(unit)
        except exporting.ExportRefused as exc:
            raise CommandError(str(exc)) from exc
        key = SigningKey.for_unit(unit)
        self.stdout.write(f"单位：{key.unit.name}\n公钥：{key.public_key}\n指纹：{key.fingerprint}")

    def do_trust(self, opts: dict[str, Any]) -> None:
        unit = _unit(opts["into"])
        uscc = opts["uscc"].strip().upper()
        if not is_valid_uscc(uscc):
            raise CommandError(f"统一社会信用代码“{uscc}”无效。")
        try:
            raw = base64.b64decode(opts["key"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise CommandError("公钥应为 Base64 编码。") from exc
        if len(raw) != 32:
            raise CommandError("公钥长度不对：Ed25519 公钥应为32字节。")
        key, created = TrustedKey.objects.get_or_create(
            unit=unit, uscc=uscc, public_key=opts["key"],
            defaults={"name": opts["name"], "fingerprint": key_fingerprint(raw)},
        )
        self.stdout.write(f"{'已登记' if created else '此前已登记'}：{key.name}，指纹 {key.fingerprint}")
