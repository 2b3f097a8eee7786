"""The chain's head, signed and kept outside the database.

The keyed chain (models.py) stops anyone without the audit key from rewriting entries,
but removing the newest entries leaves a shorter chain that is still intact. A *head*
(the newest entry's id and hash, where the keyed chain started, the time) signed with
the audit key is therefore kept elsewhere: `fazhi audit_anchor` writes one a day into
`$FAZHI_DATA_DIR/audit-anchors/` for an administrator to copy off the server, and every
backup carries one in its header. `fazhi audit_verify` checks the chain against the
newest head in that directory and against any head (or backup) it is given.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from fazhi.audit.models import SCHEME_HMAC, Entry, audit_key
from fazhi.audit.trail import PURGE_MODEL, PURGE_VERB
from fazhi.core import backup  # a module import: backup writes the head into each file

KIND = "fazhi-audit-head"


class AnchorError(Exception):
    """A head that cannot be read or does not match the chain; the message is for the user."""


def _signature(fields: dict[str, Any]) -> str:
    blob = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hmac.new(audit_key(), b"head:" + blob, hashlib.sha256).hexdigest()


def current_head() -> dict[str, Any]:
    """The signed head of the chain as it stands now."""
    last = Entry.objects.order_by("-id").values("id", "hash").first() or {"id": None, "hash": ""}
    keyed_from = Entry.objects.filter(scheme=SCHEME_HMAC).order_by("id").values_list("id", flat=True).first()
    fields = {
        "kind": KIND,
        "format": 1,
        "at": timezone.now().isoformat(),
        "last_id": last["id"],
        "last_hash": last["hash"],
        "keyed_from": keyed_from,
    }
    return {**fields, "signature": _signature(fields)}


def write_file(path: Path | None = None) -> tuple[Path, dict[str, Any]]:
    """Write the current head to `path` (default: the data directory's daily file), 0600."""
    head = current_head()
    if path is None:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(settings.DATA_DIR) / "audit-anchors" / f"audit-head-{stamp}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(head, f, ensure_ascii=False, indent=1)
    path.chmod(0o600)
    return path, head


def newest_file() -> Path | None:
    folder = Path(settings.DATA_DIR) / "audit-anchors"
    files = sorted(folder.glob("audit-head-*.json")) if folder.is_dir() else []
    return files[-1] if files else None


def load(path: Path) -> dict[str, Any]:
    """A head from its own file or from a backup's header."""
    try:
        with path.open("rb") as f:
            start = f.read(64)
        if start.startswith(b"FAZHI-BACKUP"):
            head = backup.peek_header(path).get("audit_head")
            if not isinstance(head, dict):
                raise AnchorError(f"备份文件 {path.name} 中没有审计日志锚点（本功能上线前的备份）。")
            return head
        head = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, backup.BackupError) as exc:
        raise AnchorError(f"无法读取审计日志锚点 {path}：{exc}") from exc
    if not isinstance(head, dict) or head.get("kind") != KIND:
        raise AnchorError(f"{path.name} 不是审计日志锚点文件。")
    return head


def _purged_up_to() -> int:
    """The newest entry id any `audit_purge` removed (0 if never purged)."""
    ids = [
        int((after or {}).get("last_purged_id") or 0)
        for after in Entry.objects.filter(model=PURGE_MODEL, verb=PURGE_VERB).values_list("after", flat=True)
    ]
    return max(ids, default=0)


def check(head: dict[str, Any], source: str) -> None:
    """Raise AnchorError when the chain no longer holds what `head` recorded."""
    fields = {k: v for k, v in head.items() if k != "signature"}
    if not hmac.compare_digest(str(head.get("signature", "")), _signature(fields)):
        raise AnchorError(f"审计日志锚点 {source} 签名无效：不是用本系统审计密钥签发的，或已被修改。")
    last_id, when = head.get("last_id"), head.get("at", "")
    if last_id is None:
        return
    row = Entry.objects.filter(id=last_id).values_list("hash", flat=True).first()
    if row is not None:
        if row != head.get("last_hash"):
            raise AnchorError(f"审计日志第 {last_id} 条与锚点 {source}（{when}）记录的哈希不符：该条或其之前的记录已被改写。")
        return
    if last_id <= _purged_up_to():
        return  # removed by `audit_purge` after the head was kept: the purge entry anchors it
    newest = Entry.objects.order_by("-id").values_list("id", flat=True).first()
    if newest is None or newest < last_id:
        raise AnchorError(
            f"审计日志被截断：锚点 {source}（{when}）记录到第 {last_id} 条，数据库中最新为第 {newest or 0} 条，"
            "其后的记录已被删除。"
        )
    raise AnchorError(f"审计日志第 {last_id} 条（锚点 {source}，{when}）已被删除。")
