"""Importing upward files (`fazhi upward import`, the upload screen): verify, then write.

Every check runs before anything is written; a refused file changes nothing. The checks,
in order (README.md, "Import"): size, zip, members, format version, manifest fields,
the manifest digest, each member's SHA-256 (fileformat.check_file); the sender's key is
registered with the receiving unit and the Ed25519 signature holds; the sender is a
unit below the receiving unit (matched by unified social credit code); the indicator
codes are known here with the same kind and each value agrees with its raw figure; the
same file was not imported before and is not older than the current one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record
from fazhi.indicators import figcache
from fazhi.indicators.catalogue import Indicator, catalogue
from fazhi.org.models import Role, Unit, UnitKind
from fazhi.upward import fileformat
from fazhi.upward.export import SENDER_KINDS
from fazhi.upward.fileformat import FIGURES, Package, Refused
from fazhi.upward.models import ImportedUnit, ReportedFigure, Submission, TrustedKey


@dataclass
class Outcome:
    submission: Submission
    created_units: list[Unit] = field(default_factory=list)
    replaced: Submission | None = None
    missing_codes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        s = self.submission
        parts = [f"已导入{s.unit.name}{s.year}年度上报文件（{s.figures.count()}项指标）"]
        if self.replaced is not None:
            parts.append(f"替换了{self.replaced.imported_at:%Y-%m-%d %H:%M}导入的上一版本（保留为历史）")
        if self.created_units:
            parts.append(f"新建外报单位：{'、'.join(u.name for u in self.created_units)}")
        if self.missing_codes:
            parts.append(f"文件未含本系统的 {len(self.missing_codes)} 项指标，汇总时按无数据计")
        if not s.report_included:
            parts.append("未附年度报告：" + str(s.manifest.get("report", {}).get("reason", "")))
        return "；".join(p.rstrip("。") for p in parts) + "。"


def may_import(user: Any, receiver: Unit) -> bool:
    """Coordinators (and administrators) of the receiving unit import upward files."""
    if user is None:
        return True  # the command line: the operator of the server
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.role == Role.COORDINATOR and user.unit_id is not None and receiver.path.startswith(user.unit.path)


def _by_uscc(uscc: str) -> Unit | None:
    found = list(Unit.objects.filter(uscc=uscc)[:2])
    if len(found) > 1:
        raise Refused(f"本系统有多个单位使用统一社会信用代码 {uscc}，无法确定报送单位，请先更正单位信息。", check="隶属关系")
    return found[0] if found else None


def default_receiver(package: Package) -> Unit:
    """The nearest of the sender's ancestors that this server holds (for the command line)."""
    for entry in reversed(package.sender["ancestors"]):
        unit = _by_uscc(entry["uscc"])
        if unit is not None:
            return unit
    raise Refused("本系统中找不到报送单位的任何上级单位（按统一社会信用代码），请用 --into 指定接收单位。", check="隶属关系")


def check_signature(package: Package, receiver: Unit) -> TrustedKey:
    sender = package.sender
    on_path = [int(seg) for seg in receiver.path.split(".") if seg]
    registered = list(TrustedKey.objects.filter(uscc=sender["uscc"], unit_id__in=on_path))
    keys = [k for k in registered if k.active]
    key_id = package.signature["key_id"]
    revoked = [k for k in registered if not k.active and k.fingerprint == key_id]
    if revoked and not any(k.fingerprint == key_id for k in keys):
        raise Refused(
            f"文件由为“{sender['name']}”登记的公钥（指纹 {key_id}）签名，但该公钥已停用"
            f"（{revoked[0].unit.name}停用）：请由报送单位用新密钥重新导出，并登记其新公钥。",
            member=fileformat.SIGNATURE, check="签名",
        )
    if not keys:
        raise Refused(
            f"未登记报送单位“{sender['name']}”（{sender['uscc']}）的公钥：请先由接收单位登记其公钥后再导入。",
            member=fileformat.SIGNATURE, check="签名",
        )
    matching = [k for k in keys if k.fingerprint == key_id]
    if not matching:
        known = "、".join(k.fingerprint for k in keys)
        raise Refused(
            f"文件由指纹为 {key_id} 的密钥签名，不是为“{sender['name']}”登记的公钥（{known}）。",
            member=fileformat.SIGNATURE, check="签名",
        )
    if not fileformat.verify_signature(package, matching[0].public_key):
        raise Refused(
            "签名无效：manifest.json 不是由登记的报送单位签发，或签发后被改动。",
            member=fileformat.SIGNATURE, check="签名",
        )
    return matching[0]


