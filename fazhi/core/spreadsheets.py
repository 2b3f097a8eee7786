"""What every .xlsx the site writes shares, at the lowest level: the content type, the
download response, and the guard against cells a spreadsheet would run as formulas.

Foundation apps (the indicators' drill-down workbook) write workbooks too, and the
foundation never imports the register kit, so these live here; `fazhi.kit.xlsx` and
`fazhi.kit.xlsx_views` build on them.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is exported as plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
