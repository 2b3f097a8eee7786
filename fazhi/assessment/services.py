"""Writing and reading score sheets: create, compute automatic scores, enter manual
scores, total, rank, and the tree a screen or export shows.

Every write checks the assessor here (`ScoreSheet.check_assessor`), so the screens, the
API and the import cannot differ; every write is one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.assessment import scoring
from fazhi.assessment.models import AutoScore, Evidence, ManualScore, Node, ScoreSheet, System
from fazhi.assessment.rules import (
    AUTOMATIC,
    EVIDENCE_EXTENSIONS,
    EVIDENCE_MAX_BYTES,
    Method,
    NodeKind,
    State,
)
from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record
from fazhi.core.workflow import TransitionNotAllowed
from fazhi.indicators.engine import compute
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit

# ------------------------------------------------------------------ create


def create_sheet(
    *, system: System, unit: Unit, year: int, by: Any, on: date, assessor: Unit | None = None
) -> ScoreSheet:
    """A new draft sheet with its automatic scores computed. Raises ValidationError."""
    assessor = assessor or unit.parent
    if assessor is None:
        raise ValidationError({"unit": f"“{unit.name}”没有上级单位，无法确定考核单位。"})
    if not can_write_unit(by, assessor):
        raise ValidationError({"unit": f"考核评分表须由考核单位（{assessor.name}）建立。"})
    if year > on.year:
        raise ValidationError({"year": f"考核年度{year}尚未开始，不能建立评分表。"})
    if ScoreSheet.objects.filter(system=system, unit=unit, year=year).exists():
        raise ValidationError({"unit": f"“{unit.name}”{year}年度已有按“{system.name}”的评分表。"})
    with transaction.atomic(), audit_context(user=by, verb="create_sheet"):
        sheet = ScoreSheet(system=system, unit=unit, assessor=assessor, year=year, created_on=on)
        sheet.full_clean()
        sheet.save()
        _recompute(sheet)
    return sheet


# ------------------------------------------------------------------ automatic


def recompute(sheet: ScoreSheet, *, by: Any) -> int:
    """Compute every automatic rule again from the engine; returns the number of rules."""
    sheet.check_assessor(by)
    sheet.check_editable()
    with transaction.atomic(), audit_context(user=by, verb="recompute"):
        n = _recompute(sheet)
        record(
            Action.UPDATE,
            obj=sheet,
            user=by,
            verb="recompute",
            note=f"重新计算自动评分{n}项，总分{scoring.fmt(sheet.total)}分",
        )
    return n


def auto_points(node: Node, value: Any) -> scoring.Scored:
    """The score of one automatic rule for an indicator value (pure, for tests too)."""
    if node.method == Method.THRESHOLD:
        return scoring.threshold(
            value,
            node.points,
            full_at=node.full_at,
            zero_at=node.zero_at,
            higher_is_better=node.higher_is_better,
            no_data=node.no_data,
        )
    if node.method == Method.DEDUCTION:
        return scoring.deduction(value, node.points, per=node.per, no_data=node.no_data)
    raise ValueError(f"{node.number} is not an automatic rule")


def _recompute(sheet: ScoreSheet) -> int:
    nodes = [n for n in sheet.system.rules() if n.method in AUTOMATIC]
    codes = sorted({n.indicator for n in nodes})
    values = compute(sheet.unit, sheet.year, codes) if codes else {}
    now = timezone.now()
    existing = {a.node_id: a for a in sheet.auto_scores.all()}
    for node in nodes:
        value = values.get(node.indicator)
        scored = auto_points(node, value)
        row = existing.get(node.pk) or AutoScore(sheet=sheet, node=node)
        row.value = Decimal(value) if value is not None else None
        row.points = scored.points
        row.explanation = scored.explanation[:300]
        row.computed_at = now
        row.save()
    sheet.computed_at = now
    _store_total(sheet)
    return len(nodes)


# ------------------------------------------------------------------ manual


def store_evidence(upload: Any) -> Evidence:
    """An uploaded file as Evidence; ValidationError for a wrong type or size."""
    name = str(getattr(upload, "name", "") or "附件")
    if not name.lower().endswith(EVIDENCE_EXTENSIONS):
        raise ValidationError(
            {"attachment": f"附件“{name}”类型不支持（可用：{'、'.join(EVIDENCE_EXTENSIONS)}）。"}
        )
    size = getattr(upload, "size", None)
    if size is not None and size > EVIDENCE_MAX_BYTES:
        raise ValidationError({"attachment": f"附件超过{EVIDENCE_MAX_BYTES // 1024 // 1024} MB。"})
    data = upload.read()
    if len(data) > EVIDENCE_MAX_BYTES:
        raise ValidationError({"attachment": f"附件超过{EVIDENCE_MAX_BYTES // 1024 // 1024} MB。"})
    if not data:
        raise ValidationError({"attachment": "附件是空文件。"})
    return Evidence.objects.create(
        name=name[:255],
        content_type=str(getattr(upload, "content_type", "") or "application/octet-stream")[:100],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
    )


def enter_manual(
    sheet: ScoreSheet,
    node: Node,
    *,
    by: Any,
    points: Decimal | None,
    note: str = "",
    link: str = "",
    attachment: Any = None,
    expected_version: int | None = None,
) -> ManualScore:
    """Record the assessor's score for a manual rule (a new entry; the latest counts).
    Raises ValidationError (Chinese) and changes nothing when refused."""
    entry = ManualEntry(node=node, points=points, note=note, link=link, attachment=attachment)
    return enter_manual_many(sheet, [entry], by=by, expected_version=expected_version)[0]


def enter_score(sheet: ScoreSheet, node: Node, data: Mapping[str, Any], *, by: Any) -> ManualScore:
    """`enter_manual` from a validated score as the screen's form and the API take it:
    points, note, link, the attachment (the screen's only) and the version the page or
    the client read."""
    return enter_manual(
        sheet,
        node,
        by=by,
        points=data["points"],
        note=data["note"],
        link=data["link"],
        attachment=data.get("attachment"),
        expected_version=data["version"],
    )


@dataclass
class ManualEntry:
    """One manual score to record: what `enter_manual` takes, for several at once."""

    node: Node
    points: Decimal | None
    note: str = ""
    link: str = ""
    attachment: Any = None


def enter_manual_many(
    sheet: ScoreSheet,
    entries: list[ManualEntry],
    *,
    by: Any,
    expected_version: int | None = None,
) -> list[ManualScore]:
    """Record several manual scores of one sheet, all or nothing; the total is stored
    once at the end. Raises ValidationError (Chinese) and changes nothing when refused."""
    sheet.check_version(expected_version)
    sheet.check_assessor(by)
    sheet.check_editable()
    saved = []
    with transaction.atomic(), audit_context(user=by, verb="score"):
        for e in entries:
            if e.points is None:
                raise ValidationError({"points": f"请填写“{e.node.title}”的得分。"})
            evidence = store_evidence(e.attachment) if e.attachment else None
            score = ManualScore(
                sheet=sheet,
                node=e.node,
                points=e.points,
                note=(e.note or "").strip(),
                link=(e.link or "").strip(),
                evidence=evidence,
                evidence_sha256=evidence.sha256 if evidence else "",
                entered_by=by,
            )
            score.full_clean()
            score.save()
            saved.append(score)
        _store_total(sheet)
    return saved


def after_import(entries: list[ManualScore]) -> None:
    """Totals of the sheets an import touched."""
    for sheet in {e.sheet_id: e.sheet for e in entries}.values():
        _store_total(sheet)


# ------------------------------------------------------------------ totals and the tree


@dataclass
class Line:
    """One node of a sheet's tree with its score (None: not scored yet)."""

    node: Node
    depth: int
    points: Decimal | None = None
    auto: AutoScore | None = None
    manual: ManualScore | None = None
    history: list[ManualScore] = field(default_factory=list)
    children: list[Line] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.points is not None


def latest_manual(sheet: ScoreSheet) -> tuple[dict[int, ManualScore], dict[int, list[ManualScore]]]:
    """The latest manual entry per rule, and every entry per rule (newest first)."""
    latest: dict[int, ManualScore] = {}
    history: dict[int, list[ManualScore]] = {}
    for m in (
        ManualScore.objects.filter(sheet=sheet)
        .select_related("entered_by", "evidence")
        .defer("evidence__data")
        .order_by("-id")
    ):
        latest.setdefault(m.node_id, m)
        history.setdefault(m.node_id, []).append(m)
    return latest, history


def tree(sheet: ScoreSheet) -> list[Line]:
    """The sheet's areas, each with its items and rules, scores rolled up (capped at
    each node's points)."""
    nodes = list(sheet.system.nodes.order_by("sort_order"))
    autos = {a.node_id: a for a in sheet.auto_scores.all()}
    latest, history = latest_manual(sheet)
    lines: dict[int, Line] = {}
    roots: list[Line] = []
    for n in nodes:
        parent = lines.get(n.parent_id) if n.parent_id else None
        line = Line(node=n, depth=(parent.depth + 1) if parent else 0)
        lines[n.pk] = line
        (parent.children if parent else roots).append(line)
        if n.kind == NodeKind.RULE:
            if n.method in AUTOMATIC:
                line.auto = autos.get(n.pk)
                line.points = line.auto.points if line.auto else None
            else:
                line.manual = latest.get(n.pk)
                line.history = history.get(n.pk, [])
                line.points = line.manual.points if line.manual else None

    def roll(line: Line) -> Decimal | None:
        if not line.children:
            return line.points
        child_points = [roll(c) for c in line.children]
        line.points = (
            scoring.rollup(child_points, line.node.points)
            if any(p is not None for p in child_points)
            else None
        )
        return line.points

    for r in roots:
        roll(r)
    return roots


def total_of(roots: list[Line]) -> Decimal:
    return scoring.q(sum((r.points for r in roots if r.points is not None), Decimal(0)))


def _store_total(sheet: ScoreSheet) -> None:
    sheet.total = total_of(tree(sheet))
    sheet.save()


def flatten(roots: list[Line]) -> list[Line]:
    out: list[Line] = []

    def visit(line: Line) -> None:
        out.append(line)
        for c in line.children:
            visit(c)

    for r in roots:
        visit(r)
    return out


# ------------------------------------------------------------------ rankings


@dataclass
class Ranked:
    rank: int
    sheet: ScoreSheet
    tied: bool = False


def rank(sheets: list[ScoreSheet]) -> list[Ranked]:
    """Competition ranking by total, highest first ("1, 2, 2, 4"): equal totals share a
    rank; ties are listed in the units' own order."""
    ordered = sorted(sheets, key=lambda s: (-s.total, s.unit.sort_order, s.unit.path))
    out: list[Ranked] = []
    for i, s in enumerate(ordered):
        if out and s.total == out[-1].sheet.total:
            out.append(Ranked(out[-1].rank, s, tied=True))
            out[-2].tied = True
        else:
            out.append(Ranked(i + 1, s))
    return out


def ranking_for(assessor: Unit, year: int, system: System | None, *, user: Any) -> list[Ranked]:
    """The sheets an assessing unit keeps for a year (the units of a county, or the
    counties of a city), ranked; only those the user may read."""
    qs = (
        ScoreSheet.objects.visible_to(user)
        .filter(assessor=assessor, year=year)
        .select_related("unit", "system")
    )
    if system is not None:
        qs = qs.filter(system=system)
    return rank(list(qs))


def check_import_sheet(sheet: ScoreSheet, user: Any) -> None:
    """What the manual-score import checks for each row's sheet (ValidationError)."""
    try:
        sheet.check_assessor(user)
        sheet.check_editable()
    except TransitionNotAllowed as exc:
        raise ValidationError(exc.messages) from exc


__all__ = [
    "Line",
    "Ranked",
    "State",
    "after_import",
    "auto_points",
    "check_import_sheet",
    "create_sheet",
    "enter_manual",
    "enter_manual_many",
    "ManualEntry",
    "flatten",
    "rank",
    "ranking_for",
    "recompute",
    "store_evidence",
    "total_of",
    "tree",
]
