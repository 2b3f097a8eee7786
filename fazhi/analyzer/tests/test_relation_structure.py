"""How the text's structure says which figures a relation joins (issue 22): the total
of a 其中 list, nested breakdowns, totals after their parts, rates after their counts.
Every sentence here is of our own making, with invented numbers."""

from fazhi.analyzer.report import analyze_text


def rels(text, kind=None):
    a = analyze_text(text)
    out = [r.as_dict(a.figures) for r in a.relations]
    return [r for r in out if kind is None or r["kind"] == kind]


def sums(text):
    """(total, [parts], consistent) as numbers, in the order found."""
    a = analyze_text(text)
    value = {f.position: int(f.value) for f in a.figures}
    out = []
    for r in a.relations:
        if r.kind == "sum":
            d = r.as_dict(a.figures)
            out.append((value[d["total_position"]], [value[p] for p in d["part_positions"]], d["consistent"]))
    return out


# --- the total of a 其中 list is never a figure stated only to compare -------------


def test_a_qizhong_sentence_breaks_down_this_years_total_not_last_years():
    text = (
        "全县全年共收到行政复议申请420件，比2022年的300件增加120件，同比增长40%。"
        "其中，县政府收到380件。"
    )
    assert sums(text) == [(420, [380], True)]


def test_a_qizhong_after_last_years_count_in_words_goes_to_this_years_total():
    text = "今年办理法律援助案件150件，较上年的130件有所增加，其中农民工案件60件。"
    assert sums(text) == [(150, [60], True)]


def test_a_comparison_word_inside_a_name_does_not_hide_the_total():
    # 比较 here is an adverb, not a comparison: the count is the list's total.
    text = "排查比较突出的问题35个，其中执法问题20个、服务问题10个。"
    assert sums(text) == [(35, [20, 10], True)]


# --- a parenthesis after a part breaks that part down --------------------------------


def test_a_parenthesis_after_a_part_is_that_parts_own_breakdown():
    text = "共受理案件30件，其中市本级12件，各区18件（即东区5件、西区6件、南区7件）。"
    assert sums(text) == [(30, [12, 18], True), (18, [5, 6, 7], True)]


def test_a_nested_parenthesis_inside_a_scope_list_counts_once():
    text = (
        "在受理的40件案件中，从案件类型看，行政处罚10件、行政登记12件（土地登记5件、"
        "户籍登记7件）、政府信息公开8件、行政强制10件。"
    )
    assert sums(text) == [(40, [10, 12, 8, 10], True), (12, [5, 7], True)]


def test_a_parenthesis_of_other_measures_is_not_a_breakdown():
    # 人 is not 件: the parenthesis is about people, not a breakdown of the 20 cases.
    text = "共办理案件50件，其中刑事案件20件（涉及当事人35人、单位3人），民事案件30件。"
    assert [t for t, _p, _ok in sums(text)] == [50]


# --- a total after its parts ----------------------------------------------------------


def test_a_total_after_its_parts_with_a_noun_is_checked_when_it_adds_up():
    text = "本年新受理复议案件210件，上年结转15件，合计办理复议案件225件。"
    assert sums(text) == [(225, [210, 15], True)]


def test_a_bare_gong_total_after_a_list_is_checked_when_it_adds_up():
    text = "撤销8件、确认违法5件、变更2件、责令履行3件，共18件，占审结案件的9%。"
    assert (18, [8, 5, 2, 3], True) in sums(text)


def test_a_trailing_total_that_does_not_add_up_is_not_judged():
    # The parts may hold figures of another total: no relation, never 不符.
    text = "本年新受理复议案件210件，上年结转15件，合计办理复议案件230件。"
    assert sums(text) == []


def test_a_total_that_opens_the_sentence_is_not_a_total_after_parts():
    text = "全县共调处矛盾纠纷300件。调解成功290件。"
    assert sums(text) == []


# --- a rate right after the count its name repeats ------------------------------------


def test_a_completion_rate_after_its_count_fits_the_base_before_it():
    text = "全年新收一审行政案件800件，审结700件，结案率为87.5%，其中行政机关败诉50件。"
    (r,) = rels(text, "rate")
    assert r["numerator_quote"].endswith("700件") and r["denominator_quote"].endswith("800件")
    assert r["consistent"] and r["confidence"] == "较确定"


