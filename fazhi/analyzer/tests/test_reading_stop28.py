"""Readings added after the stop-28 development batches, each on sentences of our own:
traditional script, printed decimal dots, pinyin glosses, runs of shares of one total,
a selection of a total's parts, and lists a parenthesis holds."""

from decimal import Decimal

from fazhi.analyzer.extract import extract_figures, simplified
from fazhi.analyzer.report import analyze_text


def rels(text, kind=None):
    a = analyze_text(text)
    out = [r.as_dict(a.figures) for r in a.relations]
    return [r for r in out if kind is None or r["kind"] == kind]


def codes(text):
    return [(f.indicator, f.value) for f in analyze_text(text).figures]


# Script ------------------------------------------------------------------------------


def test_traditional_script_reads_as_simplified_and_keeps_its_offsets():
    text = "全市共審結行政復議案件1200件，直接糾錯180件，直接糾錯率15%。"
    assert len(simplified(text)) == len(text)
    assert simplified(text).startswith("全市共审结行政复议案件")
    figs = analyze_text(text).figures
    assert [(f.indicator, f.value) for f in figs][:2] == [("recon_closed", 1200), ("recon_corrected", 180)]
    # The quote stays in the script the report was published in.
    assert figs[0].quote.endswith("行政復議案件1200件")
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["denominator_quote"].endswith("1200件")


def test_simplified_text_is_left_as_it_is():
    text = "受理行政复议申请35件，其中不予受理2件。"
    assert simplified(text) == text


def test_a_pinyin_gloss_of_a_mirror_page_does_not_split_the_words():
    text = "全市共审结行政复（fù）议案件300件，直接纠错（cuò）45件，直接纠错率15%。"
    assert codes(text)[:2] == [("recon_closed", 300), ("recon_corrected", 45)]


def test_a_decimal_point_printed_as_a_middle_dot_is_a_decimal_point():
    (rate,) = [f for f in extract_figures("调解成功率99·59%。") if f.unit == "%"]
    assert rate.value == Decimal("99.59")
    # A day's name (12·4) is not a decimal.
    assert not [f for f in extract_figures("开展“12·4”国家宪法日宣传活动。") if f.value == 12.4]


def test_a_rate_with_a_dotted_decimal_raises_no_false_inconsistency():
    text = "调解纠纷12244件，调解成功12194件，调解成功率 99·5 9%。"
    assert [r for r in rels(text) if not r["consistent"]] == []


# Periods ------------------------------------------------------------------------------


def test_qunian_before_a_total_names_the_period_not_a_comparison():
    text = "记者获悉，全省各级行政复议机关去年共收到行政复议申请2371件，申请人总数6207人。其中，受理1968件，不予受理403件。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("2371件")]
    assert s["consistent"] and s["sum_of_parts"] == 2371


def test_a_comparison_with_last_year_is_still_one():
    text = "今年收到行政复议申请120件，比去年100件增长20%。其中，受理110件。"
    assert not [r for r in rels(text, "sum") if r["total_quote"].endswith("100件")]


# Shares -------------------------------------------------------------------------------


RUN = (
    "全年共收到行政复议申请5000件。\n"
    "以县政府为被申请人的300件，占收到申请总数的6%；以县政府部门为被申请人的1200件，占24%；"
    "以乡镇政府为被申请人的3500件，占70%。\n"
)


def test_a_bare_share_in_a_run_takes_the_base_of_the_share_before_it():
    rates = rels(RUN, "rate")
    assert [(r["stated"], r["consistent"]) for r in rates] == [(6, True), (24, True), (70, True)]
    assert all(r["denominator_quote"].endswith("5000件") for r in rates)


def test_a_bare_share_after_an_unfound_base_is_not_given_one():
    text = "以县政府为被申请人的300件，占收到申请总数的6%；以县政府部门为被申请人的1200件，占24%。"
    rates = rels(text, "rate")
    assert all(r["denominator_quote"] is None for r in rates)


