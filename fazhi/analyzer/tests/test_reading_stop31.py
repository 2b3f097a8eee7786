"""Readings added in stop 31, each on sentences of our own."""

from fazhi.analyzer.report import analyze_text


def rates(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == "rate"]


# A bare share right after a 其中 part -----------------------------------------------------


def test_a_bare_share_after_a_qizhong_part_is_over_the_total_it_breaks_down():
    text = "全市共选配2400名法律服务人员担任村（居）法律顾问。其中，有1800名法律顾问为专业律师，占比达78.5%。"
    (r,) = rates(text)
    assert r["consistent"] is False
    assert r["denominator_quote"].endswith("2400名") and r["numerator_quote"].endswith("1800名")
    assert r["computed"] == 75.0 and not r.get("implied_denominator")
    assert "其中" in r["note"]


def test_the_same_share_that_fits_is_consistent():
    text = "全市共选配2400名法律服务人员担任村（居）法律顾问。其中，有1800名法律顾问为专业律师，占比达75%。"
    (r,) = rates(text)
    assert r["consistent"] is True and r["denominator_quote"].endswith("2400名")


def test_a_share_off_by_less_than_its_last_digit_is_left_unjudged_as_a_truncation():
    text = "全市共选配47名法律服务人员担任村（居）法律顾问。其中，有46名法律顾问为专业律师，占比达97%。"
    a = analyze_text(text)
    assert not a.inconsistencies
    (r,) = [r.as_dict(a.figures) for r in a.unchecked if r.kind == "rate"]
    assert r["confidence"] == "无法核对"
    assert "截断" in r["note"] and "另一个数" not in r["note"]


def test_a_share_that_fits_another_count_is_left_unjudged():
    # 900 ÷ 1200 = 75%: the share may be over the 1200 advisers met this year.
    text = "全市共有法律顾问2400名，今年新选配1200名。其中，有900名为专业律师，占比75%。"
    assert all(r["consistent"] for r in rates(text))


def test_a_share_with_a_rate_between_the_total_and_the_part_is_not_judged_by_this_rule():
    text = "2474项政务服务事项全部纳入平台，录入率100%，其中，不见面审批事项2369项，占比95.87%。"
    assert all(r["consistent"] for r in rates(text))


def test_a_share_of_a_part_with_a_subject_of_its_own_is_not_over_the_total():
    # 诉讼案件占比 names a subject of its own; 2401 already has its share.
    text = "共办理各类法律援助案件4714件，其中办理刑事法律援助案件2401件，占案件受理总数的50.93%，诉讼案件占比98.3%。"
    assert all(r["consistent"] for r in rates(text))


# A count done and a count still pending ---------------------------------------------------


def sums(text):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == "sum"]


def test_requests_done_and_carried_over_make_the_requests_broken_down_before():
    text = "全年共收到依申请公开16件（其中信件申请11件，网络申请5件），已办结13件，3件结转下年办理。"
    found = {(s["total_quote"][-3:], tuple(q[-3:] for q in s["part_quotes"])) for s in sums(text)}
    assert ("16件", ("13件", "3件")) in found
    assert all(s["consistent"] for s in sums(text))


def test_the_total_of_a_done_and_pending_pair_is_no_part_itself():
    text = "受理政府信息公开申请7件，其中自然人申请7件，法人申请0件。已办结6件，1件正在办理中。"
    (pair,) = [s for s in sums(text) if len(s["part_quotes"]) == 2 and s["part_quotes"][0].endswith("6件")]
    assert pair["total_quote"].startswith("受理")


def test_done_and_pending_that_make_no_count_before_are_no_breakdown():
    text = "全年共收到依申请公开16件，已办结12件，3件正在办理中。"
    assert not any(s["part_quotes"][0].endswith("12件") for s in sums(text))


# A 合计 row under one row -----------------------------------------------------------------


def test_a_total_row_under_a_single_row_repeats_it_column_by_column():
    text = (
        "（一）2021年度行政许可情况\n"
        "单位名称 | 申请数量 | 受理数量 | 许可数量 | 不予许可数量\n"
        "某县市场监督管理局 | 12 | 11 | 10 | 1\n"
        "合计 | 12 | 11 | 10 | 1\n"
    )
    got = sorted((s["stated_total"], len(s["part_quotes"]), s["consistent"]) for s in sums(text))
    assert got == [(1, 1, True), (10, 1, True), (11, 1, True), (12, 1, True)]


