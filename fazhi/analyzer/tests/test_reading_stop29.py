"""Readings added in stop 29, each on sentences of our own."""

from fazhi.analyzer.report import analyze_text


def rels(text, kind=None):
    a = analyze_text(text)
    out = [r.as_dict(a.figures) for r in a.relations]
    return [r for r in out if kind is None or r["kind"] == kind]


# Shares that add up to 100% ------------------------------------------------------------


def test_counts_whose_shares_make_100_percent_must_make_their_base():
    text = (
        "全县法院共受理行政诉讼案件200件。从应诉机关看，原机关单独应诉的有50件，占案件总数的25%；"
        "复议机关单独应诉的有10件，占案件总数的5%；共同应诉的有150件，占案件总数的70%。"
    )
    (s,) = [r for r in rels(text, "sum") if not r["consistent"]]
    assert s["stated_total"] == 200 and s["sum_of_parts"] == 210
    assert "比例合计为100%" in s["note"]


def test_shares_making_100_percent_over_counts_that_make_the_base_are_consistent():
    text = (
        "全县法院共受理行政诉讼案件200件。从应诉机关看，原机关单独应诉的有50件，占案件总数的25%；"
        "复议机关单独应诉的有10件，占案件总数的5%；共同应诉的有140件，占案件总数的70%。"
    )
    assert [r for r in rels(text) if not r["consistent"]] == []
    assert any(r["sum_of_parts"] == 200 for r in rels(text, "sum"))


def test_a_part_too_small_for_the_shares_rounding_to_show_is_no_inconsistency():
    # 14 of 515684 is 0.003%: 91.13% + 8.87% = 100.00% hides it.
    text = "接受群众总评价515684条，其中非常满意469918条，占比91.13%，满意45752条，占比8.87%，基本满意14条。"
    assert [r for r in rels(text) if not r["consistent"]] == []


def test_shares_short_of_100_percent_prove_no_breakdown():
    text = (
        "全县法院共受理行政诉讼案件200件。原机关单独应诉的有50件，占案件总数的25%；"
        "共同应诉的有140件，占案件总数的70%。"
    )
    assert [r for r in rels(text) if not r["consistent"]] == []