SELECTION = (
    "全年共收到行政复议申请6000件。\n"
    "引发行政争议的行政行为居于前三位的是：行政处罚2400，占收到申请总数的40%；"
    "政府信息公开1200，占收到申请总数的20%；行政强制600件，占收到申请总数的10%。\n"
)


def test_counts_without_a_measure_word_are_shares_of_the_total_the_words_name():
    rates = rels(SELECTION, "rate")
    assert [(r["numerator_quote"][-4:], r["consistent"]) for r in rates] == [
        ("2400", True),
        ("1200", True),
        ("600件", True),
    ]
    assert all(r["denominator_quote"].endswith("6000件") for r in rates)


def test_the_parts_named_by_their_shares_take_the_totals_code():
    assert [c for c, v in codes(SELECTION) if v in (2400, 1200, 600)] == ["recon_received"] * 3


def test_shares_of_a_selection_the_text_announces_are_a_partial_sum():
    (s,) = [r for r in rels(SELECTION, "sum") if r["total_quote"].endswith("6000件")]
    assert s["partial"] and s["consistent"] and s["sum_of_parts"] == 4200


def test_shares_that_announce_no_selection_and_do_not_add_up_are_no_sum():
    text = SELECTION.replace("居于前三位的是：", "")
    assert not [r for r in rels(text, "sum") if r["total_quote"].endswith("6000件")]


def test_a_share_named_by_the_words_of_an_earlier_count_in_its_sentence_is_over_it():
    text = "审理的500件（包括本年受理的450件和上年结转的50件）行政复议案件中，已审结400件，占审理案件总数的80%。"
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 80]
    assert r["consistent"] and r["denominator_quote"].endswith("500件") and r["numerator_quote"].endswith("400件")


# Lists --------------------------------------------------------------------------------


def test_a_list_a_parenthesis_opens_ends_with_it():
    text = "审理的500件（包括本年受理的450件和上年结转的50件）行政复议案件中，已审结400件。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("500件")]
    assert [q[-4:] for q in s["part_quotes"]] == ["450件", "的50件"]


def test_a_nested_parenthesis_does_not_end_the_list():
    text = "共办理法律援助案件100件（包括民事案件（含劳动争议）60件、刑事案件40件），咨询500人次。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("100件")]
    assert s["sum_of_parts"] == 100 and s["consistent"]


# Codes --------------------------------------------------------------------------------


def test_a_clause_naming_lawsuits_is_not_a_reconsideration_count():
    text = "全市各级行政复议机关共收到行政复议申请900件，其中，受理数800件，行政诉讼受案300件。"
    assert [c for c, v in codes(text) if v == 300] != ["recon_received"]
    assert [c for c, v in codes(text) if v == 900] == ["recon_received"]


def test_shouan_of_a_reconsideration_body_is_applications_received():
    assert codes("全市各级行政复议机关共收案1500件。")[0] == ("recon_received", 1500)


def test_disputes_resolved_in_substance_are_not_cases_mediated():
    text = "全市行政复议机关通过调解、和解等方式实质性化解行政争议400件。"
    assert codes(text)[0][0] != "recon_mediated"
    assert codes("全市行政复议机关以调解、和解方式结案40件。")[0] == ("recon_mediated", 40)


def test_inspections_counted_in_times_are_enforcement_acts_and_their_plans_are_not():
    text = "全区各执法单位共开展行政检查2400次。制定行政检查计划350个。"
    assert [c for c, _v in codes(text)] == ["enforcement_cases", codes(text)[1][0]]
    assert codes(text)[1][0] != "enforcement_cases"


# Totals and bases ---------------------------------------------------------------------


HEARINGS = (
    "全市法院共开庭审理行政案件137件，行政机关负责人出庭123件，出庭应诉率为89.78%。"
    "其中，一审案件开庭95件，出庭82件，负责人出庭应诉率86.32%。"
)


def test_a_sentence_opening_qizhong_breaks_down_the_total_of_its_first_parts_kind():
    assert [c for c, v in codes(HEARINGS) if v == 95] == ["litig_hearings"]
    (s,) = [r for r in rels(HEARINGS, "sum") if r["part_quotes"] and r["part_quotes"][0].endswith("95件")]
    assert s["total_quote"].endswith("137件") and s["partial"]


