"""Code assignment from the clause's subject, numbers as reports write them, and
numerals that are structure, not figures. Invented sentences, several wordings each."""

from decimal import Decimal

import pytest

from fazhi.analyzer.extract import extract_figures
from fazhi.analyzer.numbers import find_numbers


def figs(text):
    return [(f.indicator, f.value, f.unit) for f in extract_figures(text)]


def code_of(text, value):
    found = [f.indicator for f in extract_figures(text) if f.value == Decimal(value)]
    assert len(found) == 1, (text, value, found)
    return found[0]


# Numbers


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("仲裁案件3千余件", 3000, "件", True),
        ("司法鉴定案件10.6万余件", 106000, "件", True),
        ("受理咨询160多万人次", 1600000, "人次", True),
        ("投入1.5千元", 1500, "元", False),
        ("共3百多人", 300, "人", True),
        ("培训两千人次", 2000, "人次", False),
        ("得票23票", 23, "票", False),
        ("综合得分95.5分", Decimal("95.5"), "分", False),
        ("梳理风险12种", 12, "种", False),
        ("压缩至3个工作日", 3, "个工作日", False),
        ("走访企业45家", 45, "家", False),
        ("入户320户", 320, "户", False),
        ("开展宣传35场次", 35, "场次", False),
        ("举办6期", 6, "期", False),
    ],
)
def test_it_reads_multipliers_approximations_and_measure_words(text, value, unit, approx):
    (tok,) = [t for t in find_numbers(text) if t.unit]
    assert (tok.value, tok.unit, tok.approx) == (Decimal(value), unit, approx)


def test_a_range_in_thousands_multiplies_both_ends():
    (tok,) = find_numbers("补贴3-5千元")
    assert (tok.value, tok.high, tok.unit) == (3000, 5000, "元")


def test_a_score_in_points_is_not_a_percentage_point():
    (tok,) = find_numbers("提高3百分点")
    assert (tok.value, tok.unit) == (3, "百分点")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("受理案件与审结案件之比为2.5:1。", Decimal("2.5"), ":1"),
        ("调解员配比2.5∶1。", Decimal("2.5"), ":1"),
        ("律师与案件之比为1:40。", 1, ":40"),
    ],
)
def test_a_ratio_is_one_figure_with_no_catalogue_code(text, value, unit):
    ((code, v, u),) = figs(text)
    assert (v, u) == (value, unit)
    assert code.startswith("other:")


def test_a_time_of_day_is_not_a_ratio():
    assert figs("会议于上午9:30召开。") == []


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("全县行政执法机关共作出行政处罚2100，行政许可3500。", "enforcement_cases", 2100),
        ("全年共审结复议案件4696。", "recon_closed", 4696),
        ("今年共审结行政复议案件812，同比增长。", "recon_closed", 812),
    ],
)
def test_a_count_without_a_measure_word_after_its_noun_is_a_figure(text, code, value):
    assert code_of(text, value) == code


# Structure numerals


@pytest.mark.parametrize(
    "text",
    [
        "压实两个责任，做到两个维护。",
        "树牢四个意识，坚定四个自信。",
        "聚焦三个重点，推进两个全覆盖。",
        "报告共六个部分，全县考核居于前五位。",
        "在全市排名前三，建立县乡村三级网络。",
        "召开第三次会议，落实一岗双责。",
        "统筹推进五位一体总体布局，协调推进四个全面战略布局。",
    ],
)
def test_structure_numerals_and_slogans_are_not_figures(text):
    assert figs(text) == []


def test_a_count_of_things_with_the_same_classifier_stays():
    assert [v for _c, v, _u in figs("建成两个调解室，新建三个工作站。")] == [2, 3]


# The clause's subject decides the code