def test_a_rate_that_does_not_fit_the_only_base_before_it_is_inconsistent_and_says_why():
    text = "今年共受理各类案件1300件（含旧存100件）。全年共审结各类案件1165件，审结率89%。"
    (r,) = rels(text, "rate")
    assert r["denominator_quote"].endswith("1300件") and r["computed"] == 89.62
    assert r["consistent"] is False and r["confidence"] == "较确定"
    assert "截断" in r["note"] and "1165÷1300" in r["note"]
    fits = "今年共受理各类案件1300件（含旧存100件）。全年共审结各类案件1160件，审结率89%。"
    assert [r["consistent"] for r in rels(fits, "rate")] == [True]


def test_a_rate_with_two_possible_bases_before_it_is_not_judged():
    text = "全年收到申请1500件，受理1300件。审结1170件，审结率89%。"
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


def test_a_rate_that_fits_another_count_nearby_is_not_inconsistent():
    text = "全年受理1300件，涉企案件1200件。审结1170件，审结率97.5%。"
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


def test_a_change_of_a_rate_is_not_a_rate_over_the_counts():
    text = "全年发送建议30件，反馈数20件，反馈率同比下降12.5%。"
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


def test_a_rate_over_a_list_of_other_things_is_not_read_from_the_last_item():
    # 办复率 covers three kinds of letters; 意见书 is only the last item of the list.
    text = "全年制发司法建议2件、检察建议15件、复议意见书2件，“三书”按期办复率100%。"
    assert rels(text, "rate") == []


def test_a_bare_gong_before_another_verb_is_not_a_total_of_what_came_before():
    # 办结 is another step than 收到/结转: 28 + 2 = 30 is not what the text states.
    text = "全年共收到申请28件，上年结转2件，共办结30件。"
    assert sums(text) == []


def test_a_rates_count_right_after_qizhong_is_a_part_that_keeps_its_own_code():
    text = "全年共审结行政复议案件240件，其中纠错36件，纠错率15%。"
    assert sums(text) == [(240, [36], True)]
    a = analyze_text(text)
    assert [f.indicator for f in a.figures][:2] == ["recon_closed", "recon_corrected"]


def test_a_rates_count_after_another_part_still_ends_the_list():
    # 调解成功 is the count of the 婚姻家庭 disputes' rate, not a third kind of dispute.
    text = "全年调处纠纷1000件，其中婚姻家庭纠纷800件，调解成功780件。"
    assert sums(text) == [(1000, [800], True)]


# --- a 占 naming its base in words, the base in an earlier paragraph ------------------


def test_a_share_takes_the_earlier_count_its_words_repeat_not_the_nearest_of_its_kind():
    text = (
        "一、复议\n全年已审结复议案件600件，其中维持400件。\n"
        "二、专项\n第四季度审结复议案件70件。\n"
        "三、应诉\n复议后又提起行政诉讼的共66件，占已审结复议案件11%。"
    )
    (r,) = [r for r in rels(text, "rate") if r["rate_quote"].endswith("11%")]
    assert r["denominator_quote"].endswith("600件") and r["consistent"] and r["confidence"] == "较确定"


# --- 分别为: a list given as the breakdown of a count before it ----------------------


def test_a_sentence_opening_with_fenbie_breaks_down_the_count_before_it_adds_up_to():
    text = "区政府审结案件500件，直接纠错120件，纠错率24%。结果分别为撤销50件，变更10件，确认违法60件。"
    assert (120, [50, 10, 60], True) in sums(text)


def test_fenbie_in_the_same_sentence_breaks_down_the_count_before():
    text = "全年新增调解组织37个，分别为行业性调委会12个、专业性调委会25个。"
    assert sums(text) == [(37, [12, 25], True)]


def test_a_fenbie_list_that_adds_up_to_no_count_proves_nothing():
    text = "区政府审结案件500件，直接纠错120件。结果分别为撤销50件，确认违法60件。"
    assert [s for s in sums(text) if s[1] == [50, 60]] == []


def test_a_fenbie_list_that_two_counts_before_could_be_the_total_of_is_not_paired():
    text = "全年收到申请120件，办结120件。结果分别为予以公开70件、不予公开50件。"
    assert [s for s in sums(text) if s[1] == [70, 50]] == []


