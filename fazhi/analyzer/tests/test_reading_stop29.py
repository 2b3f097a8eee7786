"""Readings added in stop 29, each on sentences of our own."""

from decimal import Decimal

from fazhi.analyzer.report import analyze_text


def codes(text):
    return [(f.indicator, f.value) for f in analyze_text(text).figures]


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


# A list's item is not its total ------------------------------------------------------


def test_an_item_of_a_list_is_not_the_total_of_the_items_after_it():
    text = (
        "受理的案件中，行政不作为类案件30件，信息公开类案件27件，举报投诉处理类案件9件，"
        "行政许可8件，其他类案件10件。"
    )
    assert not [r for r in rels(text, "sum") if r["total_quote"].endswith("27件")]


def test_a_total_named_otherwise_than_its_parts_still_takes_its_run():
    text = "共调解纠纷1900件，主动调解630件，依申请调解1080件，移送调解纠纷共190件。"
    assert [r["sum_of_parts"] for r in rels(text, "sum")] == [1900]


# Dates ---------------------------------------------------------------------------------


def test_a_datelines_day_and_a_dashed_date_are_no_figures():
    assert [v for _c, v in codes("本报28日讯 全省法院共受理行政案件1200件。")] == [1200]
    assert all(v != 29 for _c, v in codes("发布日期:2026-01-29    点击数:\n主动公开政府信息300条。"))
    assert all(v != 3 for _c, v in codes("新华社北京3日电 全国共办理法律援助案件150万件。"))


# A court's docket -------------------------------------------------------------------


def test_a_courts_intake_by_instance_is_its_docket_not_the_governments_caseload():
    assert codes("2020年，全市法院受理一审行政案件5109件。") == [("other:court_admin_cases", 5109)]
    assert codes("2024年，两级法院新收一审行政案件240件。") == [("other:court_admin_cases", 240)]
    # The government's own lawsuits by instance stay its caseload.
    assert codes("县政府作为被告的一审行政案件12件。") == [("litig_cases", 12)]


# A 其中 list that goes on past ； ------------------------------------------------------


def test_a_list_that_goes_on_past_a_semicolon_and_makes_its_total_is_its_breakdown():
    text = (
        "主动公开政府信息300条，其中规章10条、行政规范性文件20条；工作报告2条（中英文各1条）、"
        "预决算信息8条、政务动态类信息260条。"
    )
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("300条")]
    assert s["consistent"] and not s["partial"] and s["sum_of_parts"] == 300
    assert len(s["part_quotes"]) == 5  # the parenthesis's 各1条 is no part
    assert [c for c, v in codes(text) if v == 260] == ["disclosure_proactive"]


def test_a_list_whose_later_counts_do_not_make_the_rest_stays_a_selection():
    text = "主动公开政府信息300条，其中规章10条、行政规范性文件20条；工作报告2条、政务动态类信息200条。"
    (s,) = [r for r in rels(text, "sum") if r["total_quote"].endswith("300条")]
    assert s["partial"] and s["sum_of_parts"] == 30


def test_a_captions_number_and_a_hotlines_number_are_no_figures():
    assert codes("图2：2021-2022年行政诉讼一审案件收结案比较图") == []
    assert all(v != 12348 for _c, v in codes("12348天津法网查询浏览量达5万人次。"))
    # A count that happens to equal a hotline's number inside a longer number is kept.
    assert ("disclosure_proactive", 123480) in codes("主动公开政府信息123480条。")


def test_new_media_that_disclose_proactively_count_proactive_disclosure():
    assert codes("通过政府网站、各类政务新媒体主动公开各类政府信息14000余条。") == [("disclosure_proactive", 14000)]
    assert codes("政务公开方面，通过微信公众号发布政务信息120条。") == [("other:new_media_posts", 120)]


# A share of a 其中 part that slips in its last digit -----------------------------------


def test_a_bare_share_after_a_part_that_slips_in_its_last_digit_is_inconsistent():
    text = "收到政府信息公开申请50件，其中自然人申请48件，占比96%；答复47件，答复率94%，其中予以公开46件，占比97.8%；结转3件。"
    (bad,) = [r for r in rels(text) if not r["consistent"]]
    assert bad["rate_quote"] == "占比97.8%" and bad["denominator_quote"] == "答复47件"
    assert "截断" in bad["note"]