@pytest.mark.parametrize(
    "text",
    [
        "全年办理法律援助案件5200件，司法鉴定案件10.6万余件，仲裁案件3千余件。",
        "全年办理法律援助案件5200件、司法鉴定案件10.6万余件、仲裁案件3千余件。",
        "法律援助中心全年办理法律援助案件5200件，代理劳动争议仲裁案件3千余件，司法鉴定案件10.6万余件。",
    ],
)
def test_another_kind_of_case_beside_legal_aid_is_not_legal_aid(text):
    assert code_of(text, 5200) == "legal_aid_cases"
    assert code_of(text, 3000).startswith("other:")
    assert code_of(text, 106000).startswith("other:")


@pytest.mark.parametrize(
    "text",
    [
        "全年司法局收到政府信息公开申请5件，行政复议申请12件。",
        "行政复议工作有序开展，全年共收到政府信息公开申请5件，行政复议申请12件。",
    ],
)
def test_disclosure_requests_and_reconsideration_applications_are_told_apart(text):
    assert code_of(text, 5) == "disclosure_requests"
    assert code_of(text, 12) == "recon_received"


def test_receiving_applications_under_reconsideration_stays_a_reconsideration():
    text = "行政复议工作稳步推进。全年收到申请36件，均已办结。"
    assert code_of(text, 36) == "recon_received"


def test_a_reconsideration_application_withdrawn_is_not_one_received():
    text = "审结行政复议案件90件，其中终止12件，申请人自愿撤回复议申请12件。"
    assert [f.indicator for f in extract_figures(text) if f.value == 12] != ["recon_received"] * 2


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全县律师开展法治宣讲活动45场。", 45),
        ("法律顾问深入企业开展法治宣讲30场次。", 30),
    ],
)
def test_the_lawyers_own_service_is_not_the_countys_publicity(text, value):
    assert code_of(text, value).startswith("other:")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("司法局组织律师开展法治宣讲活动45场。", 45),
        ("县司法局联合律师事务所开展普法宣传活动30场次。", 30),
    ],
)
def test_lawyers_the_body_organises_are_its_means(text, value):
    assert code_of(text, value) == "publicity_events"


@pytest.mark.parametrize(
    "text",
    [
        "我县5名调解员荣获省级优秀人民调解员称号。",
        "表彰优秀人民调解员12名。",
        "12名人民调解员受到市政府表彰。",
    ],
)
def test_people_honoured_are_not_the_mediators_counted(text):
    (f,) = extract_figures(text)
    assert f.indicator.startswith("other:")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("法院诉前调解成功2300件。", 2300),
        ("劳动人事争议仲裁委员会调解纠纷320件。", 320),
    ],
)
def test_disputes_settled_by_courts_or_arbitration_are_not_peoples_mediation(text, value):
    assert code_of(text, value).startswith("other:")


# Rates named by their kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "行政诉讼败诉率、行政机关负责人出庭应诉率分别为3%、100%。",
            [("litig_loss_rate", 3), ("litig_appear_rate", 100)],
        ),
        (
            "规范性文件报备率、规范率、及时率分别达到100%、98%和95%。",
            [("normdoc_filed_rate", 100), ("normdoc_conform_rate", 98), ("normdoc_filed_timely_rate", 95)],
        ),
    ],
)
def test_rates_given_respectively_take_one_number_each(text, expected):
    assert [(c, v) for c, v, _u in figs(text)] == expected


def test_rates_sharing_one_numeral_give_one_figure_each():
    found = figs("办理人大代表建议45件，办结率、满意率均为100%。")
    rates = [c for c, _v, u in found if u == "%"]
    assert rates[0] == "npc_completion_rate"
    assert len(rates) == 2 and rates[1].startswith("other:")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("审结行政复议案件200件，实质性化解率60%。", 60),
        ("行政复议案件综合化解率达到45%。", 45),
        ("调处矛盾纠纷800件，矛盾纠纷化解率97%。", 97),
    ],
)
def test_a_resolution_rate_is_not_the_mediation_rate(text, value):
    assert code_of(text, value).startswith("other:")


