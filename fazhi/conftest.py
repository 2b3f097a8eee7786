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


def _place(fixture: str, parent: str | None, name: str, kind: str, code: str, **extra: Any) -> Any:
    """The fixture `fixture`: the unit `name` under the unit of the fixture `parent`."""

    @pytest.fixture(name=fixture)
    def place(request: pytest.FixtureRequest, db: None) -> Unit:
        above = request.getfixturevalue(parent) if parent else None
        return make_unit(name, kind, parent=above, code=code, **extra)

    return place


province = _place("province", None, "河南省", UnitKind.PROVINCE, "HN")
city = _place("city", "province", "驻马店市人民政府", UnitKind.CITY, "ZMD")
county_a = _place("county_a", "city", "确山县人民政府", UnitKind.COUNTY, "QS", short_name="确山县")
unit_a1 = _place("unit_a1", "county_a", "确山县司法局", UnitKind.DEPARTMENT, "QS-SFJ")
unit_a2 = _place("unit_a2", "county_a", "确山县市场监督管理局", UnitKind.DEPARTMENT, "QS-SCJ")
township_a = _place("township_a", "county_a", "竹沟镇人民政府", UnitKind.TOWNSHIP, "QS-ZG")
village_a = _place("village_a", "township_a", "竹沟村", UnitKind.VILLAGE, "QS-ZG-01")
county_b = _place("county_b", "city", "泌阳县人民政府", UnitKind.COUNTY, "BY", short_name="泌阳县")


def _persona(username: str, unit: str, role: str, **extra: Any) -> Any:
    """The fixture `username`: a user of that role at the unit of the fixture `unit`."""

    @pytest.fixture(name=username)
    def persona(request: pytest.FixtureRequest) -> User:
        return make_user(username, request.getfixturevalue(unit), role, **extra)

    return persona


coordinator = _persona("coordinator", "county_a", Role.COORDINATOR, full_name="统筹员")
liaison_a1 = _persona("liaison_a1", "unit_a1", Role.LIAISON)
liaison_a2 = _persona("liaison_a2", "unit_a2", Role.LIAISON)
leader = _persona("leader", "county_a", Role.LEADER)
auditor = _persona("auditor", "county_a", Role.AUDITOR)
supervisor = _persona("supervisor", "province", Role.LEADER)  # reads the whole province
coordinator_b = _persona("coordinator_b", "county_b", Role.COORDINATOR)


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
