"""Readings added in stop 32, each on sentences of our own."""

from fazhi.analyzer.report import analyze_text


def figures(text):
    return analyze_text(text).figures


# Several rates before 等 or 超过 share one numeral -----------------------------------------


def test_rates_named_before_deng_each_get_the_numeral():
    text = "全县执法协同响应率、投诉线索回应率、行政处罚赋码率等核心指标均达100%。"
    fs = [f for f in figures(text) if f.unit == "%"]
    assert len(fs) == 3 and {f.value for f in fs} == {100}
    assert len({f.indicator for f in fs}) == 3


def test_rates_joined_by_he_before_chaoguo_each_get_the_numeral():
    text = "全县组织年度学法考试，共计5200人参加，参考率和优秀率均超过98%。"
    fs = [f for f in figures(text) if f.unit == "%"]
    assert [f.value for f in fs] == [98, 98] and fs[0].indicator != fs[1].indicator


def test_one_rate_before_deng_is_one_figure():
    text = "全县行政处罚赋码率等指标达100%。"
    assert len([f for f in figures(text) if f.unit == "%"]) == 1


# A court's report counts its docket ------------------------------------------------------


COURT = (
    "5月20日，某市中级人民法院召开新闻发布会，发布2023年度行政案件司法审查报告。\n"
    "去年全市新收一审行政诉讼案件1200件，同比增长5.1%。其中资源、城建领域分别为300件、250件。"
    "全市行政机关负责人出庭应诉案件860件。"
)


def test_a_courts_report_codes_its_lawsuits_as_its_docket():
    fs = {f.value: f.indicator for f in figures(COURT)}
    assert fs[1200] == "other:court_admin_cases"
    assert fs[300] == fs[250] == "other:court_admin_cases"


def test_a_courts_report_keeps_what_it_says_of_leaders_in_court():
    fs = {f.value: f.indicator for f in figures(COURT)}
    assert fs[860] == "litig_appear_count"


def test_a_report_a_court_made_with_a_justice_bureau_is_not_a_courts_own():
    text = COURT.replace("某市中级人民法院召开", "某市中级人民法院与市司法局联合召开")
    fs = {f.value: f.indicator for f in figures(text)}
    assert fs[1200] == "litig_cases"


def test_a_county_report_keeps_its_lawsuits():
    text = "2023年，县人民政府全年办理行政诉讼案件45件，行政机关负责人出庭应诉45件。"
    fs = {f.value: f.indicator for f in figures(text)}
    assert fs[45] in ("litig_cases", "litig_appear_count")
    assert "other:court_admin_cases" not in fs.values()


# Not figures ---------------------------------------------------------------------------


def test_a_day_first_date_with_its_hour_is_not_a_figure():
    text = "去年全市新收行政案件900件 同比增85.2%\n25.05.2016 02:22\n本文来源：新华网"
    assert sorted(str(f.value) for f in figures(text)) == ["85.2", "900"]


def test_round_the_clock_service_is_not_a_count_of_hours():
    text = "热线提供7×24小时法律咨询服务，全年接听来电3200个。"
    assert [f.value for f in figures(text)] == [3200]


# An outcome list with a breakdown of its own ------------------------------------------------


def test_an_outcome_list_counts_an_item_that_has_its_own_breakdown():
    text = (
        "全年办理政府信息公开申请40件。办理结果如下：予以公开20件；不予公开3件，其中2件涉及商业秘密，"
        "1件属于内部事务信息；无法提供15件；结转下年度继续办理2件。"
    )
    a = analyze_text(text)
    sums = [r.as_dict(a.figures) for r in a.relations if r.kind == "sum"]
    outer = [r for r in sums if r["total_quote"].endswith("40件")]
    assert len(outer) == 1 and outer[0]["consistent"] is True and len(outer[0]["part_quotes"]) == 4
    inner = [r for r in sums if r["total_quote"].endswith("不予公开3件")]
    assert len(inner) == 1 and len(inner[0]["part_quotes"]) == 2


def test_laws_counted_in_bu_are_never_cases():
    text = "组织学习行政复议法、法律援助法、噪声污染防治法等18部法律法规。"
    (f,) = figures(text)
    assert f.value == 18 and f.indicator.startswith("other:")


# Applications received, split into accepted and refused ------------------------------------


def sums(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == "sum"]


def test_received_split_into_accepted_and_refused_is_a_sum():
    (r,) = sums("2023年共收行政复议案件60件，受理52件，不予受理8件，已审结45件。")
    assert r["consistent"] is True and r["total_quote"].endswith("60件")
    assert r["part_quotes"][0].endswith("受理52件") and r["part_quotes"][1].endswith("不予受理8件")


def test_received_split_with_other_handling_is_a_sum():
    (r,) = sums("全县共收到行政复议申请70件，受理55件，不予受理10件，作其他处理5件。")
    assert len(r["part_quotes"]) == 3 and r["sum_of_parts"] == 70


def test_a_split_that_does_not_add_up_is_no_relation():
    # 受理 may count applications of last year: no verdict either way.
    assert sums("全县共收到行政复议申请70件，受理62件，不予受理10件。") == []


def test_the_condition_of_a_counting_rule_is_not_a_figure():
    text = "全年实施行政处罚120件。并处两种以上行政处罚的，计入相应的行政处罚类别。"
    assert [f.value for f in figures(text)] == [120]