def test_a_total_row_that_differs_from_its_single_row_is_left_unjudged():
    text = "单位名称 | 申请数量 | 受理数量\n某县市场监督管理局 | 12 | 11\n合计 | 13 | 11\n"
    a = analyze_text(text)
    assert not a.inconsistencies
    assert any(s["stated_total"] == 11 and s["consistent"] for s in sums(text))


def test_a_total_row_under_a_single_qizhong_row_is_no_sum_of_it():
    text = "单位名称 | 申请数量 | 受理数量\n其中：某局 | 5 | 4\n合计 | 12 | 11\n"
    assert sums(text) == []


def test_every_cell_of_a_long_row_is_read():
    header = "单位名称 | " + " | ".join(f"第{i}项数量" for i in range(1, 27))
    row = "某县市场监督管理局 | " + " | ".join(str(i) for i in range(1, 27))
    a = analyze_text(header + "\n" + row + "\n")
    assert sorted(int(f.value) for f in a.figures) == list(range(1, 27))


# Not figures -------------------------------------------------------------------------------


def values(text):
    return [(int(f.value), f.unit) for f in analyze_text(text).figures]


def test_the_day_of_a_news_item_is_no_figure():
    assert values("这是记者9日从市中级人民法院获悉的。全年审结行政案件120件。") == [(120, "件")]
    assert values("某某新闻网讯（通讯员 张某） 10日，市司法局召开会议。") == []
    assert values("這是記者9日從市高級人民法院獲悉的。") == []


def test_a_date_that_lost_its_year_and_month_is_no_number_of_days():
    assert values("所列数据统计时间为202511日至1231日。") == []
    assert (15, "日") in values("审批时限压缩至15日。")


def test_the_kinds_of_information_withheld_are_names_not_counts():
    text = "（三）不予公开\t5.属于三类内部事务信息\t0\n\t6.属于四类过程性信息\t1\n其中1件因四类过程信息不予公开。"
    assert all(unit != "类" for _v, unit in values(text))
    assert (1, "件") in values(text)


# A rate restated --------------------------------------------------------------------------


def test_a_headline_rate_is_over_the_counts_of_the_same_rate_in_the_body():
    text = "某县行政机关负责人应诉率100%\n2023年，该院开庭审理行政一审诉讼案件84件，行政机关负责人出庭应诉84件，出庭应诉率为100%。"
    got = [r for r in rates(text) if r["rate_quote"].endswith("应诉率100%")]
    assert len(got) == 1 and got[0]["consistent"] and got[0]["numerator_quote"].endswith("出庭应诉84件")


def test_a_months_rate_is_not_the_years_restated():
    text = "出庭应诉率在2023年10月达到100%。全年开庭审理行政案件84件，负责人出庭应诉84件，出庭应诉率为100%。"
    assert not any("10月" in r["rate_quote"] for r in rates(text))


# Codes of parts ----------------------------------------------------------------------------


def codes(text):
    return {f.quote: f.indicator for f in analyze_text(text).figures}


def test_the_cases_concluded_are_no_kind_of_the_cases_received():
    got = codes("2023年新收行政诉讼案件165件，其中审结116件。")
    assert [c for q, c in got.items() if q.endswith("165件")] == ["litig_cases"]
    assert [c for q, c in got.items() if q.endswith("116件")] != ["litig_cases"]
    # A kind of the cases received still takes their code.
    got = codes("2023年新收行政诉讼案件165件，其中一审案件116件。")
    assert [c for q, c in got.items() if q.endswith("116件")] == ["litig_cases"]


def test_issues_of_a_programme_are_no_publicity_events():
    got = codes("全年制作《某某说法》普法节目64期，开展普法活动120场次。")
    assert [c for q, c in got.items() if q.endswith("64期")][0].startswith("other:")
    assert [c for q, c in got.items() if q.endswith("120场次")] == ["publicity_events"]
    assert [c for q, c in codes("开设“法治大讲堂”12期。").items()] == ["publicity_lectures"]