# A created sender sits under a higher level of government: a county under a city, a
# city under a province.
GOVERNMENT_RANK = {UnitKind.COUNTY: 1, UnitKind.CITY: 2, UnitKind.PROVINCE: 3}


def _refuse_other_chain(package: Package, here: Unit, below: str) -> None:
    """Every ancestor the file names that this server has is an ancestor of `here` (the
    sender, or the parent it is to be created under): a file cannot move a unit."""
    on_path = set(Unit.objects.filter(pk__in=[int(seg) for seg in here.path.split(".") if seg]).values_list("uscc", flat=True))
    for entry in package.sender["ancestors"]:
        other = _by_uscc(entry["uscc"])
        if other is not None and other.uscc not in on_path:
            raise Refused(
                f"{below}：清单所列上级“{entry['name']}”在本系统中是“{other.name}”，不在{here.name}的上级之列。",
                member=fileformat.MANIFEST, check="隶属关系",
            )


def _refuse_taken_names(entry: dict[str, Any]) -> None:
    """A unit created by a file never takes the name, short name or code of one here
    (they are how people and commands find units)."""
    names = [n for n in (entry["name"], entry.get("short_name") or "") if n]
    taken = Unit.objects.filter(Q(name__in=names) | Q(short_name__in=names) | Q(code__in=names)).first()
    if taken is not None:
        raise Refused(
            f"报送单位“{entry['name']}”在本系统中尚无记录，但其名称或简称与本系统已有单位“{taken.name}”同名，"
            "不能新建：请核实后在本系统中为该单位填写统一社会信用代码。",
            member=fileformat.MANIFEST, check="隶属关系",
        )


def placement(package: Package, receiver: Unit) -> tuple[Unit | None, Unit | None]:
    """(the sender's unit here, or None and the unit to create it under).

    A key speaks for its own unit only: the sender must be strictly below the receiving
    unit, found here by its code, or, when it is not here yet, created directly under
    its own parent, which must be here (at or below the receiver). No other unit is
    created, none takes the name of a unit here, and the ancestors the file names must be
    the ones the sender (or its parent) has here.
    """
    sender = package.sender
    below = f"“{sender['name']}”不是接收单位“{receiver.name}”的下级单位"
    local = _by_uscc(sender["uscc"])
    if local is not None and (local.pk == receiver.pk or not local.path.startswith(receiver.path)):
        raise Refused(f"{below}（本系统中该单位位于{local.name}处，不在接收单位之下）。", member=fileformat.MANIFEST, check="隶属关系")
    chain = sender["ancestors"]
    if not chain:
        raise Refused(f"{below}（清单未列出其上级单位）。", member=fileformat.MANIFEST, check="隶属关系")
    parent = _by_uscc(chain[-1]["uscc"])
    if parent is None:
        raise Refused(
            f"{below}（其直接上级“{chain[-1]['name']}”（{chain[-1]['uscc']}）在本系统中没有）：上报文件只能新建报送单位本身，"
            "不新建其上级单位。请先在本系统中建立或更正上级单位。",
            member=fileformat.MANIFEST, check="隶属关系",
        )
    if local is not None:
        if parent.pk != local.parent_id:
            raise Refused(
                f"清单称“{sender['name']}”的直接上级是“{chain[-1]['name']}”，本系统中其上级是另一单位：上报文件不能改变隶属关系。",
                member=fileformat.MANIFEST, check="隶属关系",
            )
        _refuse_other_chain(package, local, f"“{sender['name']}”的隶属关系与本系统不一致")
        return local, None
    if not parent.path.startswith(receiver.path):
        raise Refused(f"{below}（其上级“{parent.name}”不在接收单位之下）。", member=fileformat.MANIFEST, check="隶属关系")
    _refuse_other_chain(package, parent, f"“{sender['name']}”的隶属关系与本系统不一致")
    if sender["kind"] not in SENDER_KINDS:
        raise Refused(
            f"报送单位“{sender['name']}”的单位类型“{sender['kind']}”不是县级以上人民政府，不能由上报文件新建。",
            member=fileformat.MANIFEST, check="隶属关系",
        )
    if GOVERNMENT_RANK.get(parent.kind, 0) <= GOVERNMENT_RANK[sender["kind"]]:
        raise Refused(
            f"报送单位“{sender['name']}”（{UnitKind(sender['kind']).label}）不能新建在“{parent.name}”"
            f"（{UnitKind(parent.kind).label}）之下：其上级应为更高一级人民政府。",
            member=fileformat.MANIFEST, check="隶属关系",
        )
    _refuse_taken_names(sender)
    return None, parent


