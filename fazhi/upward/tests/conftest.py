"""Upward reporting fixtures: the persona units with unified social credit codes, a
small catalogue over org.Person covering every kind of indicator, and a county (泌阳县)
built, exported and rolled back, as if on its own server."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Q

from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import engine
from fazhi.indicators.catalogue import average, count, maximum, parts, rate, total
from fazhi.org.models import Unit, UnitKind
from fazhi.org.validators import uscc_check_char
from fazhi.testing import make_person, make_unit
from fazhi.upward import export as export_module
from fazhi.upward.models import SigningKey, Submission, TrustedKey


def uscc(n: int) -> str:
    """A unified social credit code with a valid GB 32100 check character."""
    first = f"11410000{n:09d}"
    return first + uscc_check_char(first)


CATALOGUE = [
    count("people", "人员", "名", model="org.Person", where=lambda p: Q(), definition="人员数"),
    count("principals", "负责人", "名", model="org.Person", where=lambda p: Q(is_principal=True), definition="负责人数"),
    count("staff", "工作人员", "名", model="org.Person", where=lambda p: Q(is_principal=False), definition="非负责人"),
    parts("people_again", "合计", "名", of=("principals", "staff"), definition="负责人+工作人员"),
    rate("principal_rate", "负责人占比", numerator="principals", denominator="people", definition="负责人÷人员", decimals=1),
    total("id_total", "编号合计", "万", model="org.Person", field="id", where=lambda p: Q(), definition="编号之和", scale=10, decimals=1),
    average("id_avg", "平均编号", "号", model="org.Person", field="id", where=lambda p: Q(), definition="编号平均"),
    maximum("id_max", "最大编号", "号", model="org.Person", field="id", where=lambda p: Q(), definition="最大编号"),
]


@pytest.fixture
def small_catalogue(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    table = {i.code: i for i in CATALOGUE}
    monkeypatch.setattr(cat_module, "substitute", table)
    return table


@pytest.fixture
def coded(province: Unit, city: Unit, county_a: Unit) -> dict[str, Unit]:
    """The persona units with codes (the receiver matches senders by them)."""
    for i, u in enumerate((province, city, county_a), 1):
        u.uscc = uscc(i)
        u.save()
    return {"province": province, "city": city, "county_a": county_a}


BIYANG_USCC = uscc(9)


class Rollback(Exception):
    pass


@dataclass
class Sent:
    data: bytes
    public_key: str
    private_key: str
    fingerprint: str
    values: dict[str, Any]


def _exported(county: Unit, year: int, same_key_as: Sent | None) -> Sent:
    if same_key_as is not None:  # the same server signs again
        SigningKey.objects.create(
            unit=county, private_key=same_key_as.private_key, public_key=same_key_as.public_key,
            fingerprint=same_key_as.fingerprint,
        )
    key = SigningKey.for_unit(county)
    values = engine.compute(county, year)
    data = export_module.export_year(county, year)
    return Sent(data, key.public_key, key.private_key, key.fingerprint, values)


def send_from_elsewhere(
    city: Unit, year: int = 2022, people: int = 4, principals: int = 1, same_key_as: Sent | None = None
) -> Sent:
    """泌阳县 with its records on "its own server": built in a savepoint under the city,
    exported through the real path, then rolled back so nothing of it stays here."""
    box: list[Sent] = []
    try:
        with transaction.atomic():
            county = make_unit("泌阳县人民政府", UnitKind.COUNTY, parent=city, code="BY-REMOTE", short_name="泌阳县", uscc=BIYANG_USCC)
            dept = make_unit("泌阳县司法局", UnitKind.DEPARTMENT, parent=county)
            for i in range(people):
                make_person(dept, f"人{i}", is_principal=i < principals)
            box.append(_exported(county, year, same_key_as))
            raise Rollback
    except Rollback:
        pass
    return box[0]


def send_existing_from_elsewhere(
    county: Unit, people: int = 3, year: int = 2022, same_key_as: Sent | None = None
) -> Sent:
    """An existing county's file as its own server would make it: its records there
    are `people` people (one principal), whatever it has here; rolled back after."""
    from fazhi.org.models import Person

    box: list[Sent] = []
    try:
        with transaction.atomic():
            Person.objects.filter(unit__path__startswith=county.path).delete()
            for i in range(people):
                make_person(county, f"乙{i}", is_principal=i == 0)
            SigningKey.objects.filter(unit=county).delete()
            # Its own server has no submission of its own year: its records are there.
            Submission.objects.filter(unit=county).update(current=False)
            box.append(_exported(county, year, same_key_as))
            raise Rollback
    except Rollback:
        pass
    return box[0]


def trust(receiver: Unit, sent: Sent, uscc_code: str = BIYANG_USCC) -> TrustedKey:
    return TrustedKey.objects.create(
        unit=receiver, uscc=uscc_code, name="泌阳县人民政府", public_key=sent.public_key, fingerprint=sent.fingerprint
    )


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(data: bytes, **changes: bytes | None) -> bytes:
    """The file with some members replaced (bytes) or removed (None); names use _ for ."""
    blobs = members(data)
    for key, value in changes.items():
        name = key.replace("_", ".")
        if value is None:
            blobs.pop(name, None)
        else:
            blobs[name] = value
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in blobs.items():
            zf.writestr(name, blob)
    return buf.getvalue()
