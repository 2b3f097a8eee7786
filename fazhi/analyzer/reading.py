"""Loading a report's text from .txt (UTF-8, GBK, GB18030), .docx, .html/.htm or a
text PDF.

Every failure is a `ReadError` with a Chinese message naming the file; callers show
the message and go on with the next file. Nothing here raises anything else for bad
input (see tests/test_reading.py, which fuzzes it).
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fazhi.core.safezip import DOCX_LIMITS, ZipRefused, check_zip

# A county's annual report is 5–30 pages; 20 MB leaves room for embedded images in
# a .docx or PDF while refusing the archive someone uploads by mistake.
MAX_BYTES = 20 * 1024 * 1024
# Text longer than this is not one report (the longest seed has 11,000 characters).
MAX_CHARS = 2_000_000


class ReadError(ValueError):
    """Bad input, with a message meant for people (zh-hans)."""


def _check_text(text: str, name: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise ReadError(f"文件“{name}”没有可读的文字内容。")
    if len(text) > MAX_CHARS:
        raise ReadError(
            f"文件“{name}”文字过长（{len(text)} 字），超过 {MAX_CHARS} 字的上限，请拆分后再检查。"
        )
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t")
    if controls > max(5, len(text) // 200):
        raise ReadError(f"文件“{name}”看起来是二进制文件，不是文字报告。")
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if cjk < 10:
        raise ReadError(f"文件“{name}”中几乎没有中文文字（可能编码有误或不是报告），无法检查。")
    return text


def decode_text(data: bytes, name: str) -> str:
    """Text of a plain-text report in UTF-8, GB18030 (a superset of GBK) or whatever
    charset-normalizer finds; raises ReadError when it is none of them."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"文件“{name}”看起来是二进制文件，不是文字报告。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return _check_text(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"), name)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(
            f"文件“{name}”的编码无法识别（支持 UTF-8、GBK、GB18030），请另存为 UTF-8 后再上传。"
        )
    return _check_text(str(best), name)


def _docx_text(data: bytes, name: str) -> str:
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError(f"文件“{name}”不是有效的 Word（.docx）文件，无法打开。")
    try:
        # python-docx holds every part whole: a part that unpacks past its cap (a
        # decompression bomb) is refused before it is opened.
        check_zip(data, DOCX_LIMITS, name=name)
    except ZipRefused as e:
        raise ReadError(str(e)) from e
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a broken package
        raise ReadError(f"文件“{name}”不是有效的 Word（.docx）文件，无法打开。") from e
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            # Cells joined by a tab: the extractor ignores whitespace, so a label cell
            # and its number cell read as one phrase (公证案件 198件).
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
    return _check_text("\n".join(lines), name)


