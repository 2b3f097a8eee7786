"""How far two annotators of the same texts agree, scored as `fazhi analyze --evaluate`
scores the analyzer: the second annotation is taken as the prediction, the first as the
gold.

    python -m fazhi.analyzer.tests.agreement.measure corpus
    python -m fazhi.analyzer.tests.agreement.measure heldout

Each JSON in agreement/<set>/ is a second, independent annotation of the text of the
same name in tests/<set>/ (README.md says how they were made).
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from fazhi.analyzer.evaluate import score_file
from fazhi.analyzer.extract import Figure
from fazhi.analyzer.relations import Relation
from fazhi.analyzer.report import Analysis

HERE = Path(__file__).resolve().parent
NUMBER = re.compile(r"\d[\d.,]*|[零〇一二两三四五六七八九十百千万亿]+")


def _number_position(text: str, quote: str) -> int | None:
    at = text.find(quote)
    if at < 0:
        return None
    found = list(NUMBER.finditer(quote))
    return at + (found[-1].start() if found else len(quote) - 1)


def as_analysis(text: str, second: dict[str, Any]) -> Analysis:
    """The second annotation in the shape of the analyzer's output."""
    figures: list[Figure] = []
    index: dict[str, int] = {}
    for g in second.get("figures", []):
        pos = _number_position(text, g["quote"])
        if pos is None:
            continue
        index[g["quote"]] = len(figures)
        value = Decimal(str(g["value"]))
        figures.append(Figure(g["indicator"], value, g.get("unit") or "", bool(g.get("approx")), "", g["quote"], pos, pos, pos))
    relations = []
    for r in second.get("relations", []):
        def at(key: str, r: dict[str, Any] = r) -> int | None:
            return index.get(r[key]) if r.get(key) else None

        if r.get("kind") == "rate":
            relations.append(
                Relation("rate", r.get("consistent", True), rate=at("rate_quote"), numerator=at("numerator_quote"),
                         denominator=at("denominator_quote"))
            )
        elif r.get("kind") == "sum":
            parts = [index[q] for q in r.get("part_quotes", []) if q in index]
            relations.append(Relation("sum", r.get("consistent", True), total=at("total_quote"), parts=parts))
    return Analysis("", text, "", None, figures, relations, None)  # no structure: not scored


def agreement(name: str) -> dict[str, float]:
    texts = HERE.parent / name
    gold = predicted = matched = relations = found = 0
    for second_path in sorted((HERE / name).glob("*.json")):
        first = json.loads((texts / second_path.name).read_text(encoding="utf-8"))
        text = (texts / first["file"]).read_text(encoding="utf-8")
        s = score_file(first, text, as_analysis(text, json.loads(second_path.read_text(encoding="utf-8"))))
        gold, predicted, matched = gold + s["gold"], predicted + s["predicted"], matched + s["matched"]
        relations += len(s["relations_found"]) + len(s["relations_missed"])
        found += len(s["relations_found"])
    p, r = matched / predicted, matched / gold
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r), "relations": relations, "relations_found": found}


if __name__ == "__main__":
    for name in sys.argv[1:] or ["corpus", "heldout"]:
        a = agreement(name)
        print(
            f"{name}: precision {a['precision']:.4f} recall {a['recall']:.4f} F1 {a['f1']:.4f}; "
            f"relations of the first found in the second {a['relations_found']}/{a['relations']}"
        )
