"""The kind of thing a count is (analyzer/kinds.py), on sentences of our own making:
several wordings per rule, and the wording that keeps the catalogue code beside it."""

import pytest

from fazhi.analyzer.extract import extract_figures


def codes(text):
    return [(f.indicator, int(f.value)) for f in extract_figures(text)]


def code_of(text, value):
    got = [c for c, v in codes(text) if v == value]
    assert got, codes(text)
    return got[0]


# A. New media ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("本年度，政务微信公众号发布信息1320条。", 1320),
        ("通过“某某发布”微博推送政务信息845条，抖音号发布短视频96条。", 845),
        ("今日头条号全年公开信息233条。", 233),
        ("主动公开政府信息4100条；政务新媒体发布信息760条。", 760),
    ],
)
def test_posts_on_new_media_are_not_proactive_disclosure(text, value):
    assert code_of(text, value).startswith("other:")


def test_the_audience_of_an_account_is_not_a_count_of_information():
    text = "区政府微信公众号发布信息520条，关注量达3.6万人。"
    got = codes(text)
    assert all(c.startswith("other:") for c, _v in got), got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("通过门户网站、政务微博、微信公众号等渠道主动公开政府信息2750条。", 2750),
        ("全年主动公开政府信息1800条，微博转发量不计入。", 1800),
        ("主动公开政府信息4100条；政务新媒体发布信息760条。", 4100),
    ],
)
def test_what_the_text_calls_proactive_disclosure_stays_so(text, value):
    assert code_of(text, value) == "disclosure_proactive"


# B. Consultations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("公共法律服务中心解答法律咨询2460人次。", 2460),
        ("12348热线全年提供法律咨询服务8300人次。", 8300),
        ("法律援助中心为困难群众解答咨询915人次。", 915),
        ("援助中心接待来人来电咨询620人次。", 620),
    ],
)
def test_consultations_answered_are_not_legal_service_visits(text, value):
    assert code_of(text, value) == "other:legal_consultations"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("公共法律服务中心接待群众来访咨询3200人次。", 3200),
        ("公共法律服务中心全年接待群众来访1500人次。", 1500),
        ("12348热线提供法律服务，全年服务群众6400人次。", 6400),
        ("为群众提供政策咨询、法律服务达470余人次。", 470),
    ],
)
def test_visits_and_people_served_stay_legal_service_visits(text, value):
    assert code_of(text, value) == "legal_service_visits"


# C. The measure word must fit the catalogue's unit --------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("建成法律援助工作站131家。", 131),
        ("设立法律援助接待大厅8个。", 8),
        ("全县行政复议受理点12处。", 12),
        ("确认并公布行政执法主体52个。", 52),
    ],
)
def test_a_count_of_bodies_never_takes_a_count_of_cases(text, value):
    assert code_of(text, value).startswith("other:")


def test_kindred_measure_words_keep_the_code():
    assert codes("全年办理法律援助案件320件。") == [("legal_aid_cases", 320)]
    assert codes("全年办理法律援助案件45宗。") == [("legal_aid_cases", 45)]
    assert code_of("全县共有人民调解委员会210个。", 210) == "mediation_committees"


# F. Requests handled, appeals about disclosure -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("本年度共收到政府信息公开申请96件，答复政府信息公开申请90件。", 90),
        ("依申请公开方面，予以公开申请41件，无法提供12件。", 41),
        ("本年度已办结政府信息公开申请88件，结转下年度办理的申请8件。", 88),
    ],
)
def test_requests_answered_or_handled_are_not_requests_received(text, value):
    assert code_of(text, value).startswith("other:")


def test_requests_received_stay_requests():
    text = "本年度共收到政府信息公开申请96件，答复政府信息公开申请90件。"
    assert code_of(text, 96) == "disclosure_requests"
    assert code_of("全年共办理依申请公开126件，均按期答复。", 126) == "disclosure_requests"


@pytest.mark.parametrize(
    "text",
    [
        "因政府信息公开被申请行政复议7件，其中维持5件，纠错2件。",
        "全区涉及政府信息公开的行政诉讼案件3件，维持2件，被纠错1件。",
        "政府信息公开工作被申请行政复议4件，维持3件，纠错1件。",
    ],
)
def test_appeals_about_disclosure_and_their_outcomes_are_not_the_caseload(text):
    got = codes(text)
    assert all(c.startswith("other:") for c, _v in got), got