@pytest.mark.parametrize(
    "text",
    ["全年行政复议纠错率为4.1%。", "全年行政复议案件纠错为4.1%。"],
)
def test_the_correction_rate_is_read_with_or_without_its_suffix(text):
    assert code_of(text, Decimal("4.1")) == "recon_correction_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("受理、审结行政复议案件分别为50件、45件。", [("recon_accepted", 50), ("recon_closed", 45)]),
        ("调解委员会和调解员分别有120个、560名。", [("mediation_committees", 120), ("mediators", 560)]),
        ("甲镇、乙镇受理行政复议案件分别为12件、8件。", [("recon_accepted", 12), ("recon_accepted", 8)]),
    ],
)
def test_counts_given_respectively_take_the_item_in_their_place(text, expected):
    assert [(c, v) for c, v, _u in figs(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("办理农民工法律援助案件2188件。", 2188),
        ("办结未成年人法律援助案件120件。", 120),
        ("受理妇女群体的法律援助案件75件。", 75),
    ],
)
def test_a_group_of_people_right_before_the_noun_names_a_subset(text, value):
    assert code_of(text, value).startswith("other:")


def test_a_service_given_to_a_group_stays_the_service():
    text = "为老年人、残疾人等特殊群体提供法律援助3896件。"
    assert code_of(text, 3896) == "legal_aid_cases"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("法律援助案件结案归档材料659件。", 659),
        ("开展“法治大讲堂”法治培训17次。", 17),
        ("办理政务服务事项咨询工单320件。", 320),
    ],
)
def test_a_counted_noun_nearer_the_number_than_the_codes_words_names_the_count(text, value):
    assert code_of(text, value).startswith("other:")


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("发放法律援助宣传材料3000份。", "publicity_materials", 3000),
        ("法律顾问提出合理法律意见建议40条。", "adviser_opinions", 40),
        ("评查行政执法案卷120卷。", "case_files_reviewed", 120),
    ],
)
def test_the_codes_own_counted_noun_does_not_override_it(text, code, value):
    assert code_of(text, value) == code


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("经复议后又提起行政诉讼的案件18件。", 18),
        ("经过复议后起诉到法院的案件共9件。", 9),
    ],
)
def test_lawsuits_after_reconsideration_are_not_the_whole_caseload(text, value):
    assert code_of(text, value).startswith("other:")


def test_giving_a_lecture_is_not_a_study_session():
    assert code_of("县长在县政府常务会议学法时授课1次。", 1).startswith("other:")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("行政复议工作：全年受理治安管理类案件13件。", 13),
        ("行政复议工作：征地拆迁类新收9件。", 9),
        ("调解婚姻家庭类纠纷160件。", 160),
    ],
)
def test_one_category_of_cases_not_marked_as_a_part_is_not_the_count(text, value):
    assert code_of(text, value).startswith("other:")


def test_a_category_after_qizhong_is_a_part_with_its_totals_code():
    text = "全年受理行政复议案件40件，其中治安管理类案件13件。"
    assert [c for c, _v, _u in figs(text)] == ["recon_accepted", "recon_accepted"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("全年共调处各类矛盾纠纷900件。", "mediation_cases"),
        ("通过政府网站发布政务类信息340条。", "disclosure_proactive"),
    ],
)
def test_all_kinds_and_categories_of_information_keep_the_code(text, code):
    ((c, _v, _u),) = figs(text)
    assert c == code


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("县政府常务会议审议重大行政决策事项8项。", "decision_count", 8),
        ("县政府作为被申请人的行政复议案件被市政府受理6件。", "recon_superior_cases", 6),
        ("以县政府为被申请人的行政复议案件被市司法局立案审理4件。", "recon_superior_cases", 4),
        ("全年开展法治宣传进企业、进农村、进学校活动120场。", "publicity_events", 120),
        ("开展送法进社区、进乡村活动35场次。", "publicity_events", 35),
    ],
)
def test_the_noun_next_to_the_number_names_it(text, code, value):
    assert code_of(text, value) == code


