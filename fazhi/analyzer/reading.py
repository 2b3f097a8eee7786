"""Loading a report's text from .txt (UTF-8, GBK, GB18030), .docx or a text PDF.

Every failure is a `ReadError` with a Chinese message naming the file; callers show
the message and go on with the next file. Nothing here raises anything else for bad
input (see tests/test_reading.py, which fuzzes it).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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


def _pdf_text(data: bytes, name: str) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
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
