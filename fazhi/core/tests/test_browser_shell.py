"""The shell in a real browser: log in, see the workbench, switch unit, log out."""

import pytest

from fazhi.browser import browser, follow, login, page  # noqa: F401
from fazhi.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_coordinator_logs_in_sees_the_workbench_and_logs_out(page, live_server, coordinator, unit_a1):  # noqa: F811
    login(page, live_server, "coordinator", PASSWORD)
    assert page.title().startswith("工作台")
    assert page.locator("h1").inner_text().startswith("工作台")
    assert page.locator("nav.sidenav").is_visible()
    with page.expect_navigation():
        page.select_option(".unit-switcher select", label="　确山县司法局")
    assert "确山县司法局" in page.locator("h1").inner_text()
    follow(page, "text=退出")
    assert "/login/" in page.url


def test_a_wrong_password_shows_a_chinese_error(page, live_server, coordinator):  # noqa: F811
    login(page, live_server, "coordinator", "wrong-password")
    assert "用户名或密码不正确" in page.content()


def test_pages_ask_360_browsers_for_the_webkit_engine(page, live_server, coordinator):  # noqa: F811
    page.goto(f"{live_server.url}/login/")
    assert page.locator('meta[name="renderer"]').get_attribute("content") == "webkit"