def test_a_meeting_that_studies_work_is_a_meeting_not_its_items():
    assert code_of("县政府常务会议专题研究法治建设工作5次。", 5).startswith("other:")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("审批时限压缩至40日左右。", 40, "日"),
        ("收到群众赠送的锦旗50余面。", 50, "面"),
        ("办理案件30例。", 30, "例"),
        ("讲授法治课20节。", 20, "节"),
        ("制作宣传牌300块。", 300, "块"),
        ("检查企业1500余家次。", 1500, "家次"),
        ("开展抽查42批次。", 42, "批次"),
    ],
)
def test_more_measure_words_make_figures(text, value, unit):
    ((_c, v, u),) = figs(text)
    assert (v, u) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "会议于2023年2月16日至18日召开，12月31日前完成。",
        "本报记者6月25日电（记者）25日，县政府发布报告。",
        "例如：面向群众，节约资源，日常工作。",
    ],
)
def test_dates_and_words_are_not_days_or_measures(text):
    assert figs(text) == []


def test_a_minus_sign_before_a_cell_value_makes_it_negative():
    text = "单位\t上年\t本年\t增减\n公安局\t30\t21\t-30.0%\n"
    assert [v for _c, v, u in figs(text) if u == "%"] == [Decimal("-30.0")]


@pytest.mark.parametrize("text", ["培训3-5期。", "实施方案（2022-2025年）。", "共办理复议案件-3件。"])
def test_a_dash_between_numbers_is_a_range_not_a_minus(text):
    assert all(t.value >= 0 for t in find_numbers(text))


@pytest.mark.parametrize("text", ["收案数同比增长-3.5%。", "行政复议案件增幅为-12%。"])
def test_a_minus_after_words_stating_a_change_is_a_sign(text):
    assert [t.value for t in find_numbers(text) if t.value < 0]


def test_a_count_in_ten_thousands_may_take_its_noun_without_a_measure_word():
    ((_c, v, _u),) = figs("全年为11.43万农民工追回欠薪。")
    assert v == 114300


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("报告披露：“出台严格规范涉企行政检查22条举措”。", 22),
        ("一年来“排查整改执法突出问题2330个”。", 2330),
    ],
)
def test_a_quoted_finding_with_digits_is_a_figure(text, value):
    assert [v for _c, v, _u in figs(text)] == [value]


@pytest.mark.parametrize("text", ["推行“三个一批”工作法。", "开展“12·4”宪法宣传周活动。", "落实“1+N”机制。"])
def test_a_quoted_name_is_not_a_figure(text):
    assert figs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "人民法院委派调解案件2300件，调解成功1800件，调解成功率78%。",
        "劳动争议仲裁院受理案件600件，调解成功450件，调解成功率75%。",
    ],
)
def test_the_body_acting_earlier_in_the_sentence_acts_in_its_later_clauses(text):
    assert all(c.startswith("other:") for c, _v, _u in figs(text))


def test_a_clause_naming_its_own_mediators_keeps_its_code():
    text = "在法院指导下，全县人民调解组织调解纠纷800件，调解成功780件。"
    assert [c for c, _v, _u in figs(text)] == ["mediation_cases", "mediation_success"]


def test_a_qizhong_list_ends_where_a_semicolon_opens_another_subject():
    text = "全年办理公证事项4.5万件，其中涉外公证3200件；司法鉴定机构完成鉴定5600件。"
    assert code_of(text, 3200) == "notary_cases"
    assert code_of(text, 5600).startswith("other:")


def test_a_qualifier_spreads_over_a_bare_noun_after_a_comma_not_over_a_verb():
    text = "因政府信息公开申请引起行政复议2件，行政诉讼1件。"
    assert all(c.startswith("other:") for c, _v, _u in figs(text))
    text = "共办理涉企行政复议案件11件，撤销1件。"
    assert code_of(text, 1) == "recon_revoked"