def test_a_bare_share_after_a_part_that_misses_by_more_is_left_unjudged():
    # 46÷47 = 97.87%: 95.7% is not a slip of the last digit; the base may be another.
    text = "收到政府信息公开申请50件，答复47件，答复率94%，其中予以公开46件，占比95.7%；结转3件。"
    assert [r for r in rels(text) if not r["consistent"]] == []


def test_a_whole_number_share_is_too_coarse_for_a_near_miss():
    text = "受理申请50件，答复47件，其中予以公开46件，占比97%；结转3件。"
    assert [r for r in rels(text) if not r["consistent"]] == []


# How lawsuits ended, and lawsuits that are not against the government ------------------


def test_how_lawsuits_ended_is_not_the_caseload():
    got = codes("新收应诉170件，其中一审129件，二审42件，驳回起诉54件，驳回上诉25件，撤回起诉30件。")
    assert got[:3] == [("litig_cases", 170), ("litig_cases", 129), ("litig_cases", 42)]
    assert [c for c, _v in got[3:]] == ["other:litig_outcome"] * 3
    assert codes("调撤一审行政诉讼案件102件。") == [("other:litig_outcome", 102)]


def test_civil_suits_are_not_lawsuits_against_the_government():
    assert codes("年度新收民事诉讼案件7340件。") == [("other:case_kind", 7340)]


# Parts that exceed their total by a little ---------------------------------------------


def test_kinds_of_one_total_that_exceed_it_by_a_little_are_inconsistent():
    text = "全年发布政策解读总量达126件，其中文字解读66件，图表图解51件，问答解读13件。"
    (s,) = rels(text, "sum")
    assert not s["consistent"] and s["sum_of_parts"] == 130 and s["confidence"] == "较确定"


def test_groups_that_may_overlap_or_rounded_counts_or_a_far_overrun_are_left_unjudged():
    overlapping = "办理法律援助案件500件，其中农民工案件200件，老年人案件150件，未成年人案件160件。"
    rounded = "全年主动公开政府信息6.09万条，其中通过政府网站公开2.01万条，通过政务新媒体公开0.34万条，通过公开栏公开3.75万条。"
    far = "全年发布政策解读总量达100件，其中文字解读66件，图表图解51件，问答解读13件。"
    crossing = "受理复议案件100件，其中涉企案件40件，行政处罚类案件62件。"
    for text in (overlapping, rounded, far, crossing):
        assert [r for r in rels(text) if not r["consistent"]] == [], text


def test_the_day_an_event_took_place_and_a_slogans_minutes_are_no_figures():
    assert [v for _c, v in codes("广东省高级人民法院16日发布白皮书，全省法院共审结一审行政案件22910件。")] == [22910]
    assert [v for _c, v in codes("打造15分钟公共法律服务圈，发放“15分钟法律服务圈”宣传折页7000余份。")] == [7000]
    # A duration stays a figure.
    assert [v for _c, v in codes("案件平均办理时间缩短15分钟。")] == [15]


def test_a_list_after_joined_counts_may_break_down_their_sum():
    text = "因政府信息公开申请被行政复议2宗、行政诉讼1宗，其中2宗维持原答复，1宗尚未审结。"
    assert [r for r in rels(text) if not r["consistent"]] == []
    # A part over a single total is still 不符.
    assert [r["stated_total"] for r in rels("受理复议案件5件，其中维持8件。") if not r["consistent"]] == [5]


def test_items_of_information_about_proposals_or_disputes_are_information():
    got = codes("公开人大代表建议及政协委员提案答复信息845条，财政预决算信息52条。掌握纠纷信息60余条。")
    assert [c for c, v in got if v in (845, 60)] == ["other:information_items"] * 2
    assert all(c.startswith("other:") for c, _v in got)


def test_a_courts_judgments_against_the_government_are_losses_whatever_the_outcomes_named():
    text = "行政复议案件数量前五的领域占81.27%。全省法院以确认违法、撤销、变更、责令履行方式判决行政机关败诉1235件。"
    assert ("litig_lost", 1235) in codes(text)


