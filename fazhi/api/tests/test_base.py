"""The shared API base: a record outside the user's scope is 404 whatever the method."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fazhi.reconsideration.models import Application
from fazhi.reconsideration.tests.helpers import received

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(coordinator: Any, unit_a1: Any) -> Application:
    return received(coordinator, unit_a1)


def _send(client: Any, method: str, url: str) -> Any:
    return client.generic(method, url, data=json.dumps({}), content_type="application/json")


@pytest.mark.parametrize("method", ["DELETE", "PUT"])
@pytest.mark.parametrize("persona", ["liaison_a2", "coordinator_b"])
def test_an_outsider_gets_404_not_405_for_a_method_the_record_does_not_allow(
    request: Any, client_for: Any, application: Application, persona: str, method: str
) -> None:
    client = client_for(request.getfixturevalue(persona))
    response = _send(client, method, f"/api/reconsideration/{application.pk}/")
    assert response.status_code == 404
    assert "allow" not in {k.lower() for k in response.headers}
    assert Application.objects.filter(pk=application.pk).exists()


@pytest.mark.parametrize("persona", ["liaison_a1", "coordinator", "admin_user"])
def test_a_member_of_the_records_unit_is_told_the_method_is_not_allowed(
    request: Any, client_for: Any, application: Application, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))
    response = _send(client, "DELETE", f"/api/reconsideration/{application.pk}/")
    assert response.status_code == 405
    assert Application.objects.filter(pk=application.pk).exists()


def test_a_disallowed_method_on_a_record_that_does_not_exist_is_404(
    client_for: Any, coordinator: Any, application: Application
) -> None:
    client = client_for(coordinator)
    for pk in (application.pk + 1000, "abc"):
        assert _send(client, "DELETE", f"/api/reconsideration/{pk}/").status_code == 404


def test_a_disallowed_method_on_a_list_route_is_still_405(
    client_for: Any, coordinator: Any
) -> None:
    assert _send(client_for(coordinator), "DELETE", "/api/reconsideration/").status_code == 405


def test_a_disallowed_method_on_a_records_action_is_404_to_an_outsider(
    client_for: Any, liaison_a2: Any, liaison_a1: Any, application: Application
) -> None:
    url = f"/api/reconsideration/{application.pk}/transition/"
    assert client_for(liaison_a2).get(url).status_code == 404
    assert client_for(liaison_a1).get(url).status_code == 405


def test_a_read_only_role_is_refused_a_write_before_anything_else(
    client_for: Any, leader: Any, application: Application
) -> None:
    assert (
        _send(client_for(leader), "DELETE", f"/api/reconsideration/{application.pk}/").status_code
        == 403
    )


@pytest.mark.parametrize("body", ["[]", '"x"', "1", "null"])
@pytest.mark.parametrize("suffix", ["", "transition/"])
def test_a_write_whose_body_is_not_a_json_object_is_refused_in_chinese(
    client_for: Any, coordinator: Any, application: Application, body: str, suffix: str
) -> None:
    version = application.version
    url = f"/api/reconsideration/{application.pk}/{suffix}"
    method = "POST" if suffix else "PATCH"
    response = client_for(coordinator).generic(
        method, url, data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON 对象" in response.json()["detail"]
    application.refresh_from_db()
    assert application.version == version