def test_lawsuits_closed_are_not_the_caseload():
    got = codes("办结一审行政应诉案件22件。全市法院共审执结各类行政案件27525件。")
    assert all(not c.startswith("litig_cases") for c in got.values())
    # A 复议 closed count stays the 复议 register's.
    assert list(codes("全年审结行政复议案件56件。").values()) == ["recon_closed"]


def test_lawsuits_won_or_pending_are_no_kind_of_the_caseload():
    got = codes("办理行政应诉案件42件，其中审结30件，胜诉29件，未结12件。")
    assert [c for q, c in got.items() if q.endswith("42件")] == ["litig_cases"]
    assert all(c != "litig_cases" for q, c in got.items() if not q.endswith("42件"))


# What a reader sees of a code --------------------------------------------------------------


def test_every_other_code_the_analyzer_names_itself_has_a_chinese_label():
    import re
    from pathlib import Path

    from fazhi.analyzer.lexicon import label

    package = Path(__file__).resolve().parents[1]
    names = set()
    for path in package.glob("*.py"):
        names |= set(re.findall(r"\"other:([a-z][a-z0-9_]*)\"", path.read_text(encoding="utf-8")))
    assert len(names) > 40
    for name in sorted(names):
        shown = label("other:" + name)
        assert not re.search(r"[a-z]", shown), (name, shown)


def test_labels_keep_the_reports_own_words_and_the_catalogues_names():
    from fazhi.analyzer.lexicon import label

    assert label("other:行政许可") == "其他：行政许可"
    assert label("other:share_新收案件") == "其他：占比（新收案件）"
    assert label("other:legal_aid_applications") == "其他：法律援助申请"
    assert label("other:") == "其他"
    assert label("recon_received") == "收到行政复议申请"


def test_cases_at_risk_of_being_lost_were_not_lost():
    got = codes("通过实质性化解，避免近50件高败诉风险案件进入诉讼程序。全年败诉3件。")
    assert [c for q, c in got.items() if q.endswith("3件")] == ["litig_lost"]
    assert all(c != "litig_lost" for q, c in got.items() if "50件" in q)


def test_the_pending_count_may_follow_the_breakdown_of_the_count_done():
    text = (
        "收到政府信息公开申请52件，其中自然人申请50件，占比96.2%；答复48件，答复率92.3%，"
        "其中予以公开46件，占比95.8%；结转下年度继续办理4件。"
    )
    pairs = [s for s in sums(text) if [q[-2:] for q in s["part_quotes"]] == ["8件", "4件"]]
    assert len(pairs) == 1 and pairs[0]["total_quote"].endswith("申请52件") and pairs[0]["consistent"]


def test_a_larger_count_after_the_count_done_ends_the_search():
    text = "收到申请52件，答复48件，新媒体发布信息300条，受理咨询60件，4件继续办理。"
    assert not any(len(s["part_quotes"]) == 2 and s["part_quotes"][1].endswith("4件") for s in sums(text))


def test_every_row_of_the_requests_table_is_summed_past_a_label_on_its_own_line():
    text = (
        "\t自然人\t法人或其他组织\t\t总计\n"
        "\t\t商业企业\t其他\t\n"
        "一、本年新收政府信息公开申请数量\t10\t2\t1\t13\n"
        "三、本年度办理结果\n"
        "（一）予以公开\t5\t1\t0\t6\n"
        "（二）部分公开\t2\t0\t1\t4\n"
    )
    got = {(s["stated_total"], s["sum_of_parts"], s["consistent"]) for s in sums(text)}
    assert {(13, 13, True), (6, 6, True), (4, 3, False)} <= got


def test_a_caption_between_two_tables_ends_the_first():
    text = (
        "单位\t甲\t乙\t总计\n"
        "某局\t1\t2\t3\n"
        "第二十条第（五）项\n"
        "信息内容\t本年处理决定数量\t本年新增\t现有\n"
        "行政许可\t5\t1\t9\n"
    )
    assert not any(s["stated_total"] == 9 for s in sums(text))
