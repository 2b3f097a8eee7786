"""One test per kind of failure issue 22 saw on texts the analyzer had never read,
each built from sentences of our own making (the unseen texts stay unseen)."""

import io
from decimal import Decimal

import docx
import pytest

from fazhi.analyzer.extract import extract_figures
from fazhi.analyzer.reading import read_bytes
from fazhi.analyzer.report import analyze_bytes, analyze_text


def rels(text, kind=None):
    a = analyze_text(text)
    out = [r.as_dict(a.figures) for r in a.relations]
    return [r for r in out if kind is None or r["kind"] == kind]


def values(text):
    return [(f.indicator, f.value) for f in extract_figures(text)]


def bad(text):
    return [r for r in rels(text) if not r["consistent"]]


# 1. Rates linked to their counts ---------------------------------------------------


def test_a_share_over_a_stated_total_is_linked_to_both_counts():
    text = "全年共收到行政复议申请6201件，依法受理4955件，占收案总数的79.9%。"
    (r,) = rels(text, "rate")
    assert r["numerator_quote"].endswith("4955件") and r["denominator_quote"].endswith("6201件")
    assert (r["computed"], r["consistent"]) == (79.91, True)


def test_two_rates_sharing_one_numeral_after_junwei_are_two_figures():
    figs = extract_figures("人大代表建议和政协提案办复率、满意率均为100%。")
    assert [f.value for f in figs] == [100, 100]
    assert len({f.indicator for f in figs}) == 2


# 2. No false inconsistencies from wrong attachment ---------------------------------


def test_qizhong_parts_of_two_totals_are_not_checked_against_one():
    text = "全县行政复议案件69件，其中不予受理3件，新收68件、上年结转1件，办结13件。"
    assert bad(text) == []
    sums = rels(text, "sum")
    assert [(r["stated_total"], r["sum_of_parts"]) for r in sums if r["consistent"]] == [(69, 69)]


def test_qizhong_opening_a_sentence_after_a_list_is_checked_against_the_total_its_parts_make():
    # The 其中 list breaks down the 120 corrected cases, not the last outcome (确认违法70件).
    text = (
        "全年审结复议案件500件，其中直接纠错120件。结果分别为撤销30件，责令履职20件，确认违法70件。"
        "其中行政强制类案件80件，行政处罚类案件25件，其他类15件。"
    )
    assert bad(text) == []
    (r,) = [r for r in rels(text, "sum") if r["part_quotes"] and "80件" in r["part_quotes"][0]]
    assert r["total_quote"].endswith("直接纠错120件") and r["consistent"] is True
    assert r["confidence"] == "较确定"


def test_qizhong_opening_a_sentence_whose_total_is_unsure_gets_no_verdict():
    text = (
        "全年审结复议案件500件。结果分别为撤销30件，责令履职20件，确认违法70件。"
        "其中行政强制类案件80件，行政处罚类案件25件。"
    )
    assert bad(text) == []


def test_a_paragraph_without_a_topic_takes_it_from_its_heading():
    text = (
        "一、案件情况\n（一）行政复议案件\n"
        "1.审结情况。全年审结案件300件，其中维持原行政行为的200件，撤销原行政行为12件，确认违法8件。\n"
        "（二）调解工作\n全年调解成功1500件。\n"
    )
    codes = dict((v, c) for c, v in values(text))
    assert codes[Decimal(200)] == "recon_upheld" and codes[Decimal(12)] == "recon_revoked"
    assert codes[Decimal(8)] == "recon_confirmed_illegal" and codes[Decimal(300)] == "recon_closed"
    # A paragraph that names its own topic keeps it, whatever the heading says.
    own = "三、政府信息公开相关行政复议、诉讼情况\n全区发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。"
    assert not any(c.startswith("recon_") for c, _v in values(own))


def test_a_part_in_another_measure_word_is_not_a_part():
    text = "开展网上意见征集3个，其中采纳意见建议26条。"
    assert rels(text, "sum") == []


