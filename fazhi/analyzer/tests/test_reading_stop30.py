"""Readings added in stop 30, each on sentences of our own."""

from fazhi.analyzer.report import analyze_text


def sums(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == "sum"]


def codes(text):
    return {f.quote: f.indicator for f in analyze_text(text).figures}


# Two counts right after a count that add up to it ---------------------------------------


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
    assert any(
        s["stated_total"] == 12 and len(s["part_quotes"]) == 3 and not any("0件" in q for q in s["part_quotes"])
        for s in sums(text)
    )


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


def test_two_counts_that_leave_counts_of_their_sentence_over_are_no_breakdown():
    # 12+3 make the 15 by chance: the 9 after them is another count of the staff.
    text = "核定执法编制15名，现有在岗人员12名，队长3名，执法员9名。"
    assert not [s for s in sums(text) if s["stated_total"] == 15]


def test_counts_in_another_measure_word_end_the_run():
    assert sums("全年共受理政府信息公开申请86件，涉及79人，结转下年度办理7件。") == []


def test_the_parts_of_an_unmarked_run_keep_their_own_codes():
    text = "全年共受理政府信息公开申请86件，已答复79件，结转下年度办理7件。"
    got = codes(text)
    assert got["年共受理政府信息公开申请86件"] == "disclosure_requests"
    assert not any(c == "disclosure_requests" for q, c in got.items() if q.endswith(("79件", "7件")))


# Rates whose base the text does not state -------------------------------------------


def rates(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == "rate"]


def test_a_named_rate_over_an_unstated_base_gives_the_base_it_implies():
    (r,) = rates("全年共审结复议案件2400件，审结率为83.4%。")
    assert r["consistent"] and r["denominator_quote"] is None and r["implied_denominator"] == 2878
    assert "推算" in r["note"] and r["confidence"] == "较确定"


def test_a_named_rate_fitting_no_whole_base_is_left_unjudged_not_called_wrong():
    # 5 ÷ 83.4% = 5.995…: no whole number of cases gives 83.4% with 5.
    assert rates("全年共审结复议案件5件，审结率为83.4%。") == []
    assert [r for r in analyze_text("全年共审结复议案件5件，审结率为83.4%。").unchecked if r.kind == "rate"]


def test_a_hundred_percent_rate_implies_nothing():
    assert rates("全年共审结复议案件240件，审结率为100%。") == []


def test_a_share_of_a_base_named_in_words_that_no_count_states_is_left_unjudged():
    # 占一审结案总数 names a base the text may state in other words (审结一审行政案件):
    # no base is implied for it.
    assert rates("全年解决行政争议1974件，占一审结案总数的35.9%。") == []


def test_a_named_rate_after_a_larger_count_it_misfits_implies_no_base():
    text = "全年共收到行政复议申请2929宗。\n全年共审结行政复议案件2755件，案件审结率高达93.8%。"
    assert [r for r in rates(text) if r.get("implied_denominator")] == []


def test_a_share_of_the_texts_own_total_implies_no_base():
    text = "行政处罚类112件，占案件总数的26%；行政确权类98件，占案件总数的22.7%。"
    assert [r for r in rates(text) if r.get("implied_denominator")] == []


# Runs of years and tenths ------------------------------------------------------------


def figures(text):
    return [(f.value, f.unit, f.approx) for f in analyze_text(text).figures]


def test_a_run_of_years_is_a_figure_and_a_year_is_not():
    assert figures("全区行政复议案件连续五年下降。") == [(5, "年", False)]
    assert figures("全区行政复议案件连续17年居全市首位。") == [(17, "年", False)]
    assert figures("2023年全区行政复议案件下降。") == []


def test_tenths_are_figures_of_their_rate_but_not_percentages():
    (f,) = analyze_text("行政机关负责人出庭应诉率超八成。").figures
    assert (f.indicator, f.value, f.unit, f.approx, f.is_rate) == ("litig_appear_rate", 8, "成", True, False)
    assert analyze_text("行政机关负责人出庭应诉率超八成。").relations == []
    assert figures("全面完成调委会规范化建设，成效明显。") == []


