"""What runs in the browser stays within what Chromium 90-era browsers understand.

Government desktops run 奇安信, UOS and 360 browsers on Chromium 86–90 cores (issue 10,
point 9). The browser tests drive today's Chromium, which would not notice a feature
those cores lack, so our own scripts and stylesheets (the vendored htmx and ECharts are
built for older targets by their projects) are searched for syntax and APIs that
arrived after Chromium 90. The list names the Chromium version that introduced each.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

FAZHI = Path(__file__).resolve().parents[2]
OWN_STATIC = sorted((FAZHI / "static" / "fazhi").glob("*.*"))
TEMPLATES = sorted(FAZHI.glob("**/templates/**/*.html"))

# (what, regex, Chromium version that introduced it)
JS_AFTER_90 = [
    ("Array/String .at()", r"\.at\(", 92),
    ("Object.hasOwn", r"\bObject\.hasOwn\b", 93),
    ("structuredClone", r"\bstructuredClone\s*\(", 98),
    ("findLast / findLastIndex", r"\.findLast(Index)?\s*\(", 97),
    ("class static block", r"\bstatic\s*\{", 94),
    ("Array.prototype.toSorted & co", r"\.(toSorted|toReversed|toSpliced|with)\s*\(", 110),
    ("Error cause", r"new Error\([^)]*,\s*\{\s*cause", 93),
    ("top-level await in module", r"^\s*await\b", 89),
]
CSS_AFTER_90 = [
    (":has()", r":has\(", 105),
    ("container queries", r"@container|container-type\s*:", 105),
    ("cascade layers", r"@layer\b", 99),
    ("color-mix()", r"color-mix\(", 111),
    ("dynamic viewport units", r"\b\d+(\.\d+)?(dvh|svh|lvh|dvw|svw|lvw)\b", 108),
    ("accent-color", r"\baccent-color\s*:", 93),
    ("text-wrap", r"\btext-wrap\s*:", 114),
    ("CSS nesting", r"^\s*&", 112),
]


def _inline(template: Path, tag: str) -> str:
    text = template.read_text(encoding="utf-8")
    return "\n".join(re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", text, flags=re.S))


def _sources(kind: str) -> list[tuple[str, str]]:
    ext, tag = (".js", "script") if kind == "js" else (".css", "style")
    out = [
        (str(p.relative_to(FAZHI)), p.read_text(encoding="utf-8"))
        for p in OWN_STATIC
        if p.suffix == ext
    ]
    out += [(str(t.relative_to(FAZHI)), _inline(t, tag)) for t in TEMPLATES]
    return [(name, text) for name, text in out if text.strip()]


def test_there_are_scripts_and_stylesheets_to_check() -> None:
    assert any(name.endswith(".js") for name, _ in _sources("js"))
    assert any(name.endswith(".css") for name, _ in _sources("css"))


@pytest.mark.parametrize("kind,features", [("js", JS_AFTER_90), ("css", CSS_AFTER_90)])
def test_our_scripts_and_styles_use_nothing_newer_than_chromium_90(
    kind: str, features: list
) -> None:
    found = []
    for name, text in _sources(kind):
        for what, pattern, version in features:
            for m in re.finditer(pattern, text, flags=re.M):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{name}:{line}: {what} (Chromium {version})")
    assert not found, "Chromium 90 does not understand:\n" + "\n".join(found)


def test_the_checker_would_notice_a_newer_feature() -> None:
    hits = [w for w, p, _ in JS_AFTER_90 if re.search(p, "const last = rows.at(-1);", re.M)]
    assert hits == ["Array/String .at()"]
    hits = [w for w, p, _ in CSS_AFTER_90 if re.search(p, ".card:has(> img) { color: red }", re.M)]
    assert hits == [":has()"]


def test_every_page_asks_360_and_other_dual_engine_browsers_for_webkit(db: None) -> None:
    page = Client().get("/login/").content.decode()
    assert '<meta name="renderer" content="webkit">' in page
    assert '<meta name="force-rendering" content="webkit">' in page
    assert 'content="IE=edge,chrome=1"' in page
