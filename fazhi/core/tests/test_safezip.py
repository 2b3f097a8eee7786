"""The one guard against decompression bombs, on its own and in the xlsx imports."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from fazhi.core.safezip import MB, XLSX_LIMITS, ZipLimits, ZipRefused, check_zip
from fazhi.core.tests.bombs import inflate
from fazhi.kit.xlsx import Column, ImportRefused, Sheet, check_file, import_file
from fazhi.kit.xlsx_read import SheetValues, UnreadableWorkbook
from fazhi.org.models import Person

SMALL = ZipLimits(member=1000, total=1500, members=3, caps=(("big/*", 1200),))


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_a_zip_within_every_cap_passes():
    check_zip(_zip({"a.xml": b"x" * 1000, "big/s.xml": b"y" * 400}), SMALL, name="a.zip")


def test_a_member_over_its_cap_is_refused_naming_file_and_member():
    with pytest.raises(ZipRefused, match="文件“a.zip”的部件“a.xml”解压后超过 1 KB 的上限"):
        check_zip(_zip({"a.xml": b"x" * 1001}), SMALL, name="a.zip")


def test_a_pattern_gives_a_member_its_own_cap():
    check_zip(_zip({"big/s.xml": b"y" * 1200}), SMALL)
    with pytest.raises(ZipRefused, match="big/s.xml"):
        check_zip(_zip({"big/s.xml": b"y" * 1201}), SMALL)


def test_members_together_over_the_total_are_refused():
    with pytest.raises(ZipRefused, match="压缩炸弹"):
        check_zip(_zip({"a.xml": b"x" * 900, "b.xml": b"x" * 900}), SMALL)


def test_too_many_members_are_refused():
    with pytest.raises(ZipRefused, match="4 个部件，超过 3 个"):
        check_zip(_zip({f"{i}.xml": b"" for i in range(4)}), SMALL)


def test_a_member_that_unpacks_to_more_than_it_states_is_refused_while_streaming():
    data = bytearray(_zip({"a.xml": b"x" * 900}))
    # State 100 bytes in the central directory: zipfile stops there and the CRC fails.
    cd = data.rindex(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = (100).to_bytes(4, "little")
    check_zip(bytes(data), SMALL, verify=False)  # the stated sizes alone look harmless
    with pytest.raises(ZipRefused, match="无法解压"):
        check_zip(bytes(data), SMALL)


def test_what_is_not_a_zip_is_refused_in_chinese():
    with pytest.raises(ZipRefused, match="不是有效的压缩格式文件"):
        check_zip(b"PK\x03\x04 nothing", SMALL, name="x.docx")


def _people(rows=()):
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["单位*", "姓名*"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SHEET = Sheet(model=Person, title="人员", columns=[Column("单位", "unit", kind="unit", required=True), Column("姓名", "name", required=True)])


def test_an_xlsx_whose_styles_unpack_past_the_cap_is_refused_before_parsing(liaison_a1):
    bomb = inflate(_people([["确山县司法局", "张三"]]), "xl/styles.xml", XLSX_LIMITS.member + MB)
    assert len(bomb) < MB
    with pytest.raises(ImportRefused, match="xl/styles.xml.*压缩炸弹"):
        import_file(SHEET, bomb, user=liaison_a1, filename="人员.xlsx")
    assert not Person.objects.exists()


def test_an_xlsx_whose_sheet_states_more_than_its_cap_is_refused():
    # A 512 MB member is too slow to make here: the sheet states it in the central directory.
    bomb = _stated(inflate(_people(), "xl/worksheets/sheet1.xml", 1), "xl/worksheets/sheet1.xml", 513 * MB)
    with pytest.raises(ImportRefused, match="sheet1.xml”解压后超过 512 MB"):
        check_file(bomb, "a.xlsx")


def _stated(data: bytes, member: str, size: int) -> bytes:
    """`data` with the central directory stating `size` unpacked bytes for `member`."""
    buf = bytearray(data)
    name = member.encode()
    at = buf.rfind(b"PK\x01\x02", 0, buf.rindex(name) + 1)
    assert buf[at + 46 : at + 46 + len(name)] == name
    if int.from_bytes(buf[at + 24 : at + 28], "little") == 0xFFFFFFFF:  # zip64: size in the extra field
        extra = at + 46 + len(name)
        buf[extra + 4 : extra + 12] = size.to_bytes(8, "little")
    else:
        buf[at + 24 : at + 28] = size.to_bytes(4, "little")
    return bytes(buf)


def test_the_reader_itself_refuses_a_bomb_whoever_calls_it():
    bomb = inflate(_people([["确山县司法局", "张三"]]), "xl/workbook.xml", XLSX_LIMITS.member + MB)
    with pytest.raises(UnreadableWorkbook, match="压缩炸弹"):
        SheetValues(bomb, "人员")


def test_a_part_held_whole_with_too_many_xml_elements_is_refused_while_streaming():
    limits = ZipLimits(member=MB, total=MB, elements=(("streamed/*", None), ("*.xml", 100)))
    many = b"<r>" + b"<p/>" * 100 + b"</r>"  # 101 elements, 400 bytes
    check_zip(_zip({"a.xml": b"<r>" + b"<p/>" * 99 + b"</r>", "streamed/s.xml": many}), limits)
    with pytest.raises(ZipRefused, match="“a.xml”含有超过 100 个 XML 元素"):
        check_zip(_zip({"a.xml": many}), limits)


def test_a_part_that_is_not_well_formed_is_left_to_its_reader():
    limits = ZipLimits(member=MB, total=MB, elements=(("*.xml", 100),))
    check_zip(_zip({"a.xml": b"<r><p></r>" + b"<p/>" * 200}), limits)
