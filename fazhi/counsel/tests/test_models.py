from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.counsel.models import Counsel, Opinion
from fazhi.indicators.engine import compute
from fazhi.litigation.tests.factories import make_lawsuit


def adviser(unit, **kw):
    data = {
        "unit": unit,
        "kind": "adviser",
        "name": "王建平",
        "firm": "河南天中律师事务所",
        "start_on": date(2022, 1, 1),
        "end_on": date(2022, 12, 31),
        **kw,
    }
    return Counsel.objects.create(**data)


@pytest.mark.django_db
def test_units_without_counsel_counts_bodies_with_neither_adviser_nor_public_lawyer(
    county_a, unit_a1, unit_a2, township_a, village_a
):
    adviser(county_a)
    Counsel.objects.create(
        unit=unit_a1, kind="public_lawyer", name="李文", start_on=date(2021, 1, 1)
    )
    got = compute(county_a, 2022, ["units_without_counsel", "adviser_count", "public_lawyers"])
    # unit_a2 and the township have none; the village is not a party or government body.
    assert got == {"units_without_counsel": 2, "adviser_count": 1, "public_lawyers": 1}


@pytest.mark.django_db
def test_an_adviser_serving_other_units_covers_them(county_a, unit_a1, unit_a2, township_a):
    a = adviser(county_a)
    a.served_units.set([unit_a1, unit_a2, township_a])
    assert compute(county_a, 2022, ["units_without_counsel"])["units_without_counsel"] == 0


@pytest.mark.django_db
def test_an_expired_contract_leaves_the_unit_without_counsel(
    county_a, unit_a1, unit_a2, township_a
):
    adviser(county_a, start_on=date(2020, 1, 1), end_on=date(2021, 12, 31))
    assert compute(county_a, 2022, ["units_without_counsel"])["units_without_counsel"] == 4
    assert compute(county_a, 2021, ["units_without_counsel"])["units_without_counsel"] == 3


@pytest.mark.django_db
def test_an_opinion_about_a_lawsuit_needs_the_lawsuit(county_a):
    op = Opinion(
        unit=county_a,
        counsel=adviser(county_a),
        given_on=date(2022, 5, 1),
        subject="lawsuit",
        title="应诉意见",
    )
    with pytest.raises(ValidationError) as exc:
        op.full_clean()
    assert "须关联行政诉讼案件" in str(exc.value)


@pytest.mark.django_db
def test_an_opinion_is_linked_to_the_lawsuit_it_concerns(county_a, unit_a1, coordinator):
    suit = make_lawsuit(unit_a1, by=coordinator, year=2022)
    op = Opinion(
        unit=county_a,
        counsel=adviser(county_a),
        given_on=date(2022, 5, 1),
        subject="lawsuit",
        title="应诉意见",
        lawsuit=suit,
    )
    op.full_clean()
    op.save()
    assert Opinion.objects.get(lawsuit=suit) == op


@pytest.mark.django_db
def test_an_opinion_about_another_countys_lawsuit_is_refused(county_a, county_b, coordinator_b):
    suit = make_lawsuit(county_b, by=coordinator_b, year=2022)
    op = Opinion(
        unit=county_a,
        counsel=adviser(county_a),
        given_on=date(2022, 5, 1),
        subject="lawsuit",
        title="应诉意见",
        lawsuit=suit,
    )
    with pytest.raises(ValidationError, match="不属于服务单位"):
        op.full_clean()


@pytest.mark.django_db
def test_an_opinion_outside_the_contract_period_is_refused(county_a):
    op = Opinion(
        unit=county_a,
        counsel=adviser(county_a),
        given_on=date(2023, 1, 5),
        subject="other",
        title="意见",
    )
    with pytest.raises(ValidationError, match="聘期"):
        op.full_clean()


@pytest.mark.django_db
def test_an_external_adviser_needs_a_firm(county_a):
    c = Counsel(unit=county_a, kind="adviser", name="张三", start_on=date(2022, 1, 1))
    with pytest.raises(ValidationError, match="律师事务所"):
        c.full_clean()


@pytest.mark.django_db
def test_opinions_are_counted_by_the_date_given(county_a):
    a = adviser(county_a)
    for day in (date(2022, 1, 1), date(2022, 12, 31)):
        Opinion.objects.create(
            unit=county_a, counsel=a, given_on=day, subject="other", title="意见"
        )
    assert compute(county_a, 2022, ["adviser_opinions"])["adviser_opinions"] == 2
    assert compute(county_a, 2023, ["adviser_opinions"])["adviser_opinions"] == 0