def test_sessions_counted_in_changci_and_ci_are_one_measure():
    text = "全年开展法治培训4场次，其中邀请专家授课1次，干部法治思维不断强化。"
    assert sums(text) == [(4, [1], True)]


# --- a table with two years of counts, one share column and a 同比 column -------------

TABLE = (
    "表1：行政复议案件受理情况\n"
    "单位 | 2022受理量 | 2023受理量 | 占比 | 同比 |\n"
    "交通局 | 10 | 12 | 30.0% | 20.0% |\n"
    "教育局 | 8 | 20 | 50.0% | 150.0% |\n"
    "卫健委 | 0 | 5 | 12.5% | - |\n"
    "水利局 | 6 | 3 | 7.5% | -50.0% |\n"
    "合计 | 24 | 40 | 100.0% | 66.7% |\n"
)


def test_a_share_column_is_over_the_count_column_right_before_it():
    rates = [r for r in rels(TABLE, "rate") if r["confidence"] == "确定"]
    assert [(r["stated"], r["computed"], r["consistent"]) for r in rates] == [
        (30.0, 30.0, True),
        (50.0, 50.0, True),
        (12.5, 12.5, True),
        (7.5, 7.5, True),
    ]
    assert all(r["denominator_quote"].endswith("40") for r in rates)


def test_a_wrong_share_in_such_a_table_is_inconsistent():
    (bad,) = [r for r in rels(TABLE.replace("| 50.0% |", "| 52.0% |"), "rate") if not r["consistent"]]
    assert (bad["stated"], bad["computed"]) == (52.0, 50.0) and bad["numerator_quote"].endswith("20")


def test_each_count_column_of_such_a_table_adds_up_to_its_total():
    assert [(t, p, ok) for t, p, ok in sums(TABLE)] == [(24, [10, 8, 0, 6], True), (40, [12, 20, 5, 3], True)]


def test_a_column_that_does_not_add_up_in_such_a_table_is_not_judged():
    # A row may be a part of another: seen, but never 不符.
    a = analyze_text(TABLE.replace("合计 | 24 |", "合计 | 25 |"))
    assert not [r for r in a.relations if r.kind == "sum" and r.stated_total == 25]
    (seen,) = [r.as_dict(a.figures) for r in a.unchecked if r.kind == "sum"]
    assert (seen["stated_total"], seen["sum_of_parts"], seen["confidence"]) == (25, 24, "无法核对")


# --- shares of one base -----------------------------------------------------------------


RUN = (
    "2023年，全县新收行政复议申请90件，受理80件。全年结案75件，受理案件同比下降12.5%，"
    "纠错率同比下降3%。行政复议案件主要集中在治安管理、市场监管、自然资源等行政管理领域，"
    "其中涉及群众切身利益的案件较多，需要在今后的工作中加强源头治理和执法监督，"
    "同时加强行政复议与信访、诉讼等渠道的衔接。从类型看，今年受理治安管理类案件20件，"
    "占案件总数的25.0%，较去年增加10.0%；市场监管类受理36件，占总数的45.0%，较去年下降5.3%；"
    "自然资源类受理8件，占总数的10.0%，较去年大幅下降60.0%；其他各类案件受理16件，"
    "占案件总数的20.0%。"
)


def test_a_share_far_from_its_base_takes_the_base_of_the_shares_before_it():
    rates = [r for r in rels(RUN, "rate") if r["rate_quote"].startswith("占")]
    assert [(r["stated"], r["consistent"]) for r in rates] == [(25.0, True), (45.0, True), (10.0, True), (20.0, True)]
    assert all(r["denominator_quote"].endswith("80件") for r in rates)


def test_shares_of_one_base_that_add_up_to_it_are_its_breakdown():
    assert (80, [20, 36, 8, 16], True) in sums(RUN)


def test_shares_of_one_base_that_do_not_add_up_are_no_sum():
    text = "全年审结案件200件。维持100件，占已审结案件的50%；驳回40件，占已审结案件的20%。"
    assert [s for s in sums(text) if s[1] == [100, 40]] == []


# --- a success count larger than the count handled -------------------------------------


