"""Readings added in stop 34, each on sentences of our own."""

from decimal import Decimal

from fazhi.analyzer.report import analyze_text

from .test_reading_stop33 import rate_verdicts


def figures(text):
    return [(f.value, f.unit) for f in analyze_text(text).figures]


def sums(text):
    a = analyze_text(text)
    return [
        (a.figures[r.total].value, sorted(a.figures[j].value for j in r.parts), r.consistent)
        for r in a.relations + a.unchecked
        if r.kind == "sum" and r.total is not None
    ]


# A form's blank filled in with the count: 发布信息（1386）条 ------------------------------


def test_a_count_in_the_brackets_of_a_filled_in_blank_reads_with_its_measure_word():
    text = "全年通过门户网站发布政务信息（512）条，其中：概况类信息（12）条、政务动态信息（500）条。"
    assert figures(text) == [(512, "条"), (12, "条"), (500, "条")]
    assert (512, [12, 500], True) in sums(text)


def test_half_width_brackets_of_a_blank_read_the_same():
    text = "全年承办人大代表建议、政协委员提案共(18)件，共有(23456)人次浏览门户网站。"
    assert figures(text) == [(18, "件"), (23456, "人次")]


def test_the_quote_of_a_filled_in_count_points_into_the_original_text():
    text = "全年通过门户网站发布政务信息（512）条。"
    f = analyze_text(text).figures[0]
    assert text[f.position : f.position + 3] == "512"
    assert f.quote.endswith("（512）条")


def test_an_item_marker_or_an_article_in_brackets_is_no_count():
    assert figures("依法办理政府信息公开申请：\n（1）个人信息保护方面，严格审查。") == []
    assert figures("依据《条例》第（三）条规定，不予公开。") == []


# A rate over its own code's count names no numerator that ends a 其中 list ---------------


def test_a_list_of_parts_in_the_totals_own_code_goes_on_past_its_first_part():
    text = "全年承办政协委员提案共29件，其中主办6件，协办23件，均已按期办结。"
    assert (29, [6, 23], True) in sums(text)


def test_a_rates_count_after_a_part_still_ends_the_list():
    text = "全年受理矛盾纠纷800件，其中婚姻家庭纠纷300件，调解成功780件，调解成功率97.5%。"
    assert not [s for s in sums(text) if s[0] == 800 and Decimal(780) in s[1]]


# 场（次）: a total in 场 or 次 takes parts in either ---------------------------------------


def test_parts_in_times_make_a_total_in_sessions():
    text = "全年开展各类活动120场（次），其中法治宣讲80场，法治座谈会20场（次），模拟法庭15场，法治征文5次。"
    assert (120, [5, 15, 20, 80], True) in sums(text)


def test_parts_in_times_that_miss_a_total_in_sessions_are_only_a_partial_list():
    text = "全年开展各类活动120场，其中法治宣讲80场，模拟法庭15场，法治征文5次。"
    assert (120, [5, 15, 80], True) in sums(text)


# A rate right after its count with one base in its sentence ---------------------------


def test_a_count_of_another_act_in_the_sentence_before_does_not_veto_the_sole_base():
    text = (
        "全省法院共受理各类行政诉讼案件6746件。受理行政机关申请强制执行的非诉行政案件722件，"
        "审查后裁定执结629件，执结率{r}%，执结标的总额8789.72万元。"
    )
    assert rate_verdicts(text.format(r="84.32")) == [(629, 722, False)]
    assert rate_verdicts(text.format(r="87.12")) == [(629, 722, True)]


def test_a_count_of_the_same_act_in_the_sentence_before_still_vetoes():
    text = (
        "全年共执结各类案件900件。受理行政机关申请强制执行的非诉行政案件722件，"
        "审查后裁定执结629件，执结率84.32%。"
    )
    assert (629, 722, False) not in rate_verdicts(text)


# A rate whose implied base is not the base its sentence states --------------------------


def rate_judgments(text):
    a = analyze_text(text)
    return [(r.consistent, r.checked, r.note) for r in a.relations + a.unchecked if r.kind == "rate"]


def test_an_implied_base_is_not_claimed_where_the_sentence_states_one_the_rate_misfits():
    text = "2024年办理行政复议案件141件，调解75件，调解率60.5%。"
    [(ok, checked, note)] = rate_judgments(text)
    assert not checked
    assert "141" in note and "53.2%" in note and "124" in note


def test_an_implied_base_stands_where_the_sentence_states_none():
    [(ok, checked, _note)] = rate_judgments("2024年行政复议调解75件，调解率60.5%。")
    assert ok and checked


def test_a_count_with_its_own_rate_is_a_sibling_not_the_next_counts_base():
    text = "办结人大代表议案建议64件、办结率92.7%，政协委员提案61件，办结率92.4%。"
    judged = rate_judgments(text)
    assert any(ok and checked and "66" in note for ok, checked, note in judged)
