"""The second annotations of agreement/ (stop 29): each belongs to a text of the corpus
or the held-out set, its quotes are found in that text, and the measure scores an
annotation against itself as full agreement."""

import json

import pytest

from fazhi.analyzer.evaluate import score_file
from fazhi.analyzer.tests.agreement.measure import HERE, agreement, as_analysis


@pytest.mark.parametrize("name", ["corpus", "heldout"])
def test_every_second_annotation_belongs_to_a_text_of_its_set_and_quotes_it(name):
    seconds = sorted((HERE / name).glob("*.json"))
    assert len(seconds) == 24
    for path in seconds:
        second = json.loads(path.read_text(encoding="utf-8"))
        text = (HERE.parent / name / second["file"]).read_text(encoding="utf-8")
        for g in second["figures"]:
            assert text.count(g["quote"]) == 1, (path.name, g["quote"])


def test_an_annotation_scored_against_itself_agrees_fully():
    path = sorted((HERE / "corpus").glob("*.json"))[0]
    first = json.loads((HERE.parent / "corpus" / path.name).read_text(encoding="utf-8"))
    text = (HERE.parent / "corpus" / first["file"]).read_text(encoding="utf-8")
    s = score_file(first, text, as_analysis(text, first))
    assert s["matched"] == s["gold"] == s["predicted"] > 0
    assert s["relations_missed"] == []


def test_the_measure_reads_every_pair():
    a = agreement("corpus")
    assert 0 < a["f1"] <= 1 and a["relations"] > 0
