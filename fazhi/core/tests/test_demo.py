"""`fazhi demo`: the demo county, one user per role, every user can log in and sees
the workbench with due items."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client

from fazhi.core.management.commands.demo import DEMO_USERS, Command
from fazhi.deadlines.models import Deadline
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo, built once for this module and rolled back after it; each test
    runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield Command().build()
        transaction.set_rollback(True)


def test_the_demo_creates_the_county_named_in_the_seed(demo):
    county = Unit.objects.get(name="确山县人民政府")
    assert county.parent.name == "驻马店市人民政府"
    names = set(county.subtree().values_list("name", flat=True))
    assert {"确山县司法局", "确山县市场监督管理局", "竹沟镇人民政府", "中共确山县委员会"} <= names


def test_every_demo_user_logs_in_with_the_printed_password_and_sees_due_items(demo):
    assert set(demo) == {u[0] for u in DEMO_USERS} | {"admin"}
    assert Deadline.objects.open().exists()
    for username, (_label, password) in demo.items():
        c = Client()
        r = c.post("/login/", {"username": username, "password": password})
        assert r.status_code == 302, username
        home = c.get("/")
        assert home.status_code == 200, username
        html = home.content.decode()
        if username == "auditor":  # reads the audit trail, no deadlines (fazhi/org/README.md)
            assert "审计日志" in html and "逾期" not in html
        else:
            assert "待办" in html and "逾期" in html
    coordinator = Client()
    coordinator.post("/login/", {"username": "coordinator", "password": demo["coordinator"][1]})
    html = coordinator.get("/").content.decode()
    assert "light-red" in html or "light-yellow" in html or "light-green" in html


def test_demo_passwords_are_strong_and_different(demo):
    from django.contrib.auth.password_validation import validate_password

    passwords = [p for _, p in demo.values()]
    assert len(set(passwords)) == len(passwords)
    for username, (_, password) in demo.items():
        validate_password(password, User.objects.get(username=username))


def test_the_demo_refuses_to_overwrite_a_database_that_is_not_a_demo(settings, tmp_path, monkeypatch):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        with pytest.raises(CommandError, match="DATABASE_URL"):
            call_command("demo", "--no-serve")
        return
    settings.DATA_DIR = tmp_path
    db_file = tmp_path / "fazhi.sqlite3"
    db_file.write_bytes(b"real data")
    # Never touch settings.DATABASES: the live connections share that dict.
    monkeypatch.setattr(Command, "database_path", staticmethod(lambda: db_file))
    with pytest.raises(CommandError, match="不是演示数据库"):
        call_command("demo", "--no-serve")
    assert db_file.read_bytes() == b"real data"


def test_every_year_up_to_last_has_records_and_2022_is_the_seeds(demo):
    from fazhi.indicators.engine import compute

    county = Unit.objects.get(name="确山县人民政府")
    codes = ["recon_received", "litig_cases", "mediation_cases", "enforcement_cases"]
    by_year = {y: compute(county, y, codes, from_records=True) for y in range(2022, 2026)}
    assert by_year[2022]["recon_received"] == 51  # the seed report's figure, unchanged
    for year in (2023, 2024, 2025):
        for code in codes:
            assert by_year[year][code], (year, code)
    # Varied, so a trend means something: not the same number every year.
    assert len({by_year[y]["recon_received"] for y in by_year}) > 1
