"""The publicity screens: every list, the forms, scope and the figures."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.publicity.models import Activity, LawReport, Responsibility

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/publicity/",
        "/publicity/responsibilities/",
        "/publicity/study/",
        "/publicity/exams/",
        "/publicity/reports/",
        "/publicity/figures/?year=2022",
    ],
)
def test_every_screen_opens(client_for, coordinator, url):
    assert client_for(coordinator).get(url).status_code == 200


def test_an_activity_is_recorded_and_listed(
    client_for, liaison_a1, unit_a1, django_assert_max_num_queries
):
    client = client_for(liaison_a1)
    response = client.post(
        "/publicity/new/",
        {
            "unit": unit_a1.pk,
            "title": "民法典进乡村",
            "held_on": "2022-05-01",
            "format": "countryside",
            "target": "villages",
            "audience": 200,
            "materials": 300,
        },
    )
    assert response.status_code == 302
    with django_assert_max_num_queries(8):
        assert "民法典进乡村" in client.get("/publicity/?year=2022").content.decode()


def test_a_bad_activity_is_refused_in_chinese_and_not_saved(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/publicity/new/",
        {
            "unit": unit_a1.pk,
            "title": "x",
            "held_on": "2099-05-01",
            "format": "countryside",
            "target": "villages",
            "audience": 1,
            "materials": 1,
        },
    )
    assert response.status_code == 200 and "未来" in response.content.decode()
    assert not Activity.objects.exists()


def test_outsiders_cannot_see_or_edit_another_units_activity(
    client_for, liaison_a2, coordinator_b, unit_a1
):
    a = Activity.objects.create(
        unit=unit_a1,
        title="司法局活动",
        held_on=date(2022, 5, 1),
        format="countryside",
        target="villages",
    )
    for user in (liaison_a2, coordinator_b):
        client = client_for(user)
        assert "司法局活动" not in client.get("/publicity/").content.decode()
        assert client.get(f"/publicity/{a.pk}/").status_code == 404


def test_the_leader_cannot_record(client_for, leader):
    assert client_for(leader).get("/publicity/new/").status_code == 403


def test_the_responsibility_list_shows_activities_done(client_for, coordinator, unit_a1):
    r = Responsibility.objects.create(
        unit=unit_a1, year=2022, laws="人民调解法", target="villages", planned_events=3
    )
    Activity.objects.create(
        unit=unit_a1,
        title="x",
        held_on=date(2022, 5, 1),
        format="countryside",
        target="villages",
        responsibility=r,
    )
    text = client_for(coordinator).get("/publicity/responsibilities/?year=2022").content.decode()
    assert "人民调解法" in text and "<td>1</td>" in text


def test_law_reports_mask_the_leaders_name(client_for, coordinator, unit_a1):
    LawReport.objects.create(
        unit=unit_a1,
        reported_on=date(2022, 12, 1),
        person_name="李文博",
        position="局长",
        form="meeting",
    )
    text = client_for(coordinator).get("/publicity/reports/").content.decode()
    assert "李某某" in text and "李文博" not in text


def test_the_activity_list_narrows_by_format_and_ignores_an_unknown_one(
    client_for, coordinator, unit_a1
):
    for title, fmt in (("下乡宣讲", "countryside"), ("法治讲座甲", "lecture")):
        Activity.objects.create(
            unit=unit_a1, title=title, held_on=date(2022, 5, 1), format=fmt, target="villages"
        )
    client = client_for(coordinator)
    narrowed = client.get("/publicity/?format=lecture").content.decode()
    assert "法治讲座甲" in narrowed and "下乡宣讲" not in narrowed
    every = client.get("/publicity/?format=nonsense").content.decode()
    assert "法治讲座甲" in every and "下乡宣讲" in every
