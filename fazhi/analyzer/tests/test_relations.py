from decimal import Decimal

from fazhi.analyzer.relations import rate_fits
from fazhi.analyzer.report import analyze_text


def relations(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations]


def test_a_rate_that_fits_its_counts_after_rounding_is_consistent():
    (r,) = relations("全县共调处各类矛盾纠纷1047件，调处成功951件，调解成功率91%。")
    assert (r["kind"], r["computed"], r["consistent"]) == ("rate", 90.83, True)
    assert r["numerator_quote"].endswith("951件") and r["denominator_quote"].endswith("1047件")


def test_a_rate_over_the_wrong_denominator_is_flagged_with_the_figure_it_does_fit():
    text = (
        "我县共收到行政复议案件87件，受理行政复议案件数量为28件。"
        "经调解结案的37件，占全部案件受理量的42.53%。"
    )
    rels = [r for r in relations(text) if r["kind"] == "rate"]
    wrong = next(r for r in rels if not r["consistent"])
    assert wrong["denominator_quote"].endswith("28件") and wrong["computed"] == 132.14
    assert wrong["fits_instead"] and wrong["fits_instead"][0].endswith("87件")
    right = next(r for r in rels if r["consistent"])
    assert right["denominator_quote"].endswith("87件") and right["computed"] == 42.53


def test_a_rate_without_a_denominator_is_checked_against_the_nearest_whole_total():
    rels = relations("办结人大代表议案建议64件、办结率92.7%，政协委员提案61件，办结率92.4%。")
    assert [(r["implied_denominator"], r["computed"], r["consistent"]) for r in rels] == [
        (69, 92.75, False),
        (66, 92.42, True),
    ]


def test_a_rate_with_no_count_is_not_a_relation():
    assert relations("县政府共有行政应诉案件6件，出庭应诉率100%。") == []


def test_outcomes_that_do_not_add_up_to_the_total_are_inconsistent():
    text = "收到行政复议申请40件，受理行政复议案件28件，经审理，终止7起，驳回4起，撤销5起，维持4件，确认违法3件。"
    sums = [r for r in relations(text) if r["kind"] == "sum"]
    assert [(r["stated_total"], r["sum_of_parts"], r["consistent"]) for r in sums] == [
        (28, 23, False)
    ]


def test_a_qizhong_selection_only_must_not_exceed_its_total():
    ok = [r for r in relations("受理法律援助案件232件，其中农民工134件。") if r["kind"] == "sum"]
    assert [(r["partial"], r["consistent"]) for r in ok] == [(True, True)]
    bad = [r for r in relations("受理法律援助案件232件，其中农民工234件。") if r["kind"] == "sum"]
    assert [r["consistent"] for r in bad] == [False]


def test_a_part_of_another_kind_larger_than_the_total_is_no_inconsistency():
    # The 30 workers taken into the mediators' ranks are not the total of the mediators
    # counted after them: a part of another code proves nothing about the total.
    text = (
        "加强业务培训,打造专业调解队伍。将30名基层法律服务工作者吸纳到人民调解队伍中,"
        "全县共评定等级调解员280名,吸纳优秀调解员400名,为调解提供人才支撑。"
    )
    assert not [r for r in relations(text) if not r["consistent"]]


def test_an_exhaustive_qizhong_list_that_adds_up_is_consistent_and_not_partial():
    text = "全县共建各类调委会122个，其中行业调委会5个、乡镇人民调委会9个、村人民调委会108个，人民调解员445人。"
    (r,) = [r for r in relations(text) if r["kind"] == "sum"]
    assert (r["sum_of_parts"], r["partial"], r["consistent"]) == (122, False, True)
    assert len(r["part_quotes"]) == 3


def test_the_corrected_total_is_implied_from_its_parts():
    text = "受理行政复议案件20件，经审理，撤销5起，确认违法3件。"
    implied = [r for r in relations(text) if r["kind"] == "implied"]
    assert [(r["indicator"], r["sum_of_parts"]) for r in implied] == [("recon_corrected", 8)]


