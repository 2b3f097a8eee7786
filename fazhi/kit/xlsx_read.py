"""Streaming reader of one worksheet's cell values, for the imports in `core.xlsx`.

openpyxl's read-only mode gives the values we want but spends most of an import's
reading time on per-cell objects, and scans a sheet that has no `<dimension>` (what
write-only generators produce) once more before reading it. This reader keeps
openpyxl for the workbook's small parts — content types, shared strings, styles (which
number formats are dates), the 1900/1904 epoch, the list of sheets — and reads the
sheet's rows itself with one pass of the standard library's pull parser, turning each
cell into the value openpyxl gives with `read_only=True, data_only=True`:

- numbers → int, or float if written with a point or an exponent; a number whose style
  is a date or time format → datetime / date-time / time / timedelta (`from_excel`),
  "#VALUE!" when the serial is out of range;
- shared and inline strings → str (rich-text runs joined, phonetic hints left out);
- booleans → bool; a formula's cached result (numbers, "str", errors such as "#N/A")
  → that result, never the formula; a formula without a cached result → None;
- an empty `<v>` → None.

Memory stays flat in the number of rows: each row's elements are dropped once read,
and only the shared-string table (as openpyxl) and one row are held. Unlike openpyxl's
read-only mode, the sheet's `<dimension>` is not trusted to cut rows or columns: every
row and cell in the file is read. The workbook's parts are read with openpyxl's own
`ExcelReader` steps and its private `_date_formats` (openpyxl is pinned);
`core/tests/test_xlsx_read.py` compares every kind of cell with openpyxl's reading.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from fazhi.core.safezip import XLSX_LIMITS, ZipRefused, check_zip

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_SHEET_DATA = f"{{{SHEET_MAIN_NS}}}sheetData"
_V = f"{{{SHEET_MAIN_NS}}}v"
_IS = f"{{{SHEET_MAIN_NS}}}is"
_T = f"{{{SHEET_MAIN_NS}}}t"
_DIGITS = "0123456789"


class UnreadableWorkbook(Exception):
    """The file is a zip but not a workbook this reader can read (or is corrupt).

    `for_people`: the message is Chinese and may be shown as it is (a refused bomb)."""

    def __init__(self, message: str, *, for_people: bool = False) -> None:
        super().__init__(message)
        self.for_people = for_people


class SheetValues:
    """One worksheet of an xlsx file, read row by row.

    `rows()` yields `(row number, values)` for each row present in the file, in order,
    values indexed from column A (None where a cell is missing or empty). Rows that
    repeat or go backwards are skipped, as openpyxl does.
    """

    def __init__(self, data: bytes, title: str) -> None:
        try:
            # The stated sizes only (cheap): callers that take uploads also unpack every
            # member once first (`core.xlsx.check_file`).
            check_zip(data, XLSX_LIMITS, verify=False)
        except ZipRefused as exc:
            raise UnreadableWorkbook(str(exc), for_people=True) from exc
        try:
            reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
        except Exception as exc:  # openpyxl raises many types on malformed parts
            raise UnreadableWorkbook(str(exc)) from exc
        self._archive: zipfile.ZipFile = reader.archive
        self._strings: list[str] = reader.shared_strings
        wb = reader.wb
        self._epoch = wb.epoch
        self._date_styles: set[int] = set(wb._date_formats)
        self._timedelta_styles: set[int] = set(wb._timedelta_formats)
        names = set(reader.valid_files)
        sheets = [
            (sheet.name, rel.target)
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in names and "chartsheet" not in rel.Type
        ]
        if not sheets:
            self._archive.close()
            raise UnreadableWorkbook("no worksheet")
        self.path = next((path for name, path in sheets if name == title), sheets[0][1])

    def close(self) -> None:
        self._archive.close()

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        strings, epoch = self._strings, self._epoch
        date_styles, timedelta_styles = self._date_styles, self._timedelta_styles
        columns: dict[str, int] = {}
        sheet_data = None
        last = 0
        with self._archive.open(self.path) as src:
            for event, element in iterparse(src, events=("start", "end")):
                if event == "start":
                    if element.tag == _SHEET_DATA:
                        sheet_data = element
                    continue
                if element.tag != _ROW:
                    continue
                ref = element.get("r")
                number = _row_number(ref) if ref else last + 1
                values: list[Any] = []
                col = 0
                for cell in element:
                    coordinate = cell.get("r")
                    if coordinate:
                        letters = coordinate.rstrip(_DIGITS)
                        col = columns.get(letters) or columns.setdefault(letters, column_index_from_string(letters))
                    else:
                        col += 1
                    kind = cell.get("t", "n")
                    value: Any  # text as read, then the number, date or bool it stands for
                    if kind == "inlineStr":
                        value = _inline(cell)
                    else:
                        value = cell.findtext(_V) or None
                        if value is not None:
                            if kind == "n":
                                value = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
                                style = cell.get("s")
                                if style and int(style) in date_styles:
                                    try:
                                        value = from_excel(value, epoch, timedelta=int(style) in timedelta_styles)
                                    except (OverflowError, ValueError):
                                        value = "#VALUE!"
                            elif kind == "s":
                                value = strings[int(value)]
                            elif kind == "b":
                                value = bool(int(value))
                            elif kind == "d":
                                value = from_ISO8601(value)
                            # "str" (a formula's text result) and "e" (an error): as written
                    if col > len(values):
                        values.extend([None] * (col - 1 - len(values)))
                        values.append(value)
                    else:
                        values[col - 1] = value
                element.clear()
                if sheet_data is not None:
                    del sheet_data[:]  # the cleared rows, so memory does not grow
                if number <= last:
                    continue
                last = number
                yield number, values


def _row_number(ref: str) -> int:
    try:
        return int(ref)
    except ValueError:
        value = float(ref)
        if not value.is_integer():
            raise ValueError(f"{ref} is not a valid row number") from None
        return int(value)


def _inline(cell: Any) -> str | None:
    node = cell.find(_IS)
    if node is None:
        return None
    if len(node) == 1 and node[0].tag == _T:  # the usual case: one plain run
        return node[0].text or ""
    return Text.from_tree(node).content
