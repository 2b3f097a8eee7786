"""Every production module imports on its own, in any order: imports sit at the top of
modules, so a cycle between two modules shows here rather than in a user's request."""

from __future__ import annotations

import importlib
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def production_modules() -> list[str]:
    out = []
    for p in sorted(ROOT.rglob("*.py")):
        rel = p.relative_to(ROOT.parent)
        if {"tests", "migrations", "static"} & set(rel.parts) or p.name in {"conftest.py"}:
            continue
        if p.name in {"asgi.py", "wsgi.py"}:  # they read the deployment's settings
            continue
        out.append(".".join(rel.with_suffix("").parts).removesuffix(".__init__"))
    return out


def test_every_module_imports_after_setup():
    failed = {}
    for name in production_modules():
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - we report every failure at once
            failed[name] = f"{type(exc).__name__}: {exc}"
    assert failed == {}


@pytest.mark.parametrize("first", ["fazhi.audit.anchor", "fazhi.core.backup", "fazhi.core.demo"])
def test_modules_with_a_mutual_import_load_first_in_a_fresh_process(first):
    """The known mutual imports (audit.anchor <-> core.backup, core.demo <->
    core.demo_years) load whichever is imported first."""
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'fazhi.settings_test');"
        f"django.setup(); import importlib; importlib.import_module({first!r})"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT.parent
    )
    assert done.returncode == 0, done.stderr[-2000:]