def test_a_rate_takes_its_base_from_its_own_sentence_before_an_earlier_total():
    (r,) = [r for r in rels(HEARINGS, "rate") if r["stated"] == 86.32]
    assert r["consistent"] and r["denominator_quote"].endswith("95件") and r["numerator_quote"].endswith("82件")


def test_categories_of_a_reconsideration_breakdown_are_not_enforcement_acts():
    text = "全年受理行政复议案件430件，从案件类型看，行政处罚类案件112件，行政征收类案件90件，其他类案件228件。"
    assert [c for c, v in codes(text) if v == 112] != ["enforcement_cases"]
    assert codes("全县行政执法机关办理行政处罚案件1200件。")[0] == ("enforcement_cases", 1200)


def test_two_outcomes_counted_together_are_neither_outcome():
    text = "全年共审结行政复议案件422件。结果为：撤销和确认违法65件，维持201件。"
    assert [c for c, v in codes(text) if v == 65][0].startswith("other:")
    assert [c for c, v in codes(text) if v == 201] == ["recon_upheld"]


def test_a_requirement_for_each_village_is_not_a_count():
    assert not [v for _c, v in codes("确保每个行政村有3名以上法律明白人。")]


def test_the_reports_parts_in_digits_are_structure():
    assert not [v for _c, v in codes("本报告包括总体情况、其他需要报告的事项6个部分。")]


# Breakdowns closed by "the rest" ------------------------------------------------------

CLOSED = "全年受理行政复议案件430件，从被申请人情况看，乡镇政府36件，县政府130件，县级政府部门252件，其他8件。"


def test_a_breakdown_closed_by_the_rest_that_exceeds_its_total_is_wrong():
    (s,) = [r for r in rels(CLOSED, "sum") if r["total_quote"].endswith("430件")]
    assert not s["consistent"] and s["sum_of_parts"] == 426


def test_a_breakdown_closed_by_the_rest_that_makes_its_total_is_consistent():
    text = CLOSED.replace("其他8件", "其他12件")
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("430件")]
    assert s["consistent"] and s["sum_of_parts"] == 430


def test_an_open_breakdown_or_one_whose_sum_is_another_count_is_not_judged():
    assert [r for r in rels(CLOSED.replace("其他8件", "人社局8件")) if not r["consistent"]] == []
    text = "全年收到行政复议申请426件，受理430件，从被申请人情况看，乡镇政府36件，县政府130件，县级政府部门252件，其他8件。"
    assert [r for r in rels(text) if not r["consistent"]] == []


def test_a_bare_share_paragraphs_after_the_total_it_fits_is_over_that_total():
    text = (
        "全年受理一审行政案件8406件，审结8000件。\n"
        "被告方面，以区级行政机关为被告的案件占比较大，为6858件，占81.6%。\n"
    )
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 81.6]
    assert r["consistent"] and r["denominator_quote"].endswith("8406件")


def test_a_bare_share_that_fits_no_earlier_total_keeps_its_implied_base():
    text = "全年受理一审行政案件9000件。\n被告方面，以区级行政机关为被告的案件为6858件，占81.6%。\n"
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 81.6]
    assert r["denominator_quote"] is None and r["implied_denominator"] == 8404


def test_lists_of_services_other_than_government_services_are_not_service_items():
    assert codes("全区共梳理政务服务事项1200项。")[0] == ("service_items", 1200)
    assert codes("推出141项便民服务事项。")[0][0] != "service_items"
    assert codes("实现48个毗邻区县公共服务事项跨区通办。")[0][0] != "service_items"


def test_a_rate_of_mediation_and_withdrawal_is_not_the_mediation_rate():
    assert codes("全市行政复议案件调撤率达31.56%。")[0][0] != "recon_mediation_rate"
    assert codes("全市行政复议调解和解率达31.56%。")[0] == ("recon_mediation_rate", Decimal("31.56"))


def test_reconsideration_cases_handled_are_not_those_accepted():
    assert codes("全国各级行政复议机关依法办理行政复议案件25.7万件。")[0][0] != "recon_accepted"


