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
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from fazhi.assessment.models import Node, System
from fazhi.assessment.rules import AUTOMATIC, Method, NoData, NodeKind
from fazhi.indicators.catalogue import catalogue

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
MAX_NODES = 20_000  # YAML nodes once aliases are expanded (the shipped system has ~1,300)
MAX_ERRORS = 100  # listed; the rest are counted
MAX_TEXT = 2 * 1024 * 1024  # characters of a file
NUMBER_RE = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")  # a number as people write it: no 0x, 1_0, 1e3


class LoadError(Exception):
    """The file cannot be loaded; `errors` lists every problem found (Chinese)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class Written(str):
    """A scalar YAML would read as a number (int or float), kept as written: "1.10" stays
    "1.10" (not 1.1), "0x10" and "010" are not silently 16 and 8, and messages quote
    the file."""


def _written(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Written:
    return Written(node.value)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _refuse_expansion(root: yaml.Node) -> None:
    """Aliases (*name) repeat a node where they stand: refuse a file whose expanded tree
    exceeds MAX_NODES, or that refers to itself, before anything walks it. Counted
    without recursion and once per distinct node."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()  # the nodes on the path being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        key = id(node)
        if closing:
            open_.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > MAX_NODES:
                raise LoadError(
                    [f"文件中的别名（&锚点、*引用）展开后超过{MAX_NODES}项，不予载入：指标体系文件不需要这样重复内容。"]
                )
            continue
        if key in sizes:
            continue
        if key in open_:
            raise LoadError([f"第{node.start_mark.line + 1}行：别名（*引用）引用了包含它自身的内容，不予载入。"])
        open_.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in sizes)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on, keeps numbers as
    written, refuses a key twice in one mapping and bounds what aliases expand to."""

    def get_single_node(self) -> Any:
        node = super().get_single_node()
        if node is not None:
            _refuse_expansion(node)
        return node

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _value in node.value if isinstance(node, yaml.MappingNode) else []:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            line = key_node.start_mark.line + 1
            if key_node.value == LINE:
                raise LoadError([f"第{line}行：字段名 {LINE} 为本系统保留，不能使用。"])
            if key_node.value in seen:
                raise LoadError(
                    [f"第{line}行：字段“{key_node.value}”在同一项中出现了两次（另见第{seen[key_node.value]}行）。"]
                )
            seen[key_node.value] = line
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:int", _written)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _written)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, date):
        return "日期"
    return type(value).__name__


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
    if len(text) > MAX_TEXT:
        raise LoadError([f"文件过大（{len(text)}个字符，上限{MAX_TEXT}个）。"])
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError as exc:
        raise LoadError(["文件的嵌套层次过深，不是指标体系文件。"]) from exc
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
        number, title = raw.get("number"), raw.get("title")
        number = number.strip() if isinstance(number, str) and number.strip() else "（无编号）"
        title = title.strip() if isinstance(title, str) else ""
        return f"第{raw.get(LINE, '?')}行 {label}“{number} {title}”".rstrip()

    def text(self, where: str, raw: dict[str, Any], key: str, label: str) -> str:
        """A text field: a string (a number stays as written), never a list's or a
        mapping's printed form."""
        value = raw.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.err(where, f"{label}（{key}）应为文字，不是{_type_name(value)}。")
            return ""
        return value.strip()

    def decimal(
        self, where: str, raw: dict[str, Any], key: str, label: str, *, required: bool = True
    ) -> Decimal | None:
        """A number as written in the file; it must fit the field that keeps it."""
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.err(where, f"缺少{label}（{key}）。")
            return None
        if not isinstance(value, str):
            self.err(where, f"{label}（{key}）应为数字，不是{_type_name(value)}。")
            return None
        written = value.strip()
        if len(written) > 20 or not NUMBER_RE.fullmatch(written):
            self.err(where, f"{label}（{key}）应为数字（如 2 或 1.5），不是“{written[:20]}”。")
            return None
        d = Decimal(written)
        field = _decimal_field(key)
        whole, places = field.max_digits - field.decimal_places, field.decimal_places
        if len(d.as_tuple().digits) + d.as_tuple().exponent > whole:  # type: ignore[operator]
            self.err(where, f"{label}（{key}）最多{whole}位整数，不是“{written}”。")
            return None
        if -d.as_tuple().exponent > places:  # type: ignore[operator]
            self.err(where, f"{label}（{key}）最多{'两' if places == 2 else places}位小数，不是“{written}”。")
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
        number = self.text(where, raw, "number", "编号")
        title = self.text(where, raw, "title", "名称")
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
        node = ParsedNode(
            kind=kind,
            number=number,
            title=title,
            points=points or Decimal(0),
            line=int(raw.get(LINE, 0)),
            standard=self.text(where, raw, "standard", "评分标准"),
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
            elif total < points:
                self.err(where, f"下级分值合计{total}分，低于本{label}分值{points}分：本{label}永远得不到满分。")
        return node

    def rule(self, where: str, raw: dict[str, Any], node: ParsedNode) -> None:
        method = self.text(where, raw, "method", "评分方式")
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
        code = self.text(where, raw, "indicator", "指标代码")
        if not code:
            self.err(where, "自动评分规则须指明指标代码（indicator）。")
        elif code not in self.codes:
            self.err(where, f"未知指标代码“{code}”（指标目录中没有该代码）。")
        node.indicator = code
        no_data = self.text(where, raw, "no_data", "无数据时") if "no_data" in raw else NoData.FULL
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
    code = checker.text(where, head, "code", "体系代码")
    name = checker.text(where, head, "name", "名称")
    if not code:
        checker.err(where, "缺少体系代码（code）。")
    elif len(code) > 60 or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in code):
        checker.err(where, f"体系代码“{code}”只能由字母、数字、- 和 _ 组成，最多60个字符。")
    if not name:
        checker.err(where, "缺少名称（name）。")
    written = head.get("year")
    year = int(written) if isinstance(written, str) and re.fullmatch(r"[0-9]{4}", written.strip()) else 0
    if not 1990 <= year <= 2100:
        shown = written if isinstance(written, str) else _type_name(written)
        checker.err(where, f"发布年度（year）应为1990—2100之间的整数，不是“{shown}”。")
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
    version = checker.text(where, head, "version", "版本")
    source = checker.text(where, head, "source", "来源")
    note = checker.text(where, head, "note", "说明")
    if checker.errors:
        listed = checker.errors[:MAX_ERRORS]
        if len(checker.errors) > MAX_ERRORS:
            listed.append(f"……另有{len(checker.errors) - MAX_ERRORS}处问题未列出。")
        raise LoadError(listed)
    return ParsedSystem(code=code, name=name, year=year, version=version, source=source, note=note, areas=areas)


def _decimal_field(key: str) -> Any:
    """The Node field a number of the file is kept in (its digits bound the number)."""

    return Node._meta.get_field(key)


def indicator_kinds() -> dict[str, str]:
    return {code: ind.kind for code, ind in catalogue().items()}


def load_text(text: str, *, file_name: str = "", replace: bool = True) -> Any:
    """Parse, check and store a system; returns the `System`. All or nothing.

    A system already loaded under the same code is replaced when no score sheet uses it
    (`replace`); once sheets use it, a changed file must come under a new code.
    """

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