def test_a_rate_is_not_checked_over_a_count_smaller_than_its_numerator():
    # 603 ÷ 2 would be 30150%: the 2 is a part, the total is 612.
    text = "全市受理行政复议案件612件，其中市本级2件；调解结案603件，调解和解率98.5%。"
    assert bad(text) == []
    (r,) = rels(text, "rate")
    assert r["denominator_quote"].endswith("612件") and r["consistent"]


def test_the_mediation_rate_of_reconsideration_divides_by_the_closed_cases():
    text = "受理行政复议案件80件，审结60件，调解结案15件，调解和解率25%。"
    (r,) = rels(text, "rate")
    assert r["denominator_quote"].endswith("60件") and r["consistent"]


# 3. Right number, right code --------------------------------------------------------


def test_information_requests_are_not_reconsideration():
    assert values("全年共收到政府信息公开申请120件。") == [("disclosure_requests", 120)]


def test_respondent_breakdowns_are_not_superior_cases():
    text = "县政府收到行政复议申请51件。被申请人为县直部门的39件，为乡镇政府的12件。"
    assert "recon_superior_cases" not in [c for c, _v in values(text)]


def test_jiucuo_wei_a_percentage_is_the_correction_rate():
    assert values("行政复议纠错为4.1%。") == [("recon_correction_rate", Decimal("4.1"))]


def test_resolution_rates_are_not_the_mediation_rate():
    text = "全年调处矛盾纠纷500件，矛盾纠纷实质性化解率为95%，综合化解率98%。"
    assert [c for c, _v in values(text)].count("mediation_rate") == 0


def test_award_counts_are_not_mediators():
    assert "mediators" not in [c for c, _v in values("3人荣获全省优秀人民调解员称号。")]


def test_screened_disputes_are_not_cases_mediated():
    assert "mediation_cases" not in [c for c, _v in values("开展矛盾纠纷排查1200次，排查纠纷300件。")]


# 4. Numbers that were missed --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全市共办理行政处罚2100，行政许可3500。", Decimal(2100)),
        ("共审结复议案件4696。", Decimal(4696)),
        ("征集投票1200票。", Decimal(1200)),
        ("考核得分95.5分。", Decimal("95.5")),
        ("发放宣传资料12种。", Decimal(12)),
        ("平均办理时限为5个工作日。", Decimal(5)),
        ("受教育群众160多万人次。", Decimal(1600000)),
        ("法官与案件比为2.5:1。", Decimal("2.5")),
    ],
)
def test_counts_in_every_measure_word_are_read(text, value):
    assert value in [v for _c, v in values(text)]


def test_a_table_flattened_one_cell_per_line_keeps_its_numbers():
    text = "行政复议案件审理结果\n作出维持决定\n3509\n74.7%\n合计\n4696\n100%\n"
    got = [v for _c, v in values(text)]
    assert Decimal(3509) in got and Decimal(4696) in got and Decimal("74.7") in got


def test_a_bare_count_after_its_measure_gets_its_code():
    assert values("共审结复议案件4696。") == [("recon_closed", 4696)]


# 5. Spurious numbers ----------------------------------------------------------------


def test_numerals_in_the_structure_of_the_text_are_not_figures():
    assert values("本报告共六个部分。我县考核成绩居于全市前五位，排名前三名。") == []


# 6. Tables are tables ---------------------------------------------------------------


def _docx_table(rows):
    d = docx.Document()
    d.add_paragraph("关于2023年行政复议工作情况的报告")
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


TABLE = [
    ["行政复议决定", "件数", "占比"],
    ["作出维持决定", "3509", "74.7%"],
    ["驳回复议申请", "1110", "23.6%"],
    ["纠错", "77", "1.7%"],
    ["合计", "4696", "100%"],
]


def test_docx_table_cells_are_not_glued_together():
    a = analyze_bytes(_docx_table(TABLE), "t.docx")
    got = {f.value for f in a.figures}
    assert {Decimal(3509), Decimal("74.7"), Decimal(4696), Decimal(100)} <= got
    assert Decimal(350974) not in got and Decimal(4696100) not in got


