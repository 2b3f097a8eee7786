"""Loading an indicator system from a file: parse, check everything, then write it all
or nothing.

The format (YAML; JSON, a subset of YAML, is read the same way) is documented in this
app's README and in the header of `systems/shifan_2021.yaml`:

    system: {code, name, year, version?, source?, note?}
    areas:                               # 领域（一级指标）
      - number: "一"
        title: 政府职能依法全面履行
        points: 12
        items:                           # 项目（二级指标）
          - number: "1"
            title: 加大简政放权力度
            points: 4
            rules:                       # 评分规则（三级指标）
              - number: "1.1"
                title: …
                points: 2
                method: manual           # manual | threshold | deduction
                standard: 评分标准…
                evidence: true           # manual only; default true
              - number: "1.2"
                method: threshold
                indicator: normdoc_filed_rate
                full_at: 100             # full points at ≥ (higher: true) or ≤ (higher: false)
                zero_at: 80              # no points at ≤ (or ≥); proportional in between
                higher: true             # default true
                no_data: full            # full | zero: when the engine has no value
              - number: "1.3"
                method: deduction
                indicator: recon_overdue
                per: 1                   # points off per unit of the count, floor 0

Every refusal is a Chinese message naming the node (its number and title) and the line
of the file it starts on; nothing is written unless the whole file is valid.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from fazhi.assessment.rules import AUTOMATIC, Method, NoData, NodeKind

SYSTEM_KEYS = {"code", "name", "year", "version", "source", "note"}
COMMON_KEYS = {"number", "title", "points", "standard"}
AREA_KEYS = COMMON_KEYS | {"items"}
ITEM_KEYS = COMMON_KEYS | {"rules"}
RULE_KEYS = COMMON_KEYS | {
    "method",
    "indicator",
    "full_at",
    "zero_at",
    "higher",
    "per",
    "no_data",
    "evidence",
}
LINE = "__line__"
MAX_POINTS = Decimal("10000")


class LoadError(Exception):
    """The file cannot be loaded; `errors` lists every problem found (Chinese)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


@dataclass
class ParsedNode:
    kind: str
    number: str
    title: str
    points: Decimal
    line: int
    standard: str = ""
    method: str = ""
    indicator: str = ""
    full_at: Decimal | None = None
    zero_at: Decimal | None = None
    higher_is_better: bool = True
    per: Decimal | None = None
    no_data: str = NoData.FULL
    evidence_required: bool = True
    children: list[ParsedNode] = field(default_factory=list)


@dataclass
class ParsedSystem:
    code: str
    name: str
    year: int
    version: str
    source: str
    note: str
    areas: list[ParsedNode]

    @property
    def total(self) -> Decimal:
        return sum((a.points for a in self.areas), Decimal(0))

    def walk(self) -> list[ParsedNode]:
        out: list[ParsedNode] = []

        def visit(n: ParsedNode) -> None:
            out.append(n)
            for c in n.children:
                visit(c)

        for a in self.areas:
            visit(a)
        return out


