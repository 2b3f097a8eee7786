"""Consistent backups of the database, online.

- SQLite: the SQLite online-backup API copies a consistent snapshot while the site
  keeps running (readers and writers are not stopped).
- PostgreSQL: `pg_dump --format=custom` (a consistent snapshot by MVCC); restore with
  `pg_restore --clean --if-exists --single-transaction`, so a failed restore leaves the
  database as it was.

A backup file starts with a small JSON header (format, engine, time, tables and
row counts, SHA-256 of the payload), so `restore` refuses a file from the other
engine, a truncated file or one altered after it was written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump / pg_restore, with fixed arguments
import tempfile
from pathlib import Path
from typing import Any

from django.db import connection
from django.utils import timezone

MAGIC = b"FAZHI-BACKUP-1\n"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is for the user."""


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


def backup(target: Path) -> dict[str, Any]:
    """Write a backup of the current database to `target`; returns its header."""
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
    header = {
        "format": 1,
        "engine": engine,
        "created": timezone.now().isoformat(),
        "tables": counts,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as f:
        f.write(MAGIC)
        f.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n")
        f.write(data)
    return header


def read_header(source: Path) -> tuple[dict[str, Any], bytes]:
    raw = source.read_bytes()
    if not raw.startswith(MAGIC):
        raise BackupError("不是法治系统的备份文件。")
    head, _, data = raw[len(MAGIC):].partition(b"\n")
    try:
        header = json.loads(head)
    except json.JSONDecodeError as exc:
        raise BackupError("备份文件头已损坏。") from exc
    if len(data) != header.get("size") or hashlib.sha256(data).hexdigest() != header.get("sha256"):
        raise BackupError("备份文件不完整或已被修改（校验值不符），拒绝恢复。")
    return header, data


def restore(source: Path) -> dict[str, Any]:
    """Replace the current database's contents with the backup's; returns its header."""
    header, data = read_header(source)
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
    return header
