"""Readings added in stop 30, each on sentences of our own."""

from fazhi.analyzer.report import analyze_text


def sums(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == "sum"]


def codes(text):
    return {f.quote: f.indicator for f in analyze_text(text).figures}


# Counts right after a count that add up to it ---------------------------------------


def test_counts_after_a_count_that_make_it_exactly_break_it_down():
    text = "全年共受理政府信息公开申请86件，已答复79件，结转下年度办理7件。"
    (s,) = sums(text)
    assert s["consistent"] and s["stated_total"] == 86 and s["sum_of_parts"] == 86
    assert s["total_quote"].endswith("申请86件")
    assert [q[-3:] for q in s["part_quotes"]] == ["79件", "理7件"]


def test_a_share_between_the_parts_does_not_end_the_run():
    text = "全年共受理政府信息公开申请86件，已答复79件，占91.9%，结转下年度办理7件。"
    (s,) = sums(text)
    assert s["sum_of_parts"] == 86 and len(s["part_quotes"]) == 2


def test_a_count_of_none_is_passed_over():
    text = "涉及信息公开的行政复议案件12件，行政诉讼案件0件，结果维持5件，结果纠错3件，尚未审结4件。"
    (s,) = sums(text)
    assert s["stated_total"] == 12 and len(s["part_quotes"]) == 3
    assert not any("0件" in q for q in s["part_quotes"])


def test_counts_that_do_not_make_the_count_before_are_no_breakdown():
    assert sums("全年共受理政府信息公开申请86件，已答复79件，结转下年度办理5件。") == []
    # Overshooting is not a wrong breakdown either: no word said it was one.
    assert sums("全年共受理政府信息公开申请86件，已答复79件，结转下年度办理9件。") == []


def test_further_measures_of_the_same_cases_are_no_breakdown():
    # 审结 and 纠错 are measures of the cases received that may add up by chance.
    text = "全年受理行政复议案件30件，审结21件，纠错9件。"
    assert sums(text) == []


def test_small_counts_adding_up_by_chance_are_no_breakdown():
    assert sums("开展专题培训6次，印发资料4份，召开座谈会2次。") == []
    assert sums("全年受理申请6件，答复4件，转办2件。") == []


def test_counts_in_another_measure_word_end_the_run():
    assert sums("全年共受理政府信息公开申请86件，涉及79人，结转下年度办理7件。") == []


def test_the_parts_of_an_unmarked_run_keep_their_own_codes():
    text = "全年共受理政府信息公开申请86件，已答复79件，结转下年度办理7件。"
    got = codes(text)
    assert got["年共受理政府信息公开申请86件"] == "disclosure_requests"
    assert not any(c == "disclosure_requests" for q, c in got.items() if q.endswith(("79件", "7件")))