def test_shares_in_a_table_are_checked_against_the_total_row():
    a = analyze_bytes(_docx_table(TABLE), "t.docx")
    checks = [r.as_dict(a.figures) for r in a.relations if r.kind == "rate"]
    by_stated = {r["stated"]: r for r in checks}
    assert by_stated[74.7]["consistent"] and by_stated[74.7]["denominator_quote"].endswith("4696")
    # 77 ÷ 4696 = 1.64%, which rounds to 1.6%, not the 1.7% stated: the text proves it.
    wrong = by_stated[1.7]
    assert (wrong["computed"], wrong["consistent"]) == (1.64, False)
    assert "1.6%" in wrong["note"]


def test_html_is_read_without_its_tags_and_with_its_tables():
    html = (
        "<html><head><style>p{color:red}</style><script>var a=1;</script></head><body>"
        "<p>2023年，县政府收到行政复议申请51件。</p>"
        "<table><tr><td>作出维持决定</td><td>3509</td><td>74.7%</td></tr>"
        "<tr><td>合计</td><td>4696</td><td>100%</td></tr></table></body></html>"
    )
    text = read_bytes(html.encode("utf-8"), "r.html")
    assert "<" not in text and "color" not in text and "var a" not in text
    assert "作出维持决定\t3509\t74.7%" in text
    a = analyze_bytes(html.encode("utf-8"), "r.htm")
    assert Decimal(3509) in {f.value for f in a.figures}


# 7. Formulas from the catalogue -----------------------------------------------------


def test_the_loss_rate_divides_by_judged_cases_as_the_catalogue_does():
    text = "全县行政应诉案件12件，审结行政诉讼案件10件，判决结案8件，败诉2件，败诉率为25%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] and r["denominator_quote"].endswith("8件")


def test_a_correction_rate_over_another_base_says_which_reading_it_matches():
    # The catalogue divides by cases decided on the merits, not stated here; over all
    # closed cases 5 ÷ 20 = 25% fits: that reading is named, nothing is called wrong.
    text = "审结行政复议案件20件，其中维持12件，纠错5件，纠错率为25%。"
    (r,) = rels(text, "rate")
    assert r["consistent"] and "审结" in r["note"]


def test_a_verdict_says_how_sure_it_is_and_why():
    (r,) = rels("全县共调处各类矛盾纠纷1047件，调处成功951件，调解成功率91%。", "rate")
    assert r["confidence"] in ("确定", "较确定")
    assert "951÷1047" in r["note"]


def test_fazhis_own_annual_report_is_not_flagged():
    from fazhi.org.models import Unit, UnitKind
    from fazhi.reports import compose, outline
    from fazhi.reports.annual import fill, words

    values = dict(
        recon_received=20,
        recon_accepted=18,
        recon_closed=15,
        recon_upheld=5,
        recon_dismissed=2,
        recon_revoked=3,
        recon_altered=1,
        recon_confirmed_illegal=1,
        recon_terminated=1,
        recon_corrected=5,
        recon_correction_base=12,
        recon_correction_rate=Decimal("41.67"),
        recon_mediated=2,
        recon_mediation_rate=Decimal("13.33"),
        litig_cases=12,
        litig_closed=10,
        litig_judged=8,
        litig_lost=2,
        litig_won=5,
        litig_withdrawn=2,
        litig_loss_rate=25,
    )
    unit = Unit(name="确山县人民政府", kind=UnitKind.COUNTY)
    # The composer's first draft (reports/compose.py) of the parts that carry figures.
    text = "\n".join(
        fill(compose.compose_section(kind, outline.THEMES, values, {}, words(unit, 2023)), values)
        for kind in ("measures", "shortcomings")
    )
    assert "败诉率" in text and "纠错率" in text
    a = analyze_text(text)
    assert [r.note for r in a.relations if not r.consistent] == []
    loss = next(r for r in a.relations if r.kind == "rate" and a.figures[r.rate].indicator == "litig_loss_rate")
    assert loss.consistent and a.figures[loss.denominator].value == 8


