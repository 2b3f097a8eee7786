"""The dashboard's figures cache: kept under a data version that every write of a
figure's register moves on, bounded by FAZHI_FIGURES_CACHE_SECONDS, off in tests unless
switched on (as here)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from fazhi.indicators import figcache
from fazhi.reports.tests.fakes import install
from fazhi.testing import make_person

from .test_views import dashboard_data


@pytest.fixture(autouse=True)
def fake_catalogue(monkeypatch):
    install(monkeypatch)


@pytest.fixture
def kept(settings):
    settings.FAZHI_FIGURES_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


class Maker:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"n": self.calls}


@pytest.mark.django_db
def test_a_figure_is_computed_once_until_a_record_is_written(kept, unit_a1):
    make = Maker()
    first, at = figcache.kept(("x", 1), make)
    assert figcache.kept(("x", 1), make) == (first, at) and make.calls == 1
    assert figcache.kept(("x", 2), make)[0] == {"n": 2}  # other parts, other entry
    make_person(unit_a1, "张伟")  # org.Person: an app with figures (org.Unit)
    assert figcache.kept(("x", 1), make)[0] == {"n": 3}


@pytest.mark.django_db
def test_signing_in_does_not_throw_the_figures_away(kept, coordinator, client):
    make = Maker()
    figcache.kept(("x",), make)
    client.force_login(coordinator)  # saves the user's last_login
    coordinator.save()
    figcache.kept(("x",), make)
    assert make.calls == 1


@pytest.mark.django_db
def test_fresh_recomputes_and_bulk_writers_say_data_changed(kept):
    make = Maker()
    figcache.kept(("x",), make)
    assert figcache.kept(("x",), make, fresh=True)[0] == {"n": 2}
    assert figcache.kept(("x",), make)[0] == {"n": 2}  # the fresh one is kept
    figcache.data_changed()
    assert figcache.kept(("x",), make)[0] == {"n": 3}


@pytest.mark.django_db
def test_an_evicted_version_never_brings_old_figures_back(kept):
    make = Maker()
    figcache.kept(("x",), make)
    cache.delete(figcache.VERSION_KEY)
    figcache.data_changed()  # starts a new version above any that was served
    assert figcache.kept(("x",), make)[0] == {"n": 2}


@pytest.mark.django_db
def test_switched_off_it_computes_every_time(settings):
    settings.FAZHI_FIGURES_CACHE_SECONDS = 0
    make = Maker()
    figcache.kept(("x",), make)
    figcache.kept(("x",), make)
    assert make.calls == 2


def test_the_dashboard_serves_kept_figures_says_when_and_sees_a_new_record(
    kept, county_a, unit_a1, coordinator, client_for
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_for(coordinator)
    url = reverse("indicators:dashboard") + "?year=2022&code=people"
    make_person(unit_a1, "张伟")
    with CaptureQueriesContext(connection) as cold:
        first = c.get(url)
    with CaptureQueriesContext(connection) as warm:
        again = c.get(url)
    assert len(warm) < len(cold) - 5  # the figures' queries are not run again
    assert dashboard_data(again) == dashboard_data(first)
    html = again.content.decode()
    assert "以下统计数据计算于" in html and "fresh=1" in html
    make_person(unit_a1, "李娜")
    points = {p["unit"]: p["value"] for p in dashboard_data(c.get(url))["compare"]["points"]}
    assert points[unit_a1.display_name] == 2
