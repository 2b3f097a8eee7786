"""The upward file, format `fazhi-upward/1`: reading, checking and writing it (no database).

A zip archive of these members (README.md gives every field):

    manifest.json    what the file is: format, sender (with its ancestors), year, time,
                     software, the report's metadata, each other member's SHA-256
    signature.json   SHA-256 of manifest.json's exact bytes and the sender's Ed25519
                     signature over those bytes
    figures.json     every indicator of the catalogue: code, name, unit, kind,
                     definition, value, and the raw figure it rolls up from
    report.docx      the issued annual report (only when one is issued)
    report.json      its metadata and frozen figures (only with report.docx)

`check_file(data)` does every check that needs no database and no key and returns a
`Package`; it raises `Refused` naming the member and the check that failed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import math
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fazhi.core.safezip import ZipLimits, ZipRefused, check_zip

FORMAT = "fazhi-upward/1"
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
FIGURES = "figures.json"
REPORT_DOCX = "report.docx"
REPORT_JSON = "report.json"
KNOWN_MEMBERS = {MANIFEST, SIGNATURE, FIGURES, REPORT_DOCX, REPORT_JSON}
ALGORITHM = "Ed25519"
MAX_MEMBER_BYTES = 30 * 1024 * 1024  # uncompressed, per member: refuses zip bombs
MAX_TOTAL_BYTES = 40 * 1024 * 1024  # uncompressed, all members together
MAX_JSON_BYTES = 5 * 1024 * 1024  # a JSON member (a full catalogue's figures are ~0.2 MB)
MAX_JSON_DEPTH = 20  # the deepest member nests 6 levels (manifest › report › figures …)
COMPRESSIONS = {zipfile.ZIP_STORED: "存储", zipfile.ZIP_DEFLATED: "deflate"}
# What reading a damaged member can raise: a bad CRC, a broken deflate stream, a lie
# about sizes, a truncated member.
UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError)
KINDS = {"count", "sum", "avg", "max", "rate", "parts"}
USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


class Refused(Exception):
    """A file that is not accepted: `member` and `check` say where, `message` in Chinese."""

    def __init__(self, message: str, *, member: str = "", check: str = ""):
        self.member = member
        self.check = check
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        where = f"〔{self.member}·{self.check}〕" if self.member else (f"〔{self.check}〕" if self.check else "")
        return f"{where}{self.message}"


def canonical(obj: Any) -> bytes:
    """The one byte form of a JSON member: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Package:
    """A structurally sound upward file; its signature is not checked yet."""

    data: bytes
    manifest_bytes: bytes
    manifest: dict[str, Any]
    signature: dict[str, Any]
    figures: list[dict[str, Any]]
    report_docx: bytes | None = None
    report_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sender(self) -> dict[str, Any]:
        return self.manifest["sender"]

    @property
    def year(self) -> int:
        return int(self.manifest["year"])

    @property
    def file_sha256(self) -> str:
        return sha256(self.data)

    @property
    def manifest_sha256(self) -> str:
        """What identifies the content: the signed manifest lists every member's SHA-256,
        so the same members zipped again (another compression, order, timestamps) are
        the same submission."""
        return sha256(self.manifest_bytes)


# -- writing


def build(
    *, sender: dict[str, Any], year: int, generated_at: str, software: str,
    figures: list[dict[str, Any]], report: dict[str, Any], report_docx: bytes | None,
    key_id: str, sign: Any,
) -> bytes:
    """The file's bytes. `sign(manifest_bytes) -> signature bytes`."""

    members: dict[str, bytes] = {FIGURES: canonical({"year": year, "indicators": figures})}
    if report_docx is not None:
        members[REPORT_DOCX] = report_docx
        members[REPORT_JSON] = canonical(report)
    manifest = {
        "format": FORMAT,
        "sender": sender,
        "year": year,
        "generated_at": generated_at,
        "software": software,
        "report": {**report, "included": report_docx is not None},
        "members": [{"name": n, "sha256": sha256(b), "size": len(b)} for n, b in sorted(members.items())],
        "signer": {"algorithm": ALGORITHM, "key_id": key_id},
    }
    manifest_bytes = canonical(manifest)
    signature = {
        "manifest_sha256": sha256(manifest_bytes),
        "algorithm": ALGORITHM,
        "key_id": key_id,
        "signature": base64.b64encode(sign(manifest_bytes)).decode("ascii"),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, blob in [(MANIFEST, manifest_bytes), (SIGNATURE, canonical(signature)), *sorted(members.items())]:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, blob)
    return buf.getvalue()


