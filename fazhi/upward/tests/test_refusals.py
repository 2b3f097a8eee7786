"""A tampered or malformed upward file is refused with its reason (which member, which
check), and nothing is written."""

from __future__ import annotations

import json

import pytest

from fazhi.upward import fileformat
from fazhi.upward.fileformat import Refused, canonical
from fazhi.upward.models import SigningKey, TrustedKey
from fazhi.upward.receive import receive
from fazhi.upward.tests.conftest import figures_changed as _figures_changed
from fazhi.upward.tests.conftest import members, refused, rezip, send_from_elsewhere, trust, uscc
from fazhi.upward.tests.conftest import resign as _resign

pytestmark = pytest.mark.usefixtures("small_catalogue")


def _bump_people(doc):
    for row in doc["indicators"]:
        if row["code"] == "people":
            row["value"], row["raw"] = "40", 40


def test_a_member_changed_after_signing_is_refused_naming_the_member(sent, coded):
    data, _ = _figures_changed(sent.data, _bump_people)
    refused(data, coded["city"], check="摘要", member="figures.json")


def test_a_changed_manifest_is_refused_by_its_digest(sent, coded):
    manifest = json.loads(members(sent.data)["manifest.json"])
    manifest["year"] = 2021
    data = rezip(sent.data, manifest_json=canonical(manifest))
    refused(data, coded["city"], check="摘要", member="manifest.json")


def test_a_member_changed_with_its_manifest_and_digest_recomputed_fails_the_signature(sent, coded):
    data, manifest = _figures_changed(sent.data, _bump_people)
    refused(_resign(data, manifest), coded["city"], check="签名", member="signature.json", says="签名无效")


def test_a_file_re_signed_with_another_key_is_refused(sent, coded):
    data, manifest = _figures_changed(sent.data, _bump_people)
    other = send_from_elsewhere(coded["city"])  # a different key of the "same" county
    manifest["signer"]["key_id"] = other.fingerprint
    forged = _resign(data, manifest, other.private_key)
    sig = json.loads(members(forged)["signature.json"])
    sig["key_id"] = other.fingerprint
    forged = rezip(forged, signature_json=canonical(sig))
    refused(forged, coded["city"], check="签名", says="不是为")


def test_a_sender_whose_key_is_not_registered_is_refused(coded):
    s = send_from_elsewhere(coded["city"])
    refused(s.data, coded["city"], check="签名", says="未登记")


def test_a_revoked_key_is_no_longer_accepted_and_is_named_as_revoked(sent, coded):
    TrustedKey.objects.update(active=False)
    refusal = refused(sent.data, coded["city"], check="签名", says="已停用")
    assert "未登记" not in str(refusal) and sent.fingerprint in str(refusal)


def test_something_that_is_not_a_zip_is_refused(coded):
    refused(b"%PDF-1.7 not an upward file", coded["city"], check="文件类型")
    refused(b"", coded["city"], check="文件类型")


def test_a_truncated_zip_is_refused(sent, coded):
    refused(sent.data[: len(sent.data) // 2], coded["city"], check="文件类型")


def test_a_missing_member_is_refused(sent, coded):
    refused(rezip(sent.data, figures_json=None), coded["city"], check="成员", member="figures.json")
    refused(rezip(sent.data, signature_json=None), coded["city"], check="成员", member="signature.json")


def test_an_extra_member_is_refused(sent, coded):
    refused(rezip(sent.data, evil_sh=b"rm -rf /"), coded["city"], check="成员", member="evil.sh")


def test_an_unknown_format_version_is_refused(sent, coded):
    manifest = json.loads(members(sent.data)["manifest.json"])
    manifest["format"] = "fazhi-upward/9"
    refused(_resign(sent.data, manifest, sent.private_key), coded["city"], check="格式版本", says="fazhi-upward/9")


def test_a_manifest_missing_a_field_is_refused_naming_it(sent, coded):
    manifest = json.loads(members(sent.data)["manifest.json"])
    del manifest["sender"]["uscc"]
    refused(_resign(sent.data, manifest, sent.private_key), coded["city"], check="字段", says="sender.uscc")


def test_a_sender_not_below_the_receiving_unit_is_refused(sent, coded, county_a):
    TrustedKey.objects.update(unit=county_a)  # the key is registered, but by a county
    refused(sent.data, county_a, check="隶属关系", says="不是接收单位")


def test_a_sender_that_is_the_receiving_unit_itself_is_refused(coded):
    city = coded["city"]
    key = SigningKey.for_unit(city)
    TrustedKey.objects.create(unit=city, uscc=city.uscc, name=city.name, public_key=key.public_key, fingerprint=key.fingerprint)
    from fazhi.upward.export import export_year

    data = export_year(city, 2022)
    refused(data, city, check="隶属关系")


def test_the_same_file_twice_is_refused_the_second_time(sent, coded):
    receive(sent.data, into=coded["city"])
    refused(sent.data, coded["city"], check="重复导入", says="不重复导入")


def test_an_older_file_cannot_replace_a_newer_one(coded):
    city = coded["city"]
    older = send_from_elsewhere(city, people=4)
    newer = send_from_elsewhere(city, people=5, same_key_as=older)
    trust(city, older)
    receive(newer.data, into=city)
    refused(older.data, city, check="重复导入", says="早于现行版本")


def test_an_indicator_code_unknown_here_is_refused(sent, coded):
    def add(doc):
        doc["indicators"].append(
            {"code": "made_up", "name": "编造", "unit": "件", "kind": "count", "definition": "", "decimals": 0,
             "scale": "1", "value": "1", "raw": 1}
        )

    data, manifest = _figures_changed(sent.data, add)
    refused(_resign(data, manifest, sent.private_key), coded["city"], check="指标代码", member="figures.json", says="made_up")


def test_a_value_that_disagrees_with_its_raw_figure_is_refused(sent, coded):
    def wrong(doc):
        for row in doc["indicators"]:
            if row["code"] == "principal_rate":
                row["value"] = "99.9"

    data, manifest = _figures_changed(sent.data, wrong)
    refused(_resign(data, manifest, sent.private_key), coded["city"], check="数值核对", says="principal_rate")


def test_a_year_out_of_range_is_refused(sent, coded):
    manifest = json.loads(members(sent.data)["manifest.json"])
    manifest["year"] = 1066
    refused(_resign(sent.data, manifest, sent.private_key), coded["city"], check="年度")


def test_a_county_of_another_city_is_refused(sent, coded, province):
    from fazhi.testing import make_unit

    other_city = make_unit("信阳市人民政府", "city", parent=province, uscc=uscc(77))
    TrustedKey.objects.update(unit=other_city)
    refused(sent.data, other_city, check="隶属关系")


def test_the_file_check_alone_needs_no_database():
    with pytest.raises(Refused) as info:
        fileformat.check_file(b"PK\x03\x04 broken")
    assert info.value.check == "文件类型"