def _pdf_rows(data: bytes) -> str:
    """The text layer laid out by position: lines at the same height on a page form
    one row, their pieces in reading order joined by a tab when a gap separates them.
    A table's cells then come out as rows (作出维持决定 | 3509 | 74.7%) instead of one
    column after another, which is how pdfminer's plain text gives them."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    def line_text(line: LTTextLine) -> str:
        # Cells close enough for pdfminer to put on one line (作出维持决定 3509
        # 74.7%) are kept apart by a tab where a gap of most of a character's height
        # separates them: a space alone would vanish when the text is compacted.
        out, prev = [], None
        for ch in line:
            if isinstance(ch, LTChar):
                if prev is not None and ch.x0 - prev.x1 > 0.8 * max(ch.height, prev.height):
                    while out and out[-1] == " ":
                        out.pop()
                    out.append("\t")
                out.append(ch.get_text())
                prev = ch
            elif not (out and out[-1] == "\t"):
                out.append(ch.get_text())
        return "".join(out).strip()

    pages = []
    for page in extract_pages(io.BytesIO(data)):
        pieces = []
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                text = line_text(line) if isinstance(line, LTTextLine) else ""
                if text:
                    pieces.append((line.y0, line.y1, line.x0, line.x1, text))
        rows: list[list[tuple[Any, ...]]] = []
        for piece in sorted(pieces, key=lambda p: (-(p[0] + p[1]) / 2, p[2])):
            middle, height = (piece[0] + piece[1]) / 2, piece[1] - piece[0]
            last = rows[-1] if rows else None
            if last and abs((last[0][0] + last[0][1]) / 2 - middle) <= height / 2:
                last.append(piece)
            else:
                rows.append([piece])
        lines = []
        for row in rows:
            row.sort(key=lambda p: p[2])
            out = row[0][4]
            for prev, cur in zip(row, row[1:], strict=False):
                gap = cur[2] - prev[3]
                out += ("\t" if gap > (cur[1] - cur[0]) else "") + cur[4]
            lines.append(out)
        pages.append("\n".join(lines))
    return "\n".join(pages)


def _pdf_text(data: bytes, name: str) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        try:
            text = _pdf_rows(data)
        except PDFSyntaxError:
            raise
        except Exception:  # an odd layout: fall back to pdfminer's plain text
            text = extract_text(io.BytesIO(data))
    except PDFSyntaxError as e:
        raise ReadError(f"文件“{name}”不是有效的 PDF 文件。") from e
    except Exception as e:  # pdfminer raises many kinds for damaged files
        raise ReadError(f"文件“{name}”无法解析（PDF 可能已损坏或加密）。") from e
    if not text.strip():
        raise ReadError(
            f"文件“{name}”是扫描件或图片 PDF，没有文字层，请先做文字识别（OCR）或上传文字版。"
        )
    text = text.replace("\x0c", "\n")
    return _check_text(text, name)


_HTML_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 table tbody thead tfoot section article "
    "header footer blockquote pre title hr dd dt".split()
)
_HTML_SKIP = frozenset({"script", "style", "noscript", "template", "head"})


class _HtmlText(HTMLParser):
    """Text of an HTML page: blocks on their own lines, a table row per line with its
    cells separated by tabs (as .docx tables are read), scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.cell_open = False
        self.title: list[str] = []
        self.in_title = False
        self.pending_span = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _HTML_SKIP:
            self.skip += 1
        elif tag == "tr":
            self.out.append("\n")
            self.cell_open = False
        elif tag in ("td", "th"):
            if self.cell_open:
                self.out.append("\t")
            self.cell_open = True
            # A merged cell is spread over the columns it spans, as python-docx
            # gives a .docx table, so a header lines up with the numbers below it.
            span = dict(attrs).get("colspan") or "1"
            self.pending_span = int(span) - 1 if span.isdigit() and int(span) < 50 else 0
        elif tag in _HTML_BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "tr":
            self.out.append("\n")
            self.cell_open = False
        elif tag in ("td", "th"):
            text = self.cell_text()
            for _ in range(self.pending_span):
                self.out.append("\t" + text)
            self.pending_span = 0
        elif tag in _HTML_BLOCKS:
            self.out.append("\n")
            if tag == "table":
                self.cell_open = False

    def cell_text(self) -> str:
        """The text of the cell just closed (back to the last tab or line break)."""
        parts = []
        for piece in reversed(self.out):
            cut = max(piece.rfind("\t"), piece.rfind("\n"))
            if cut >= 0:
                parts.append(piece[cut + 1 :])
                break
            parts.append(piece)
        return "".join(reversed(parts)).strip()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        # Inside a cell a line break is only layout; elsewhere, whitespace runs collapse.
        text = re.sub(r"[ \t\r\n\u3000\xa0]+", " " if not self.cell_open else "", data)
        self.out.append(text)


def html_text(markup: str) -> str:
    """The readable text of an HTML document (see _HtmlText)."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    lines = [line.strip(" ") for line in "".join(parser.out).split("\n")]
    body = "\n".join(line for line in lines if line.strip())
    if not body.strip() and parser.title:
        body = "".join(parser.title).strip()
    return body


def read_bytes(data: bytes, name: str) -> str:
    """The text of a report given as bytes; the file name picks the format."""
    if not data:
        raise ReadError(f"文件“{name}”是空文件。")
    if len(data) > MAX_BYTES:
        raise ReadError(
            f"文件“{name}”过大（{len(data) // 1024 // 1024} MB），上限为 {MAX_BYTES // 1024 // 1024} MB。"
        )
    suffix = Path(name).suffix.lower()
    if suffix == ".docx" or (
        suffix not in (".txt", ".pdf") and zipfile.is_zipfile(io.BytesIO(data))
    ):
        return _docx_text(data, name)
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        return _pdf_text(data, name)
    if suffix in (".html", ".htm") or (
        suffix not in (".txt",) and data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    ):
        return _check_text(html_text(decode_text(data, name)), name)
    if suffix == ".doc":
        raise ReadError(f"文件“{name}”是旧版 Word（.doc）格式，请另存为 .docx 或 .txt 后再上传。")
    return decode_text(data, name)


def read_file(path: str | Path) -> str:
    """The text of the report at `path`; raises ReadError for anything unreadable."""
    p = Path(path)
    if not p.exists():
        raise ReadError(f"文件“{p}”不存在。")
    if not p.is_file():
        raise ReadError(f"“{p}”不是文件。")
    if p.stat().st_size > MAX_BYTES:
        raise ReadError(f"文件“{p.name}”过大，上限为 {MAX_BYTES // 1024 // 1024} MB。")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(f"文件“{p.name}”无法读取：{e.strerror or e}。") from e
    return read_bytes(data, p.name)
