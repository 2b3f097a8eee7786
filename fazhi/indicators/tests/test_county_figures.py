"""Counties' kept figures (county_figures.py): the same figures as from the records, emptied by
any write in the county within its transaction, never answered for another definition,
expired after FAZHI_FIGURES_ROLLUP_SECONDS; off in the other tests (settings_test)."""

from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import engine, figcache
from fazhi.indicators.catalogue import count
from fazhi.indicators.models import CountyFigures, WriteCounter
from fazhi.testing import make_person

from .test_engine import CATALOGUE


@pytest.fixture(autouse=True)
def fake_catalogue(monkeypatch):
    monkeypatch.setattr(cat_module, "substitute", {i.code: i for i in CATALOGUE})


@pytest.fixture
def kept(settings):
    settings.FAZHI_FIGURES_ROLLUP_SECONDS = 600


def current():
    """The counties whose kept rows are current: their write counter has not moved."""
    counters = dict(WriteCounter.objects.values_list("unit_id", "writes"))
    return sorted({r.county_id for r in CountyFigures.objects.all() if r.writes == counters.get(r.county_id, 0)})


def figures(counties):
    got = engine.compute_many(counties, 2022)
    return [(got[c.pk]["people"], got[c.pk]["principals"], got[c.pk]["principal_rate"]) for c in counties]


def test_counties_figures_are_kept_and_read_back_alike(kept, staffed, county_a, county_b, django_assert_max_num_queries):
    expected = [(4, 2, 50), (1, 1, 100)]
    assert figures([county_a, county_b]) == expected
    assert set(CountyFigures.objects.values_list("county_id", "year", "model")) == {
        (county_a.pk, 2022, "org.Person"), (county_b.pk, 2022, "org.Person")
    }
    with django_assert_max_num_queries(2):  # the unit tree and the kept rows: no record read
        assert figures([county_a, county_b]) == expected
    assert engine.compute(county_a, 2022)["people"] == 4  # one county alone reads its row too


def test_a_write_outdates_its_own_countys_figures_in_the_same_transaction(kept, staffed, county_a, county_b, unit_a2):
    figures([county_a, county_b])
    make_person(unit_a2, "戊")
    assert current() == [county_b.pk]
    assert figures([county_a, county_b]) == [(5, 2, 40), (1, 1, 100)]
    person = make_person(county_b, "己")
    person.delete()
    assert current() == [county_a.pk]


def test_figures_of_another_definition_are_never_served(kept, staffed, county_a, monkeypatch):
    assert engine.compute(county_a, 2022)["people"] == 4
    narrower = count("people", "人员", "名", model="org.Person", where=lambda p: Q(is_principal=True), definition="")
    monkeypatch.setattr(cat_module, "substitute", {**{i.code: i for i in CATALOGUE}, "people": narrower})
    assert engine.compute(county_a, 2022)["people"] == 2


def test_expired_figures_are_computed_again(kept, staffed, county_a):
    engine.compute(county_a, 2022)
    CountyFigures.objects.update(figures={"people": 99, "principals": 0, "staff": 0}, computed_at=timezone.now() - timedelta(seconds=601))
    assert engine.compute(county_a, 2022)["people"] == 4
    CountyFigures.objects.update(figures={"people": 99, "principals": 0, "staff": 0})
    assert engine.compute(county_a, 2022)["people"] == 99  # (what a current row holds is what is read)


def test_bulk_writers_say_where_they_wrote(kept, staffed, city, county_a, county_b, unit_a1):
    figures([county_a, county_b])
    figcache.data_changed(unit_a1)
    assert current() == [county_b.pk]
    figures([county_a, county_b])
    figcache.data_changed(city)  # a city's import: its counties
    assert current() == []
    figures([county_a, county_b])
    figcache.data_changed()
    assert not CountyFigures.objects.exists()


def test_only_whole_counties_for_a_calendar_year_are_kept(kept, staffed, city, county_a, unit_a1):
    engine.compute(unit_a1, 2022)
    engine.compute(city, 2022)
    engine.compute(county_a, 2022, own=True)
    engine.compute(county_a, engine.Period(engine.Period.year(2022).start, timezone.localdate().replace(year=2022, month=6, day=30)))
    assert not CountyFigures.objects.exists()


def test_switched_off_nothing_is_kept(settings, staffed, county_a):
    settings.FAZHI_FIGURES_ROLLUP_SECONDS = 0
    engine.compute(county_a, 2022)
    assert not CountyFigures.objects.exists()


