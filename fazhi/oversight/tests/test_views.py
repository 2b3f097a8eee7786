"""Screens: scope (outsiders get 404), read-only roles (403), moves through apply()."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.oversight.models import Suggestion, Task
from fazhi.oversight.rules import SuggestionKind, TaskState
from fazhi.oversight.tests.test_models import assigned, assigned_suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(coordinator, county_a, unit_a1):
    return assigned(coordinator, county_a, unit_a1, due_on=date(2023, 4, 28))


def test_the_task_list_and_due_list_show_the_units_tasks(
    client_for, liaison_a1, task, django_assert_max_num_queries
):
    c = client_for(liaison_a1)
    with django_assert_max_num_queries(12):
        page = c.get("/oversight/").content.decode()
    assert task.title in page and "逾期" in page
    assert task.title in c.get("/oversight/due/").content.decode()


def test_outsiders_get_404(client_for, liaison_a2, coordinator_b, task):
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert c.get(f"/oversight/{task.pk}/").status_code == 404
        assert c.post(f"/oversight/{task.pk}/act/feedback/").status_code == 404
        assert task.title not in c.get("/oversight/due/").content.decode()


def test_a_leader_reads_but_may_not_act(client_for, leader, task):
    c = client_for(leader)
    assert c.get(f"/oversight/{task.pk}/").status_code == 200
    assert (
        c.post(
            f"/oversight/{task.pk}/act/feedback/",
            {"feedback-on": "2023-04-01", "feedback-text": "x"},
        ).status_code
        == 403
    )


def test_the_lead_unit_reports_progress_with_an_attachment(
    client_for, liaison_a1, task, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    r = client_for(liaison_a1).post(
        f"/oversight/{task.pk}/act/feedback/",
        {
            "feedback-on": "2023-04-01",
            "feedback-text": "已完成一半",
            "feedback-attachment": SimpleUploadedFile("照片.txt", b"x"),
        },
    )
    assert r.status_code == 302
    progress = task.progress.get()
    assert progress.attachment.name.startswith("oversight/")


def test_a_bad_move_is_refused_in_chinese_and_changes_nothing(client_for, coordinator, task):
    r = client_for(coordinator).post(
        f"/oversight/{task.pk}/act/urge/", {"urge-on": "2023-04-01", "urge-means": "email"}
    )
    assert r.status_code == 400 and "未办理" in r.content.decode()
    assert Task.objects.get(pk=task.pk).state == TaskState.ASSIGNED and task.urgings.count() == 0


def test_proposing_a_task_from_the_screen(client_for, coordinator, county_a, unit_a1):
    r = client_for(coordinator).post(
        "/oversight/new/",
        {
            "title": "路灯整改",
            "source_kind": "meeting",
            "source_ref": "常务会",
            "office": county_a.pk,
            "unit": unit_a1.pk,
            "proposed_on": "2023-03-01",
        },
    )
    assert r.status_code == 302
    assert Task.objects.get().state == TaskState.PROPOSED


def test_suggestions_screens_scope_and_masking(
    client_for, coordinator, liaison_a1, liaison_a2, county_a, unit_a1
):
    s = assigned_suggestion(coordinator, county_a, unit_a1)
    page = client_for(liaison_a1).get("/oversight/suggestions/").content.decode()
    assert "李某某" in page and "李四海" not in page
    assert client_for(liaison_a2).get(f"/oversight/suggestions/{s.pk}/").status_code == 404
    r = client_for(liaison_a1).post(
        f"/oversight/suggestions/{s.pk}/act/reply/",
        {"reply-on": "2023-05-01", "reply-category": "A"},
    )
    assert r.status_code == 302
    assert Suggestion.objects.get(pk=s.pk).replied_on == date(2023, 5, 1)


def test_the_figures_page(client_for, coordinator, county_a, unit_a1):
    assigned_suggestion(coordinator, county_a, unit_a1, kind=SuggestionKind.CPPCC)
    r = client_for(coordinator).get("/oversight/figures/?year=2023")
    assert r.status_code == 200 and "提案办结率" in r.content.decode()
