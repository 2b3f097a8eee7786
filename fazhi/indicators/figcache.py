"""Figures of the screen many people open at once (the dashboard), kept for a while.

The dashboard computes its unit's whole catalogue, five years of one figure and the
unit's children side by side: some sixty queries, hundreds of milliseconds for a county
of a synthetic province. Those figures change only when a register is written, so the
dashboard reads them through here:

- they are kept in Django's cache (settings.CACHES; the default is each server
  process's own memory, a shared cache such as Redis or the database cache serves
  every process alike, docs/deployment.md) under a **data version**;
- any save or delete of a record of an app that has indicators moves the version on
  (a signal), and the bulk paths that write without signals (xlsx imports, `fazhi
  synth`, upward imports) call `data_changed()`; a figure computed before a write is
  therefore not served after it, in the process that wrote (or everywhere, with a
  shared cache);
- every entry also expires after FAZHI_FIGURES_CACHE_SECONDS (default 120; 0 switches
  the cache off, as the test settings do), which bounds how long another process's
  write, or an UPDATE that sends no signal, can go unseen. The screen says when its
  figures were computed and offers to compute them afresh.

Reports, drill-downs, exports and the upward report never read from here: they compute
from the records at the moment they are made.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from fazhi.indicators import county_figures
from fazhi.indicators.catalogue import catalogue
from fazhi.org.models import Unit

VERSION_KEY = "fazhi:figures:version"
T = TypeVar("T")


def ttl() -> int:
    return int(getattr(settings, "FAZHI_FIGURES_CACHE_SECONDS", 120))


def _new_version() -> int:
    # A version that no entry carries, even after the key was evicted: a random start
    # (writes then move it by one), so a restarted count never meets an older one.
    return secrets.randbits(62)


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return int(version)


def data_changed(*units: Unit) -> None:
    """Records of these units' subtrees (none given: anywhere) were written without
    signals (bulk inserts): figures computed before now are not served again."""
    county_figures.records_changed(*units)
    _next_version()


def _next_version() -> None:
    if ttl() <= 0:
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): start one above any served
        cache.set(VERSION_KEY, _new_version(), timeout=None)


def kept(parts: Iterable[Any], make: Callable[[], T], *, fresh: bool = False) -> tuple[T, datetime]:
    """make()'s result and when it was computed: from the cache if it was computed under
    the current data version less than FAZHI_FIGURES_CACHE_SECONDS ago (and `fresh` is
    not asked for), else computed now and kept. `parts` name it (unit, period, codes…);
    `make` must return something picklable that depends on nothing else."""
    seconds = ttl()
    if seconds <= 0:
        return make(), timezone.now()
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:32]
    key = f"fazhi:figures:{data_version()}:{digest}"
    if not fresh:
        hit: tuple[T, datetime] | None = cache.get(key)
        if hit is not None:
            return hit
    entry = (make(), timezone.now())
    cache.set(key, entry, timeout=seconds)
    return entry


_apps_of: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}


def _figure_apps() -> frozenset[str]:
    """The apps whose models some figure counts: asked on every save, built once a catalogue."""
    cat = catalogue()
    hit = _apps_of.get(id(cat))
    if hit is None or hit[0] is not cat:
        _apps_of.clear()
        hit = _apps_of[id(cat)] = (cat, frozenset(ind.model.split(".")[0] for ind in cat.values() if ind.model))
    return hit[1]


def _record_written(sender: type, instance: Any = None, raw: bool = False, **kwargs: Any) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.apps is not global_apps or raw:
        return  # a migration's historical model, or a fixture being loaded
    if meta.label == settings.AUTH_USER_MODEL:
        return  # a sign-in saves the user: no figure counts users
    if ttl() <= 0 and county_figures.max_age() <= 0:
        return  # nothing is kept (the test settings)
    if meta.app_label not in _figure_apps():
        return
    county_figures.record_written(instance)
    _next_version()


def connect() -> None:
    post_save.connect(_record_written, dispatch_uid="fazhi.indicators.figcache.save")
    post_delete.connect(_record_written, dispatch_uid="fazhi.indicators.figcache.delete")