def test_rounding_follows_the_stated_number_of_decimals():
    assert rate_fits(Decimal(645), Decimal(655), Decimal("98.5")) == (Decimal("98.47"), True)
    assert rate_fits(Decimal(64), Decimal(69), Decimal("92.7")) == (Decimal("92.75"), False)
    assert rate_fits(Decimal(55), Decimal(58), Decimal(95)) == (Decimal("94.83"), True)


def test_a_completion_rate_after_a_count_not_said_to_be_concluded_has_no_numerator():
    assert relations("承办人大代表建议64件，办结率92.7%。") == []


def test_a_list_closed_by_the_rest_that_exceeds_its_total_is_inconsistent():
    text = "全年公开各类政府信息共计500条，包括：人事信息12条，政务动态300条，公告公示100条，其他类信息188条。"
    (r,) = [r for r in relations(text) if r["kind"] == "sum"]
    assert not r["consistent"] and r["sum_of_parts"] == 600 and "其他类信息" in r["note"]
    # Without "the rest" closing it, the list may overlap: no verdict.
    text = "全年公开各类政府信息共计500条，包括：人事信息12条，政务动态300条，公告公示100条，政策解读188条。"
    assert [r for r in relations(text) if r["kind"] == "sum"] == []


def test_a_share_naming_the_total_is_never_over_a_part_of_a_breakdown():
    # The breakdown's 其他2件 takes the total's code; 占收到申请的 still means the 60.
    text = (
        "全年共收到行政复议申请60件。从行政复议案件类别看，公安30件，国土资源12件，物价2件，其他2件。"
        "经审查，立案受理45件，占收到申请的75%；不予受理10件，占收到申请的16.7%；作其他处理5件，占收到申请的8.4%。"
    )
    rates = [r for r in relations(text) if r["kind"] == "rate"]
    assert {r["denominator_quote"] for r in rates} == {"全年共收到行政复议申请60件"}
    assert [r["consistent"] for r in rates] == [True, True, False]  # 5 ÷ 60 = 8.33%


def test_a_share_naming_the_total_finds_it_at_the_head_of_a_long_paragraph():
    breakdowns = "从申请人的情况看，公民提出申请50件，法人和其他组织提出申请10件。" * 8
    text = (
        f"全年共收到行政复议申请60件。{breakdowns}"
        "经审查，立案受理45件，占收到申请的75%；不予受理10件，占收到申请的16.7%。"
    )
    rates = [r for r in relations(text) if r["kind"] == "rate"]
    assert [(r["denominator_quote"], r["consistent"]) for r in rates] == [
        ("全年共收到行政复议申请60件", True),
        ("全年共收到行政复议申请60件", True),
    ]


def test_a_share_that_misfits_the_base_its_siblings_fit_is_inconsistent():
    text = (
        "全年共收到行政复议申请500件，经审查后受理430件。从案件类型看，其中行政处罚类案件为112件，"
        "占案件总数的26%；行政确权类案件为98件，占案件总数的22.7%；行政征收类案件为90件，占案件总数的20.9%。"
    )
    rates = [r for r in relations(text) if r["kind"] == "rate"]
    assert [(r["numerator_quote"][-4:], r["consistent"]) for r in rates] == [
        ("112件", True), ("为98件", False), ("为90件", True)
    ]
    assert {r["denominator_quote"] for r in rates} == {"经审查后受理430件"}
    # With one sibling only, the base is not proven: no verdict.
    text = "经审查后受理430件。其中行政处罚类案件为112件，占案件总数的26%；行政确权类案件为98件，占案件总数的22.7%。"
    assert [r["consistent"] for r in relations(text) if r["kind"] == "rate"] == [True]


def test_a_breakdown_by_kind_that_makes_its_total_is_a_consistent_sum():
    text = (
        "全年共收到行政复议申请63件。从申请人的情况看，公民提出行政复议申请52件，法人和其他组织提出行政复议申请11件。"
        "引发争议的行为居于前五位的是：从申请事项看，不服行政处罚的25件，不服行政强制措施的12件。"
    )
    (s,) = [r for r in relations(text) if r["kind"] == "sum"]
    assert s["consistent"] and not s["partial"] and s["sum_of_parts"] == 63 and len(s["part_quotes"]) == 2