def test_more_successes_than_disputes_handled_is_inconsistent():
    text = "今年1至9月，全县共排查调处矛盾纠纷2400件，调处成功2460件，成功率97.5%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] is False and r["denominator_quote"].endswith("2400件")
    assert r["computed"] == 102.5 and "计数大于总数" in r["note"]


def test_a_smaller_count_of_another_act_is_not_a_rates_base():
    text = "全县共办理信访事项12件，调处成功98件，成功率98%。"
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


# --- a 其中 whose part's 占 names the other total of the sentence ------------------------


def test_a_qizhong_part_belongs_to_the_total_its_share_names():
    text = "全县共排查调处矛盾纠纷2400件，调处成功2350件，成功率97.9%，其中诉前调解800件，占纠纷总数的33.3%。"
    assert (2400, [800], True) in sums(text)
    assert not [s for s in sums(text) if s[0] == 2350]


# --- 占案件总数 with the subject's total in an earlier paragraph -------------------------

EARLIER = (
    "一、收案情况\n2023年全县共收到行政复议申请300件，比2022年的250件增加50件。其中，县政府收到280件。\n"
    "二、案件类型\n由行政处罚引发的案件最多，共120件，占案件总数的40.0%。\n"
)


def test_a_share_of_the_total_takes_the_subjects_total_from_an_earlier_paragraph():
    (r,) = [r for r in rels(EARLIER, "rate") if r["stated"] == 40.0]
    assert r["denominator_quote"].endswith("300件") and r["consistent"] and r["confidence"] == "较确定"


def test_such_a_share_that_does_not_fit_is_not_called_wrong():
    text = EARLIER.replace("40.0%", "45.0%")
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


# --- 同比 with both years' counts in the sentence --------------------------------------


def changes(text):
    return [(r["computed"], r["consistent"], r["confidence"]) for r in rels(text, "change")]


def test_a_change_after_last_years_count_named_as_such_is_checked():
    assert changes("今年共受理行政复议案件120件，去年同期为100件，同比增长20%。") == [(20, True, "确定")]
    assert changes("今年受理行政复议案件120件，较上年的100件增长20%。") == [(20, True, "确定")]
    assert changes("全县共办理法律援助案件1200件，比上年的1000件增长25%。") == [(20, False, "确定")]


def test_a_change_with_last_years_count_after_it_is_checked():
    assert changes("全县共办理法律援助案件1200件，同比增长20%，上年为1000件。") == [(20, True, "确定")]


def test_a_change_past_the_difference_takes_the_years_counts():
    text = "全年共收到申请1300件，比2022年的1000件增加约300件，同比增长约30%。"
    assert changes(text) == [(30, True, "确定")]


def test_a_difference_is_not_last_years_count():
    assert changes("全年受理案件120件，比上年多受理20件，增长20%。") == []
    assert changes("全年受理案件120件，较上年增加20件，增长20%。") == []


def test_an_approximate_change_that_does_not_fit_exactly_is_not_called_wrong():
    assert [c for c in changes("全年共收到申请1300件，比2022年的1000件，同比增长约31%。") if c[1] is False and c[2] != "无法核对"] == []


# --- 均为: several rates in one figure, each by its own name ----------------------------


def test_each_rate_of_a_junwei_list_takes_the_count_its_own_name_repeats():
    (r,) = rels("全年共受理群众投诉850件，办结832件，办结率、满意率均为97.9%。", "rate")
    assert r["numerator_quote"].endswith("832件") and r["denominator_quote"].endswith("850件") and r["consistent"]
    (bad,) = rels("全年共受理群众投诉850件，办结800件，办结率、满意率均为97.9%。", "rate")
    assert bad["consistent"] is False and bad["computed"] == 94.12


def test_a_count_of_new_things_is_not_a_difference():
    assert changes("全年新增人民调解员120人，较上年的100人增长20%。") == [(20, True, "确定")]


def test_a_trailing_total_is_not_matched_to_a_run_that_happens_to_add_up():
    # 审结 280 + 结转 20 = 300 is a coincidence: 办理 is 受理 300 + 结转 20. No relation.
    text = "受理复议申请300件，受理后审结280件，审结率93.3%，上年结转20件，合计办理300件。"
    assert sums(text) == []