def test_the_bodys_own_reconsideration_cases_keep_their_codes():
    got = codes("全年共收到行政复议申请150件，维持88件，纠错21件。")
    assert [c for c, _v in got] == ["recon_received", "recon_upheld", "recon_corrected"]


# G. Targets, forecasts and the report's structure -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "行政复议纠错率为12%，高于市考核指标5%。",
        "预计年底调解成功率有望提升至45%。",
        "力争法律援助案件办结率达到95%以上。",
        "目标为行政机关负责人出庭应诉率100%。",
    ],
)
def test_targets_and_forecasts_are_not_figures(text):
    got = codes(text)
    assert all(v not in (5, 45, 95, 100) for _c, v in got), got


def test_a_measured_rate_beside_a_target_is_kept():
    assert code_of("行政复议纠错率为12%，高于市考核指标5%。", 12) == "recon_correction_rate"


@pytest.mark.parametrize(
    "text",
    [
        "围绕四项重点工作，采取十三项措施推进法治政府建设。",
        "现将其他需要报告的事项等六项报告如下。",
        "提出三条意见，抓好五个方面。",
    ],
)
def test_counts_of_the_reports_own_structure_are_not_figures(text):
    assert codes(text) == []


def test_counts_in_digits_or_of_real_things_are_kept():
    assert codes("出台惠企法治举措13项。")[0][1] == 13
    assert codes("全年开展普法活动十二场。")[0][1] == 12
    assert [v for _c, v in codes("建成两个调解室，新建三个工作站。")] == [2, 3]


# K. Legality review ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("审查重大行政决策议题及合同协议46件。", 46),
        ("对重大执法决定进行法制审核38件。", 38),
        ("合法性审查重大行政决策相关文件、会议纪要20项。", 20),
    ],
)
def test_legality_reviews_of_documents_contracts_and_items_are_normdoc_reviewed(text, value):
    assert code_of(text, value) == "normdoc_reviewed"


def test_decisions_in_the_catalogue_stay_decisions():
    assert codes("全年作出重大行政决策9项。") == [("decision_count", 9)]
    assert code_of("审查重大行政决策15件。", 15) == "decision_legality_reviewed"


# E. Last year's value ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "last", "this"),
    [
        ("收到行政复议申请由上年的816件上升到1087件。", 816, 1087),
        ("全年收到行政复议申请1087件，与上年的1068件相比略有增加。", 1068, 1087),
        ("与去年同期的430件相比，全年调处矛盾纠纷512件。", 430, 512),
    ],
)
def test_last_years_value_takes_the_indicators_code(text, last, this):
    figures = {int(f.value): f for f in extract_figures(text)}
    assert figures[last].indicator == figures[this].indicator
    assert not figures[last].indicator.startswith("other:")
    assert "上年" in figures[last].scope and "上年" not in figures[this].scope


# D. A total broken down by type, respondent or field -------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("全年共收到行政复议申请260件。从案件类型看，行政处罚类170件、行政强制类12件、其他78件。", (170, 12, 78)),
        ("本年度受理行政复议案件96件，按申请事项分：行政处罚41件、政府信息公开30件、行政确认25件。", (41, 30, 25)),
        (
            "全年新收行政复议申请1203件。从被申请人来看，以市政府部门为被申请人的421件、以区县政府为被申请人的782件。",
            (421, 782),
        ),
    ],
)
def test_a_breakdown_of_a_total_takes_the_totals_code(text, parts):
    figures = extract_figures(text)
    total = figures[0]
    assert total.indicator.startswith("recon_")
    by_value = {int(f.value): f for f in figures[1:]}
    for v in parts:
        assert by_value[v].indicator == total.indicator, (v, by_value[v].indicator)
        assert "其中" in by_value[v].scope


def test_a_respondent_list_under_its_total_is_no_count_of_superior_cases():
    text = "全年受理行政复议案件58件，其中以县政府部门为被申请人的41件、以乡镇政府为被申请人的17件。"
    got = codes(text)
    assert [c for c, _v in got] == ["recon_accepted"] * 3