# -- reading


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"数值 {text} 超出范围")
    return value


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} 不是 JSON 数值")


def _check_tree(doc: Any, member: str) -> None:
    """No nesting deeper than MAX_JSON_DEPTH, no text a database cannot keep (NUL, lone
    surrogates): walked without recursion, so a hostile depth cannot exhaust the stack."""
    stack = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise Refused(f"嵌套层次超过{MAX_JSON_DEPTH}层，不是本格式的文件。", member=member, check="格式")
        if isinstance(node, dict):
            items = [*node.keys(), *node.values()]
        elif isinstance(node, list):
            items = node
        else:
            items = [node]
            depth -= 1  # a scalar is not a level
        for item in items:
            if isinstance(item, str):
                if "\x00" in item:
                    raise Refused("文本中含有空字符（\\u0000）。", member=member, check="格式")
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError as exc:
                    raise Refused("文本中含有无效的 Unicode 字符（孤立代理项）。", member=member, check="格式") from exc
            elif isinstance(item, (dict, list)):
                stack.append((item, depth + 1))


def _json(blob: bytes, member: str) -> Any:
    if len(blob) > MAX_JSON_BYTES:
        raise Refused(f"过大（{len(blob)} 字节，上限 {MAX_JSON_BYTES} 字节）。", member=member, check="大小")
    try:
        doc = json.loads(blob.decode("utf-8"), parse_float=_finite_float, parse_constant=_no_constant)
    except RecursionError as exc:
        raise Refused("嵌套层次过深，不是本格式的文件。", member=member, check="格式") from exc
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, digits beyond Python's limit
        raise Refused(f"不是有效的 UTF-8 JSON（{exc}）。", member=member, check="格式") from exc
    _check_tree(doc, member)
    return doc


def _need(obj: Any, key: str, types: type | tuple[type, ...], member: str, where: str = "") -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise Refused(f"缺少字段“{where}{key}”。", member=member, check="字段")
    value = obj[key]
    if not isinstance(value, types) or (isinstance(value, bool) and types is not bool):
        raise Refused(f"字段“{where}{key}”的类型不对。", member=member, check="字段")
    return value


UNIT_TEXT_LIMITS = {"name": 100, "short_name": 50, "code": 30, "kind": 20}  # as org.Unit keeps them


def _check_unit(obj: Any, member: str, where: str) -> None:
    for key in ("name", "code", "kind"):
        _need(obj, key, str, member, where)
    if not isinstance(obj.get("short_name", ""), str):
        raise Refused(f"字段“{where}short_name”的类型不对。", member=member, check="字段")
    if not obj["name"].strip() or obj["name"] != obj["name"].strip():
        raise Refused(f"“{where}name”为空或首尾有空白。", member=member, check="字段")
    for key, limit in UNIT_TEXT_LIMITS.items():
        if len(obj.get(key, "")) > limit:
            raise Refused(f"“{where}{key}”超过{limit}个字符。", member=member, check="字段")
    uscc = _need(obj, "uscc", str, member, where)
    if not USCC_RE.match(uscc):
        raise Refused(f"“{where}uscc”不是18位统一社会信用代码：{uscc!r}。", member=member, check="字段")


