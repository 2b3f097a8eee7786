"""Demonstration data says it is one: every statutory document made from it carries a
演示 mark in its page headers and a 演示文 number, never a real unit's document number
(issue 21, point 6)."""

from __future__ import annotations

from django.conf import settings

from fazhi.core.management.commands.demo import MARKER

DEMO_MARK = "演示数据，非正式公文"
DEMO_PREFIX = "演示文"


def demonstration() -> bool:
    """Whether this installation holds the demonstration data (`fazhi demo`)."""
    return bool(getattr(settings, "DEMO", False)) or (settings.DATA_DIR / MARKER).exists()