def test_the_people_and_sessions_of_publicity_are_its_audience_and_events():
    text = "全年开展普法宣传1.1万余场次，覆盖群众3100万人次。"
    assert [c for c, _v in codes(text)] == ["publicity_events", "publicity_audience"]
    # 覆盖 outside 普法 is no audience.
    assert codes("全县公共法律服务站点覆盖120个村。")[0][0] != "publicity_audience"


def test_cases_an_enforcement_body_investigates_are_enforcement_acts():
    text = "市场监管部门强化执法，查处食品案件742件，开展执法检查5346次。"
    assert [c for c, _v in codes(text)] == ["enforcement_cases", "enforcement_cases"]


def test_counts_a_parenthesis_lists_after_a_count_and_that_make_it_are_its_breakdown():
    text = "以公安和交通支队为被申请人的行政处罚类案件213件（交通支队及其大队84件，区公安分局及派出所129件）。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("213件")]
    assert s["consistent"] and s["sum_of_parts"] == 213
    # Parts that do not make it are only a selection, never a verdict.
    (s,) = [r for r in rels(text.replace("129件", "120件"), "sum") if r["total_quote"].endswith("213件")]
    assert s["partial"] and s["consistent"]


def test_files_counted_in_fen_break_down_into_cases():
    text = "全年共接收审查归档案卷3927份，其中法律援助案件1414件，法律帮助案件2513件。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("3927份")]
    assert s["consistent"] and s["sum_of_parts"] == 3927


def test_correcting_outcomes_named_as_a_kind_count_the_corrections():
    text = "全区行政复议机关审结案件1200件，作出撤销、变更、责令履行、确认违法等决定的180件。"
    assert [c for c, v in codes(text) if v == 180] == ["recon_corrected"]
    text = "全区行政复议机关审结案件1200件，通过撤销、变更、责令履行方式纠错180件。"
    assert [c for c, v in codes(text) if v == 180] == ["recon_corrected"]


def test_a_comprehensive_correction_rate_is_not_the_catalogues():
    assert codes("全区行政复议综合纠错率为39.09%。")[0][0] != "recon_correction_rate"


def test_mediation_bodies_of_every_kind_are_not_peoples_mediation_committees():
    assert codes("全市共建成各类调解组织1176个。")[0][0] != "mediation_committees"
    assert codes("全市共有人民调解组织268个。")[0] == ("mediation_committees", 268)
    assert codes("全市共有人民调解委员会268个。")[0] == ("mediation_committees", 268)


def test_filing_reviews_kept_documents_and_appeals_in_a_disclosure_report():
    assert codes("全年审查备案行政规范性文件52件。")[0][0] != "normdoc_reviewed"
    assert codes("开展规范性文件清理，继续有效的规范性文件16件。")[0] == ("normdoc_cleanup_kept", 16)
    text = "本年度政府信息公开工作中，因依申请公开产生行政复议及行政诉讼0件。"
    assert codes(text)[0][0].startswith("other:")


def test_a_period_said_once_before_the_counts_is_theirs_and_a_truncated_rate_is_wrong():
    text = "截至目前，共建立人民调解委员会14420个。2018年以来，全区受理人民调解案件295980件，成功调解293845件，调解成功率99.27%。"
    (r,) = [r for r in rels(text) if r["kind"] == "rate"]
    assert not r["consistent"] and r["computed"] == 99.28


def test_two_periods_around_a_rate_leave_it_unjudged():
    text = "2018年以来累计受理人民调解案件295980件，2023年成功调解293845件，调解成功率99.27%。"
    assert [r for r in rels(text) if not r["consistent"]] == []


def test_rates_that_all_reach_one_value_with_daoda_are_one_figure_each():
    got = codes("干部职工参加学法考法，参学率、报考率、参考率、通过率均到达100%。")
    assert [v for c, v in got if c.startswith("other:") and v == 100] == [100] * 4


