import json

import pytest

from fazhi.analyzer.evaluate import EvaluationError, evaluate

from ._shared import GOLD, SEEDS, need_shared


@pytest.fixture(scope="module")
def result():
    need_shared()
    return evaluate(GOLD, SEEDS)


@pytest.mark.seeds
def test_extraction_reaches_the_f1_target_on_the_seeds(result):
    assert result["errors"] == []
    assert result["f1"] >= 0.95
    for f in result["files"]:
        assert f["f1"] >= 0.9, f["file"]


@pytest.mark.seeds
def test_every_gold_relation_and_inconsistency_is_found(result):
    assert result["relations_missed"] == 0
    assert result["inconsistencies_found"] == result["gold_inconsistencies"] > 0


@pytest.mark.seeds
def test_no_inconsistency_is_reported_where_the_gold_has_none(result):
    assert result["false_inconsistencies"] == 0


@pytest.mark.seeds
def test_a_report_without_figures_yields_none(result):
    empty = [f for f in result["files"] if f["gold_figures"] == 0]
    assert empty and all(f["predicted_figures"] == 0 for f in empty)


@pytest.mark.seeds
def test_a_report_beside_its_gold_file_is_found_without_a_reports_folder(tmp_path):
    need_shared()
    gold = json.loads((GOLD / "000_a9dda6e5c7865d74.json").read_text(encoding="utf-8"))
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / gold["file"]).write_bytes((SEEDS / gold["file"]).read_bytes())
    r = evaluate(tmp_path)
    assert r["gold_figures"] == len(gold["figures"]) and r["errors"] == []


def test_a_missing_report_counts_as_missed_and_is_named(tmp_path):
    (tmp_path / "x.json").write_text(
        json.dumps(
            {
                "file": "nope.txt",
                "figures": [{"indicator": "litig_cases", "value": 1, "quote": "1件"}],
            }
        ),
        encoding="utf-8",
    )
    r = evaluate(tmp_path)
    assert r["recall"] == 0 and "nope.txt" in r["errors"][0]


def test_an_empty_gold_folder_is_an_error(tmp_path):
    with pytest.raises(EvaluationError, match="没有金标准文件"):
        evaluate(tmp_path)


def test_a_consistent_verdict_on_a_rate_the_gold_calls_wrong_is_counted(tmp_path):
    # The analyzer implies a base for 败诉率 (no count of the base is stated); the gold
    # knows the base from elsewhere and calls the rate wrong.
    text = "行政机关败诉33件，败诉率为6.20%。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {
        "file": "a.txt",
        "figures": [
            {"indicator": "litig_lost", "value": 33, "quote": "败诉33件"},
            {"indicator": "litig_loss_rate", "value": 6.2, "quote": "败诉率为6.20%"},
        ],
        "relations": [
            {"kind": "rate", "rate_quote": "败诉率为6.20%", "numerator_quote": "败诉33件", "consistent": False}
        ],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    r = evaluate(tmp_path)
    assert r["false_consistencies"] == 1 and r["files"][0]["false_consistencies"] == 1
    assert r["false_inconsistencies"] == 0
    gold["relations"][0]["consistent"] = True
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert evaluate(tmp_path)["false_consistencies"] == 0
