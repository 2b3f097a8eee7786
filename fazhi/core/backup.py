"""Consistent backups of the database, online.

- SQLite: the SQLite online-backup API copies a consistent snapshot while the site
  keeps running (readers and writers are not stopped).
- PostgreSQL: `pg_dump --format=custom` (a consistent snapshot by MVCC); restore with
  `pg_restore --clean --if-exists --single-transaction`, so a failed restore leaves the
  database as it was.

A backup file starts with a small JSON header (format, engine, time, tables and
row counts, SHA-256 of the payload, the audit chain's signed head), signed with
HMAC-SHA256 under FAZHI_BACKUP_KEY, a key kept outside the database (issue 17 item 6):
`restore` refuses a file from the other engine, a truncated file, one altered after it
was written and one unsigned or signed with another key — the last two only unless
the administrator forces it, which the audit trail records. Backup files are written
0600; with `--encrypt` (or FAZHI_BACKUP_ENCRYPT=1) the payload is encrypted with
AES-256-GCM under a key derived from the backup key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump / pg_restore, with fixed arguments
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import connection
from django.utils import timezone

from fazhi.audit import anchor  # a module import: anchor reads backups' headers back
from fazhi.audit.models import Action
from fazhi.audit.trail import record

MAGIC = b"FAZHI-BACKUP-1\n"
ENCRYPTION = "AES-256-GCM"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is for the user."""


class SignatureError(BackupError):
    """An unsigned or wrongly signed backup: restored only when forced."""


def _backup_key() -> bytes:
    key = settings.FAZHI_BACKUP_KEY
    if not key:
        raise BackupError("未设置 FAZHI_BACKUP_KEY 或 FAZHI_SECRET_KEY：不能签名或核验备份。")
    return key.encode("utf-8")


def _signature(header: dict[str, Any]) -> str:
    fields = {k: v for k, v in header.items() if k != "signature"}
    blob = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hmac.new(_backup_key(), b"backup:" + blob, hashlib.sha256).hexdigest()


def _cipher() -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"fazhi-backup-encryption")
    return AESGCM(hkdf.derive(_backup_key()))