MAX_FIGURE = Decimal(10) ** 15  # ReportedFigure.value keeps 16 digits before the point
MAX_COUNT = 10**12
MAX_PLACES = 10  # decimal places of a raw figure (money has 2, durations 4)
NUMBER_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")  # as str(Decimal) writes it


def _dec(text: Any, code: str, what: str) -> Decimal:
    """A figure of the file: a non-negative decimal within what any government reports."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise Refused(f"指标 {code} 的{what}应为数字字符串，不是 {json.dumps(text, ensure_ascii=False)[:40]}。", member=FIGURES, check="数值")
    if isinstance(text, str) and len(text) > 40:
        raise Refused(f"指标 {code} 的{what}“{text[:40]}…”过长，不是合理的数。", member=FIGURES, check="数值")
    if not NUMBER_RE.fullmatch(str(text)):  # Decimal() would also read "NaN", " 1_0 ", "٤"
        raise Refused(f"指标 {code} 的{what}“{text}”不是十进制数。", member=FIGURES, check="数值")
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError) as exc:
        raise Refused(f"指标 {code} 的{what}“{text}”不是数。", member=FIGURES, check="数值") from exc
    if not value.is_finite():
        raise Refused(f"指标 {code} 的{what}“{text}”不是有限数。", member=FIGURES, check="数值")
    if value < 0:
        raise Refused(f"指标 {code} 的{what}“{text}”是负数，指标数值不能为负。", member=FIGURES, check="数值")
    if value > MAX_FIGURE:
        raise Refused(f"指标 {code} 的{what}“{text}”超出合理范围（不超过 10^15）。", member=FIGURES, check="数值")
    if value.as_tuple().exponent < -MAX_PLACES:  # type: ignore[operator]
        raise Refused(f"指标 {code} 的{what}“{text}”小数位数过多（最多{MAX_PLACES}位）。", member=FIGURES, check="数值")
    return value


def _count(value: Any, code: str, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        raise Refused(f"指标 {code} 的{what}应为不超过 10^12 的非负整数。", member=FIGURES, check="数值")
    return value


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _raw(ind: Indicator, row: dict[str, Any]) -> tuple[Any, Decimal | None]:
    """(the raw figure as it will be stored, the value it gives) of a count, sum, mean
    or maximum, checked against the catalogue's definition."""
    code, scale = ind.code, ind.scale
    if "raw" not in row:
        raise Refused(f"指标 {code} 缺少原始数（raw），上级无法汇总。", member=FIGURES, check="字段")
    raw = row["raw"]
    if ind.kind == "count":
        n = _count(raw, code, "原始数")
        return n, Decimal(n)
    if ind.kind == "avg":
        if not isinstance(raw, dict):
            raise Refused(f"指标 {code} 的原始数应为 {{\"total\", \"n\"}}。", member=FIGURES, check="数值")
        n = _count(raw.get("n"), code, "原始数的个数（n）")
        total = _dec(raw.get("total"), code, "原始数的合计（total）")
        return {"total": str(total), "n": n}, None if n == 0 else _round(total / n / scale, ind.decimals)
    if raw is None:
        if ind.kind != "max":
            raise Refused(f"指标 {code} 的原始数不能为空。", member=FIGURES, check="数值")
        return None, None
    value = _dec(raw, code, "原始数")
    return str(value), _round(value / scale, ind.decimals)