def test_a_rate_column_with_100_percent_in_its_total_row_is_not_a_share():
    # 审结率 is each row's own ratio (审结 ÷ 受理), not a share of the total.
    text = (
        "表2：各单位审结情况\n"
        "单位 | 受理 | 审结 | 审结率 | 同比 |\n"
        "甲局 | 20 | 20 | 100% | 10.0% |\n"
        "乙局 | 30 | 30 | 100% | - |\n"
        "合计 | 50 | 50 | 100% | 5.0% |\n"
    )
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


# --- a rate that fits another base the text states: say which reading ---------------


def test_a_rate_fitting_a_base_stated_elsewhere_names_the_reading_and_the_one_it_misses():
    text = (
        "一、收案\n全年新受理行政复议案件250件。\n"
        "二、办案\n全年共审结行政复议申请220件，其中纠错50件，纠错率约20%。\n"
    )
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["denominator_quote"].endswith("250件") and r["confidence"] == "较确定"
    assert "220件" in r["note"] and "22.73%" in r["note"] and "未判为不符" in r["note"]


# --- 分别占: the shares go with the counts one by one -----------------------------------


def test_fenbie_zhan_pairs_each_share_with_its_own_count():
    text = "全年办理行政复议案件80件，其中市场监管类30件、公安类25件、其他25件，分别占37.5%、31.25%、31.25%。"
    rates = rels(text, "rate")
    assert [(r["numerator_quote"][-3:], r["stated"], r["consistent"]) for r in rates] == [
        ("30件", 37.5, True),
        ("25件", 31.25, True),
        ("25件", 31.25, True),
    ]


def test_a_wrong_share_in_a_fenbie_zhan_list_is_inconsistent():
    text = "全年办理行政复议案件80件，其中市场监管类30件、公安类25件、其他25件，分别占37.5%、35%、31.25%。"
    assert [(r["stated"], r["computed"]) for r in rels(text, "rate") if not r["consistent"]] == [(35, 31.25)]


def test_fenbie_zhan_with_more_shares_than_counts_is_not_judged():
    text = "全年办理行政复议案件80件，其中市场监管类30件、公安类25件，分别占37.5%、31.25%、31.25%。"
    assert rels(text, "rate") == []


def test_a_catalogue_rate_fits_a_base_its_sentence_names_in_other_words():
    text = "全市法院一审审结行政案件900件，判决结案500件，行政机关败诉45件，败诉率9%。"
    (r,) = rels(text, "rate")
    assert r["denominator_quote"].endswith("500件") and r["consistent"] and r["confidence"] == "较确定"


def test_a_hundred_percent_rate_is_not_read_over_an_equal_count_by_chance():
    text = "全年审查规范性文件12件，备案审查意见12件，行政复议决定书履行率100%。"
    assert [r for r in rels(text, "rate") if r.get("denominator_quote")] == []


def test_last_years_count_in_a_parenthesis_is_neither_a_part_nor_a_breakdown():
    text = "全年受理案件50件，其中市本级30件（上年35件），县级20件。"
    assert sums(text) == [(50, [30, 20], True)]


def test_a_change_in_a_parenthesis_after_a_part_is_not_read_from_the_total():
    text = "全年受理案件50件，其中市本级30件（同比增长20%），县级20件。"
    assert rels(text, "change") == []


def test_a_change_with_last_years_count_named_by_a_verb_after_it_is_checked():
    assert changes("全年共办理公证3200件，同比增长6.7%，上年办理3000件。") == [(6.67, True, "确定")]


def test_a_completion_rate_after_its_counts_own_change_still_finds_its_count():
    text = "全市两级法院共受理行政案件2400件，同比上升12%；审结2300件，同比上升10%，结案率95.8%。"
    (r,) = rels(text, "rate")
    assert r["numerator_quote"].endswith("2300件") and r["denominator_quote"].endswith("2400件") and r["consistent"]


def test_a_change_with_last_years_count_in_a_parenthesis_after_it_is_checked():
    assert changes("全年办理行政复议案件56件，同比增长40%（2022年40件）。") == [(40, True, "确定")]
    assert changes("全年办理行政复议案件56件，同比增长45%（2022年40件）。") == [(40, False, "确定")]


