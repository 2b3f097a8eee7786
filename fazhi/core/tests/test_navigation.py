"""The menu shows each role exactly what it may open (issue 19 point 2; the role table is
fazhi/org/README.md)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from fazhi.core.navigation import NAV

PERSONAS = ("coordinator", "liaison_a1", "leader", "supervisor", "auditor", "admin_user")


def _menu(client: Any) -> dict[str, str]:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return {item["label"]: item["url"] for item in response.context["nav_items"]}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_menu_link_opens_and_every_hidden_one_is_refused(
    persona: str, request: Any, client_for: Any, unit_a1: Any, unit_a2: Any
) -> None:
    client = client_for(request.getfixturevalue(persona))
    menu = _menu(client)
    problems = []
    for label, url in menu.items():
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"shown {label} {url}: {response.status_code}")
    for item in NAV:
        if item.label not in menu:
            url = reverse(item.url_name)
            response = client.get(url)
            if response.status_code != 403:
                problems.append(f"hidden {item.label} {url}: {response.status_code}, not a refusal")
            elif "无权访问" not in response.content.decode():
                problems.append(f"hidden {item.label} {url}: the refusal is not the Chinese page")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_auditor_sees_the_audit_trail_and_the_tools_only(client_for: Any, auditor: Any) -> None:
    assert set(_menu(client_for(auditor))) == {"首页", "期限计算器", "报告体检", "审计日志"}


@pytest.mark.django_db
def test_a_liaison_sees_every_register_but_not_the_audit_trail(client_for: Any, liaison_a1: Any) -> None:
    menu = _menu(client_for(liaison_a1))
    assert "审计日志" not in menu
    assert {"行政复议", "行政应诉", "指标", "驾驶舱"} <= set(menu)


@pytest.mark.django_db
def test_the_auditors_workbench_points_to_the_audit_trail_not_to_empty_deadlines(client_for: Any, auditor: Any) -> None:
    text = client_for(auditor).get(reverse("home")).content.decode()
    assert "审计员" in text and f'href="{reverse("audit:list")}"' in text
    assert "待办期限" not in text