def test_disputes_resolved_by_any_channel_are_not_cases_mediated():
    assert codes("全镇共化解矛盾纠纷2752起。") == {"全镇共化解矛盾纠纷2752起": "other:disputes_resolved"}
    assert set(codes("全市人民调解组织共化解矛盾纠纷16万件。").values()) == {"mediation_cases"}
    assert set(codes("全县共调处矛盾纠纷1200件。").values()) == {"mediation_cases"}


def test_a_rate_that_nearly_fits_a_stated_count_implies_no_other_base():
    # 33 ÷ 536 = 6.157%: the 536 stated is likely the base, which 6.20% misses; the
    # base 33 ÷ 6.2% implies (532) is not offered as a fit.
    a = analyze_text("全年审结一审行政案件536件。\n行政机关败诉33件，败诉率为6.20%。")
    assert [r for r in a.relations if r.kind == "rate" and r.implied_denominator] == []
    (u,) = [r for r in a.unchecked if r.kind == "rate"]
    assert "接近而不等" in u.note and "536件" in u.note and not any(not r.consistent for r in a.relations)


def test_a_rate_far_from_every_stated_count_still_gives_its_implied_base():
    a = analyze_text("全年受理行政复议案件3000件。\n行政机关败诉33件，败诉率为6.20%。")
    (r,) = [r for r in a.relations if r.kind == "rate"]
    assert r.consistent and r.implied_denominator == 532


def test_a_congress_session_is_no_figure():
    assert figures("关于对海南省六届人大四次会议第0436号建议的答复") == []
    assert [v for v, _u, _a in figures("十四届全国人大二次会议期间，办理建议3件。")] == [3]
    assert [v for v, _u, _a in figures("全年召开常委会会议四次。")] == [4]


def test_an_area_in_square_kilometres_is_a_figure_of_its_own_kind():
    assert figures("全县面积1472平方公里，辖5个乡镇。") == [(1472, "平方公里", False), (5, "个", False)]
    from fazhi.analyzer import lexicon as lx

    assert lx.unit_group("平方公里") != lx.unit_group("个")


# A table of 行政处罚实施数量 ----------------------------------------------------------

PENALTY_TABLE = """（一）2024年行政处罚实施情况统计表
行政处罚实施数量（宗） | ||||||
单位名称 | 警告 | 通报批评 | 罚款 | 责令停产停业 | 合计（宗） | 罚没金额（万元） |
某县市场监督管理局 | 6 | 0 | 11 | 1 | 18 | 3.5 |
"""


def test_penalties_of_the_kinds_the_law_names_are_enforcement_acts_in_their_table():
    got = [(f.indicator, f.value) for f in analyze_text(PENALTY_TABLE).figures]
    assert got[:5] == [("enforcement_cases", v) for v in (6, 0, 11, 1, 18)]
    assert got[5][0] != "enforcement_cases"  # 罚没金额: an amount


def test_a_courts_lawsuits_by_the_penalty_they_contest_are_not_enforcement_acts():
    text = "在受理的24件案件中，从案件的类型来看，行政拘留2件、罚款5件、行政登记7件。"
    assert "enforcement_cases" not in set(codes(text).values())


def test_how_often_and_how_many_each_are_rules_not_figures():
    assert figures("党委会定期学法每月1次，每季度集体学法不少于1次。") == []
    assert figures("每个乡镇配备2-3名专职调解员，每个行政村有3名法律顾问。") == []
    assert [v for v, _u, _a in figures("全县配备专职调解员111名，每月值班律师逾1200人。")] == [111, 1200]


def test_a_rate_that_fits_the_nearby_count_is_judged_over_it():
    a = analyze_text("全年审结一审行政案件536件。\n行政机关败诉33件，败诉率为6.16%。")
    (r,) = [r for r in a.relations if r.kind == "rate"]
    assert r.consistent and r.denominator is not None and a.figures[r.denominator].value == 536
    assert r.implied_denominator is None and "536件" in r.note
