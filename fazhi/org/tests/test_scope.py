import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from fazhi.org.models import Person, Unit
from fazhi.org.scope import can_write_unit, get_for_user_or_404, visible_to
from fazhi.testing import make_person, make_unit


@pytest.fixture
def people(unit_a1, unit_a2, county_b):
    return {
        "a1": make_person(unit_a1, "张三"),
        "a2": make_person(unit_a2, "李四"),
        "b": make_person(county_b, "王五"),
    }


def names(user):
    return set(visible_to(user, Person.objects.all()).values_list("name", flat=True))


def test_a_coordinator_sees_the_whole_county_and_nothing_of_another(coordinator, people):
    assert names(coordinator) == {"张三", "李四"}


def test_a_liaison_sees_its_own_unit_only(liaison_a1, liaison_a2, people):
    assert names(liaison_a1) == {"张三"}
    assert names(liaison_a2) == {"李四"}


def test_a_liaison_sees_the_units_below_its_own(township_a, village_a):
    from fazhi.org.models import Role
    from fazhi.testing import make_user

    town_liaison = make_user("town", township_a, Role.LIAISON)
    make_person(village_a, "赵六")
    assert names(town_liaison) == {"赵六"}
    assert can_write_unit(town_liaison, village_a)


def test_a_leader_reads_but_cannot_write(leader, people):
    assert names(leader) == {"张三", "李四"}
    assert not visible_to(leader, Person.objects.all(), write=True).exists()
    with pytest.raises(PermissionDenied):
        get_for_user_or_404(Person, people["a1"].pk, leader, write=True)


def test_an_auditor_reads_no_records(auditor, people):
    assert names(auditor) == set()


def test_a_provincial_supervisor_reads_every_county(supervisor, people):
    assert names(supervisor) == {"张三", "李四", "王五"}


def test_out_of_scope_records_are_404_not_403(liaison_a2, people):
    with pytest.raises(Http404):
        get_for_user_or_404(Person, people["a1"].pk, liaison_a2)
    with pytest.raises(Http404):
        get_for_user_or_404(Person, people["a1"].pk, liaison_a2, write=True)
    assert get_for_user_or_404(Person, people["a2"].pk, liaison_a2, write=True) == people["a2"]


def test_a_garbage_pk_is_404(liaison_a2):
    with pytest.raises(Http404):
        get_for_user_or_404(Person, "abc", liaison_a2)


def test_an_anonymous_or_inactive_user_sees_nothing(liaison_a1, people):
    from django.contrib.auth.models import AnonymousUser

    assert not visible_to(AnonymousUser(), Person.objects.all()).exists()
    liaison_a1.is_active = False
    assert not visible_to(liaison_a1, Person.objects.all()).exists()


def test_a_superuser_sees_everything(admin_user, people):
    assert names(admin_user) == {"张三", "李四", "王五"}


def test_moving_a_unit_moves_its_subtree(county_a, county_b, township_a, village_a):
    township_a.parent = county_b
    township_a.save()
    village_a.refresh_from_db()
    assert village_a.path.startswith(county_b.path)
    assert village_a.depth == county_b.depth + 2
    assert set(Unit.objects.subtree_of(county_b)) >= {township_a, village_a}
    assert village_a not in Unit.objects.subtree_of(county_a)


def test_a_unit_cannot_be_moved_under_itself(township_a, village_a):
    from django.core.exceptions import ValidationError

    township_a.parent = village_a
    with pytest.raises(ValidationError) as exc:
        township_a.full_clean()
    assert "上级单位" in str(exc.value)


def test_resolve_finds_by_name_short_name_or_code(county_a):
    assert Unit.objects.resolve("确山县人民政府") == county_a
    assert Unit.objects.resolve("确山县") == county_a
    assert Unit.objects.resolve("QS") == county_a
    with pytest.raises(Unit.DoesNotExist):
        Unit.objects.resolve("不存在的县")


def test_unit_paths_are_fixed_width_segments(city, county_a, unit_a1):
    assert unit_a1.path == f"{county_a.path}{unit_a1.pk:08d}."
    assert unit_a1.depth == county_a.depth + 1
    assert make_unit("X", parent=unit_a1).path.startswith(unit_a1.path)