def test_a_share_over_another_base_than_the_catalogue_rates_is_not_that_rate():
    text = "全区受理行政复议案件16245件，作出撤销、变更、责令履行、确认违法等决定的604件，占受理总数的3.72%。"
    assert [c for c, v in codes(text) if v == Decimal("3.72")][0] != "recon_correction_rate"
    text = "全区审结行政复议案件1000件，纠错120件，纠错率12%。"
    assert [c for c, v in codes(text) if v == 12] == ["recon_correction_rate"]


def test_the_disclosure_tables_repealed_column_is_not_a_cleanup():
    text = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t3\t10\n"
    assert [c for c, v in codes(text) if v == 3] == ["other:normdoc_repealed"]


def test_trainees_named_before_the_training_and_penalty_cases_by_procedure():
    assert codes("组织全县685名执法人员参加公共法律知识培训。")[0] == ("enforcers_trained", 685)
    text = "街道综合行政执法队开展行政检查30次，简易程序9起、普通程序13起。"
    assert [c for c, _v in codes(text)] == ["enforcement_cases"] * 3


def test_a_part_a_parenthesis_names_stays_within_its_count():
    text = "全区共有持证执法人员2841名（一线执法1862名），注销执法证411人。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("2841名")]
    assert s["partial"] and s["consistent"] and s["sum_of_parts"] == 1862


GRADES = (
    "全市从8大执法领域中抽取案卷80卷进行评查。\n"
    "此次评查确定优秀案卷24件，良好案卷41件，合格案卷12件，不合格案卷3件，"
    "优秀率占比30%，良好率占比51%，合格率占比15%，不合格率占比4%。\n"
)


def test_a_named_share_is_of_the_count_its_name_opens_and_over_the_total_it_fits():
    rates = rels(GRADES, "rate")
    assert [(r["numerator_quote"][-5:], r["stated"]) for r in rates] == [
        ("案卷24件", 30),
        ("案卷41件", 51),
        ("案卷12件", 15),
        ("格案卷3件", 4),
    ]
    assert rates[3]["numerator_quote"].endswith("不合格案卷3件")
    assert all(r["consistent"] and r["denominator_quote"].endswith("80卷") for r in rates)


def test_named_rates_given_respectively_are_each_judged_by_their_names():
    text = "全市调解组织共排查受理矛盾纠纷1768件，调处1717件，调解成功1696件，调处率、成功率分别为97.1%和98.8%。"
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 98.8]
    assert r["consistent"] and r["numerator_quote"].endswith("1696件") and r["denominator_quote"].endswith("1717件")


ONE_LINE = (
    "（一）行政复议情况。共收到行政复议申请31件。食品类案件25件，占案件总数的80.65%，"
    "行政处罚类案件6件，占案件总数的19.35%。（二）行政应诉情况。参加行政诉讼12件，其中一审案件9件。"
    "一审案件中，注册登记类案件3件，占案件总数的33.32%；食品类案件2件，占案件总数的22.22%；"
    "质量标准类案件2件，占案件总数的22.22%；价格类案件1件，占案件总数的11.12%。\n"
)


def test_a_share_far_from_the_base_its_siblings_fit_is_not_called_wrong():
    # The later shares are of the 9 first-instance cases, not of the 31 applications.
    assert [r["denominator_quote"][-2:] for r in rels(ONE_LINE) if not r["consistent"]] == ["9件", "9件"]


def test_a_share_that_misses_its_siblings_base_by_rounding_is_still_wrong():
    text = (
        "共收到行政复议申请31件。食品类案件25件，占案件总数的80.65%，行政处罚类案件5件，"
        "占案件总数的16.13%，化妆品类案件1件，占案件总数的3.22%。\n"
    )
    (bad,) = [r for r in rels(text) if not r["consistent"]]
    assert bad["stated"] == 3.22 and bad["computed"] == 3.23


def test_a_sentence_opening_with_the_cases_it_speaks_of_names_its_shares_base():
    rates = [r for r in rels(ONE_LINE, "rate") if r["stated"] in (22.22, 33.32, 11.12)]
    assert [(r["stated"], r["consistent"], (r["denominator_quote"] or "")[-2:]) for r in rates] == [
        (33.32, False, "9件"),  # 3÷9 = 33.33%: the shares were forced to add to 100
        (22.22, True, "9件"),
        (22.22, True, "9件"),
        (11.12, False, "9件"),
    ]


