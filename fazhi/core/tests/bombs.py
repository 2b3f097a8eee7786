"""Decompression bombs made from real files, for the tests and bench/upload_bombs.py.

`inflate(data, member, size)` returns the zip `data` with `member` followed by `size`
bytes of spaces: XML allows whitespace after the root element, so the part stays valid
and a reader without caps would parse it all; the spaces deflate about a thousandfold
(1 GB in 1 MB, as in issue 17). The member is written streaming, in constant memory.
"""

from __future__ import annotations

import io
import zipfile

CHUNK = 1024 * 1024


def inflate(data: bytes, member: str, size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        if member not in src.namelist():
            raise KeyError(member)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename != member:
                dst.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
                continue
            big = zipfile.ZipInfo(info.filename, info.date_time)
            big.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(big, "w", force_zip64=True) as fh:
                fh.write(body)
                left, spaces = size, b" " * CHUNK
                while left > 0:
                    fh.write(spaces[: min(left, CHUNK)])
                    left -= CHUNK
    return out.getvalue()


def report_docx() -> bytes:
    """A small, real .docx report, to inflate or pack densely."""
    import docx

    d = docx.Document()
    d.add_paragraph("关于2023年法治政府建设情况的报告。全年受理行政复议案件32件，办理法律援助423件。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def dense_docx(paragraphs: int) -> bytes:
    """`report_docx()` whose document.xml holds `paragraphs` more, empty paragraphs: the
    densest XML (6 bytes an element) that python-docx builds an object for each of."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(report_docx())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "word/document.xml":
                head, tail = body.split(b"<w:body>", 1)
                body = head + b"<w:body>" + b"<w:p/>" * paragraphs + tail
            zout.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