DISCLOSURE_TABLE = (
    "三、收到和处理政府信息公开申请情况\n"
    "申请人情况 | 自然人 | 法人或其他组织 | 总计 |\n"
    "一、本年新收政府信息公开申请数量 | 58 | 7 | 1 | 66 |\n"
    "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 3 |\n"
)


def test_a_row_under_a_total_column_is_checked_against_its_cells():
    sums = rels(DISCLOSURE_TABLE, "sum")
    assert [(r["stated_total"], r["sum_of_parts"], r["consistent"]) for r in sums] == [
        (66, 66, True),
        (3, 2, False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # 12 is not the count of the 4.1%: no whole total is invented to call it wrong.
        "受理行政复议案件300件，审结280件，维持200件，纠错12件，调解结案30件，纠错率为4.1%。",
        # Parts that overlap (a migrant worker may be old) each fit their total.
        "受理法律援助案件60件，其中农民工40件、老年人30件。",
        # The catalogue's base of the 纠错率 (decisions on the merits) is not stated.
        "审结行政复议案件15件，维持5件，驳回2件，撤销3件，变更1件，纠错5件，纠错率为50%。",
        # Two 总计 columns side by side are not one row sum.
        "行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 总计 | 未经复议直接起诉 | 复议后起诉 | 总计 |\n"
        "情况 | 3 | 1 | 4 | 2 | 1 | 3 |\n",
    ],
    ids=["count-not-before-rate", "overlapping-parts", "unstated-merits-base", "two-total-columns"],
)
def test_what_the_text_does_not_prove_is_not_called_wrong(text):
    assert bad(text) == []


def test_an_event_count_right_before_a_rate_proves_nothing_against_it():
    # 3 appearances (件次) cannot be the count of a 70% rate over whole cases: no verdict;
    # 3 cases (件) can, and no whole number of cases gives 70%.
    assert bad("负责人出庭应诉3件次，出庭应诉率达到70%。") == []
    assert [r["implied_denominator"] for r in bad("负责人出庭应诉3件，出庭应诉率达到70%。")] == [4]


def test_a_time_of_day_is_not_a_score():
    assert values("会议于8点30分召开。") == []


def test_row_numbers_hotlines_and_rows_without_a_label_give_no_figures():
    text = "序号\t事项\t件数\n1\t作出维持决定\t3509\n2\t驳回复议申请\t1110\n\t\t\n3\t4\t5\n群众可拨打12345，咨询法律问题。"
    got = values(text)
    assert [v for _c, v in got] == [3509, 1110]


def test_a_row_of_numbers_takes_its_names_from_the_merged_header_above():
    html = (
        "<p>五、因政府信息公开申请行政复议、提起行政诉讼的情况</p><table>"
        '<tr><td colspan="3">行政复议</td><td colspan="2">行政诉讼</td></tr>'
        "<tr><td>结果维持</td><td>结果纠正</td><td>总计</td><td>结果维持</td><td>总计</td></tr>"
        "<tr><td>2</td><td>1</td><td>3</td><td>0</td><td>0</td></tr></table>"
    )
    a = analyze_bytes(html.encode("utf-8"), "r.html")
    assert [(f.indicator, f.value) for f in a.figures][:2] == [
        ("recon_upheld", 2),
        ("recon_corrected", 1),
    ]
    assert [f.value for f in a.figures] == [2, 1, 3, 0, 0]


def test_a_rate_that_fits_another_count_nearby_is_not_called_wrong():
    text = "全年调解纠纷3200件，其中婚姻家庭纠纷800件，调解成功780件，调解成功率97.5%。"
    assert bad(text) == []
    assert any(r["consistent"] and r["denominator_quote"].endswith("800件") for r in rels(text, "rate"))


