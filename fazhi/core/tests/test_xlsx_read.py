"""The streaming sheet reader gives the values openpyxl's read-only, data-only mode gives."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from fazhi.kit.xlsx_read import SheetValues, UnreadableWorkbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def by_openpyxl(data: bytes, title: str | None = None) -> dict[int, list[object]]:
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    ws = wb[title] if title else wb.worksheets[0]
    rows = {n: _trim(list(values)) for n, values in enumerate(ws.iter_rows(values_only=True), start=1)}
    wb.close()
    return {n: v for n, v in rows.items() if v}


def by_reader(data: bytes, title: str = "") -> dict[int, list[object]]:
    reader = SheetValues(data, title)
    try:
        rows = {n: _trim(values) for n, values in reader.rows()}
    finally:
        reader.close()
    return {n: v for n, v in rows.items() if v}


def _trim(values: list[object]) -> list[object]:
    while values and values[-1] is None:
        values.pop()
    return values


def saved(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


VALUES = [
    "台账",
    "  前后有空格  ",
    "007",
    "=1+1",  # a formula openpyxl writes without a cached result
    "'=HYPERLINK(\"http://x\")",
    0,
    -3,
    2**40,
    1.5,
    -0.25,
    1e20,
    3.0,
    Decimal("1234.56"),
    True,
    False,
    date(2024, 1, 31),
    datetime(2024, 2, 29, 13, 45, 10),
    time(8, 30),
    timedelta(hours=30, minutes=5),
    None,
]


def ledger(write_only: bool, epoch=None) -> bytes:
    wb = Workbook(write_only=write_only)
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.create_sheet("台账") if write_only else wb.active
    if not write_only:
        ws.title = "台账"
    ws.append(["甲*", "乙", None, "丁"])
    ws.append(VALUES)
    ws.append([])
    ws.append([None, None, None, "只有第四列"])
    ws.append(list(reversed(VALUES)))
    if not write_only:
        ws["B9"] = "隔行"
        ws["C9"] = 45000
        ws["C9"].number_format = "yyyy年m月d日"
        ws["D9"] = 45000.75
        ws["D9"].number_format = "yyyy-mm-dd hh:mm"
        ws["E9"] = 12
        ws["E9"].number_format = "@"
        ws["F9"] = 0.5
        ws["F9"].number_format = "0.00%"
        ws["G9"] = CellRichText("富", TextBlock(InlineFont(b=True), "文本"))
        ws.merge_cells("A10:C10")
        ws["A10"] = "合并单元格"
    return saved(wb)


@pytest.mark.parametrize("write_only", [False, True], ids=["shared strings", "inline strings, no dimension"])
@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904], ids=["1900", "1904"])
def test_every_value_is_read_as_openpyxl_reads_it(write_only, epoch):
    data = ledger(write_only, epoch)
    assert by_reader(data, "台账") == by_openpyxl(data)


def test_dates_come_back_as_datetimes_numbers_as_int_or_float():
    rows = by_reader(ledger(False), "台账")
    assert rows[1] == ["甲*", "乙", None, "丁"]
    row = rows[2]
    assert row[0:4] == ["台账", "  前后有空格  ", "007", None]
    assert row[5:8] == [0, -3, 2**40] and all(type(v) is int for v in row[5:8])
    assert row[11] == 3 and type(row[11]) is int  # "3" in the file, as openpyxl
    assert row[15] == datetime(2024, 1, 31)
    assert row[16] == datetime(2024, 2, 29, 13, 45, 10)
    assert row[17] == time(8, 30)
    assert rows[4] == [None, None, None, "只有第四列"]
    assert rows[9][1:7] == ["隔行", datetime(2023, 3, 15), datetime(2023, 3, 15, 18, 0), 12, 0.5, "富文本"]


def handmade(sheet_xml: str) -> bytes:
    """An openpyxl workbook whose first sheet is replaced by `sheet_xml`.

    The styles come from the openpyxl workbook: style 1 is a date (A1 below).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "表"
    ws["A1"] = date(2024, 1, 1)
    wb.create_sheet("第二张")["A1"] = "另一张表"
    src = io.BytesIO(saved(wb))
    style = re.search(rb'<c r="A1" s="(\d+)"', zipfile.ZipFile(src).read("xl/worksheets/sheet1.xml")).group(1).decode()
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = sheet_xml.replace("DATE", style).encode()
            zout.writestr(item, body)
    return out.getvalue()


SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:H6"/>
<sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>公式</t></is></c><c r="B1" t="inlineStr"><is><t>结果</t></is></c></row>
<row r="2">
  <c r="A2"><f>1+1</f><v>2</v></c>
  <c r="B2" t="str"><f>"="&amp;"cmd"</f><v>=cmd|' /C calc'!A0</v></c>
  <c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>
  <c r="D2" t="b"><v>1</v></c>
  <c r="E2" s="DATE"><f>TODAY()</f><v>45292</v></c>
  <c r="F2"><f>A2*2</f></c>
  <c r="G2" s="DATE"><v>99999999</v></c>
  <c r="H2" t="d"><v>2024-03-05T00:00:00</v></c>
</row>
<row>
  <c t="inlineStr"><is><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></is></c>
  <c><v>7</v></c>
  <c r="E3"><v>1.5E3</v></c>
  <c><v></v></c>
  <c t="inlineStr"><is><t/></is></c>
</row>
<row r="5"><c r="B5" t="inlineStr"><is><t>&lt;李四&gt; &amp; 王五</t></is></c></row>
<row r="6"><c r="A6" t="n"><v>0</v></c></row>
</sheetData>
</worksheet>"""


@pytest.mark.filterwarnings("ignore:Cell G2 is marked as a date")
def test_formulas_give_their_cached_results_never_the_formula():
    data = handmade(SHEET)
    rows = by_reader(data, "表")
    assert rows == by_openpyxl(data)
    assert rows[2][:6] == [2, "=cmd|' /C calc'!A0", "#DIV/0!", True, datetime(2024, 1, 1), None]
    assert rows[2][6] == "#VALUE!"  # a date serial beyond the calendar, as openpyxl
    assert rows[2][7] == datetime(2024, 3, 5)
    assert rows[3] == ["张三 ", 7, None, None, 1500.0, None, ""]
    assert rows[5] == [None, "<李四> & 王五"]


def test_the_sheet_is_found_by_title_or_else_the_first():
    data = handmade(SHEET)
    assert by_reader(data, "第二张") == {1: ["另一张表"]}
    assert by_reader(data, "没有这张表")[1] == ["公式", "结果"]


def test_row_numbers_are_the_files_and_rows_going_backwards_are_skipped():
    xml = f"""<worksheet xmlns="{MAIN}"><sheetData>
    <row r="3"><c r="A3"><v>3</v></c></row>
    <row r="2"><c r="A2"><v>2</v></c></row>
    <row r="7"><c r="C7"><v>7</v></c></row>
    <row><c><v>8</v></c></row>
    </sheetData></worksheet>"""
    reader = SheetValues(handmade(xml), "表")
    assert list(reader.rows()) == [(3, [3]), (7, [None, None, 7]), (8, [8])]
    reader.close()


def test_a_corrupt_workbook_is_refused_before_any_row():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableWorkbook):
        SheetValues(out.getvalue(), "表")


def test_a_malformed_sheet_raises_while_reading():
    reader = SheetValues(handmade(f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v>'), "表")
    with pytest.raises(Exception, match="no element found|unclosed|mismatched"):
        list(reader.rows())
    reader.close()
