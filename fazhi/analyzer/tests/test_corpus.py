"""The analyzer on real texts it was not built from (tests/corpus, see its README):
the same scorer as `fazhi analyze --evaluate`, the figures kept in BENCHMARKS.md."""

import json
from pathlib import Path

import pytest

from fazhi.analyzer.evaluate import evaluate

CORPUS = Path(__file__).parent / "corpus"
# Texts kept out of tuning (heldout/README.md): the measure of text the analyzer has not seen.
HELD_OUT = Path(__file__).parent / "heldout"


@pytest.mark.parametrize("folder", [CORPUS, HELD_OUT], ids=["corpus", "heldout"])
def test_every_gold_quote_is_a_unique_substring_of_its_excerpt(folder):
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / gold["file"]).read_text(encoding="utf-8")
        assert gold["source"].startswith("http"), gold_path.name
        quotes = {f["quote"] for f in gold["figures"]}
        for f in gold["figures"]:
            assert text.count(f["quote"]) == 1, (gold_path.name, f["quote"])
        for r in gold["relations"]:
            used = [r.get(k) for k in ("rate_quote", "numerator_quote", "denominator_quote", "total_quote")]
            assert all(q in quotes for q in [*used, *r.get("part_quotes", [])] if q), gold_path.name


def test_the_corpus_scores_as_benchmarked_with_no_false_inconsistency():
    result = evaluate(CORPUS)
    assert result["errors"] == []
    # BENCHMARKS.md (stop 28): F1 0.90 on 3,173 figures of 249 texts, 376 of 474 relations,
    # no false 不符.
    assert result["f1"] >= 0.85
    assert result["false_inconsistencies"] == 0
    assert result["relations_found"] * 2 >= result["relations_found"] + result["relations_missed"]


def test_the_held_out_texts_raise_no_false_inconsistency():
    result = evaluate(HELD_OUT)
    assert result["errors"] == []
    # BENCHMARKS.md (stop 28): F1 0.86 on 1,407 figures of 108 texts.
    assert result["false_inconsistencies"] == 0
    assert result["f1"] >= 0.6
