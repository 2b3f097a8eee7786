from decimal import Decimal

import pytest

from fazhi.analyzer.extract import extract_figures


def codes(text):
    return [(f.indicator, f.value, f.unit) for f in extract_figures(text)]


def test_it_names_each_figure_by_the_words_before_it():
    text = "2023年，县政府本级收到行政复议申请51件，立案审理42件，已审结38件。"
    assert codes(text) == [
        ("recon_received", 51, "件"),
        ("recon_accepted", 42, "件"),
        ("recon_closed", 38, "件"),
    ]


def test_it_names_a_figure_by_the_words_after_it_when_the_noun_follows():
    text = "全县1008名行政执法人员通过审验，10名行政执法人员未通过审验并注销证件，22名行政执法监督人员通过审验。"
    assert [c for c, _v, _u in codes(text)] == [
        "enforcers_passed_review",
        "enforcers_failed",
        "enforcement_supervisors",
    ]


def test_it_leaves_out_years_dates_document_numbers_ordinals_and_slogans():
    text = (
        "根据《实施方案（2022-2025年）》和确政文〔2023〕47号，2023年2月16日开展第二次清理，"
        "健全三级网络，落实“两个确立”“四不两直”，一是加强领导，至少配备一名法律顾问，落实三项制度。"
    )
    assert codes(text) == []


def test_a_number_outside_the_catalogue_is_kept_as_other():
    (f,) = extract_figures("安装运行政务服务自助终端机16台。")
    assert f.indicator.startswith("other:")
    assert (f.value, f.unit) == (16, "台")


def test_one_numeral_for_several_rates_gives_one_figure_per_rate_with_the_same_quote():
    figs = extract_figures("开展规范性文件备案审查，报备率、规范率、及时率达100%。")
    assert [f.indicator for f in figs] == [
        "normdoc_filed_rate",
        "normdoc_conform_rate",
        "normdoc_filed_timely_rate",
    ]
    assert len({f.quote for f in figs}) == 1


def test_the_quote_is_an_exact_substring_and_the_position_points_at_the_number():
    text = "2022 年全县各级民调组织共调处各类矛盾纠纷 1047 件，调处成功 951 件。"
    for f in extract_figures(text):
        assert text[f.quote_start : f.quote_end] == f.quote
        assert text[f.position].isdigit()


def test_parts_after_qizhong_take_the_code_of_their_total():
    text = "区门户网站主动公开政务信息2957条，其中政策文件22条，依申请公开9条。"
    figs = extract_figures(text)
    assert [f.indicator for f in figs] == ["disclosure_proactive"] * 3
    assert figs[1].part_of == 0


def test_a_partition_keeps_its_own_codes():
    text = "调处成功951件，其中达成口头协议的共842件，达成书面协议的共109件。"
    assert [f.indicator for f in extract_figures(text)] == [
        "mediation_success",
        "mediation_oral",
        "mediation_written",
    ]


def test_a_completion_rate_takes_its_code_from_the_count_before_it():
    text = "办结人大代表议案建议64件、办结率92.7%，政协委员提案61件，办结率92.4%。"
    assert [f.indicator for f in extract_figures(text)] == [
        "npc_suggestions",
        "npc_completion_rate",
        "cppcc_proposals",
        "cppcc_completion_rate",
    ]


def test_words_broken_by_conversion_line_breaks_still_name_the_figure():
    # A body line wrapped at the page width, as PDF and Word conversion leave it.
    text = "2022 年度县政府共制定并公布重大事项，县司法行政部门共审核政府其他各类文件、合同、\n\n议题 65 件。"
    figs = extract_figures(text)
    assert [(f.indicator, f.value) for f in figs] == [("normdoc_reviewed", Decimal(65))]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("办理法律援助案件423件。", "legal_aid_cases"),
        ("办理各类公证案件198件。", "notary_cases"),
        ("为区政府聘请10名法律顾问。", "adviser_count"),
        ("评查执法卷宗64本。", "case_files_reviewed"),
        ("培养法律明白人324人。", "legal_literates"),
        ("负责人出庭应诉率95%。", "litig_appear_rate"),
    ],
)
def test_common_measures_get_their_catalogue_code(text, code):
    assert [f.indicator for f in extract_figures(text)] == [code]
