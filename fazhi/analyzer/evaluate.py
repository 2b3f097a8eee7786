"""Scoring extraction against gold files (shared/analyzer/gold/README.md).

- A predicted figure matches a gold figure when the values are equal and the
  predicted position lies inside the gold quote's span; catalogue codes must be
  equal, any `other:` matches any `other:`. Matching is one to one.
- Precision = matched predictions ÷ predictions, recall = matched gold ÷ gold,
  F1 their harmonic mean, over all files together.
- A gold relation is found when a predicted relation of the same kind covers the
  same quotes (rate, numerator, denominator; or total and parts) with the same
  `consistent` verdict. A false inconsistency is a predicted inconsistent
  relation that is not an inconsistent gold relation; a false consistency is a rate
  the gold calls inconsistent that the analyzer only calls consistent (a 相符 the text
  disproves; a rate judged 不符 over one base and 相符 over another is not one).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from .reading import ReadError, read_file
from .report import Analysis, analyze_text

REPORT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


class EvaluationError(ValueError):
    """A gold folder that cannot be scored, with a Chinese message."""


def _code_key(code: str) -> str:
    return "other" if code.startswith("other:") else code


def _codes_match(gold: str, predicted: str) -> bool:
    return gold == predicted or (gold.startswith("other:") and predicted.startswith("other:"))


def find_report(gold_path: Path, gold: dict[str, Any], reports_dir: Path | None) -> Path | None:
    """The report a gold file describes: beside it (same stem, or its "file"), or
    its "file" in `reports_dir`."""
    candidates = []
    name = gold.get("file") or ""
    for folder in [reports_dir, gold_path.parent] if reports_dir else [gold_path.parent]:
        if name:
            candidates.append(folder / name)
        candidates += [folder / (gold_path.stem + s) for s in REPORT_SUFFIXES]
    return next((p for p in candidates if p.is_file()), None)


def _span(text: str, quote: str | None) -> tuple[int, int] | None:
    if not quote:
        return None
    i = text.find(quote)
    return (i, i + len(quote)) if i >= 0 else None


def _in(pos: int | None, span: tuple[int, int] | None) -> bool:
    if pos is None or span is None:
        return pos is None and span is None
    return span[0] <= pos < span[1]


def _same_relation(gold: dict[str, Any], pred: dict[str, Any], text: str) -> bool:
    """Same kind over the same quotes (the verdict is compared by the caller)."""
    if gold.get("kind") != pred["kind"]:
        return False
    if pred["kind"] == "rate":
        return (
            _in(pred["rate_position"], _span(text, gold.get("rate_quote")))
            and _in(pred["numerator_position"], _span(text, gold.get("numerator_quote")))
            and _in(pred["denominator_position"], _span(text, gold.get("denominator_quote")))
        )
    if pred["kind"] == "sum":
        if not _in(pred["total_position"], _span(text, gold.get("total_quote"))):
            return False
        spans = [_span(text, q) for q in gold.get("part_quotes") or []]
        positions = list(pred["part_positions"])
        if len(spans) != len(positions):
            return False
        for sp in spans:
            hit = next((p for p in positions if _in(p, sp)), None)
            if hit is None:
                return False
            positions.remove(hit)
        return True
    return False


def score_file(gold: dict[str, Any], text: str, analysis: Analysis) -> dict[str, Any]:
    """Counts for one report: matched/predicted/gold figures per code, relations."""
    per: dict[str, dict[str, int]] = {}

    def bump(code: str, key: str) -> None:
        per.setdefault(_code_key(code), {"gold": 0, "predicted": 0, "matched": 0})[key] += 1

    golds = []
    for g in gold.get("figures", []):
        golds.append((g, _span(text, g.get("quote", ""))))
        bump(g.get("indicator", "other:"), "gold")
    used: set[int] = set()
    matched = 0
    unmatched_predictions = []
    for f in analysis.figures:
        bump(f.indicator, "predicted")
        hit = None
        for j, (g, sp) in enumerate(golds):
            if j in used or sp is None:
                continue
            try:
                same_value = Decimal(str(g.get("value"))) == f.value
            except (ArithmeticError, ValueError):
                same_value = False
            if (
                same_value
                and sp[0] <= f.position < sp[1]
                and _codes_match(g.get("indicator", ""), f.indicator)
            ):
                hit = j
                break
        if hit is None:
            unmatched_predictions.append(f.as_dict())
            continue
        used.add(hit)
        matched += 1
        bump(golds[hit][0]["indicator"], "matched")
    missed_figures = [g for j, (g, _sp) in enumerate(golds) if j not in used]

    preds = [r.as_dict(analysis.figures) for r in analysis.relations if r.kind in ("rate", "sum")]
    found: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for g in gold.get("relations", []):
        ok = any(
            _same_relation(g, p, text) and p["consistent"] == g.get("consistent") for p in preds
        )
        (found if ok else missed).append(g)
    false_inconsistencies = [
        p
        for p in preds
        if not p["consistent"]
        and not any(
            _same_relation(g, p, text) and g.get("consistent") is False
            for g in gold.get("relations", [])
        )
    ]
    false_consistencies = []
    for g in gold.get("relations", []):
        if g.get("kind") != "rate" or g.get("consistent") is not False:
            continue
        span = _span(text, g.get("rate_quote"))
        verdicts = {p["consistent"] for p in preds if p["kind"] == "rate" and _in(p["rate_position"], span)}
        if verdicts == {True}:
            false_consistencies.append(g)
    return {
        "file": gold.get("file", ""),
        "gold": len(golds),
        "predicted": len(analysis.figures),
        "matched": matched,
        "per_indicator": per,
        "missed_figures": missed_figures,
        "unmatched_predictions": unmatched_predictions,
        "relations_found": found,
        "relations_missed": missed,
        "false_inconsistencies": false_inconsistencies,
        "false_consistencies": false_consistencies,
        "gold_inconsistencies": sum(
            1 for g in gold.get("relations", []) if g.get("consistent") is False
        ),
        "inconsistencies_found": sum(1 for g in found if g.get("consistent") is False),
    }


def _prf(matched: int, predicted: int, gold: int) -> dict[str, Any]:
    p = matched / predicted if predicted else (1.0 if not gold else 0.0)
    r = matched / gold if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def evaluate(gold_dir: str | Path, reports_dir: str | Path | None = None) -> dict[str, Any]:
    """Scores over every gold file in `gold_dir`; raises EvaluationError when there is none."""
    gold_dir = Path(gold_dir)
    reports = Path(reports_dir) if reports_dir else None
    if not gold_dir.is_dir():
        raise EvaluationError(f"金标准目录“{gold_dir}”不存在。")
    if reports is not None and not reports.is_dir():
        raise EvaluationError(f"报告目录“{reports}”不存在。")
    gold_files = sorted(p for p in gold_dir.glob("*.json"))
    if not gold_files:
        raise EvaluationError(f"目录“{gold_dir}”中没有金标准文件（*.json）。")
    files, errors = [], []
    for gp in gold_files:
        try:
            gold = json.loads(gp.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            errors.append(f"金标准文件“{gp.name}”无法读取：{e}")
            continue
        if not isinstance(gold, dict) or "figures" not in gold:
            errors.append(f"金标准文件“{gp.name}”格式不对：缺少 figures。")
            continue
        path = find_report(gp, gold, reports)
        if path is None:
            errors.append(
                f"找不到金标准“{gp.name}”对应的报告文件“{gold.get('file', '')}”（可用 --reports 指定报告目录）。"
            )
            files.append(
                {
                    "file": gold.get("file", gp.name),
                    "gold": len(gold["figures"]),
                    "predicted": 0,
                    "matched": 0,
                    "per_indicator": {},
                    "relations_found": [],
                    "relations_missed": gold.get("relations", []),
                    "false_inconsistencies": [],
                    "false_consistencies": [],
                    "missed_figures": gold["figures"],
                    "unmatched_predictions": [],
                    "gold_inconsistencies": 0,
                    "inconsistencies_found": 0,
                }
            )
            continue
        try:
            text = read_file(path)
        except ReadError as e:
            errors.append(str(e))
            continue
        files.append(score_file(gold, text, analyze_text(text, path.name)))
    total_gold = sum(f["gold"] for f in files)
    total_pred = sum(f["predicted"] for f in files)
    total_matched = sum(f["matched"] for f in files)
    per: dict[str, dict[str, int]] = {}
    for f in files:
        for code, c in f["per_indicator"].items():
            acc = per.setdefault(code, {"gold": 0, "predicted": 0, "matched": 0})
            for k in acc:
                acc[k] += c[k]
    result = {
        **_prf(total_matched, total_pred, total_gold),
        "gold_figures": total_gold,
        "predicted_figures": total_pred,
        "matched_figures": total_matched,
        "relations_found": sum(len(f["relations_found"]) for f in files),
        "relations_missed": sum(len(f["relations_missed"]) for f in files),
        "false_inconsistencies": sum(len(f["false_inconsistencies"]) for f in files),
        "false_consistencies": sum(len(f["false_consistencies"]) for f in files),
        "gold_inconsistencies": sum(f["gold_inconsistencies"] for f in files),
        "inconsistencies_found": sum(f["inconsistencies_found"] for f in files),
        "per_indicator": {
            code: {**c, **_prf(c["matched"], c["predicted"], c["gold"])}
            for code, c in sorted(per.items())
        },
        "files": [
            {
                "file": f["file"],
                **_prf(f["matched"], f["predicted"], f["gold"]),
                "gold_figures": f["gold"],
                "predicted_figures": f["predicted"],
                "matched_figures": f["matched"],
                "relations_found": len(f["relations_found"]),
                "relations_missed": len(f["relations_missed"]),
                "false_inconsistencies": len(f["false_inconsistencies"]),
                "false_consistencies": len(f["false_consistencies"]),
                "missed_figures": [
                    {k: g.get(k) for k in ("indicator", "value", "quote")}
                    for g in f["missed_figures"]
                ],
                "unmatched_predictions": [
                    {k: p[k] for k in ("indicator", "value", "quote")}
                    for p in f["unmatched_predictions"]
                ],
                "missed_relations": [
                    {k: g.get(k) for k in ("kind", "rate_quote", "total_quote", "consistent")}
                    for g in f["relations_missed"]
                ],
                "false_inconsistency_details": f["false_inconsistencies"],
            }
            for f in files
        ],
        "errors": errors,
    }
    return result
