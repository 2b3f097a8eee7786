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

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record
from fazhi.indicators import figcache
from fazhi.indicators.catalogue import catalogue
from fazhi.org.models import Role, Unit
from fazhi.upward import fileformat
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
        return "；".join(parts) + "。"


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
    keys = list(TrustedKey.objects.filter(uscc=sender["uscc"], active=True, unit_id__in=on_path))
    if not keys:
        raise Refused(
            f"未登记报送单位“{sender['name']}”（{sender['uscc']}）的公钥：请先由接收单位登记其公钥后再导入。",
            member=fileformat.SIGNATURE, check="签名",
        )
    key_id = package.signature["key_id"]
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


def placement(package: Package, receiver: Unit) -> tuple[Unit | None, Unit, list[dict[str, Any]]]:
    """(the sender's unit here or None, the unit to create it under, the units to create).

    The sender must be strictly below the receiving unit: found by its code inside the
    receiver's subtree, or, when it is not here yet, under the nearest of its ancestors
    that is (the receiver or below it).
    """
    sender = package.sender
    below = f"“{sender['name']}”不是接收单位“{receiver.name}”的下级单位"
    local = _by_uscc(sender["uscc"])
    if local is not None:
        if local.pk == receiver.pk or not local.path.startswith(receiver.path):
            raise Refused(f"{below}（本系统中该单位位于{local.name}处，不在接收单位之下）。", member=fileformat.MANIFEST, check="隶属关系")
        return local, local, []
    chain = sender["ancestors"]
    for i in range(len(chain) - 1, -1, -1):
        anchor = _by_uscc(chain[i]["uscc"])
        if anchor is None:
            continue
        if not anchor.path.startswith(receiver.path):
            raise Refused(f"{below}（其上级“{anchor.name}”不在接收单位之下）。", member=fileformat.MANIFEST, check="隶属关系")
        return None, anchor, [*chain[i + 1 :], sender]
    raise Refused(f"{below}（清单所列上级单位在本系统中都找不到）。", member=fileformat.MANIFEST, check="隶属关系")


def _dec(text: Any, code: str, what: str) -> Decimal:
    try:
        value = Decimal(str(text))
    except (InvalidOperation, ValueError) as exc:
        raise Refused(f"指标 {code} 的{what}“{text}”不是数。", member=FIGURES, check="数值") from exc
    if not value.is_finite():
        raise Refused(f"指标 {code} 的{what}“{text}”不是有限数。", member=FIGURES, check="数值")
    return value


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def check_figures(package: Package) -> tuple[list[dict[str, Any]], list[str]]:
    """The file's figures, each code known here with the same kind, each value agreeing
    with what it is computed from; and the codes of this catalogue the file lacks."""
    cat = catalogue()
    rows = package.figures
    values: dict[str, Decimal | None] = {}
    for row in rows:
        code = row["code"]
        if code not in cat:
            raise Refused(f"指标代码 {code} 在本系统的指标目录中没有定义。", member=FIGURES, check="指标代码")
        if cat[code].kind != row["kind"]:
            raise Refused(
                f"指标 {code} 在文件中的类型（{row['kind']}）与本系统（{cat[code].kind}）不一致，无法汇总。",
                member=FIGURES, check="指标代码",
            )
        values[code] = None if row["value"] is None else _dec(row["value"], code, "数值")
    by_code = {r["code"]: r for r in rows}
    for row in rows:
        code, kind = row["code"], row["kind"]
        decimals = row.get("decimals", 0)
        if not isinstance(decimals, int) or not 0 <= decimals <= 4:
            raise Refused(f"指标 {code} 的小数位数无效。", member=FIGURES, check="字段")
        scale = _dec(row.get("scale", "1"), code, "换算系数")
        if scale <= 0:
            raise Refused(f"指标 {code} 的换算系数应大于0。", member=FIGURES, check="字段")
        expected: Decimal | None
        if kind in ("count", "sum", "avg", "max"):
            raw = row.get("raw", "__missing__")
            if raw == "__missing__":
                raise Refused(f"指标 {code} 缺少原始数（raw），上级无法汇总。", member=FIGURES, check="字段")
            if kind == "count":
                if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
                    raise Refused(f"指标 {code} 的原始数应为非负整数。", member=FIGURES, check="数值")
                expected = Decimal(raw)
            elif kind == "avg":
                if not isinstance(raw, dict) or not isinstance(raw.get("n"), int) or raw["n"] < 0:
                    raise Refused(f"指标 {code} 的原始数应为 {{\"total\", \"n\"}}。", member=FIGURES, check="数值")
                total = _dec(raw.get("total"), code, "原始数")
                expected = None if raw["n"] == 0 else _round(total / raw["n"] / scale, decimals)
            elif raw is None:
                if kind != "max":
                    raise Refused(f"指标 {code} 的原始数不能为空。", member=FIGURES, check="数值")
                expected = None
            else:
                expected = _round(_dec(raw, code, "原始数") / scale, decimals)
        elif kind == "rate":
            num, den = row.get("numerator"), row.get("denominator")
            if num not in by_code or den not in by_code:
                raise Refused(f"比率 {code} 的分子或分母不在文件中。", member=FIGURES, check="数值核对")
            n, d = values[num], values[den]
            expected = None if not d else _round((n or 0) * 100 / d, decimals)
        else:
            parts = row.get("parts")
            if not isinstance(parts, list) or any(p not in by_code for p in parts):
                raise Refused(f"合计 {code} 的组成项不在文件中。", member=FIGURES, check="数值核对")
            expected = sum(((values[p] or Decimal(0)) for p in parts), Decimal(0))
        got = values[code]
        if (got is None) != (expected is None) or (got is not None and expected is not None and got != expected):
            raise Refused(
                f"指标 {code} 的数值 {row['value']} 与其计算依据不一致（应为 {expected}）。",
                member=FIGURES, check="数值核对",
            )
    missing = [c for c in cat if c not in by_code]
    return rows, missing