def _same_definition(ind: Indicator, row: dict[str, Any]) -> None:
    """The row is this catalogue's indicator: kind, unit of measure, rounding, scale and
    what it derives from."""
    code = ind.code

    def differs(what: str, theirs: Any, ours: Any) -> Refused:
        return Refused(
            f"指标 {code} 在文件中的{what}（{theirs}）与本系统指标目录（{ours}）不一致，无法汇总。",
            member=FIGURES, check="指标代码",
        )

    if row["kind"] != ind.kind:
        raise differs("类型", row["kind"], ind.kind)
    if row["unit"] != ind.unit:
        raise differs("计量单位", row["unit"], ind.unit)
    decimals = row.get("decimals", 0)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or decimals != ind.decimals:
        raise differs("小数位数", decimals, ind.decimals)
    scale = row.get("scale", "1")
    if not isinstance(scale, str) or _dec(scale, code, "换算系数") != ind.scale:
        raise differs("换算系数", scale, ind.scale)
    if ind.kind == "rate" and (row.get("numerator"), row.get("denominator")) != (ind.numerator, ind.denominator):
        raise differs("分子、分母", f"{row.get('numerator')}÷{row.get('denominator')}", f"{ind.numerator}÷{ind.denominator}")
    if ind.kind == "parts" and row.get("parts") != list(ind.parts):
        raise differs("组成项", row.get("parts"), "、".join(ind.parts))


def check_figures(package: Package) -> tuple[list[dict[str, Any]], list[str]]:
    """The file's figures, each checked against this catalogue's definition (kind,
    rounding, scale, parts; counts whole and non-negative, amounts within range, rates
    within 0–100) and agreeing with what it is computed from; and the codes of this
    catalogue the file lacks. Each row comes back with its checked `raw` figure."""
    cat = catalogue()
    rows = package.figures
    values: dict[str, Decimal | None] = {}
    for row in rows:
        code = row["code"]
        if code not in cat:
            raise Refused(f"指标代码 {code[:60]} 在本系统的指标目录中没有定义。", member=FIGURES, check="指标代码")
        _same_definition(cat[code], row)
        values[code] = None if row["value"] is None else _dec(row["value"], code, "数值")
    by_code = {r["code"]: r for r in rows}
    checked = []
    for row in rows:
        code = row["code"]
        ind = cat[code]
        raw: Any = None
        expected: Decimal | None
        if ind.kind in ("count", "sum", "avg", "max"):
            raw, expected = _raw(ind, row)
        elif ind.kind == "rate":
            if ind.numerator not in by_code or ind.denominator not in by_code:
                raise Refused(f"比率 {code} 的分子或分母不在文件中。", member=FIGURES, check="数值核对")
            n, d = values[ind.numerator], values[ind.denominator]
            expected = None if not d else _round((n or 0) * 100 / d, ind.decimals)
            if expected is not None and expected > 100:
                raise Refused(
                    f"比率 {code} 为 {expected}%（{ind.numerator} {n} ÷ {ind.denominator} {d}），超过100%，不合指标定义。",
                    member=FIGURES, check="数值",
                )
        else:
            if any(p not in by_code for p in ind.parts):
                raise Refused(f"合计 {code} 的组成项不在文件中。", member=FIGURES, check="数值核对")
            expected = sum(((values[p] or Decimal(0)) for p in ind.parts), Decimal(0))
        got = values[code]
        if (got is None) != (expected is None) or (got is not None and expected is not None and got != expected):
            raise Refused(
                f"指标 {code} 的数值 {row['value']} 与其计算依据不一致（应为 {expected}）。",
                member=FIGURES, check="数值核对",
            )
        checked.append({**row, "raw": raw, "value": got})
    missing = [c for c in cat if c not in by_code]
    return checked, missing


def _refuse_duplicates(package: Package, sender_unit: Unit | None) -> Submission | None:
    """The current submission this file replaces, if any; refuses the same content twice
    (however it was zipped: a submission is its signed manifest, which lists every
    member's SHA-256) and an older file over a newer one."""
    same = (
        Submission.objects.filter(Q(sha256=package.file_sha256) | Q(manifest_sha256=package.manifest_sha256))
        .select_related("unit")
        .first()
    )
    if same is not None:
        raise Refused(
            f"该文件（或内容相同、重新压缩的文件）已于 {same.imported_at:%Y-%m-%d %H:%M} 导入（{same}），不重复导入。",
            check="重复导入",
        )
    if sender_unit is None:
        return None
    current = Submission.objects.filter(unit=sender_unit, year=package.year, current=True).first()
    if current is not None and datetime.fromisoformat(package.manifest["generated_at"]) < current.generated_at:
        raise Refused(
            f"该文件生成于 {package.manifest['generated_at']}，早于现行版本（{current.generated_at:%Y-%m-%d %H:%M}），不能用旧文件替换新文件。",
            check="重复导入",
        )
    return current