def test_a_list_of_semicolon_items_ends_before_the_items_that_overrun_its_total():
    text = (
        "全面公开政府信息3800余条。其中通过政府网站公开政府信息2000余条；通过政务新媒体公开信息1800余条；"
        "出版《政府公报》3期，公开信息96条。"
    )
    got = codes(text)
    assert ("disclosure_proactive", 1800) in got  # a part of the total, though posted on new media
    (s,) = rels(text, "sum")
    assert s["sum_of_parts"] == 3800 and len(s["part_quotes"]) == 2


def test_calls_courses_and_incidental_reviews_are_read_as_such():
    assert [
        v for _c, v in codes("12348热线话务量仅166通，上升至日均接近2000通。")
    ] == [166, 2000]
    assert codes("在市委党校主体班开设法治课程48场。") == [("other:law_courses", 48)]
    assert codes("举办法治专题讲座5期。") == [("publicity_lectures", 5)]
    assert codes("附带审查规范性文件8608件。") == [("other:incidental_review", 8608)]


def test_a_courts_docket_where_the_court_is_the_topic_just_before():
    text = "2020年，全省法院认真履行审判职能。全年受理行政诉讼案件37245件，审结行政诉讼案件35000件。"
    assert codes(text) == [("other:court_admin_cases", 37245), ("other:court_closed", 35000)]
    # A government's own report that mentions a court keeps its caseload.
    assert codes("全县行政机关共应诉案件80件，法院判决败诉3件。") == [("litig_cases", 80), ("litig_lost", 3)]


def test_kinds_of_power_counted_in_items_are_matters_and_a_power_list_breaks_down():
    got = codes("长沙县共有执法事项6432项，其中行政许可333项、行政处罚4670项。")
    assert [c for c, _v in got[1:]] == ["other:enforcement_matters"] * 2
    got = codes("拉萨市政府工作部门权力和责任清单事项3974项，其中，行政许可245项，行政处罚2773项。")
    assert [c for c, _v in got] == ["power_list_items"] * 3
    # Acts done stay enforcement acts.
    assert codes("全县行政执法机关共作出行政处罚1200件。")[0][0] == "enforcement_cases"


def test_a_list_whose_first_items_make_the_total_ends_where_its_separator_changes():
    text = (
        "2023年度主动公开政府信息5648条。其中，信息公开目录信息4804条、政务动态信息838条、概况类信息6条，"
        "互动交流留言收到1465条、办结1213条。"
    )
    (s,) = rels(text, "sum")
    assert s["consistent"] and s["sum_of_parts"] == 5648 and len(s["part_quotes"]) == 3
    assert ("disclosure_proactive", 1465) not in codes(text)
    # Two breakdowns of one total apart by commas stay one list (by source, by kind).
    text = "政府网站共发布信息4034条，其中政务信息2657条，县直及各乡镇1377条，政策解读24条，人事和招聘信息92条。"
    assert ("disclosure_proactive", 24) in codes(text)


def test_documents_disclosed_are_documents_unless_listed_under_the_disclosure_total():
    assert codes("全年主动公开规范性文件20份，主动公开政府信息3000条。") == [
        ("other:proactive_documents", 20),
        ("disclosure_proactive", 3000),
    ]
    got = codes("主动公开政府信息300条，其中规章10条、行政规范性文件8件、其他文件102件。")
    assert [c for c, _v in got] == ["disclosure_proactive"] * 4


def test_a_count_opening_a_parenthesis_is_named_by_the_words_before_it():
    text = "2023年，全县共实施各类行政执法行为840948件，主要集中在行政处罚（122085件）、行政许可（114152件）。"
    assert [c for c, _v in codes(text)] == ["enforcement_cases"] * 3
    # A parenthesis that qualifies a name keeps the count after it.
    assert codes("全市法院审结行政案件1200件（含旧存100件）。")[0] == ("other:court_closed", 1200)


def test_a_court_speaking_of_itself_and_of_both_instances_counts_its_docket():
    assert codes("我院受理一审行政诉讼案件123件。") == [("other:court_admin_cases", 123)]
    assert codes("全省法院共受理一、二审行政案件5890件。") == [("other:court_admin_cases", 5890)]


# Lists closed by 其他 and bases the 占 names by their words -------------------------------