def test_a_total_broken_down_by_applicant_may_be_broken_down_again_by_outcome():
    text = (
        "本年度共收到政府信息公开申请68件，其中自然人申请65件，法人或其他组织申请3件。"
        "办理结果：予以公开30件，部分公开10件，不予公开5件，无法提供20件，不予处理3件。"
    )
    assert sums(text) == [(68, [65, 3], True), (68, [30, 10, 5, 20, 3], True)]


def test_a_share_names_its_base_in_words_when_the_base_has_no_code():
    text = (
        "一、总体\n2022年全省法院审结的行政一审案件中行政机关败诉1600件，败诉率为7%。\n"
        "二、领域\n从领域看，征收补偿、城建拆迁等五类案件（1200件）占行政机关败诉案件的75%。\n"
    )
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 75]
    assert r["denominator_quote"].endswith("1600件") and r["consistent"] and r["confidence"] == "较确定"


def test_a_share_naming_a_base_in_words_that_it_does_not_fit_is_not_called_wrong():
    text = (
        "一、总体\n2022年全省法院审结的行政一审案件中行政机关败诉1600件，败诉率为7%。\n"
        "二、领域\n从领域看，征收补偿、城建拆迁等五类案件（1200件）占行政机关败诉案件的70%。\n"
    )
    assert [r for r in rels(text, "rate") if r["consistent"] is False] == []


# --- a catalogue rate whose count has another code ---------------------------------------


def test_a_catalogue_rate_takes_the_count_right_before_it_that_names_it():
    (r,) = rels("全省法院审结的行政一审案件中行政机关败诉937件，败诉率为6.25%。", "rate")
    assert r["numerator_quote"].endswith("937件") and r["implied_denominator"] == 14992 and r["consistent"]


def test_the_rates_name_may_follow_the_number_of_its_count():
    text = "5月至年底，我市共有250件行政案件被告行政机关的负责人出庭应诉，行政机关负责人出庭应诉率为40%。"
    (r,) = rels(text, "rate")
    assert r["numerator_quote"].endswith("250件") and r["implied_denominator"] == 625 and r["consistent"]


def test_a_count_right_before_a_rate_that_does_not_name_it_is_not_its_count():
    assert rels("全年审结行政一审案件937件，败诉率为6.25%。", "rate") == []


def test_bare_shares_take_the_total_stated_earlier_in_their_paragraph():
    text = (
        "全年共收到行政复议申请186件，其中受理172件，不予受理14件。受理案件中，涉及行政处罚类98件，"
        "占56.98%；行政强制类30件，占17.44%；信息公开类20件，占11.63%；其他类24件，占13.95%。"
    )
    rates = rels(text, "rate")
    assert [r["denominator_quote"][-4:] for r in rates] == ["172件"] * 4 and all(r["consistent"] for r in rates)
    assert (172, [98, 30, 20, 24], True) in sums(text)


def test_a_part_of_a_qizhong_list_can_still_be_its_rates_count():
    text = "全年审结163件，其中维持101件，撤销12件，驳回21件，终止18件，直接纠错11件，纠错率6.7%。"
    (r,) = rels(text, "rate")
    assert r["numerator_quote"].endswith("纠错11件") and r["denominator_quote"].endswith("163件") and r["consistent"]


def test_a_share_of_the_total_reaches_past_a_heading_and_other_paragraphs():
    text = (
        "一、基本情况\n2022年，我院共受理各类行政案件612件，其中新收580件，旧存32件。\n"
        "审结571件，其中判决结案236件。\n行政机关败诉38件。\n"
        "二、案件特点\n涉及土地征收补偿的案件最多，共168件，占收案总数的27.5%。\n"
    )
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 27.5]
    assert r["denominator_quote"].endswith("612件") and r["consistent"]


# --- done and not done make the count of those things ------------------------------------


def test_done_and_pending_counts_make_the_total_stated_before():
    text = "一、收案\n全年共发生行政诉讼一审案件300件。\n二、审结\n本期新发生案件已审结270件，未审结30件。\n"
    assert sums(text) == [(300, [270, 30], True)]


def test_done_and_pending_counts_that_make_no_stated_count_are_no_relation():
    text = "全年共发现问题120个。已整改完成95个，未整改20个。"
    assert sums(text) == []