def test_documents_read_the_records_whatever_is_kept(kept, staffed, county_a):
    engine.compute(county_a, 2022)
    CountyFigures.objects.update(figures={"people": 99, "principals": 0, "staff": 0})
    assert engine.compute(county_a, 2022)["people"] == 99
    assert engine.compute(county_a, 2022, from_records=True)["people"] == 4


def test_counties_reported_from_another_server_are_never_kept(kept, staffed, county_a, county_b, monkeypatch):
    from django.db.models import BooleanField, ExpressionWrapper

    source = engine.ExternalSource(
        marker=lambda p: ExpressionWrapper(Q(pk=county_b.pk), output_field=BooleanField()),
        figures=lambda paths, p: {county_b.path: {"people": 7, "principals": 7, "staff": 0}},
    )
    monkeypatch.setattr(engine, "_external_sources", [source])
    assert figures([county_a, county_b]) == [(4, 2, 50), (7, 7, 100)]
    assert not CountyFigures.objects.exists()  # the imported figures are read as they stand


def test_an_xlsx_import_forgets_the_importers_countys_figures(kept, staffed, county_a, county_b, liaison_a1):
    from fazhi.core.tests.test_xlsx_paths import PEOPLE, workbook
    from fazhi.kit.xlsx import import_file

    figures([county_a, county_b])
    data = workbook(PEOPLE, [["确山县司法局", "新人甲", None], ["确山县司法局", "新人乙", "是"]])
    assert import_file(PEOPLE, data, user=liaison_a1).created == 2  # bulk: no signals
    assert current() == [county_b.pk]
    assert figures([county_a, county_b]) == [(6, 3, 50), (1, 1, 100)]


def test_the_command_keeps_every_countys_figures_ahead_of_a_comparison(kept, staffed, county_a, county_b, city):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("keep_county_figures", "--year", "2022", "--under", city.code, stdout=out)
    assert "2022年：2 个县，保留汇总数字 2 条" in out.getvalue()
    assert set(CountyFigures.objects.values_list("county_id", flat=True)) == {county_a.pk, county_b.pk}


def test_the_command_refuses_when_nothing_is_kept(settings, county_a):
    from django.core.management import CommandError, call_command

    settings.FAZHI_FIGURES_ROLLUP_SECONDS = 0
    with pytest.raises(CommandError, match="无需预先计算"):
        call_command("keep_county_figures", "--year", "2022")


def test_a_write_committing_during_a_computation_never_leaves_its_figures_current(
    kept, staffed, county_a, unit_a2, monkeypatch
):
    real = engine._model_rows

    def rows_then_a_write(*args, **kwargs):
        rows = list(real(*args, **kwargs))
        make_person(unit_a2, "庚")  # another request's write, committed after these rows were read
        return rows

    monkeypatch.setattr(engine, "_model_rows", rows_then_a_write)
    assert engine.compute(county_a, 2022)["people"] == 4  # what the records said when read
    monkeypatch.setattr(engine, "_model_rows", real)
    assert current() == []  # kept with the counter read before: already outdated
    assert engine.compute(county_a, 2022)["people"] == 5
    assert current() == [county_a.pk]


def test_one_row_serves_a_single_figure_and_the_whole_catalogue(kept, staffed, county_a, django_assert_max_num_queries):
    assert engine.compute(county_a, 2022, ["principals"]) == {"principals": 2}
    with django_assert_max_num_queries(2):  # the row kept holds every figure of org.Person
        assert engine.compute(county_a, 2022)["people"] == 4
    with django_assert_max_num_queries(2):
        assert engine.compute(county_a, 2022, ["staff"]) == {"staff": 2}
    assert CountyFigures.objects.count() == 1


def test_a_new_unit_outdates_its_county_and_a_moved_one_both_counties(kept, staffed, county_a, county_b, unit_a2):
    from fazhi.testing import make_unit

    figures([county_a, county_b])
    make_unit("确山县新设局", parent=county_a)
    assert current() == [county_b.pk]
    figures([county_a, county_b])
    unit_a2.parent = county_b
    unit_a2.save()
    assert current() == []
    assert figures([county_a, county_b]) == [(3, 2, 67), (2, 1, 50)]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--year", "1800"], "年度 1800 不在合理范围内"), (["--under", "没有这个单位"], "没有这个单位")],
)
def test_the_command_refuses_a_bad_year_or_unit_and_keeps_nothing(kept, county_a, args, message):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=message):
        call_command("keep_county_figures", *args)
    assert not CountyFigures.objects.exists()