def test_a_qizhong_list_closed_by_the_rest_that_falls_short_is_inconsistent():
    text = "权力和责任清单事项400项，其中，行政许可100项，行政处罚200项，行政强制50项，其他类40项。"
    (s,) = rels(text, "sum")
    assert not s["consistent"] and s["sum_of_parts"] == 390
    # Without "the rest" it is a selection.
    (s,) = rels(text.replace("其他类40项", "行政检查40项"), "sum")
    assert s["consistent"] and s["partial"]


def test_a_share_whose_words_repeat_an_earlier_counts_own_names_it():
    text = (
        "全省法院共受理行政案件5890件。其中，新收一审行政案件4052件，同比上升44.35%。"
        "新收一审行政案件所涉行政行为类别集中在行政处罚等，共有1806件，占全省新收一审行政案件数的49.90%。"
    )
    bad = [r for r in rels(text) if not r["consistent"]]
    assert [r["stated"] for r in bad] == [49.9] and bad[0]["denominator_quote"].endswith("新收一审行政案件4052件")
    # Words that name no count of the text leave it unjudged.
    assert [r for r in rels(text.replace("占全省新收一审行政案件数", "占全省行政诉讼案件总数")) if not r["consistent"]] == []


def test_a_settlement_rate_is_over_the_lawsuits_concluded():
    text = "全省法院共审结一审行政案件4729件。一审行政案件以调解撤诉方式结案999件，案件调撤率21.12%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["denominator_quote"].endswith("4729件") and "指标目录" not in r["note"]
    text = "全年应诉案件80件，审结70件，其中撤诉14件，撤诉率25%。"
    assert [r["stated"] for r in rels(text, "rate") if not r["consistent"]] == [25]


def test_a_rate_named_by_its_count_finds_its_total_a_paragraph_back():
    text = "2018年我院受理一审行政诉讼案件123件，审结117件。\n就全年审结的案件按裁判结果划分，判决行政机关胜诉案件43件，胜诉率37%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["denominator_quote"].endswith("117件") and "胜诉率未写明总数" in r["note"]


def test_averages_and_mediators_of_a_rank_are_not_the_catalogues_counts():
    got = codes("全区共评定首席调解员122名，一级调解员535名，全市共有人民调解员5000名。各调委会配备专职调解员平均达到1.26名。")
    assert got == [
        ("other:ranked_mediators", 122),
        ("other:ranked_mediators", 535),
        ("mediators", 5000),
        ("other:average", Decimal("1.26")),
    ]


def test_a_count_of_successes_is_not_the_count_of_a_rate_that_does_not_say_success():
    text = "全镇各级调解组织共调解民间纠纷1852件，调解成功1818起，调解率达100%，调解成功率达98.2%。"
    assert [r for r in rels(text) if not r["consistent"]] == []
    assert [r["stated"] for r in rels(text, "rate")] == [98.2]


def test_disclosure_updates_requests_and_legal_aid_cases_of_a_kind():
    assert codes("政府信息公开方面，全年更新各类政府信息130023条，概况类信息更新量584条。") == [
        ("disclosure_proactive", 130023),
        ("disclosure_proactive", 584),
    ]
    assert codes("2023年，共收到依申请公开政府信息78件。")[0][0] == "disclosure_requests"
    got = codes("山东受理法援案件106871件。办理法律援助诉讼案件93950件。全年共受理刑事法律援助案件18122件。")
    assert [c for c, _v in got] == ["legal_aid_cases"] * 3


def test_appeals_about_requests_and_published_replies_are_named_as_such():
    text = "共收到669份政府信息公开申请件，其中因信息公开申请引起的行政复议21宗、行政诉讼10宗。"
    assert [c for c, _v in codes(text)][1:] == ["other:disclosure_appeals"] * 2
    got = codes("主动公开人大代表建议及政协委员提案办理结果22条。共办理人大代表建议和政协提案120件。")
    assert got == [("other:information_items", 22), ("cppcc_proposals", 120)]


def test_a_share_over_a_count_that_is_itself_a_part_when_it_is_the_only_one_of_its_kind():
    text = (
        "全市共新收行政复议申请205件，其中市本级新收申请107件（受理98件，不予受理9件），已受理案件办结94件，"
        "作出维持决定的26件，占已审结总数的27.7%；驳回1件，占已审结总数的1.1%。"
    )
    got = [(r["stated"], r["denominator_quote"].endswith("94件")) for r in rels(text, "rate")]
    assert got == [(27.7, True), (1.1, True)]