def read(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行：" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise LoadError([f"{where}文件不是有效的 YAML/JSON（{problem}）。"]) from exc


class _Checker:
    def __init__(self, indicator_codes: dict[str, str]) -> None:
        self.codes = indicator_codes  # code → kind
        self.errors: list[str] = []
        self.numbers: dict[str, str] = {}

    def err(self, where: str, message: str) -> None:
        self.errors.append(f"{where}：{message}")

    def where(self, raw: dict[str, Any], label: str) -> str:
        number = str(raw.get("number", "")).strip() or "（无编号）"
        title = str(raw.get("title", "")).strip()
        return f"第{raw.get(LINE, '?')}行 {label}“{number} {title}”".rstrip()

    def decimal(
        self, where: str, raw: dict[str, Any], key: str, label: str, *, required: bool = True
    ) -> Decimal | None:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.err(where, f"缺少{label}（{key}）。")
            return None
        if isinstance(value, bool):
            self.err(where, f"{label}（{key}）应为数字，不是“{value}”。")
            return None
        try:
            d = Decimal(str(value).strip())
        except InvalidOperation:
            self.err(where, f"{label}（{key}）应为数字，不是“{value}”。")
            return None
        if not d.is_finite():
            self.err(where, f"{label}（{key}）应为数字，不是“{value}”。")
            return None
        return d

    def keys(self, where: str, raw: dict[str, Any], allowed: set[str]) -> None:
        unknown = sorted(str(k) for k in raw if k != LINE and k not in allowed)
        if unknown:
            self.err(
                where, f"未知字段 {'、'.join(unknown)}（可用字段：{'、'.join(sorted(allowed))}）。"
            )

    def node(
        self, raw: Any, kind: str, label: str, parent_where: str, index: int
    ) -> ParsedNode | None:
        if not isinstance(raw, dict):
            self.err(parent_where, f"第{index}个{label}应为映射（number、title、points …）。")
            return None
        where = self.where(raw, label)
        allowed = {NodeKind.AREA: AREA_KEYS, NodeKind.ITEM: ITEM_KEYS, NodeKind.RULE: RULE_KEYS}[
            kind
        ]
        self.keys(where, raw, allowed)
        number = str(raw.get("number", "")).strip()
        title = str(raw.get("title", "")).strip()
        if not number:
            self.err(where, "缺少编号（number）。")
        elif number in self.numbers:
            self.err(where, f"编号“{number}”与{self.numbers[number]}重复。")
        else:
            self.numbers[number] = f"第{raw.get(LINE, '?')}行"
        if len(number) > 30:
            self.err(where, "编号过长（最多30个字符）。")
        if not title:
            self.err(where, "缺少名称（title）。")
        elif len(title) > 300:
            self.err(where, "名称过长（最多300个字符）。")
        points = self.decimal(where, raw, "points", "分值")
        if points is not None and not Decimal(0) < points <= MAX_POINTS:
            self.err(where, f"分值{points}应大于0且不超过{MAX_POINTS}。")
        if points is not None and points != points.quantize(Decimal("0.01")):
            self.err(where, f"分值{points}最多保留两位小数。")
        node = ParsedNode(
            kind=kind,
            number=number,
            title=title,
            points=points or Decimal(0),
            line=int(raw.get(LINE, 0)),
            standard=str(raw.get("standard") or "").strip(),
        )
        if kind == NodeKind.RULE:
            self.rule(where, raw, node)
            return node
        child_key, child_kind, child_label = (
            ("items", NodeKind.ITEM, "项目")
            if kind == NodeKind.AREA
            else ("rules", NodeKind.RULE, "评分规则")
        )
        children = raw.get(child_key)
        if not isinstance(children, list) or not children:
            self.err(where, f"{label}下至少应有一个{child_label}（{child_key}）。")
            return node
        for i, c in enumerate(children, start=1):
            parsed = self.node(c, child_kind, child_label, where, i)
            if parsed is not None:
                node.children.append(parsed)
        if points is not None and all(c.points for c in node.children):
            total = sum((c.points for c in node.children), Decimal(0))
            if total > points:
                self.err(where, f"下级分值合计{total}分，超过本{label}分值{points}分。")
        return node

    def rule(self, where: str, raw: dict[str, Any], node: ParsedNode) -> None:
        method = str(raw.get("method", "")).strip()
        if method not in Method.values:
            self.err(where, f"评分方式（method）应为 {' / '.join(Method.values)}，不是“{method}”。")
            return
        node.method = method
        evidence = raw.get("evidence", True)
        if not isinstance(evidence, bool):
            self.err(where, f"evidence 应为 true 或 false，不是“{evidence}”。")
        node.evidence_required = evidence is not False
        if method == Method.MANUAL:
            for key in ("indicator", "full_at", "zero_at", "higher", "per", "no_data"):
                if key in raw:
                    self.err(where, f"人工评分规则不能有字段 {key}。")
            return
        if "evidence" in raw:
            self.err(where, "自动评分规则不需要 evidence 字段（依据是指标背后的记录）。")
        code = str(raw.get("indicator", "")).strip()
        if not code:
            self.err(where, "自动评分规则须指明指标代码（indicator）。")
        elif code not in self.codes:
            self.err(where, f"未知指标代码“{code}”（指标目录中没有该代码）。")
        node.indicator = code
        no_data = str(raw.get("no_data", NoData.FULL)).strip()
        if no_data not in NoData.values:
            self.err(where, f"no_data 应为 full 或 zero，不是“{no_data}”。")
        node.no_data = no_data
        if method == Method.THRESHOLD:
            for key in ("per",):
                if key in raw:
                    self.err(where, f"达标线规则不能有字段 {key}。")
            node.full_at = self.decimal(where, raw, "full_at", "满分线")
            node.zero_at = self.decimal(where, raw, "zero_at", "零分线")
            higher = raw.get("higher", True)
            if not isinstance(higher, bool):
                self.err(where, f"higher 应为 true 或 false，不是“{higher}”。")
            node.higher_is_better = higher is not False
            if node.full_at is not None and node.zero_at is not None:
                if node.higher_is_better and node.zero_at > node.full_at:
                    self.err(
                        where, f"数值越高越好时，零分线{node.zero_at}不能高于满分线{node.full_at}。"
                    )
                if not node.higher_is_better and node.zero_at < node.full_at:
                    self.err(
                        where, f"数值越低越好时，零分线{node.zero_at}不能低于满分线{node.full_at}。"
                    )
        else:
            for key in ("full_at", "zero_at", "higher"):
                if key in raw:
                    self.err(where, f"扣分规则不能有字段 {key}。")
            node.per = self.decimal(where, raw, "per", "每个扣分")
            if node.per is not None and node.per <= 0:
                self.err(where, f"每个扣分（per）应大于0，不是{node.per}。")
            if code in self.codes and self.codes[code] in ("rate", "avg"):
                self.err(
                    where, f"指标“{code}”是比率或平均值，不能按数扣分（请用达标线 threshold）。"
                )


def parse(text: str, indicator_codes: dict[str, str]) -> ParsedSystem:
    """The system described by `text`, or LoadError listing every problem."""
    data = read(text)
    if not isinstance(data, dict):
        raise LoadError(["文件顶层应为映射，包含 system 和 areas 两部分。"])
    checker = _Checker(indicator_codes)
    unknown = sorted(str(k) for k in data if k not in ("system", "areas", LINE))
    if unknown:
        checker.err("文件顶层", f"未知字段 {'、'.join(unknown)}（应为 system、areas）。")
    head = data.get("system")
    if not isinstance(head, dict):
        raise LoadError([*checker.errors, "文件缺少 system 部分（code、name、year …）。"])
    where = f"第{head.get(LINE, '?')}行 system"
    checker.keys(where, head, SYSTEM_KEYS)
    code = str(head.get("code", "")).strip()
    name = str(head.get("name", "")).strip()
    if not code:
        checker.err(where, "缺少体系代码（code）。")
    elif len(code) > 60 or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in code):
        checker.err(where, f"体系代码“{code}”只能由字母、数字、- 和 _ 组成，最多60个字符。")
    if not name:
        checker.err(where, "缺少名称（name）。")
    year = head.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2100:
        checker.err(where, f"发布年度（year）应为1990—2100之间的整数，不是“{year}”。")
        year = 0
    areas_raw = data.get("areas")
    areas: list[ParsedNode] = []
    if not isinstance(areas_raw, list) or not areas_raw:
        checker.err("文件", "缺少领域列表（areas），至少应有一个领域。")
    else:
        for i, raw in enumerate(areas_raw, start=1):
            parsed = checker.node(raw, NodeKind.AREA, "领域", "areas", i)
            if parsed is not None:
                areas.append(parsed)
    if checker.errors:
        raise LoadError(checker.errors)
    return ParsedSystem(
        code=code,
        name=name,
        year=year,
        version=str(head.get("version") or "").strip(),
        source=str(head.get("source") or "").strip(),
        note=str(head.get("note") or "").strip(),
        areas=areas,
    )


