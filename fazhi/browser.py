"""Pytest fixtures for browser tests: Playwright driving the system's Chromium.

No browser is downloaded: Debian's `chromium` package provides /usr/bin/chromium
(`.ci/run` installs it). Import these fixtures in a test module with
`from fazhi.browser import browser, page  # noqa: F401`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("FAZHI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


_started: dict[str, Any] = {}


def _stop() -> None:
    if "browser" in _started:
        # While Playwright runs, this thread counts as running its event loop, and
        # Django's connections (asgiref's thread-critical Local) then give it a second
        # set: a database test run after the browser tests opens one there that the
        # test database's teardown never closes (it closes the connection the database
        # was created with), and DROP DATABASE fails: "is being accessed by other
        # users". Close them here, while Playwright's loop still counts as running.
        from django.db import connections

        connections.close_all()
        _started.pop("browser").close()
        _started.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium per test process, however many modules import this fixture."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI 环境缺少 Chromium：.ci/run 应安装 Debian 的 chromium 软件包。")
        pytest.skip("未安装 Chromium（apt-get install chromium）")
    if "browser" not in _started:
        # Playwright's sync API runs an event loop in this thread; Django's ORM calls
        # made by the test itself are still synchronous and safe.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        _started["playwright"] = pw
        _started["browser"] = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
    yield _started["browser"]
    # At the end of the session (the first of the importing modules' copies of this
    # fixture to end stops the browser); where the test database was created before
    # the browser started, that is before the database is dropped.
    _stop()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    p = context.new_page()
    p.set_default_timeout(15000)
    yield p
    context.close()


def login(page: Any, live_server: Any, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    follow(page, "button[type=submit]")


def follow(page: Any, selector: str) -> None:
    """Click what loads a new page and return once that page has loaded.

    `page.click` returns as soon as the click is dispatched; reading the page right
    after it races the navigation (the old page, or a blank title, is read)."""
    with page.expect_navigation(wait_until="load"):
        page.click(selector)
    page.wait_for_load_state("networkidle")