def _check_manifest(manifest: Any) -> None:
    m = MANIFEST
    if not isinstance(manifest, dict):
        raise Refused("应为一个 JSON 对象。", member=m, check="字段")
    fmt = _need(manifest, "format", str, m)
    if fmt != FORMAT:
        raise Refused(f"格式版本“{fmt}”不受支持（本系统读取 {FORMAT}）。", member=m, check="格式版本")
    sender = _need(manifest, "sender", dict, m)
    _check_unit(sender, m, "sender.")
    ancestors = _need(sender, "ancestors", list, m, "sender.")
    for i, a in enumerate(ancestors):
        _check_unit(a, m, f"sender.ancestors[{i}].")
    year = _need(manifest, "year", int, m)
    if not 1990 <= year <= 2100:
        raise Refused(f"年度 {year} 不在合理范围内。", member=m, check="年度")
    generated = _need(manifest, "generated_at", str, m)
    try:
        parsed = datetime.fromisoformat(generated)
    except ValueError as exc:
        raise Refused(f"生成时间“{generated}”不是 ISO 8601 时间。", member=m, check="字段") from exc
    if parsed.tzinfo is None:
        raise Refused(f"生成时间“{generated}”未注明时区。", member=m, check="字段")
    _need(manifest, "software", str, m)
    report = _need(manifest, "report", dict, m)
    _need(report, "included", bool, m, "report.")
    members = _need(manifest, "members", list, m)
    for i, entry in enumerate(members):
        name = _need(entry, "name", str, m, f"members[{i}].")
        digest = _need(entry, "sha256", str, m, f"members[{i}].")
        _need(entry, "size", int, m, f"members[{i}].")
        if name not in KNOWN_MEMBERS - {MANIFEST, SIGNATURE}:
            raise Refused(f"清单列出了未知成员“{name}”。", member=m, check="成员")
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise Refused(f"成员“{name}”的 SHA-256 不是64位十六进制数。", member=m, check="字段")
    names = [e["name"] for e in members]
    if len(set(names)) != len(names):
        raise Refused("清单重复列出了同一成员。", member=m, check="成员")
    if FIGURES not in names:
        raise Refused(f"清单未列出 {FIGURES}。", member=m, check="成员")
    if report["included"] != (REPORT_DOCX in names) or (REPORT_DOCX in names) != (REPORT_JSON in names):
        raise Refused("清单中年度报告的说明与所列成员不一致。", member=m, check="成员")
    signer = _need(manifest, "signer", dict, m)
    if _need(signer, "algorithm", str, m, "signer.") != ALGORITHM:
        raise Refused(f"签名算法“{signer['algorithm']}”不受支持（应为 {ALGORITHM}）。", member=m, check="签名算法")
    _need(signer, "key_id", str, m, "signer.")


def _check_figures(doc: Any, year: int) -> list[dict[str, Any]]:
    f = FIGURES
    if not isinstance(doc, dict):
        raise Refused("应为一个 JSON 对象。", member=f, check="字段")
    if _need(doc, "year", int, f) != year:
        raise Refused(f"年度 {doc['year']} 与清单的年度 {year} 不一致。", member=f, check="年度")
    rows = _need(doc, "indicators", list, f)
    seen: set[str] = set()
    for i, row in enumerate(rows):
        where = f"indicators[{i}]."
        code = _need(row, "code", str, f, where)
        for key in ("name", "unit", "definition"):
            _need(row, key, str, f, where)
        kind = _need(row, "kind", str, f, where)
        if kind not in KINDS:
            raise Refused(f"指标 {code} 的类型“{kind}”未知。", member=f, check="指标")
        if code in seen:
            raise Refused(f"指标 {code} 出现了两次。", member=f, check="指标")
        seen.add(code)
        if "value" not in row or not (row["value"] is None or isinstance(row["value"], str)):
            raise Refused(f"指标 {code} 的数值应为字符串或 null。", member=f, check="字段")
    return rows