def test_a_share_whose_words_name_a_part_of_the_coded_total_is_not_called_wrong():
    # 占…的 names the part (外来务工人员的 cases, 950), not all the cases (4000) whose code it shares.
    text = (
        "全市共办理法律援助案件4000件，其中涉及外来务工人员的法律援助案件950件；"
        "办结外来务工人员法律援助案件800件，占外来务工人员法律援助案件量的84%。"
    )
    assert bad(text) == []
    assert any(
        r["consistent"] and r["denominator_quote"].endswith("950件") for r in rels(text, "rate")
    )


def test_a_share_whose_words_name_an_earlier_total_is_over_that_total():
    # 占全市新收…总数 names the city's 2000 requests, not the nearer districts' 1500.
    text = (
        "全市各级行政复议机构新收行政复议申请2000件。\n"
        "各区新收行政复议申请1500件，其中甲区收到行政复议申请500件，占全市新收行政复议申请总数的25%。"
    )
    assert bad(text) == []
    (r,) = [r for r in rels(text, "rate") if r["stated"] == 25]
    assert r["denominator_quote"].endswith("2000件") and r["consistent"] is True


def test_a_percentage_column_without_a_100_percent_total_is_not_read_as_shares():
    table = [r[:] for r in TABLE]
    table[0][2] = "同比增减"
    table[4][2] = "5.2%"
    a = analyze_bytes(_docx_table(table), "t.docx")
    assert [r for r in a.relations if r.kind == "rate"] == []


def test_more_outcomes_than_cases_accepted_this_year_is_not_called_wrong():
    # The outcomes also decide cases carried over from last year.
    text = "受理行政复议案件28件，经审理，维持15件，驳回8件，撤销5件，确认违法3件。"
    assert bad(text) == []
    assert bad(text.replace("受理", "审结")) != []


def test_one_rate_word_after_two_counts_with_junwei_gives_a_rate_for_each():
    got = values("办理人大代表建议86件、政协提案112件，办结率均为100%。")
    assert got == [
        ("npc_suggestions", 86),
        ("cppcc_proposals", 112),
        ("npc_completion_rate", 100),
        ("cppcc_completion_rate", 100),
    ]


def test_a_rate_stated_as_a_limit_is_checked_as_one():
    assert bad("调处纠纷1000件，调解成功990件，调解成功率达98%以上。") == []
    (r,) = bad("调处纠纷1000件，调解成功950件，调解成功率达98%以上。")
    assert "下限" in r["note"]


def test_a_change_in_a_rate_is_not_the_rate():
    text = "调处纠纷1000件，调解成功990件，调解成功率同比提高1.2%。"
    assert [c for c, _v in values(text)][2:] == ["other:change"]
    assert bad(text) == []
    assert values("调解成功率提高到99%。") == [("mediation_rate", 99)]


def test_counts_of_another_period_do_not_prove_a_rate_wrong():
    text = "2021年至2023年累计调处纠纷3000件，调解成功2950件，2023年调解成功率99%。"
    assert bad(text) == []
    assert bad("调处纠纷3000件，调解成功2950件，调解成功率99%。") != []


# Batch 065–078: shares over a base the categories add up to ------------------------

_CATEGORIES = (
    "全年共收到行政复议申请500件。\n"
    "从申请事项看，行政处罚类200件，占比40%；行政强制类150件，占比30%；信息公开类60件，"
    "占比14%；其他类90件，占比18%。\n"
    "从管理领域看，市场监管类100件，占比20%，城市管理类50件，占比10%。\n"
)


def test_bare_shares_of_categories_adding_up_to_an_earlier_count_are_over_it():
    rates = [r for r in rels(_CATEGORIES, "rate")]
    over_total = [r for r in rates if r["denominator_quote"] and r["denominator_quote"].endswith("500件")]
    assert len(over_total) == 6  # four categories and the other criterion's two
    (wrong,) = bad(_CATEGORIES)
    assert wrong["rate_quote"].startswith("占比14%") and wrong["computed"] == Decimal("12")
    (total,) = [s for s in rels(_CATEGORIES, "sum") if s["total_quote"].endswith("500件")]
    assert total["sum_of_parts"] == 500 and not total["partial"]