def indicator_kinds() -> dict[str, str]:
    from fazhi.indicators.catalogue import catalogue

    return {code: ind.kind for code, ind in catalogue().items()}


def load_text(text: str, *, file_name: str = "", replace: bool = True) -> Any:
    """Parse, check and store a system; returns the `System`. All or nothing.

    A system already loaded under the same code is replaced when no score sheet uses it
    (`replace`); once sheets use it, a changed file must come under a new code.
    """
    from fazhi.assessment.models import Node, System

    parsed = parse(text, indicator_kinds())
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with transaction.atomic():
        existing = System.objects.select_for_update().filter(code=parsed.code).first()
        if existing is not None:
            if existing.file_sha256 == digest:
                return existing  # the same file again: nothing to do
            if existing.sheets.exists():
                raise LoadError(
                    [
                        f"体系代码“{parsed.code}”已有评分表在使用，不能覆盖。修改后的体系请使用新的代码（如加上版本号）。"
                    ]
                )
            if not replace:
                raise LoadError([f"体系代码“{parsed.code}”已存在。"])
            existing.nodes.all().delete()
            system = existing
        else:
            system = System(code=parsed.code)
        system.name = parsed.name
        system.year = parsed.year
        system.version = parsed.version
        system.source = parsed.source
        system.note = parsed.note
        system.total_points = parsed.total
        system.file_name = file_name[:255]
        system.file_sha256 = digest
        system.save()
        order = 0

        def store(n: ParsedNode, parent: Node | None) -> None:
            nonlocal order
            order += 1
            obj = Node.objects.create(
                system=system,
                parent=parent,
                kind=n.kind,
                number=n.number,
                title=n.title,
                points=n.points,
                sort_order=order,
                line=n.line,
                standard=n.standard,
                method=n.method,
                indicator=n.indicator if n.method in AUTOMATIC else "",
                full_at=n.full_at,
                zero_at=n.zero_at,
                higher_is_better=n.higher_is_better,
                per=n.per,
                no_data=n.no_data,
                evidence_required=n.evidence_required,
            )
            for c in n.children:
                store(c, obj)

        for area in parsed.areas:
            store(area, None)
    return system


def load_path(path: str | Path) -> Any:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LoadError([f"找不到文件：{p}"]) from exc
    except UnicodeDecodeError as exc:
        raise LoadError([f"文件不是 UTF-8 编码：{p}"]) from exc
    if p.suffix.lower() == ".json":
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise LoadError([f"第{exc.lineno}行：文件不是有效的 JSON（{exc.msg}）。"]) from exc
    return load_text(text, file_name=p.name)


SHIPPED = Path(__file__).resolve().parent / "systems"


def shipped(name: str = "shifan_2021.yaml") -> Path:
    return SHIPPED / name