def check_file(data: bytes, *, max_bytes: int | None = None) -> Package:
    """Every check that needs no database: zip, members, format, manifest, digests.

    Raises Refused. The signature is checked by the receiver, who knows the keys.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise Refused(f"文件过大（{len(data)} 字节，上限 {max_bytes} 字节）。", check="大小")
    if not data or not zipfile.is_zipfile(io.BytesIO(data)):
        raise Refused("不是上报文件：不是 zip 压缩包。", check="文件类型")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (*UNPACK_ERRORS, struct.error) as exc:
        raise Refused(f"zip 压缩包已损坏（{exc}）。", check="文件类型") from exc
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise Refused("压缩包中有重名成员。", check="成员")
    for info in infos:
        if info.filename not in KNOWN_MEMBERS:
            raise Refused(f"压缩包中有本格式没有的成员“{info.filename}”。", member=info.filename, check="成员")
        if info.compress_type not in COMPRESSIONS:
            raise Refused(
                f"压缩方式（{info.compress_type}）不受支持（本格式只用 deflate 或不压缩）。", member=info.filename, check="解压"
            )
        if info.flag_bits & 0x1:
            raise Refused("成员已加密，本格式不加密。", member=info.filename, check="解压")
    try:
        # The stated sizes, by the guard every zip-based upload goes through; zipfile
        # never unpacks more than a member states (its CRC check fails), so no bomb
        # gets past the reads below.
        check_zip(data, ZipLimits(member=MAX_MEMBER_BYTES, total=MAX_TOTAL_BYTES), name="上报文件", verify=False)
    except ZipRefused as exc:
        raise Refused(str(exc), check="大小") from exc
    blobs: dict[str, bytes] = {}
    for info in infos:
        try:
            blobs[info.filename] = zf.read(info)
        except UNPACK_ERRORS as exc:
            raise Refused(f"无法解压（{exc}），文件已损坏。", member=info.filename, check="解压") from exc
    for required in (MANIFEST, SIGNATURE):
        if required not in blobs:
            raise Refused(f"缺少成员 {required}。", member=required, check="成员")
    manifest_bytes = blobs[MANIFEST]
    manifest = _json(manifest_bytes, MANIFEST)
    _check_manifest(manifest)
    signature = _json(blobs[SIGNATURE], SIGNATURE)
    if not isinstance(signature, dict):
        raise Refused("应为一个 JSON 对象。", member=SIGNATURE, check="字段")
    for key in ("manifest_sha256", "algorithm", "key_id", "signature"):
        _need(signature, key, str, SIGNATURE)
    if signature["manifest_sha256"] != sha256(manifest_bytes):
        raise Refused("manifest.json 的 SHA-256 与签名文件记载的摘要不符：清单被改动或损坏。", member=MANIFEST, check="摘要")
    if canonical(manifest) != manifest_bytes:
        raise Refused("manifest.json 不是规范格式（键排序、无空白的 UTF-8 JSON）。", member=MANIFEST, check="规范格式")
    if signature["key_id"] != manifest["signer"]["key_id"] or signature["algorithm"] != ALGORITHM:
        raise Refused("签名文件的算法或公钥指纹与清单不一致。", member=SIGNATURE, check="签名")
    listed = {e["name"]: e for e in manifest["members"]}
    for name in blobs:
        if name not in listed and name not in (MANIFEST, SIGNATURE):
            raise Refused(f"成员 {name} 未列入清单。", member=name, check="成员")
    for name, entry in listed.items():
        if name not in blobs:
            raise Refused(f"缺少清单所列成员 {name}。", member=name, check="成员")
        if sha256(blobs[name]) != entry["sha256"] or len(blobs[name]) != entry["size"]:
            raise Refused(f"成员 {name} 的 SHA-256 与清单不符：该成员被改动或损坏。", member=name, check="摘要")
    figures = _check_figures(_json(blobs[FIGURES], FIGURES), int(manifest["year"]))
    report_meta: dict[str, Any] = {}
    if REPORT_JSON in blobs:
        report_meta = _json(blobs[REPORT_JSON], REPORT_JSON)
        if not isinstance(report_meta, dict):
            raise Refused("应为一个 JSON 对象。", member=REPORT_JSON, check="字段")
    return Package(
        data=data, manifest_bytes=manifest_bytes, manifest=manifest, signature=signature,
        figures=figures, report_docx=blobs.get(REPORT_DOCX), report_meta=report_meta,
    )


def verify_signature(package: Package, public_key_b64: str) -> bool:
    """Whether the sender's Ed25519 signature over manifest.json holds for this key."""


    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        key.verify(base64.b64decode(package.signature["signature"], validate=True), package.manifest_bytes)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True