def test_categories_that_do_not_add_up_to_a_stated_count_get_no_verdict():
    text = _CATEGORIES.replace("其他类90件", "其他类80件")
    assert bad(text) == []
    assert not [s for s in rels(text, "sum") if s["total_quote"].endswith("500件")]


def test_a_qizhong_sentence_after_a_list_breaks_down_the_count_it_adds_up_to():
    text = "行政复议审结案件中直接纠错60件。结果分别为撤销20件，确认违法40件。其中行政强制类案件45件，其他类15件。"
    got = values(text)
    assert got[-2:] == [("recon_corrected", 45), ("recon_corrected", 15)]


def test_a_catalogue_base_stated_only_in_another_section_is_used_when_the_rate_fits():
    text = (
        "全年收到行政复议申请400件，受理380件，直接纠错60件，纠错率17.1%。\n"
        "（三）审结情况\n区政府审结行政复议案件350件。\n"
    )
    (rate,) = [r for r in rels(text, "rate") if r["rate_quote"].startswith("纠错率")]
    assert rate["denominator_quote"].endswith("350件") and rate["consistent"]
    # A base elsewhere that does not fit is not used, and nothing is called wrong.
    other = text.replace("350件", "300件")
    assert bad(other) == []
    assert not [r for r in rels(other, "rate") if (r["denominator_quote"] or "").endswith("300件")]


def test_a_total_row_under_a_table_of_place_pairs_is_the_sum_of_every_cell():
    text = (
        "表1：各县受理行政复议案件情况\n"
        "地区 | 数量 | 地区 | 数量\n"
        "甲县 | 30 | 乙县 | 20\n"
        "丙县 | 7 | 丁县 | 3\n"
        "总计 | 60\n"
    )
    a = analyze_text(text)
    (rel,) = [r for r in a.relations if r.kind == "sum"]
    assert rel.consistent and rel.checked and rel.sum_of_parts == 60 and len(rel.parts) == 4
    # A total that the cells do not make is not judged (rows may hold parts of others).
    a = analyze_text(text.replace("总计 | 60", "总计 | 61"))
    assert not [r for r in a.relations if r.kind == "sum"]
    (rel,) = [r for r in a.unchecked if r.kind == "sum"]
    assert not rel.consistent and rel.sum_of_parts == 60


def test_outcomes_opened_by_jieguozhong_after_a_sentence_add_up_to_the_count_they_break_down():
    text = "全年共收到依申请公开12件，上年结转申请0件。处理结果中，予以公开4件，信息不存在的6件，结转下年度办理2件。"
    a = analyze_text(text)
    (rel,) = [r for r in a.relations if r.kind == "sum"]
    assert rel.consistent and a.figures[rel.total].value == 12 and len(rel.parts) == 3
    # The outcomes are not more requests.
    assert all(not a.figures[i].indicator == "disclosure_requests" for i in rel.parts)
    # Outcomes that add up to no count before are left alone (no relation, no verdict).
    a = analyze_text(text.replace("予以公开4件", "予以公开5件"))
    assert not [r for r in a.relations if r.kind == "sum"]


def test_a_total_in_jianci_adds_up_cases_and_visits():
    text = "全年为群众办实事5000件次，其中办理法律援助案件1200件、接待法律咨询3800人次。"
    a = analyze_text(text)
    (rel,) = [r for r in a.relations if r.kind == "sum"]
    assert rel.consistent and len(rel.parts) == 2 and rel.sum_of_parts == 5000
    # A total in 件 does not take visits as its parts.
    a = analyze_text("全年办理案件5000件，其中法律援助案件1200件、接待法律咨询3800人次。")
    assert all(len(r.parts) == 1 for r in a.relations if r.kind == "sum")
