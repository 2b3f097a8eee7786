"""Upward reporting fixtures: the persona units with unified social credit codes, a
small catalogue over org.Person covering every kind of indicator, and a county (泌阳县)
built, exported and rolled back, as if on its own server."""

from __future__ import annotations

import base64
import io
import json
import struct
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
from fazhi.upward.fileformat import canonical, sha256
from fazhi.upward.models import ImportedUnit, SigningKey, Submission, TrustedKey


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
            ImportedUnit.objects.filter(unit=county).delete()  # there, it is its own unit
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


@pytest.fixture
def sent(coded: dict[str, Unit]) -> Sent:
    """泌阳县's file from its own server, its key registered by the city."""
    s = send_from_elsewhere(coded["city"])
    trust(coded["city"], s)
    return s


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


def resign(data: bytes, manifest: dict, private_key: str | None = None) -> bytes:
    """The file with a new manifest, its digest recomputed, signed with `private_key`
    (or left with the old signature when None)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    blob = canonical(manifest)
    sig = json.loads(members(data)["signature.json"])
    sig["manifest_sha256"] = sha256(blob)
    if private_key is not None:
        key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
        sig["signature"] = base64.b64encode(key.sign(blob)).decode()
    return rezip(data, manifest_json=blob, signature_json=canonical(sig))


def figures_changed(data: bytes, change) -> tuple[bytes, dict]:
    blobs = members(data)
    doc = json.loads(blobs["figures.json"])
    change(doc)
    new = canonical(doc)
    manifest = json.loads(blobs["manifest.json"])
    for m in manifest["members"]:
        if m["name"] == "figures.json":
            m["sha256"], m["size"] = sha256(new), len(new)
    return rezip(data, figures_json=new), manifest


def data_counts() -> tuple[int, ...]:
    """The rows an import writes, apart from its audit entry."""
    from fazhi.upward.models import ImportedUnit, ReportedFigure

    return (
        Submission.objects.count(), ReportedFigure.objects.count(), Unit.objects.count(),
        ImportedUnit.objects.count(), TrustedKey.objects.count(), SigningKey.objects.count(),
    )


def refused(data: bytes, into: Unit | None, *, check: str, member: str = "", says: str = "", by: Any = None) -> Any:
    """The file is refused with this check (and member, and words), nothing is written
    but the audit entry of the refusal, which names the reason."""
    from fazhi.audit.models import Entry
    from fazhi.upward.fileformat import Refused
    from fazhi.upward.receive import receive

    before, last = data_counts(), Entry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with pytest.raises(Refused) as info:
        receive(data, into=into, by=by, file_name="上报.zip")
    assert info.value.check == check, str(info.value)
    if member:
        assert info.value.member == member, str(info.value)
    if says:
        assert says in str(info.value), str(info.value)
    assert data_counts() == before  # nothing written
    entries = list(Entry.objects.filter(id__gt=last))
    assert len(entries) == 1 and entries[0].verb == "拒绝导入上报文件", entries
    assert info.value.message in entries[0].note and "上报.zip" in entries[0].note
    return info.value


def signed(sent: Sent, *, figures: Any = None, manifest: Any = None) -> bytes:
    """The sender's file changed by `figures(doc)` and/or `manifest(doc)`, with every
    digest recomputed and signed again with the sender's own (registered) key: what a
    hostile or careless county could send."""
    data, doc = figures_changed(sent.data, figures or (lambda d: None))
    if manifest is not None:
        manifest(doc)
    return resign(data, doc, sent.private_key)


def compressed_span(data: bytes, name: str) -> tuple[int, int]:
    """Where a member's compressed bytes lie in the zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[start + 26 : start + 30])
    begin = start + 30 + name_len + extra_len
    return begin, begin + info.compress_size
