"""Writing the audit trail.

Register models are tracked by `track(Model)`: their saves and deletes write an entry
with the record's state before and after, inside the same transaction. Code that changes
state in a meaningful step (a workflow transition, an import, an export) wraps it in
`audit_context(...)` so the entries it causes carry that step's name, or calls
`record(...)` for events that are not a row change (login, export).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from fazhi.audit.models import SCHEME_HMAC, Action, Entry
from fazhi.org.scope import scope_field


@dataclass
class Context:
    user: Any = None
    ip: str | None = None
    action: str | None = None
    verb: str = ""
    note: str = ""
    suppressed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


_context: contextvars.ContextVar[Context] = contextvars.ContextVar("audit_context", default=Context())  # noqa: B039
_tracked: set[type[models.Model]] = set()
# Fields whose values never go into the trail (secrets, derived bookkeeping).
# Never in the trail: secrets (a password's hash, a signing key: whoever reads the audit
# log must not be able to sign as a unit) and bookkeeping that changes on its own.
EXCLUDED_FIELDS = {"password", "private_key", "last_login", "path", "depth", "version"}
# The secrets among them: `write()` clears any that reach it anyway (a `record()` call
# handed a record's fields, an old snapshot) and `redact_secrets()` clears them from the
# entries written before they were excluded, leaving this marker.
SECRET_FIELDS = ("private_key", "password")
CLEARED = "（已清除）"


def _scrubbed(data: Any) -> tuple[Any, bool]:
    """`data` (an entry's before/after) with every secret field's value replaced by the
    marker, and whether anything was replaced. Nested dicts and lists are walked."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        changed = False
        for key, value in data.items():
            if key in SECRET_FIELDS and value not in (None, "", CLEARED):
                out[key], changed = CLEARED, True
            else:
                out[key], inner = _scrubbed(value)
                changed = changed or inner
        return out, changed
    if isinstance(data, list):
        items = [_scrubbed(v) for v in data]
        return [v for v, _ in items], any(c for _, c in items)
    return data, False


def current() -> Context:
    return _context.get()


@contextlib.contextmanager
def audit_context(
    *, user: Any = None, ip: str | None = None, action: str | None = None, verb: str = "",
    note: str = "", suppressed: bool | None = None,
) -> Iterator[Context]:
    """Set who acts and what step this is for every entry written inside the block."""
    parent = _context.get()
    ctx = Context(
        user=user if user is not None else parent.user,
        ip=ip if ip is not None else parent.ip,
        action=action if action is not None else parent.action,
        verb=verb or parent.verb,
        note=note or parent.note,
        suppressed=parent.suppressed if suppressed is None else suppressed,
    )
    token = _context.set(ctx)
    try:
        yield ctx
    finally:
        _context.reset(token)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        # A file's content: its size and digest say whether it changed, not its bytes.
        data = bytes(value)
        return f"（文件内容 {len(data)} 字节，SHA-256 {hashlib.sha256(data).hexdigest()[:16]}）"
    return str(value)


def snapshot(obj: models.Model) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        if f.name in EXCLUDED_FIELDS:
            continue
        data[f.attname] = _jsonable(getattr(obj, f.attname))
    return data


def _unit_path(obj: models.Model) -> str:
    name = scope_field(type(obj))
    if not name:
        return getattr(obj, "path", "") or ""
    unit = getattr(obj, name, None) if getattr(obj, f"{name}_id", None) else None
    return unit.path if unit is not None else ""


def _lock_chain() -> None:
    # Entries must be appended one at a time or two writers would chain to the same
    # predecessor. SQLite serialises writers already; PostgreSQL needs a lock.
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(74657368)")


def write(entry: Entry) -> Entry:
    # No secret reaches the trail, whatever the caller passed.
    entry.before, _ = _scrubbed(entry.before)
    entry.after, _ = _scrubbed(entry.after)
    with transaction.atomic():
        _lock_chain()
        last = Entry.objects.order_by("-id").values_list("hash", flat=True).first() or ""
        entry.seal(last)
        entry.save()
    return entry


def record(
    action: str, *, obj: models.Model | None = None, user: Any = None, verb: str = "",
    note: str = "", before: Any = None, after: Any = None, unit_path: str | None = None,
    object_repr: str = "", model: str = "",
) -> Entry | None:
    """Write one entry now (logins, exports, imports, report issues, transitions)."""
    ctx = current()
    if ctx.suppressed:
        return None
    actor = user if user is not None else ctx.user
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    entry = Entry(
        at=timezone.now(),
        user=actor if is_user else None,
        username=getattr(actor, "username", "") or "",
        action=action,
        verb=verb or ctx.verb,
        model=model or (obj._meta.label_lower if obj is not None else ""),
        object_pk=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=(object_repr or (str(obj) if obj is not None else ""))[:200],
        unit_path=unit_path if unit_path is not None else (_unit_path(obj) if obj is not None else ""),
        before=before,
        after=after,
        note=note or ctx.note,
        ip=ctx.ip,
    )
    return write(entry)


def _pre_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None:
        instance._audit_before = None  # type: ignore[attr-defined]
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = snapshot(old) if old is not None else None  # type: ignore[attr-defined]


def _post_save(sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    before = getattr(instance, "_audit_before", None)
    after = snapshot(instance)
    if not created and before == after:
        return
    ctx = current()
    action = ctx.action or (Action.CREATE if created else Action.UPDATE)
    record(action, obj=instance, before=before, after=after)


def _post_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    record(Action.DELETE, obj=instance, before=snapshot(instance), after=None)


def track(*models_: type[models.Model]) -> None:
    """Audit every save and delete of these models (call from AppConfig.ready)."""
    for model in models_:
        if model in _tracked:
            continue
        _tracked.add(model)
        pre_save.connect(_pre_save, sender=model, weak=False)
        post_save.connect(_post_save, sender=model, weak=False)
        post_delete.connect(_post_delete, sender=model, weak=False)


def tracked_models() -> frozenset[type[models.Model]]:
    return frozenset(_tracked)


# A purge (`fazhi audit_purge`) removes the oldest entries and appends one entry with
# this model/verb whose `after` records the anchor: the first kept entry's id and the
# hash it chains to. Verification starts from that anchor instead of "".
PURGE_MODEL = "audit.entry"
PURGE_VERB = "audit_purge"


def _maintenance_entry(
    user: Any, action: str, verb: str, object_repr: str, *, after: dict[str, Any], note: str
) -> Entry:
    """The entry a purge or a redaction of the trail itself writes (unsealed, unsaved),
    by the user who ran it (none when run without a login)."""
    is_user = user is not None and getattr(user, "is_authenticated", False)
    return Entry(
        at=timezone.now(),
        user=user if is_user else None,
        username=getattr(user, "username", "") or "",
        action=action,
        verb=verb,
        model=PURGE_MODEL,
        object_repr=object_repr[:200],
        after=after,
        note=note,
    )


def _anchor() -> tuple[int | None, str]:
    """(id the chain must start at, hash it must chain to); (None, "") when never purged."""
    latest = Entry.objects.filter(model=PURGE_MODEL, verb=PURGE_VERB).order_by("-id").first()
    if latest is None or not isinstance(latest.after, dict):
        return None, ""
    first_id = latest.after.get("first_kept_id") or latest.id
    return int(first_id), str(latest.after.get("anchor_prev_hash") or "")


# A redaction (`redact_secrets`, run by migration audit 0004) clears secrets from old
# entries in place and appends one entry with this model/verb whose `after` records, for
# each entry it changed, the hash the entry keeps (the chain and every kept head stay as
# they were) and the keyed digest of its content as redacted.
REDACT_VERB = "audit_redact"


def _redactions() -> dict[int, dict[str, Any]]:
    """{entry id: {"hash", "redacted"}} from every redaction entry, oldest first."""
    out: dict[int, dict[str, Any]] = {}
    for after in Entry.objects.filter(model=PURGE_MODEL, verb=REDACT_VERB).order_by("id").values_list("after", flat=True):
        for key, value in ((after or {}).get("entries") or {}).items():
            out[int(key)] = value
    return out


def redact_secrets(*, user: Any = None) -> tuple[int, Entry | None]:
    """Clear every secret field (`SECRET_FIELDS`: a unit's private signing key, a
    password hash) from the entries that still hold one, keeping the chain verifiable.

    Each changed entry keeps its hash, so the chain and the heads kept outside the
    database (anchor files, backups) still hold; one redaction entry, itself chained
    and keyed, records each changed entry's hash and the keyed digest of its redacted
    content, which `verify_chain` checks in place of the original content. An entry
    whose content no longer matched its hash before the redaction (tampered with) is
    redacted too, but recorded as unverified and stays broken: a redaction launders
    nothing. Returns (entries changed, the redaction entry or None).
    """
    query = models.Q()
    for name in SECRET_FIELDS:
        query |= models.Q(before__has_key=name) | models.Q(after__has_key=name)
    with transaction.atomic():
        _lock_chain()
        changed: dict[str, dict[str, Any]] = {}
        for entry in Entry.objects.filter(query).exclude(model=PURGE_MODEL).order_by("id"):
            before, b = _scrubbed(entry.before)
            after, a = _scrubbed(entry.after)
            if not (a or b):
                continue
            intact = entry.content_digest(entry.prev_hash) == entry.hash
            entry.before, entry.after = before, after
            Entry.objects.filter(pk=entry.pk).update(before=before, after=after)
            changed[str(entry.pk)] = {
                "hash": entry.hash,
                "redacted": entry.redacted_digest(entry.prev_hash) if intact else "",
            }
        if not changed:
            return 0, None
        fields = "、".join(SECRET_FIELDS)
        entry = _maintenance_entry(
            user,
            Action.UPDATE,
            REDACT_VERB,
            f"清除审计日志中的密钥 {len(changed)} 条",
            after={"fields": list(SECRET_FIELDS), "entries": changed},
            note=f"从 {len(changed)} 条审计日志中清除了私钥等机密字段（{fields}），原值记为“{CLEARED}”。",
        )
        tail = Entry.objects.order_by("-id").values_list("hash", flat=True).first() or ""
        entry.seal(tail)
        entry.save()
    return len(changed), entry


def verify_chain(batch: int = 5000, keyed_from: int | None = None) -> tuple[int, Entry | None]:
    """Check every entry's hash; return (entries checked, first broken entry or None).

    Once one entry is keyed, every later one must be (no way back to the unkeyed
    chain); `keyed_from`, from a head kept outside the database (`audit.anchor`), says
    where the keyed chain started, so rewriting the whole chain unkeyed is found too.
    """
    first_id, prev = _anchor()
    redacted = _redactions()
    checked = 0
    last_id = 0
    keyed = False
    while True:
        rows = list(Entry.objects.filter(id__gt=last_id).order_by("id")[:batch])
        if not rows:
            return checked, None
        for entry in rows:
            # The oldest kept entry must be the one the last purge anchored, or the
            # entries before it were removed outside `audit_purge`.
            if checked == 0 and first_id is not None and entry.id != first_id:
                return checked, entry
            must_be_keyed = keyed or (keyed_from is not None and entry.id >= keyed_from)
            if must_be_keyed and entry.scheme != SCHEME_HMAC:
                return checked, entry
            keyed = entry.scheme == SCHEME_HMAC
            if entry.prev_hash != prev:
                return checked, entry
            cleared = redacted.get(entry.id)
            if cleared is not None:
                # Secrets cleared in place: the hash is the one recorded, the content
                # the one the redaction sealed.
                if cleared.get("hash") != entry.hash or not cleared.get("redacted") or (
                    entry.redacted_digest(prev) != cleared["redacted"]
                ):
                    return checked, entry
            elif entry.content_digest(prev) != entry.hash:
                return checked, entry
            prev = entry.hash
            checked += 1
            last_id = entry.id


def purge_before(cutoff: Any, *, dry_run: bool = False, user: Any = None) -> tuple[int, Entry | None]:
    """Remove entries older than `cutoff` (an aware datetime), keeping the chain verifiable.

    Only a prefix of the chain is removed: everything before the first entry at or after
    the cutoff. Returns (entries removed or to be removed, the purge entry written).
    The caller enforces the retention period.
    """
    with transaction.atomic():
        _lock_chain()
        first_kept = Entry.objects.filter(at__gte=cutoff).order_by("id").values_list("id", flat=True).first()
        doomed = Entry.objects.all() if first_kept is None else Entry.objects.filter(id__lt=first_kept)
        count = doomed.count()
        if dry_run or count == 0:
            return count, None
        last_purged = doomed.order_by("-id").first()
        assert last_purged is not None  # noqa: S101 - count > 0
        anchor_prev = (
            last_purged.hash if first_kept is None
            else Entry.objects.filter(id=first_kept).values_list("prev_hash", flat=True).get()
        )
        first_at, last_at = doomed.order_by("id").values_list("at", flat=True).first(), last_purged.at
        doomed.delete()
        tail = Entry.objects.order_by("-id").values_list("hash", flat=True).first()
        entry = _maintenance_entry(
            user,
            Action.DELETE,
            PURGE_VERB,
            f"清理审计日志 {count} 条",
            after={
                "purged": count,
                "cutoff": cutoff.isoformat(),
                "first_purged_at": first_at.isoformat() if first_at else None,
                "last_purged_at": last_at.isoformat(),
                "last_purged_id": last_purged.id,
                "last_purged_hash": last_purged.hash,
                "first_kept_id": first_kept,
                "anchor_prev_hash": anchor_prev,
            },
            note=f"按保存期限清理 {cutoff:%Y-%m-%d} 之前的审计日志 {count} 条。",
        )
        # When nothing older survives, the purge entry itself starts the chain and
        # chains to the last removed entry's hash.
        entry.seal(tail if tail is not None else last_purged.hash)
        entry.save()
    return count, entry