def test_graded_case_files_are_an_outcome_of_the_review():
    text = "评查案卷260卷，优秀案卷85卷，不合格案卷3卷。"
    assert code_of(text, 260) == "case_files_reviewed"
    assert code_of(text, 85).startswith("other:")
    assert code_of(text, 3).startswith("other:")


def test_a_bare_training_count_after_the_enforcers_training_counts_the_trainees():
    text = "组织开展行政执法人员培训6期，培训1500余人次。"
    assert code_of(text, 1500) == "enforcers_trained"
    assert code_of(text, 6).startswith("other:")
    assert code_of("执法人员持证率100%；开展普法培训300人次。", 300).startswith("other:")


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("服务1万2千余人次", 12000, "人次", True),
        ("受理1万2千件", 12000, "件", False),
        ("满意率达百分之九十八点五", Decimal("98.5"), "%", False),
        ("同比提高零点五个百分点", Decimal("0.5"), "个百分点", False),
    ],
)
def test_mixed_and_chinese_decimal_numbers_are_one_number(text, value, unit, approx):
    (tok,) = [t for t in find_numbers(text) if t.unit]
    assert (tok.value, tok.unit, tok.approx) == (value, unit, approx)


def test_three_points_of_advice_is_not_a_decimal():
    (tok,) = find_numbers("提出三点建议")
    assert (tok.value, tok.unit) == (3, "点")


@pytest.mark.parametrize(
    "text",
    [
        "（五）推进政务公开。2023年因政府信息公开被申请行政复议0件。全年收到申请32件，全部按期答复。",
        "三、政府信息公开工作。本年度未发生行政复议和行政诉讼。共收到申请15件，办结15件。",
        "依申请公开方面，因政府信息公开申请引发行政复议1件。本年度共收到申请27件。",
    ],
)
def test_a_topic_named_as_a_consequence_or_as_absent_does_not_make_requests_reconsiderations(text):
    assert [c for c, _v, _u in figs(text) if _v > 1][0] == "disclosure_requests"


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("四、行政复议。畅通复议渠道，在政务服务中心设立受理窗口。全年收到申请40件，受理36件。", 40, "recon_received"),
        ("县政府被申请行政复议12件，维持10件。", 10, "recon_upheld"),
    ],
)
def test_a_reconsideration_topic_stays_the_topic(text, value, code):
    assert code_of(text, value) == code


def test_a_breakdown_by_respondent_is_not_the_cases_a_superior_took():
    text = "市政府全年受理行政复议案件320件，其中被申请人为县（区）政府的案件45件，被申请人为市直部门的案件275件。"
    assert [c for c, _v, _u in figs(text)] == ["recon_accepted"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "市政府受理以我县政府为被申请人的行政复议案件3件。",
        "上级机关受理以本县政府为被申请人的复议案件3件。",
        "以县政府为被申请人的行政复议案件3件。",
    ],
)
def test_the_body_itself_as_respondent_means_a_superior_took_the_case(text):
    assert code_of(text, 3) == "recon_superior_cases"


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("败诉率同比下降3个百分点，为4.2%。", "litig_loss_rate", Decimal("4.2")),
        ("行政复议纠错率较上年提高2个百分点，达到15.5%。", "recon_correction_rate", Decimal("15.5")),
        ("调解成功率同比提高1.2个百分点，达98.5%。", "mediation_rate", Decimal("98.5")),
    ],
)
def test_the_level_after_a_rates_change_is_that_rate(text, code, value):
    assert code_of(text, value) == code
    assert [c for c, _v, u in figs(text) if u == "个百分点"] == ["other:change"]


def test_a_level_after_a_count_change_names_no_rate():
    assert code_of("受理案件同比下降10%，为80%。", 80).startswith("other:")