def test_a_respondent_list_with_no_total_is_other():
    got = codes("以市政府部门为被申请人的案件30件，以区政府为被申请人的案件12件。")
    assert all(c.startswith("other:") for c, _v in got), got


def test_a_single_superior_case_count_stays():
    text = "全年收到行政复议申请80件。上级机关受理以本级政府为被申请人的复议案件6件。"
    assert code_of(text, 6) == "recon_superior_cases"


def test_a_breakdown_larger_than_the_count_before_is_not_its_breakdown():
    text = "全年审结行政复议案件20件。从执法领域看，行政处罚案件150件、行政许可案件90件。"
    assert code_of(text, 150) == "enforcement_cases"


def test_the_outcomes_in_a_breakdown_keep_their_codes():
    text = "全年审结行政复议案件60件，从审理结果看，维持40件、撤销8件、驳回12件。"
    assert [c for c, _v in codes(text)] == ["recon_closed", "recon_upheld", "recon_revoked", "recon_dismissed"]


# More wordings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "全年对120件规范性文件、86份合同、35个议题进行合法性审查。",
        "全年合法性审核行政规范性文件、重大行政决策、行政协议等共计236件。",
        "审核重大执法决定112件。",
    ],
)
def test_legality_reviews_written_other_ways(text):
    assert {c for c, _v in codes(text)} == {"normdoc_reviewed"}


def test_a_filing_review_is_no_legality_review():
    assert codes("备案审查规范性文件17件。")[0][0] == "other:normdoc_filing_reviews"


def test_a_threshold_that_picks_out_others_is_no_figure_but_a_share_is():
    assert codes("对增幅超过60%的乡镇进行重点督导。") == []
    assert [v for _c, v in codes("全县超过60%的纠纷通过人民调解化解。")] == [60]


def test_ge_counts_things_and_only_counts_bodies_beside_a_body():
    assert code_of("设立法律援助接待大厅8个。", 8).startswith("other:")
    assert code_of("全县受理法律援助案件12个。", 12) == "legal_aid_cases"


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("全年共收到行政复议申请1087件，较上年的1068件增加19件。", 1068),
        ("全年调处矛盾纠纷5120件，比上年同期的4870件有所增加。", 4870),
    ],
)
def test_last_years_value_after_jiao_or_bi_says_last_year(text, last):
    figures = {int(f.value): f for f in extract_figures(text)}
    assert "上年" in figures[last].scope
    assert figures[last].indicator == extract_figures(text)[0].indicator


def test_outcomes_listed_under_the_requests_received_are_not_more_requests():
    text = "本年度共受理政府信息公开申请210件，已全部办结，其中予以公开98件，部分公开35件。"
    got = codes(text)
    assert got[0] == ("disclosure_requests", 210)
    assert all(c.startswith("other:") for c, _v in got[1:]), got


def test_ways_of_applying_under_the_requests_stay_requests():
    got = codes("全年共收到政府信息公开申请80件，其中当面申请5件、网络申请75件。")
    assert [c for c, _v in got] == ["disclosure_requests"] * 3


def test_a_disclosure_lawsuit_and_its_outcomes_named_without_yin():
    got = codes("政府信息公开行政诉讼3件，其中维持2件，纠正1件。")
    assert all(c.startswith("other:") for c, _v in got), got


@pytest.mark.parametrize(
    "text",
    [
        "全年共审结复议案件4696件，案件类型分别为行政处罚2100、政府信息公开1060、其他1536。",
        "本年度新收复议案件1203件，涉及行政处罚512件、行政强制86件、信息公开211件。",
        "全年受理行政复议案件96件，申请事项主要包括：行政处罚41件、政府信息公开30件、行政确认25件。",
    ],
)
def test_a_breakdown_naming_its_kinds_takes_the_totals_code(text):
    got = codes(text)
    assert len(got) >= 3 and {c for c, _v in got} == {got[0][0]}, got


def test_a_list_after_she_ji_that_does_not_fit_in_the_total_is_no_breakdown():
    got = codes("全年受理行政复议案件20件，涉及行政处罚150件、行政许可90件。")
    assert all(c != "recon_accepted" for c, _v in got[1:]), got