def _create_unit(parent: Unit, entry: dict[str, Any]) -> Unit:
    """The sender, new here, under its parent (placement() checked both)."""
    code = entry["code"]
    if not code or Unit.objects.filter(Q(code=code) | Q(name=code) | Q(short_name=code)).exists():
        code = entry["uscc"]  # the sender's short code names a unit here: use its unified code
    return Unit.objects.create(
        name=entry["name"], short_name=entry.get("short_name", "") or "", code=code,
        kind=entry["kind"], uscc=entry["uscc"], parent=parent,
    )


def _audit_refusal(data: bytes, refusal: Refused, receiver: Unit | None, actor: Any, file_name: str) -> None:
    """A refused file is audited too: who tried which file, into which unit, and why."""
    record(
        Action.IMPORT, user=actor, verb="拒绝导入上报文件", model=Submission._meta.label_lower,
        object_repr=file_name or "上报文件", unit_path=receiver.path if receiver is not None else "",
        note=f"文件“{file_name or '上报文件'}”（{len(data)} 字节，SHA-256 {fileformat.sha256(data)}）"
        + (f"导入{receiver.name}" if receiver is not None else "")
        + f"被拒绝：{refusal}",
    )


def receive(data: bytes, *, into: Unit | None = None, by: Any = None, file_name: str = "") -> Outcome:
    """Verify an upward file and store it as the sender's current submission for its year.

    Raises Refused (nothing written but the audit entry of the refusal) or
    PermissionDenied (the user may not import here).
    """
    actor = by if getattr(by, "is_authenticated", False) else None
    target: list[Unit] = [into] if into is not None else []
    try:
        return _receive(data, target, by=by, actor=actor, file_name=file_name)
    except Refused as refusal:
        _audit_refusal(data, refusal, target[0] if target else None, actor, file_name)
        raise


def _receive(data: bytes, target: list[Unit], *, by: Any, actor: Any, file_name: str) -> Outcome:
    package = fileformat.check_file(data, max_bytes=settings.FAZHI_IMPORT_MAX_BYTES)
    if not target:
        target.append(default_receiver(package))
    receiver = target[0]
    if not may_import(by, receiver):
        raise PermissionDenied("只有接收单位的统筹协调员可以导入上报文件。")
    check_signature(package, receiver)
    sender_unit, parent = placement(package, receiver)
    rows, missing = check_figures(package)
    replaced = _refuse_duplicates(package, sender_unit)
    with transaction.atomic(), audit_context(user=actor, verb="导入上报文件"):
        created = [_create_unit(parent, package.sender)] if parent is not None else []
        unit = sender_unit or created[-1]
        if replaced is not None:
            replaced.current = False
            replaced.save(update_fields=["current"])
        report = package.manifest["report"]
        submission = Submission.objects.create(
            unit=unit, receiver=receiver, year=package.year, file_name=file_name[:200],
            content=data, sha256=package.file_sha256, manifest_sha256=package.manifest_sha256,
            format_version=package.manifest["format"],
            manifest=package.manifest, generated_at=datetime.fromisoformat(package.manifest["generated_at"]),
            software=package.manifest["software"][:60], key_fingerprint=package.signature["key_id"],
            report_included=bool(report["included"]), report_meta=package.report_meta or report,
            replaces=replaced, imported_by=actor,
        )
        ReportedFigure.objects.bulk_create(
            [
                ReportedFigure(
                    submission=submission, unit=unit, year=package.year, code=r["code"], name=r["name"][:100],
                    measure=r["unit"][:20], kind=r["kind"], definition=r["definition"], value=r["value"], raw=r["raw"],
                )
                for r in rows
            ]
        )
        for u in created:
            ImportedUnit.objects.create(unit=u, first_submission=submission)
        transaction.on_commit(figcache.data_changed)  # the receiver's figures now include them
        record(
            Action.IMPORT, obj=submission, user=actor, verb="导入上报文件",
            note=f"{package.year}年度，文件SHA-256 {package.file_sha256}，签名公钥 {package.signature['key_id']}"
            + (f"，替换上报文件 #{replaced.pk}" if replaced else ""),
        )
    return Outcome(submission=submission, created_units=created, replaced=replaced, missing_codes=missing)
