"""Files from outside cannot hurt the receiver (issue 23): a corrupt file is refused, not
a traceback; a registered county's signed file cannot store absurd figures, invent or
rename units, or count twice by being zipped again."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from fazhi.audit.models import Entry
from fazhi.org.models import Unit
from fazhi.upward.export import ExportRefused, export_year
from fazhi.upward.fileformat import Refused, check_file
from fazhi.upward.receive import receive
from fazhi.upward.tests.conftest import (
    BIYANG_USCC,
    compressed_span,
    data_counts,
    members,
    refused,
    rezip,
    signed,
    trust,
    uscc,
)

pytestmark = pytest.mark.usefixtures("small_catalogue")


def _set(code: str, **fields):
    def change(doc):
        for row in doc["indicators"]:
            if row["code"] == code:
                row.update(fields)

    return change


def _all(*changes):
    def change(doc):
        for c in changes:
            c(doc)

    return change


# -- 1. tracebacks instead of refusals


def test_a_flipped_byte_in_the_compressed_data_is_refused_not_a_zlib_traceback(sent, coded):
    begin, end = compressed_span(sent.data, "figures.json")
    checks = set()
    for offset in range(begin, min(end, begin + 40)):
        broken = bytearray(sent.data)
        broken[offset] ^= 0xFF
        with pytest.raises(Refused) as info:
            check_file(bytes(broken))
        checks.add(info.value.check)
        assert info.value.member == "figures.json"
    assert checks == {"解压"}


def test_a_manifest_nested_a_hundred_thousand_deep_is_refused_before_anything_else(sent, coded):
    deep = b"[" * 100_000 + b"]" * 100_000
    refused(rezip(sent.data, manifest_json=deep), coded["city"], check="格式", member="manifest.json", says="嵌套")


def test_a_member_compressed_with_an_unsupported_method_is_refused(sent, coded):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_BZIP2) as zf:
        for name, blob in members(sent.data).items():
            zf.writestr(name, blob)
    refused(buf.getvalue(), coded["city"], check="解压", says="压缩方式")


def test_members_that_together_unpack_beyond_the_cap_are_refused(sent, coded, monkeypatch):
    from fazhi.upward import fileformat

    monkeypatch.setattr(fileformat, "MAX_TOTAL_BYTES", 1000)
    refused(sent.data, coded["city"], check="大小", says="合计")


def test_export_to_an_unwritable_path_is_a_chinese_error_and_nothing_is_audited(coded, tmp_path):
    before = Entry.objects.count()
    with pytest.raises(CommandError, match="无法写入"):
        call_command("upward", "export", "--unit", "QS", "--year", "2022", "-o", str(tmp_path / "no" / "such" / "x.zip"))
    assert Entry.objects.count() == before


# -- 2. figures checked against the catalogue


def test_a_count_of_ten_to_the_fortieth_is_refused_naming_the_figure(sent, coded):
    huge = 10**40
    data = signed(sent, figures=_all(
        _set("staff", value=str(huge), raw=huge), _set("people_again", value=str(Decimal(huge) + 1)),
    ))
    refused(data, coded["city"], check="数值", member="figures.json", says="staff")


def test_a_sum_of_1e999999_is_refused_not_a_crash(sent, coded):
    data = signed(sent, figures=_set("id_total", value="1E+999998", raw="1E+999999"))
    refused(data, coded["city"], check="数值", says="id_total")


def test_a_rate_above_a_hundred_percent_is_refused_even_when_consistent(sent, coded):
    # 10 principals of 4 people: 250 %, consistent with its parts, impossible by definition.
    data = signed(sent, figures=_all(
        _set("principals", value="10", raw=10), _set("people_again", value="13"),
        _set("principal_rate", value="250.0"),
    ))
    refused(data, coded["city"], check="数值", says="principal_rate")


def test_a_negative_sum_is_refused(sent, coded):
    data = signed(sent, figures=_set("id_total", value="-5.0", raw="-50"))
    refused(data, coded["city"], check="数值", says="id_total")


def test_a_rate_computed_from_other_codes_than_the_catalogue_says_is_refused(sent, coded):
    def swap(doc):
        values = {r["code"]: r for r in doc["indicators"]}
        staff, people = int(values["staff"]["value"]), int(values["people"]["value"])
        _set("principal_rate", numerator="staff", value=f"{staff * 100 / people:.1f}")(doc)

    refused(signed(sent, figures=swap), coded["city"], check="指标代码", says="principal_rate")


def test_a_sum_with_another_scale_than_the_catalogue_is_refused(sent, coded):
    def rescale(doc):
        row = next(r for r in doc["indicators"] if r["code"] == "id_total")
        row["scale"], row["value"] = "1", f"{int(row['raw'])}.0"

    refused(signed(sent, figures=rescale), coded["city"], check="指标代码", says="id_total")


def test_a_figure_of_wrong_type_is_refused_naming_it(sent, coded):
    refused(signed(sent, figures=_set("id_max", raw=["1"])), coded["city"], check="数值", says="id_max")


# -- 3. a key speaks for its own unit only


def test_a_signed_file_cannot_create_a_parent_named_like_an_existing_county(sent, coded):
    def invent(manifest):
        manifest["sender"]["ancestors"].append(
            {"name": "确山县人民政府", "short_name": "确山县", "code": "QS2", "uscc": uscc(50), "kind": "county"}
        )

    refused(signed(sent, manifest=invent), coded["city"], check="隶属关系", says="确山县人民政府")
    assert Unit.objects.resolve("确山县人民政府") == coded["county_a"]


def test_a_signed_file_cannot_create_a_unit_with_the_name_of_an_existing_one(sent, coded):
    def rename(manifest):
        manifest["sender"]["name"] = "确山县人民政府"

    refused(signed(sent, manifest=rename), coded["city"], check="隶属关系", says="同名")


def test_a_signed_file_cannot_create_a_unit_whose_short_name_is_taken(sent, coded):
    def rename(manifest):
        manifest["sender"]["short_name"] = "确山县"

    refused(signed(sent, manifest=rename), coded["city"], check="隶属关系", says="确山县")


def test_a_signed_file_cannot_place_an_existing_unit_under_another_parent(coded, county_a):
    from fazhi.upward.tests.conftest import send_existing_from_elsewhere

    sent = send_existing_from_elsewhere(county_a)
    trust(coded["city"], sent, uscc_code=county_a.uscc)

    def elsewhere(manifest):
        manifest["sender"]["ancestors"][-1]["uscc"] = uscc(51)  # not the city it is under here

    refused(signed(sent, manifest=elsewhere), coded["city"], check="隶属关系")


def test_a_signed_file_cannot_create_a_township_or_other_kind_that_does_not_report_upward(sent, coded):
    def township(manifest):
        manifest["sender"]["kind"] = "township"

    refused(signed(sent, manifest=township), coded["city"], check="隶属关系", says="类型")


# -- 4. a submission is its signed content


def test_the_same_file_zipped_again_is_the_same_submission(sent, coded):
    receive(sent.data, into=coded["city"])
    again = rezip(sent.data)  # the same members, stored instead of deflated
    assert again != sent.data
    refused(again, coded["city"], check="重复导入")


# -- 6. smaller points


def test_a_year_not_yet_ended_cannot_be_exported(coded):
    this_year = date.today().year
    with pytest.raises(ExportRefused, match="尚未结束"):
        export_year(coded["county_a"], this_year)
    with pytest.raises(CommandError, match="尚未结束"):
        call_command("upward", "export", "--unit", "QS", "--year", str(this_year), "-o", "/dev/null")


def test_an_imported_unit_has_no_key_and_no_export_here(sent, coded):
    receive(sent.data, into=coded["city"])
    keys = data_counts()
    with pytest.raises(CommandError, match="外报单位"):
        call_command("upward", "key", "--unit", "泌阳县人民政府")
    with pytest.raises(ExportRefused, match="外报单位"):
        export_year(Unit.objects.get(uscc=BIYANG_USCC), 2021)
    assert data_counts() == keys  # no key made for it


def test_a_refused_import_is_audited_with_who_what_and_why(sent, coded, coordinator):
    refusal = refused(b"garbage", coded["city"], check="文件类型", by=coordinator)
    entry = Entry.objects.order_by("-id").first()
    assert entry.user == coordinator and entry.action == "import"
    assert refusal.message in entry.note and "SHA-256" in entry.note


def test_the_summary_of_a_file_without_report_has_no_doubled_full_stop(sent, coded):
    outcome = receive(sent.data, into=coded["city"])
    assert "未附年度报告" in outcome.summary
    assert "。。" not in outcome.summary


def test_a_created_unit_whose_code_is_another_units_name_gets_its_unified_code_instead(sent, coded):
    def code(manifest):
        manifest["sender"]["code"] = "确山县"

    unit = receive(signed(sent, manifest=code), into=coded["city"]).submission.unit
    assert unit.code == BIYANG_USCC
    assert Unit.objects.resolve("确山县") == coded["county_a"]


def test_a_figure_in_another_unit_of_measure_than_the_catalogue_is_refused(sent, coded):
    refused(signed(sent, figures=_set("id_total", unit="元")), coded["city"], check="指标代码", says="计量单位")
