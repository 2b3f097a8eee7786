"""One guard for every zip-based file a user gives us (.docx, .xlsx, packages).

A zip states each member's unpacked size in its central directory, and Python's
`zipfile` never yields more than that size (a member that unpacks to more fails its
CRC check), so the stated sizes are what any reader built on `zipfile` (openpyxl,
python-docx, ours) can be made to unpack. `check_zip()` refuses, before anything is
parsed, a file whose members are too many, or any one of them or all of them together
stated larger than the caps; with `verify=True` it then unpacks every member once,
streaming in chunks that are counted and dropped, so a damaged member or one that
unpacks to more than its caps is refused before a parser holds any of it.

Caps differ by member: a part a parser holds whole (XML that python-docx or openpyxl
builds a tree or a table from) gets a small cap; a part that is read streaming (an
xlsx worksheet, an image) may be larger. `ZipLimits.caps` names them with fnmatch
patterns, first match wins, `member` for the rest.

Messages are Chinese and name the file and the member: callers raise their own error
type with `str(exc)`.
"""

from __future__ import annotations

import fnmatch
import io
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO
from xml.parsers import expat

CHUNK = 64 * 1024
MB = 1024 * 1024


class ZipRefused(ValueError):
    """The file is not a zip we will open; the message is meant for people (zh-hans)."""


@dataclass(frozen=True)
class ZipLimits:
    member: int  # unpacked bytes of a member no pattern in `caps` names
    total: int  # unpacked bytes of all members together
    members: int = 2000  # number of members
    caps: tuple[tuple[str, int], ...] = ()  # (fnmatch pattern, unpacked bytes), first match wins
    # (fnmatch pattern, XML elements or None for uncounted), first match wins; counted
    # while verifying: a part a parser holds whole costs memory per element, not per byte.
    elements: tuple[tuple[str, int | None], ...] = ()

    def cap(self, name: str) -> int:
        for pattern, limit in self.caps:
            if fnmatch.fnmatchcase(name, pattern):
                return limit
        return self.member

    def element_cap(self, name: str) -> int | None:
        for pattern, limit in self.elements:
            if fnmatch.fnmatchcase(name, pattern):
                return limit
        return None


class _Elements:
    """Counts the start tags of an XML part fed in chunks (expat: no tree is built)."""

    def __init__(self, limit: int) -> None:
        self.limit, self.count, self.broken = limit, 0, False
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start

    def _start(self, name: str, attrs: object) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _TooMany

    def feed(self, chunk: bytes) -> bool:
        """False once the part has more elements than the limit."""
        if self.broken:
            return True
        try:
            self.parser.Parse(chunk, False)
        except _TooMany:
            return False
        except expat.ExpatError:
            self.broken = True  # not well-formed: left to the reader's own message
        return True


class _TooMany(Exception):
    pass


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{max(1, n // 1024)} KB"


def _bomb(name: str, what: str, limit: int) -> ZipRefused:
    return ZipRefused(
        f"文件“{name}”{what}解压后超过 {_mb(limit)} 的上限，拒绝处理（可能是压缩炸弹或损坏的文件）。"
    )


def check_zip(data: bytes | BinaryIO, limits: ZipLimits, *, name: str = "", verify: bool = True) -> None:
    """Refuse (ZipRefused) a zip that is damaged or unpacks to more than `limits` allow.

    The stated sizes are checked first (no member is unpacked for that); `verify`
    then unpacks each member streaming, counting its bytes against the same caps.
    """
    label = name or "上传的文件"
    src = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data
    try:
        zf = zipfile.ZipFile(src)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ZipRefused(f"文件“{label}”不是有效的压缩格式文件，或已损坏。") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.members:
            raise ZipRefused(f"文件“{label}”包含 {len(infos)} 个部件，超过 {limits.members} 个的上限，拒绝处理。")
        total = 0
        for info in infos:
            cap = limits.cap(info.filename)
            if info.file_size > cap:
                raise _bomb(label, f"的部件“{info.filename}”", cap)
            total += info.file_size
            if total > limits.total:
                raise _bomb(label, "的全部部件合计", limits.total)
        if not verify:
            return
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            cap = limits.cap(info.filename)
            element_cap = limits.element_cap(info.filename)
            elements = _Elements(element_cap) if element_cap is not None else None
            size = 0
            try:
                with zf.open(info) as member:
                    while chunk := member.read(CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > cap:
                            raise _bomb(label, f"的部件“{info.filename}”", cap)
                        if total > limits.total:
                            raise _bomb(label, "的全部部件合计", limits.total)
                        if elements is not None and not elements.feed(chunk):
                            raise ZipRefused(
                                f"文件“{label}”的部件“{info.filename}”含有超过 {element_cap:,} 个 XML 元素，"
                                "超过上限，拒绝处理（可能是压缩炸弹或异常文件）。"
                            )
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
                if isinstance(exc, ZipRefused):
                    raise
                raise ZipRefused(f"文件“{label}”的部件“{info.filename}”无法解压，文件已损坏或已加密。") from exc


# A county's annual report (.docx): its XML parts are parsed whole by python-docx, so
# they are capped well below what an element-dense part would need to fill the
# server's memory; images and other binary parts may be as large as the upload.
DOCX_LIMITS = ZipLimits(
    member=20 * MB,
    total=64 * MB,
    members=1000,
    caps=(("*.xml", 8 * MB), ("*.rels", 1 * MB)),
    # python-docx spends about 330 bytes and 0.1 ms per paragraph (bench/upload_bombs.py);
    # a 30-page report has some 10,000 elements.
    elements=(("*.xml", 200_000), ("*.rels", 10_000)),
)

# An xlsx import: worksheets are read streaming (`core.xlsx_read`), one row at a time,
# so only their reading time grows with them; the shared strings, styles and workbook
# parts are held whole.
XLSX_LIMITS = ZipLimits(
    member=32 * MB,
    total=640 * MB,
    members=2000,
    caps=(("xl/worksheets/sheet*.xml", 512 * MB),),
    # The sheets are streamed; the shared strings become one Python string each; the
    # styles one object per element (Excel itself allows 64,000 cell formats).
    elements=(
        ("xl/worksheets/*", None),
        ("xl/sharedStrings.xml", 2_000_000),
        ("xl/styles.xml", 300_000),
        ("*.xml", 100_000),
        ("*.rels", 10_000),
    ),
)