def test_a_bare_count_before_a_parenthesis_that_breaks_it_down_is_a_figure():
    text = "全年共审结复议案件4696（其中维持3509件）。"
    assert [(c, v) for c, v, _u in figs(text)] == [("recon_closed", 4696), ("recon_upheld", 3509)]
    assert figs("详见附件1（略）。") == []


@pytest.mark.parametrize("text", ["满意率保持在80%-90%。", "每期3件-5件。"])
def test_a_dash_after_a_number_with_its_unit_is_a_range(text):
    assert all(t.value >= 0 for t in find_numbers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全年收到行政复议申请40件，受理36件。全年办结群众诉求320件。", 320),
        ("行政复议工作规范开展。受理12345热线工单2100件。", 2100),
        ("政府信息公开方面，全年收到申请15件；受理群众来信来访30件。", 30),
    ],
)
def test_what_a_hotline_or_petition_office_takes_in_is_not_a_reconsideration_or_request(text, value):
    assert code_of(text, value).startswith("other:")


@pytest.mark.parametrize(
    ("text", "value"),
    [("培训人民调解员1200人次。", 1200), ("公职律师参与案件办理120人次。", 120), ("法律顾问列席会议50人次。", 50)],
)
def test_person_times_are_an_activity_not_the_people_a_head_count_code_counts(text, value):
    assert code_of(text, value).startswith("other:")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("受教育群众3000人。", "publicity_audience"),
        ("培训执法人员300名。", "enforcers_trained"),
        ("培训执法人员300人次。", "enforcers_trained"),
        ("全县共有人民调解员560名。", "mediators"),
    ],
)
def test_codes_counted_in_person_times_also_take_people(text, code):
    ((c, _v, _u),) = figs(text)
    assert c == code


def test_items_of_a_list_written_one_per_paragraph_keep_the_lists_topic():
    text = "1.全年收到复议申请40件。\n（2）受理36件。\n③审结30件。\n4、维持20件。\n"
    assert [c for c, _v, _u in figs(text)] == ["recon_received", "recon_accepted", "recon_closed", "recon_upheld"]


def test_a_heading_between_ends_the_previous_paragraphs_topic():
    text = "全年收到复议申请40件。\n二、其他工作\n受理36件。\n"
    assert code_of(text, 36).startswith("other:")


@pytest.mark.parametrize(
    ("text", "code", "count"),
    [
        ("城关镇、新华镇分别调解纠纷120件、80件。", "mediation_cases", 2),
        ("2022年、2023年行政复议纠错率分别为10%、12%。", "recon_correction_rate", 2),
        ("甲、乙、丙三地行政诉讼败诉率分别为11.36%、9.72%、10.83%。", "litig_loss_rate", 3),
    ],
)
def test_numbers_after_fenbie_that_no_item_names_share_the_measure(text, code, count):
    assert [c for c, _v, _u in figs(text)] == [code] * count


@pytest.mark.parametrize(
    ("text", "value"),
    [("区法律援助中心共审核发放补助659件。", 659), ("法律援助中心对本级收回的659件进行评估。", 659)],
)
def test_a_body_named_by_the_codes_words_acting_on_something_else(text, value):
    assert code_of(text, value).startswith("other:")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("法律援助中心全年办理案件620件。", "legal_aid_cases"),
        ("全县法律援助中心共指派律师承办620件。", "legal_aid_cases"),
        ("人民调解委员会调解纠纷620件。", "mediation_cases"),
        ("县委理论学习中心组学法4次。", "study_sessions"),
    ],
)
def test_a_body_handling_its_own_cases_keeps_the_code(text, code):
    ((c, _v, _u),) = figs(text)
    assert c == code


def test_cases_closed_another_way_are_a_residual_outcome():
    assert code_of("本年度审结的行政复议案件中，以其他方式结案7件。", 7).startswith("other:")
