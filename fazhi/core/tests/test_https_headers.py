"""HSTS when served over https, and the Content-Security-Policy on every answer (issue 17 points 1 and 12)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from fazhi.core.middleware import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parents[3]


def _settings(tmp_path: Path, **env: str) -> dict[str, Any]:
    code = (
        "import json, fazhi.settings as s; print(json.dumps({'hsts': s.SECURE_HSTS_SECONDS,"
        " 'proxy': getattr(s, 'SECURE_PROXY_SSL_HEADER', None)}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "FAZHI_DATA_DIR": str(tmp_path), "FAZHI_SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_https_deployments_get_a_years_hsts_and_http_ones_none(tmp_path: Path) -> None:
    assert _settings(tmp_path, FAZHI_SECURE_COOKIES="1") == {
        "hsts": 31536000,
        "proxy": ["HTTP_X_FORWARDED_PROTO", "https"],
    }
    assert _settings(tmp_path, FAZHI_SECURE_COOKIES="0")["hsts"] == 0
    assert _settings(tmp_path, FAZHI_SECURE_COOKIES="1", FAZHI_HSTS_SECONDS="0")["hsts"] == 0


@pytest.mark.django_db
def test_hsts_is_sent_over_https_behind_the_proxy_and_never_over_http(settings: Any) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    secure = Client().get("/login/", HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in Client().get("/login/")


@pytest.mark.django_db
def test_every_answer_carries_the_content_security_policy(client_for: Any, coordinator: Any) -> None:
    policy = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    client = client_for(coordinator)
    for url in ("/login/", "/", "/no-such-page/", "/api/units/"):
        assert client.get(url)["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    offenders = []
    for path in (ROOT / "fazhi").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=", text):
            if "application/json" not in match.group(0):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0).strip()}")
    assert not offenders, "\n".join(offenders)