def _refuse_duplicates(package: Package, sender_unit: Unit | None) -> Submission | None:
    """The current submission this file replaces, if any; refuses the same file twice
    and an older file over a newer one."""
    same = Submission.objects.filter(sha256=package.file_sha256).select_related("unit").first()
    if same is not None:
        raise Refused(
            f"该文件已于 {same.imported_at:%Y-%m-%d %H:%M} 导入（{same}），不重复导入。", check="重复导入"
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


def _create_units(parent: Unit, entries: list[dict[str, Any]]) -> list[Unit]:
    created = []
    for entry in entries:
        code = entry["code"]
        if not code or Unit.objects.filter(code=code).exists():
            code = entry["uscc"]  # the sender's short code is taken here: use its unified code
        parent = Unit.objects.create(
            name=entry["name"], short_name=entry.get("short_name", "") or "", code=code,
            kind=entry["kind"] if entry["kind"] in dict(Unit._meta.get_field("kind").choices) else "other",
            uscc=entry["uscc"], parent=parent,
        )
        created.append(parent)
    return created


def receive(data: bytes, *, into: Unit | None = None, by: Any = None, file_name: str = "") -> Outcome:
    """Verify an upward file and store it as the sender's current submission for its year.

    Raises Refused (nothing written) or PermissionDenied (the user may not import here).
    """
    package = fileformat.check_file(data, max_bytes=settings.FAZHI_IMPORT_MAX_BYTES)
    receiver = into if into is not None else default_receiver(package)
    if not may_import(by, receiver):
        raise PermissionDenied("只有接收单位的统筹协调员可以导入上报文件。")
    check_signature(package, receiver)
    sender_unit, parent, to_create = placement(package, receiver)
    rows, missing = check_figures(package)
    replaced = _refuse_duplicates(package, sender_unit)
    actor = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic(), audit_context(user=actor, verb="导入上报文件"):
        created = _create_units(parent, to_create) if to_create else []
        unit = sender_unit or created[-1]
        if replaced is not None:
            replaced.current = False
            replaced.save(update_fields=["current"])
        report = package.manifest["report"]
        submission = Submission.objects.create(
            unit=unit, receiver=receiver, year=package.year, file_name=file_name[:200],
            content=data, sha256=package.file_sha256, format_version=package.manifest["format"],
            manifest=package.manifest, generated_at=datetime.fromisoformat(package.manifest["generated_at"]),
            software=package.manifest["software"][:60], key_fingerprint=package.signature["key_id"],
            report_included=bool(report["included"]), report_meta=package.report_meta or report,
            replaces=replaced, imported_by=actor,
        )
        ReportedFigure.objects.bulk_create(
            [
                ReportedFigure(
                    submission=submission, unit=unit, year=package.year, code=r["code"], name=r["name"][:100],
                    measure=r["unit"][:20], kind=r["kind"], definition=r["definition"],
                    value=None if r["value"] is None else Decimal(r["value"]), raw=r.get("raw"),
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
