"""A fuzz of the upward reader (issue 23): a real package, mutated the ways a bad USB
stick, a careless or a hostile county would (flipped bytes, truncations, deep nesting,
huge and malformed numbers, odd unicode, misplaced units), the signed mutations signed
again with the county's own registered key. Every one is refused with a Chinese
message and writes nothing but its audit entry. Deterministic: a fixed seed and a
bounded number of cases."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from fazhi.audit.models import Entry
from fazhi.upward.fileformat import Refused, canonical, sha256
from fazhi.upward.receive import receive
from fazhi.upward.tests.conftest import (
    Sent,
    data_counts,
    members,
    resign,
    rezip,
    send_from_elsewhere,
    signed,
    trust,
)

pytestmark = pytest.mark.usefixtures("small_catalogue")

SEED = 23
CHINESE = re.compile(r"[\u4e00-\u9fff]")

HOSTILE_NUMBERS: list[Any] = [
    10**40, "1E+999999", "1e-999999", "-1", "NaN", "Infinity", "-Infinity", "1_000", " 4", "٤", "4.5",
    "9" * 5000, 1.5, True, None, [], {}, {"total": "1", "n": -1}, {"total": "1E+40", "n": 1}, "",
]
SENDER_VALUES: dict[str, list[Any]] = {  # each refused for a sender that is not here yet
    "name": ["\x00", "名" * 500, "", " 泌阳县人民政府", "确山县人民政府", "确山县", "QS", 7, None, ["甲", "乙"]],
    "short_name": ["\x00", "名" * 60, "确山县人民政府", "确山县", 7, ["甲"]],
    "code": [7, None, "名" * 40, "\x00"],
    "kind": ["township", "", 7, "确山县", "province"],
    "uscc": ["", "确山县", 7, "11410000000000009X"],
    "ancestors.1.uscc": ["114100000000000510", "", None],
    "ancestors.1.kind": [None, 7],
    "ancestors.0": ["河南省", None],
    "ancestors": [[], "驻马店市", None],
}


def _deep(depth: int) -> Any:
    value: Any = "底"
    for _ in range(depth):
        value = {"a": [value]}
    return value


def _unsigned_figures(sent: Sent, blob: bytes) -> bytes:
    """figures.json replaced by raw bytes, listed in a manifest signed again: the
    member's own parsing is what is tried."""
    manifest = json.loads(members(sent.data)["manifest.json"])
    for m in manifest["members"]:
        if m["name"] == "figures.json":
            m["sha256"], m["size"] = sha256(blob), len(blob)
    return resign(rezip(sent.data, figures_json=blob), manifest, sent.private_key)


def _set_figure(rng: random.Random, value: Any) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        row = rng.choice(doc["indicators"])
        field = rng.choice([f for f in ("value", "raw", "scale", "decimals", "kind", "code") if f in row])
        row[field] = value

    return change


def _set_sender(path: list[str], value: Any) -> Callable[[dict], None]:
    def change(manifest: dict) -> None:
        keys: list[Any] = [int(k) if k.isdigit() else k for k in path]
        target = manifest["sender"]
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def mutations(sent: Sent, rng: random.Random, other_county: str) -> Iterator[tuple[str, bytes]]:
    data = sent.data
    for i in range(80):  # a bad USB stick: bytes flipped anywhere
        broken = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            broken[rng.randrange(len(broken))] ^= rng.randrange(1, 256)
        yield f"flip {i}", bytes(broken)
    for i in range(20):  # an interrupted download
        yield f"truncated {i}", data[: rng.randrange(len(data))]
    for name in ("manifest_json", "signature_json", "figures_json"):  # nesting, unsigned
        for depth in (30, 5_000, 100_000):
            yield f"{name} nested {depth}", rezip(data, **{name: b"[" * depth + b"]" * depth})
    for depth in (25, 400):  # nesting inside a signed manifest
        yield f"signed report nested {depth}", signed(sent, manifest=lambda m, d=depth: m["report"].update(x=_deep(d)))
    for i, value in enumerate(HOSTILE_NUMBERS):  # figures, signed by the county
        yield f"figure {i} = {str(value)[:20]!r}", signed(sent, figures=_set_figure(rng, value))
    for text in ("\ud800", "\x00", "名" * 10):  # text as JSON escapes the member parser meets
        doc = json.loads(members(data)["figures.json"])
        rng.choice(doc["indicators"])["code" if text.startswith("名") else "name"] = text
        yield f"figures text {text[:3]!r}", _unsigned_figures(sent, json.dumps(doc, ensure_ascii=True).encode())
    yield "figures with a number beyond Python's digits", _unsigned_figures(
        sent, b'{"year":2022,"indicators":[{"code":"people","raw":' + b"9" * 5000 + b"}]}"
    )
    for path, values in SENDER_VALUES.items():
        for value in values:
            yield f"sender {path} = {str(value)[:10]!r}", signed(sent, manifest=_set_sender(path.split("."), value))
    yield "sender under another county", signed(sent, manifest=_set_sender(["ancestors", "1", "uscc"], other_county))
    for key, value in (("year", "2022"), ("year", 10**100), ("generated_at", "昨天"), ("format", "fazhi-upward/1\x00"),
                       ("members", {}), ("report", []), ("signer", {"algorithm": "Ed25519"})):
        yield f"manifest {key}", signed(sent, manifest=lambda m, k=key, v=value: m.__setitem__(k, v))
    yield "manifest not canonical", rezip(data, manifest_json=json.dumps(json.loads(members(data)["manifest.json"]), indent=1).encode())
    yield "signature over nothing", rezip(data, signature_json=canonical({"manifest_sha256": "0" * 64}))


def _refused_all(cases: Iterator[tuple[str, bytes]], city: Any) -> int:
    before = data_counts()
    tried = 0
    for label, data in cases:
        last = Entry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        with pytest.raises(Refused) as info:
            receive(data, into=city, file_name=f"{label}.zip")
        assert CHINESE.search(info.value.message), (label, str(info.value))
        assert data_counts() == before, label
        assert Entry.objects.filter(id__gt=last).count() == 1, label  # the refusal, audited
        tried += 1
    return tried


def test_mutated_packages_are_all_refused_in_chinese_and_write_nothing(coded):
    city = coded["city"]
    sent = send_from_elsewhere(city)
    trust(city, sent)
    rng = random.Random(SEED)
    cases = list(mutations(sent, rng, other_county=coded["county_a"].uscc))
    damaged = ("flip", "truncated")
    tried = _refused_all((c for c in cases if not c[0].startswith(damaged)), city)  # the sender is not here yet: nothing may create it
    receive(sent.data, into=city)  # the genuine file is in: a harmless flip is a duplicate of it
    tried += _refused_all((c for c in cases if c[0].startswith(damaged)), city)
    assert tried > 150