def test_documents_newly_made_in_the_old_disclosure_table_are_documents_issued():
    text = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数\n规章\t0\t0\t0\n规范性文件\t3\t2\t10\n"
    assert [c for c, v in codes(text) if v == 3] == ["normdoc_issued"]


def test_a_run_later_in_the_sentence_that_makes_the_total_exactly_is_its_breakdown():
    text = (
        "我省共调解纠纷19.2万件，调解成功率为98.4%，排查纠纷8.6万次；主动调解6.3万件，"
        "依申请调解10.8万件，受委托移送调解纠纷共2.1万件。"
    )
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("19.2万件") and not r["partial"]]
    assert s["consistent"] and s["sum_of_parts"] == 192000 and len(s["part_quotes"]) == 3
    # A run that falls short is nothing at all.
    assert not [r for r in rels(text.replace("2.1万", "2.0万"), "sum") if len(r["part_quotes"]) == 3]


def test_a_share_of_the_above_categories_is_of_their_sum():
    text = (
        "2023年共新接收行政诉讼案件264件，审结264件。从行政管理领域看，收案数位列前三位的分别是"
        "劳动和社会保障行政管理126件、城建41件、公安10件，上述三类案件占到收案总数的67.05%。"
    )
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 67.05]
    assert r["consistent"] and r["numerator_quote"] is None and "新接收" in r["denominator_quote"]
    assert not [v for _c, v in codes(text) if v == 3]  # 上述三类 refers back, it counts nothing


def test_a_breakdown_looks_past_a_count_with_no_code_for_its_total():
    text = (
        "2023年共新接收行政诉讼案件264件，审结264件。从行政管理领域看，收案数位列前三位的分别是"
        "劳动和社会保障行政管理126件、城建41件、公安10件。"
    )
    assert [c for c, v in codes(text) if v in (126, 41, 10)] == ["litig_cases"] * 3


def test_a_change_given_with_its_difference_is_over_the_earlier_count():
    text = "一季度全市共排查矛盾纠纷8451件，比去年同期增加281件，同比上升3.44%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["numerator_quote"].endswith("281件") and r["implied_denominator"] == 8170
    # A change that does not fit the count less its difference is left unjudged.
    assert [r for r in rels(text.replace("3.44%", "5.2%")) if not r["consistent"]] == []


def test_a_change_given_with_only_its_difference_implies_the_earlier_count():
    text = "受理的矛盾纠纷总数比去年同期增加281件，同比上升3.44%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["denominator_quote"] is None and r["implied_denominator"] == 8169


# False 不符 the test batches raised (t1, t2), rebuilt in sentences of our own --------


def test_a_multiple_is_never_a_base():
    text = (
        "全年受理复议案件73件，是去年的6倍。作出终止决定13件，其中，经调解后达成和解协议的4件，"
        "申请人自愿撤回复议申请的9件，占案件受理总数的17.8%。"
    )
    assert [r for r in rels(text) if not r["consistent"]] == []
    assert not [c for c, v in codes(text) if v == 6 and not c.startswith("other:")]


def test_a_kind_count_before_the_noun_is_not_a_shares_count_and_a_base_read_elsewhere_may_be_wrong():
    text = (
        "全年有4590件一审行政案件以调解方式结案。自试点以来全省基层法院新收1344件四类下沉行政案件，"
        "占同期全省中级人民法院一审行政案件收案数的60.4%。"
    )
    assert [r for r in rels(text) if not r["consistent"]] == []


def test_the_seeds_wrong_base_is_still_called_wrong():
    text = "我县共收到行政复议案件87件，受理行政复议案件数量为28件。经调解结案的37件，占全部案件受理量的42.53%。"
    (bad,) = [r for r in rels(text) if not r["consistent"]]
    assert bad["denominator_quote"].endswith("28件") and "87件" in bad["note"]
