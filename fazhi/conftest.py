"""Test personas (as healthchecks does with alice/bob/charlie).

County A has two departments, A1 and A2, and a township with a village; county B is
another county of the same city. The liaison of A2 must never see A1's records, and
county B's coordinator nothing of county A.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from fazhi.org.models import Role, Unit, UnitKind, User
from fazhi.testing import SHARED, make_unit, make_user, shared_present


def _database_vendor() -> str:
    from django.db import connection

    return connection.vendor


def _left_out(item: pytest.Item, vendor: str) -> bool:
    """A seed check where ../shared is absent, or a test of another database's format."""
    if item.get_closest_marker("seeds") and not shared_present():
        return True
    only = item.get_closest_marker("database")
    return only is not None and vendor not in only.args


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Checks against the seed reports run only where ../shared is there, and a test
    marked `database("sqlite")` only on that database; elsewhere they are left out of the
    run (not skipped) and the summary says so."""
    vendor = _database_vendor()
    kept: list[pytest.Item] = []
    left_out: list[pytest.Item] = []
    for item in items:
        (left_out if _left_out(item, vendor) else kept).append(item)
    config.stash[_LEFT_OUT_FOR_DATABASE] = [i.nodeid for i in left_out if i.get_closest_marker("database")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


_LEFT_OUT_FOR_DATABASE = pytest.StashKey[list[str]]()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    other = config.stash.get(_LEFT_OUT_FOR_DATABASE, [])
    if other:
        terminalreporter.write_line(
            f"数据库专用测试：{len(other)} 项属于另一种数据库（本次为 {_database_vendor()}），未运行；"
            "它们在该数据库上运行，本库有各自的对应测试。"
        )
    if shared_present():
        terminalreporter.write_line(f"样本报告核对：已运行（{SHARED}）")
    else:
        terminalreporter.write_line(
            f"样本报告核对：未运行——仓库旁没有 {SHARED} 目录（样本报告与金标准不随代码分发）；"
            "Fazhi 自身行为的测试不依赖它。"
        )


@pytest.fixture
def province(db: None) -> Unit:
    return make_unit("河南省", UnitKind.PROVINCE, code="HN")


@pytest.fixture
def city(province: Unit) -> Unit:
    return make_unit("驻马店市人民政府", UnitKind.CITY, parent=province, code="ZMD")


@pytest.fixture
def county_a(city: Unit) -> Unit:
    return make_unit("确山县人民政府", UnitKind.COUNTY, parent=city, code="QS", short_name="确山县")


@pytest.fixture
def unit_a1(county_a: Unit) -> Unit:
    return make_unit("确山县司法局", UnitKind.DEPARTMENT, parent=county_a, code="QS-SFJ")


@pytest.fixture
def unit_a2(county_a: Unit) -> Unit:
    return make_unit("确山县市场监督管理局", UnitKind.DEPARTMENT, parent=county_a, code="QS-SCJ")


@pytest.fixture
def township_a(county_a: Unit) -> Unit:
    return make_unit("竹沟镇人民政府", UnitKind.TOWNSHIP, parent=county_a, code="QS-ZG")


@pytest.fixture
def village_a(township_a: Unit) -> Unit:
    return make_unit("竹沟村", UnitKind.VILLAGE, parent=township_a, code="QS-ZG-01")


@pytest.fixture
def county_b(city: Unit) -> Unit:
    return make_unit("泌阳县人民政府", UnitKind.COUNTY, parent=city, code="BY", short_name="泌阳县")


@pytest.fixture
def coordinator(county_a: Unit) -> User:
    return make_user("coordinator", county_a, Role.COORDINATOR, full_name="统筹员")


@pytest.fixture
def liaison_a1(unit_a1: Unit) -> User:
    return make_user("liaison_a1", unit_a1, Role.LIAISON)


@pytest.fixture
def liaison_a2(unit_a2: Unit) -> User:
    return make_user("liaison_a2", unit_a2, Role.LIAISON)


@pytest.fixture
def leader(county_a: Unit) -> User:
    return make_user("leader", county_a, Role.LEADER)


@pytest.fixture
def auditor(county_a: Unit) -> User:
    return make_user("auditor", county_a, Role.AUDITOR)


@pytest.fixture
def supervisor(province: Unit) -> User:
    """A provincial supervisor: reads every county of the province."""
    return make_user("supervisor", province, Role.LEADER)


@pytest.fixture
def coordinator_b(county_b: Unit) -> User:
    return make_user("coordinator_b", county_b, Role.COORDINATOR)


@pytest.fixture
def admin_user(db: None) -> User:
    return User.objects.create_superuser("admin", "admin@example.invalid", "Fz-admin-password-2024")


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    """A test client logged in as the given user."""

    def login(user: User) -> Client:
        c = Client()
        c.force_login(user)
        return c

    return login


@pytest.fixture
def periods(db: None) -> None:
    """The statutory periods, as the migrations load them.

    Transactional tests flush the tables between tests, taking the rows that data
    migrations loaded (the deadlines app's Appendix A and the registers' own periods),
    and recreate content types under new ids (the cache of the old ones would make the
    deadlines' generic key point at nothing): clear that cache and put the periods back
    as the migrations do. Every loader is get-or-create, so a row that is there stays."""
    from django.apps import apps as global_apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    from fazhi.deadlines.models import Period
    from fazhi.deadlines.periods_data import sync as sync_periods

    ContentType.objects.clear_cache()
    sync_periods(Period)
    for (app, _), migration in sorted(MigrationLoader(None).disk_migrations.items()):
        if app == "deadlines" or not any(dep[0] == "deadlines" for dep in migration.dependencies):
            continue
        for op in migration.operations:
            load: Any = op.code if isinstance(op, RunPython) else None
            if load is not None and "Period" in (load.__code__.co_names + load.__code__.co_consts):
                load(global_apps, None)