def _write_private(target: Path, chunks: list[bytes]) -> None:
    """Write `target` readable and writable by its owner only (0600), replacing it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
    target.chmod(0o600)  # an existing file keeps its mode through os.open


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cur:
        for table in sorted(connection.introspection.table_names(cur)):
            cur.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            counts[table] = cur.fetchone()[0]
    return counts


def _pg_env() -> dict[str, str]:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    s = connection.settings_dict
    args = ["--dbname", str(s["NAME"])]
    if s.get("HOST"):
        args += ["--host", str(s["HOST"])]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", str(s["USER"])]
    return args


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"未找到 {name}：请安装 PostgreSQL 客户端工具（Debian: apt-get install postgresql-client）。")
    return path


def backup(target: Path, *, encrypt: bool | None = None) -> dict[str, Any]:
    """Write a signed backup of the current database to `target`; returns its header."""
    encrypt = settings.FAZHI_BACKUP_ENCRYPT if encrypt is None else encrypt
    _backup_key()  # refuse before the work when nothing can sign it
    engine = connection.vendor
    with tempfile.TemporaryDirectory() as tmp:
        payload = Path(tmp) / "payload"
        counts = table_counts()
        if engine == "sqlite":
            connection.ensure_connection()
            dest = sqlite3.connect(payload)
            try:
                connection.connection.backup(dest)
            finally:
                dest.close()
        elif engine == "postgresql":
            result = subprocess.run(  # noqa: S603
                [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(payload), *_pg_args()],
                env=_pg_env(), capture_output=True, text=True, check=False,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump 失败：{result.stderr.strip()}")
        else:
            raise BackupError(f"不支持的数据库类型：{engine}")
        data = payload.read_bytes()
        audit_head = anchor.current_head()
    encryption = None
    if encrypt:
        nonce = os.urandom(12)
        data = _cipher().encrypt(nonce, data, MAGIC)
        encryption = {"alg": ENCRYPTION, "nonce": nonce.hex()}
    header = {
        "format": 2,
        "engine": engine,
        "created": timezone.now().isoformat(),
        "tables": counts,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "encryption": encryption,
        # The audit chain's head, signed with the audit key: `fazhi audit_verify
        # --anchor <backup>` finds entries removed or rewritten since (audit/anchor.py).
        "audit_head": audit_head,
    }
    header["signature"] = _signature(header)
    _write_private(target, [MAGIC, json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n", data])
    return header


def _parse_header(head: bytes) -> dict[str, Any]:
    try:
        header = json.loads(head)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BackupError("备份文件头已损坏。") from exc
    if not isinstance(header, dict):
        raise BackupError("备份文件头已损坏。")
    return header


def peek_header(source: Path) -> dict[str, Any]:
    """The header alone, unchecked (reads only the file's first lines)."""
    with source.open("rb") as f:
        if f.read(len(MAGIC)) != MAGIC:
            raise BackupError("不是法治系统的备份文件。")
        return _parse_header(f.readline())


def check_signature(header: dict[str, Any]) -> None:
    """Raise SignatureError unless the header is signed with this installation's backup key."""
    signature = header.get("signature")
    if not signature:
        raise SignatureError("备份文件未签名（本功能上线前的备份，或签名已被去掉），拒绝恢复。")
    if not hmac.compare_digest(str(signature), _signature(header)):
        raise SignatureError("备份文件签名无效：不是用本系统的备份密钥签发的，或备份已被修改，拒绝恢复。")


def read_header(source: Path, *, force: bool = False) -> tuple[dict[str, Any], bytes]:
    """The header and the (decrypted) payload, checked; `force` skips only the signature."""
    raw = source.read_bytes()
    if not raw.startswith(MAGIC):
        raise BackupError("不是法治系统的备份文件。")
    head, _, data = raw[len(MAGIC):].partition(b"\n")
    header = _parse_header(head)
    if len(data) != header.get("size") or hashlib.sha256(data).hexdigest() != header.get("sha256"):
        raise BackupError("备份文件不完整或已被修改（校验值不符），拒绝恢复。")
    if not force:
        check_signature(header)
    encryption = header.get("encryption")
    if encryption:
        try:
            data = _cipher().decrypt(bytes.fromhex(encryption["nonce"]), data, MAGIC)
        except Exception as exc:
            raise BackupError("无法解密备份文件：备份密钥不对或文件已被修改。") from exc
    return header, data


def restore(source: Path, *, force: bool = False) -> dict[str, Any]:
    """Replace the current database's contents with the backup's; returns its header.

    An unsigned or wrongly signed backup raises SignatureError unless `force`; the
    restore is then audited as forced, with the reason, in the restored database.
    """
    problem = ""
    try:
        check_signature(peek_header(source))
    except SignatureError as exc:
        if not force:
            raise
        problem = str(exc)
    header, data = read_header(source, force=force)
    engine = connection.vendor
    if header["engine"] != engine:
        raise BackupError(f"备份来自 {header['engine']} 数据库，当前为 {engine}，不能直接恢复。")
    with tempfile.TemporaryDirectory() as tmp:
        payload = Path(tmp) / "payload"
        payload.write_bytes(data)
        if engine == "sqlite":
            connection.ensure_connection()
            src = sqlite3.connect(payload)
            try:
                src.backup(connection.connection)
            finally:
                src.close()
        else:
            result = subprocess.run(  # noqa: S603
                [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", *_pg_args(), str(payload)],
                env=_pg_env(), capture_output=True, text=True, check=False,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore 失败：{result.stderr.strip()}")
    counts = table_counts()
    if counts != header["tables"]:
        diff = {t: (header["tables"].get(t), counts.get(t)) for t in set(counts) | set(header["tables"]) if counts.get(t) != header["tables"].get(t)}
        raise BackupError(f"恢复后各表行数与备份不一致：{diff}")
    note = f"用备份文件 {source.name}（{header.get('created', '时间不明')}）恢复数据库。"
    if problem:
        note += f"管理员强制恢复：{problem}"
    record(Action.RESTORE, verb="restore_forced" if problem else "restore", object_repr=source.name, note=note)
    return header
