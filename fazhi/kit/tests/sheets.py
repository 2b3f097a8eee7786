"""Test support: an .xlsx file in memory, as a clerk's Excel would save it."""

from __future__ import annotations

import io

from openpyxl import Workbook


def xlsx(title: str, headers: list[str], *rows: list[object]) -> bytes:
    """One sheet named `title`: the header row, then `rows`."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
