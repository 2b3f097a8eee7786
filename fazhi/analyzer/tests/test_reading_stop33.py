"""Readings added in stop 33, each on sentences of our own."""

from fazhi.analyzer.report import analyze_text


def sums(text):
    a = analyze_text(text)
    return [
        (a.figures[r.total].value, sorted(a.figures[j].value for j in r.parts))
        for r in a.relations + a.unchecked
        if r.kind == "sum" and r.total is not None
    ]


# The first item of a list is not the total of the items after it ------------------------


def test_a_list_item_is_not_the_total_of_a_run_that_happens_to_make_it():
    text = (
        "全年主动公开政府信息92条。公开行政许可信息15条，行政检查信息2条，行政处罚信息9条，"
        "财政预决算信息3条，规划信息1条，工作动态62条。"
    )
    assert (15, [1, 2, 3, 9]) not in sums(text)


def test_a_total_whose_parts_are_named_otherwise_keeps_its_run():
    text = "市农业农村局被诉14件，未结9件，判决驳回诉讼请求3件，撤诉2件，与市人民政府为共同被告被诉2件。"
    assert (14, [2, 3, 9]) in sums(text)


def test_a_run_after_a_breakdown_word_keeps_its_total():
    text = "全年发布信息15条，其中行政许可信息2条，行政检查信息9条，行政处罚信息4条，另有工作动态62条。"
    assert (15, [2, 4, 9]) in sums(text)


def test_a_sentence_of_nothing_but_counts_that_make_the_count_before_it_is_its_breakdown():
    text = (
        "全年主动公开政府信息92条。公开行政许可信息15条，行政检查信息2条，行政处罚信息9条，"
        "财政预决算信息3条，规划信息1条，工作动态62条。"
    )
    assert (92, [1, 2, 3, 9, 15, 62]) in sums(text)


def test_a_next_sentence_that_does_not_make_the_count_is_no_sum():
    text = "全年主动公开政府信息92条。公开行政许可信息15条，行政检查信息2条，工作动态62条。"
    assert not [s for s in sums(text) if s[0] == 92]


def test_a_next_sentence_with_a_count_in_another_measure_is_no_breakdown():
    text = "全年办理案件30件。受理案件10件，审结案件12人，调解案件8件。"
    assert not [s for s in sums(text) if s[0] == 30]


# A 其中 of parallel clauses breaks down two totals at once ----------------------------


def judged_sums(text):
    a = analyze_text(text)
    return {
        (a.figures[r.total].value, r.consistent)
        for r in a.relations
        if r.kind == "sum" and r.total is not None
    }


PARALLEL = (
    "全年共受理矛盾纠纷1500件，化解1420件，化解率94.7%。其中，人民调解受理900件，调解成功880件；"
    "行政调解受理400件，调解成功{x}件；信访事项200件，办结170件。"
)


def test_parallel_clauses_that_make_both_totals_are_two_sums():
    assert judged_sums(PARALLEL.format(x=370)) >= {(1500, True), (1420, True)}


def test_parallel_clauses_whose_second_counts_miss_the_second_total_are_inconsistent():
    text = PARALLEL.format(x=300)
    assert judged_sums(text) >= {(1500, True), (1420, False)}
    a = analyze_text(text)
    bad = [r for r in a.relations if not r.consistent]
    assert len(bad) == 1 and "1500" in bad[0].note and "1350" in bad[0].note


def test_parallel_clauses_that_do_not_make_the_first_total_are_not_judged():
    text = PARALLEL.format(x=300).replace("信访事项200件", "信访事项150件")
    assert not {t for t, _ok in judged_sums(text)} & {1500, 1420}


# A catalogue rate right after a count of its clause group ------------------------------


def rate_verdicts(text):
    a = analyze_text(text)
    return [
        (a.figures[r.numerator].value, a.figures[r.denominator].value, r.consistent)
        for r in a.relations
        if r.kind == "rate" and r.numerator is not None and r.denominator is not None
    ]


def test_a_rate_right_after_a_count_fits_the_one_larger_count_of_its_clause_group():
    text = "全年排查矛盾纠纷900件。其中，城关镇人民调解受理312件，调处305件，成功率达97.8%；其他乡镇受理588件。"
    assert (305, 312, True) in rate_verdicts(text)


def test_a_rate_that_does_not_fit_its_clause_group_is_not_judged_from_nearness():
    text = "全年排查矛盾纠纷900件。其中，城关镇人民调解受理312件，调处305件，成功率达90.1%；其他乡镇受理588件。"
    assert not [v for v in rate_verdicts(text) if v[0] == 305]


# 其中 after a parenthesis breaks down the count before the parenthesis -------------------


def test_qizhong_after_a_parenthesis_breaks_down_the_count_before_it():
    text = "三年来全市两级法院共受理行政诉讼案件540件（2021年170件、2022年180件、2023年190件），其中，一审案件360件，二审案件180件。"
    assert (540, [180, 360]) in sums(text)
    assert not [s for s in sums(text) if s[0] == 190]


# A superlative's numeral names a selection, not a count --------------------------------


def test_the_numeral_of_a_superlative_selection_is_not_a_figure():
    text = "全市新收行政案件1200件，收案最多的两类是城建类和资源类，诉讼发生率最高的三个县区是甲、乙、丙。"
    assert [f.value for f in analyze_text(text).figures] == [1200]


def test_a_superlative_with_digits_is_still_a_count():
    text = "收案最多的乡镇受理纠纷35件。"
    assert [f.value for f in analyze_text(text).figures] == [35]
