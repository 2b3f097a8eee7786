"""Tables as tables: empty cells kept in place, side-by-side records, long tables,
negative cells, share columns and 合计 rows. Every table here is invented."""

from decimal import Decimal

from fazhi.analyzer.extract import Compact, extract_figures
from fazhi.analyzer.report import analyze_text

SIDE_BY_SIDE = (
    "表2：各区行政复议案件办理情况\n"
    " | 新收案件数 | 受理案件数 |  | 新收案件数 | 受理案件数\n"
    "甲区 | 12 | 9 | 乙区 | 7 | 5\n"
    "丙区 | 30 | 28 | 丁区 | 4 | 4\n"
    "合计 | 53 | 46\n"
)


def cells(text):
    return [(f.indicator, f.value, f.quote.split(" | ")[-2] if " | " in f.quote else "") for f in extract_figures(text)]


def relations(text):
    """Judged and unjudged relations alike (`checked` tells them apart)."""
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations + a.unchecked]


def test_an_empty_cell_keeps_its_place_so_columns_stay_under_their_headers():
    assert Compact(" | 新收 | 受理 |  | 新收 | 受理\n甲区 | 5 | 4 | 乙区 | 6 | 3").text == (
        "\t新收\t受理\t\t新收\t受理\n甲区\t5\t4\t乙区\t6\t3"
    )
    # A .docx/.html row with an empty first cell (a tab first) keeps it too.
    assert Compact("\t2022年\t2023年\n新收案件\t5\t6").text == "\t2022年\t2023年\n新收案件\t5\t6"


def test_a_left_border_bar_is_not_an_empty_cell():
    # Every row opens with a bar: it is the table's border, as before.
    assert Compact("| 事项 | 数量 |\n| 受理 | 5 |\n").text == "事项\t数量\n受理\t5\n"
    # Trailing empty cells are still dropped.
    assert Compact("| 事项 | 数量 | ||||\n| 受理 | 5 | ||\n").text == "事项\t数量\n受理\t5\n"


def test_side_by_side_records_pair_each_label_with_its_own_cells_and_header():
    got = [(f.indicator, f.value, f.quote.split(" | ")[-3 if f.quote.count(" | ") >= 2 else 0]) for f in extract_figures(SIDE_BY_SIDE)]
    by_value = {(code, v): f for code, v, f in got}
    assert ("recon_received", 12) in by_value and ("recon_accepted", 9) in by_value
    assert ("recon_received", 7) in by_value and ("recon_accepted", 5) in by_value
    assert ("recon_received", 30) in by_value and ("recon_accepted", 28) in by_value
    quotes = {f.value: f.quote for f in extract_figures(SIDE_BY_SIDE)}
    # The second record's cells are quoted from its own label, not the first one's.
    assert quotes[Decimal(7)] == "乙区 | 7" and quotes[Decimal(5)] == "乙区 | 7 | 5"


def test_a_total_row_under_side_by_side_records_sums_every_copy_of_its_column():
    sums = [r for r in relations(SIDE_BY_SIDE) if r["kind"] == "sum"]
    assert sorted((r["stated_total"], r["sum_of_parts"], r["consistent"]) for r in sums) == [
        (46, 46, True),
        (53, 53, True),
    ]
    wrong = SIDE_BY_SIDE.replace("合计 | 53 | 46", "合计 | 55 | 46")
    unjudged = [r for r in relations(wrong) if r["kind"] == "sum" and r["stated_total"] == 55]
    # A total that does not add up is left unjudged (rows may overlap), never 不符.
    assert unjudged and all(r["confidence"] == "无法核对" for r in unjudged)
    assert not analyze_text(wrong).inconsistencies


LONG = "表1：2023年度各单位行政复议案件受理情况统计表\n单位 | 2022受理量 | 2023受理量 | 占比 | 同比\n" + "".join(
    f"第{k}单位 | {k + 1} | {k} | {'%.1f' % (k * 100 / 120)}% | {'%.1f' % ((k - (k + 1)) * 100 / (k + 1))}%\n"
    for k in range(15, 0, -1)
) + "合计 | 135 | 120 | 100.0% | -11.1%\n"


def test_the_last_rows_of_a_long_table_still_read_its_header_and_caption():
    figs = extract_figures(LONG)
    last = [f for f in figs if f.quote.startswith("第1单位")]
    assert [(f.indicator, f.value) for f in last[:2]] == [("recon_accepted", 2), ("recon_accepted", 1)]


def test_a_cell_opening_with_a_minus_sign_is_negative():
    figs = extract_figures(LONG)
    change = [f for f in figs if f.quote.startswith("第1单位") and f.quote.endswith("%")][-1]
    assert change.value == Decimal("-50.0") and change.indicator == "other:同比"
    # A dash between words or a range is not a sign.
    assert [f.value for f in extract_figures("2021-2025年共办理复议案件-3件，受理5件。") if f.value < 0] == []


def test_a_share_column_is_each_count_over_the_total_row_of_the_column_it_fits():
    rates = [r for r in relations(LONG) if r["kind"] == "rate"]
    assert len(rates) == 15 and all(r["consistent"] and (r["confidence"] != "无法核对") for r in rates)
    # The shares are of the 2023 column (just before 占比), over its 合计 120.
    assert {r["denominator_quote"] for r in rates} == {"合计 | 135 | 120"}


SHARES = (
    "单位 | 受理数 | 占比\n"
    "一镇 | 20 | 40.0%\n"
    "二镇 | 15 | 30.0%\n"
    "三镇 | 10 | 20.0%\n"
    "四镇 | 5 | {last}\n"
    "合计 | 50 | 100.0%\n"
)


def test_a_share_that_does_not_fit_a_column_all_other_rows_fit_is_inconsistent():
    rates = [r for r in relations(SHARES.format(last="12.0%")) if r["kind"] == "rate"]
    assert len(rates) == 4
    assert [r["consistent"] for r in rates] == [True, True, True, False]
    assert all(
        r["consistent"] for r in relations(SHARES.format(last="10.0%")) if r["kind"] == "rate"
    )


def test_shares_that_fit_no_count_column_are_not_judged():
    # Two count columns and shares that fit neither well: which count they are of is
    # not proven, so nothing is judged (a false 不符 is worse than a miss).
    text = (
        "单位 | 新收数 | 受理数 | 占比\n一镇 | 20 | 18 | 10.0%\n二镇 | 15 | 12 | 70.0%\n"
        "三镇 | 10 | 9 | 15.0%\n四镇 | 5 | 1 | 5.0%\n合计 | 50 | 40 | 100.0%\n"
    )
    assert not [r for r in relations(text) if r["kind"] == "rate" and r["confidence"] != "无法核对"]
    assert not analyze_text(text).inconsistencies
    # A % column headed 同比, not 占比, is no share of the total.
    text = text.replace("占比", "同比").replace("100.0%", "8.0%")
    assert not [r for r in relations(text) if r["kind"] == "rate"]


def test_column_sums_go_by_position_when_rows_have_different_widths():
    text = (
        "单位 | 新收案件 | 受理案件 | 同比\n"
        "一镇 | 10 | 8 | 14.3%\n"
        "二镇 | 9 | 7 | -12.5%\n"
        "三镇 | 6 | 5 | 25.0%\n"
        "合计 | 25 | 20 | 5.3%\n"
    )
    sums = sorted((r["stated_total"], r["consistent"]) for r in relations(text) if r["kind"] == "sum")
    assert sums == [(20, True), (25, True)]


FLAT = (
    "表1：2023年各区行政复议案件情况\n单位\n新收案件\n受理案件\n审结案件\n"
    "甲区\n12\n9\n8\n乙区\n7\n5\n5\n丙区\n30\n28\n20\n合计\n49\n42\n33\n二、下一步工作\n"
)


def test_a_table_flattened_one_cell_per_line_is_rebuilt_when_the_counts_prove_the_grid():
    assert "单位\t新收案件\t受理案件\t审结案件\n甲区\t12\t9\t8\n" in Compact(FLAT).text
    figs = [(f.indicator, f.value) for f in extract_figures(FLAT)]
    assert figs[:3] == [("recon_received", 12), ("recon_accepted", 9), ("recon_closed", 8)]
    assert ("recon_closed", 5) in figs and figs[-1] == ("recon_closed", 33)
    sums = sorted(r["stated_total"] for r in relations(FLAT) if r["kind"] == "sum" and r["consistent"])
    assert sums == [33, 42, 49]


def test_a_flat_header_one_cell_short_and_rows_of_numbers_only():
    text = "各区复议案件办理情况如下：\n新收案件\n受理案件\n甲区\n12\n9\n乙区\n7\n5\n"
    assert Compact(text).text.endswith("：\n\t新收案件\t受理案件\n甲区\t12\t9\n乙区\t7\t5\n")
    assert [f.indicator for f in extract_figures(text)] == ["recon_received", "recon_accepted"] * 2
    text = "表二 2024年度行政许可实施情况统计表\n申请数量\n受理数量\n许可数量\n不予许可数量\n120\n118\n110\n8\n三、其他\n"
    assert "申请数量\t受理数量\t许可数量\t不予许可数量\n120\t118\t110\t8\n" in Compact(text).text
    assert [f.indicator for f in extract_figures(text)][-1] != [f.indicator for f in extract_figures(text)][0]


def test_short_lines_that_do_not_make_a_grid_are_left_alone():
    # Rows of unequal width: no grid is proven.
    text = "单位\n新收案件\n受理案件\n甲区\n12\n9\n乙区\n7\n三、其他\n"
    assert "\t" not in Compact(text).text
    # One row under the header is not enough for a labelled table.
    text = "单位\n新收案件\n受理案件\n甲区\n12\n9\n三、其他情况说明。\n"
    assert "\t" not in Compact(text).text
    # A header of words over more numbers than it has cells: not a row of numbers.
    text = "申请数量\n受理数量\n许可数量\n120\n118\n110\n8\n"
    assert "\t" not in Compact(text).text


def test_side_by_side_records_with_a_serial_number_column_each():
    text = (
        "表3：各县行政复议案件情况\n序号 | 县区 | 新收案件 | 受理案件 | 序号 | 县区 | 新收案件 | 受理案件\n"
        "1 | 甲县 | 12 | 9 | 4 | 丁县 | 6 | 6\n2 | 乙县 | 10 | 8 | 5 | 戊县 | 5 | 4\n"
        "3 | 丙县 | 8 | 8 | 6 | 己县 | 3 | 3\n合计 |  | 44 | 38\n"
    )
    figs = extract_figures(text)
    # The serial numbers (1–6) are not figures, whichever record they stand before.
    assert sorted(f.value for f in figs) == sorted(
        Decimal(v) for v in (12, 9, 6, 6, 10, 8, 5, 4, 8, 8, 3, 3, 44, 38)
    )
    assert {f.quote for f in figs if f.value == 4} == {"戊县 | 5 | 4"}
    sums = sorted((r["stated_total"], r["consistent"]) for r in relations(text) if r["kind"] == "sum")
    assert sums == [(38, True), (44, True)]


def test_a_row_label_is_the_scope_of_its_cells_but_not_a_total_or_a_header():
    scopes = {(f.value, f.scope) for f in extract_figures(SIDE_BY_SIDE)}
    assert (Decimal(12), "甲区") in scopes and (Decimal(7), "乙区") in scopes
    assert (Decimal(53), "") in scopes  # 合计 is no one's
    text = "表二 行政许可情况\n申请数量 | 受理数量 | 许可数量\n120 | 118 | 110\n"
    assert {f.scope for f in extract_figures(text)} == {""}


def test_a_row_label_with_a_long_bracketed_note_still_labels_its_cells():
    text = (
        "事项 | 自然人 | 法人或其他组织 | 总计\n"
        "（一）予以公开 | 20 | 3 | 23\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5 | 1 | 6\n"
    )
    figs = extract_figures(text)
    assert [f.value for f in figs if "部分公开" in f.quote] == [5, 1, 6]
    # A sentence in a cell is still prose, not a label.
    text = "说明 | 数量\n本年度共收到申请，均已按期答复并告知申请人救济途径。 | 5\n"
    assert not extract_figures(text)


APPEALS = (
    "行政复议 | 行政诉讼\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
    "{row}\n"
)


def test_each_total_column_closes_its_own_group():
    text = APPEALS.format(row="4 | 2 | 1 | 0 | 7 | 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 1 | 2")
    sums = [(r["stated_total"], r["sum_of_parts"], r["consistent"]) for r in relations(text) if r["kind"] == "sum"]
    assert sums == [(7, 7, True), (3, 3, True), (2, 2, True)]
    # A group that does not add up is left unjudged, never 不符.
    text = APPEALS.format(row="4 | 2 | 1 | 0 | 9 | 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 1 | 2")
    bad = [r for r in relations(text) if r["kind"] == "sum" and r["stated_total"] == 9]
    assert bad and bad[0]["confidence"] == "无法核对"
    assert not analyze_text(text).inconsistencies


def test_an_html_table_with_an_empty_first_header_cell_pairs_records_and_sums_them():
    from fazhi.analyzer.report import analyze_bytes

    page = (
        "<html><body><p>表2：各区行政复议案件办理情况</p><table>"
        "<tr><th></th><th>新收案件数</th><th>受理案件数</th><th></th><th>新收案件数</th><th>受理案件数</th></tr>"
        "<tr><td>甲区</td><td>12</td><td>9</td><td>乙区</td><td>7</td><td>5</td></tr>"
        "<tr><td>合计</td><td>19</td><td>14</td></tr></table></body></html>"
    )
    a = analyze_bytes(page.encode(), "各区.html")
    assert [(f.indicator, f.value, f.scope) for f in a.figures[:4]] == [
        ("recon_received", 12, "甲区"),
        ("recon_accepted", 9, "甲区"),
        ("recon_received", 7, "乙区"),
        ("recon_accepted", 5, "乙区"),
    ]
    assert sorted(r.stated_total or 0 for r in a.relations if r.kind == "sum" and r.consistent) == [14, 19]


def test_in_a_transposed_table_the_column_of_a_place_is_the_scope():
    text = "项目 | 甲区 | 乙区 | 丙县\n新收行政复议案件 | 12 | 7 | 30\n受理行政复议案件 | 9 | 5 | 28\n"
    got = [(f.indicator, f.value, f.scope) for f in extract_figures(text)]
    assert got == [
        ("recon_received", 12, "甲区"),
        ("recon_received", 7, "乙区"),
        ("recon_received", 30, "丙县"),
        ("recon_accepted", 9, "甲区"),
        ("recon_accepted", 5, "乙区"),
        ("recon_accepted", 28, "丙县"),
    ]


def test_a_table_of_hundreds_of_rows_reads_its_header_for_the_last_row():
    text = "表9：各村行政复议案件情况\n村 | 新收案件 | 受理案件\n" + "".join(
        f"第{k}村 | {k % 7 + 1} | {k % 5}\n" for k in range(600)
    )
    last = [f for f in extract_figures(text) if f.quote.startswith("第599村")]
    assert [(f.indicator, f.value) for f in last] == [("recon_received", 5), ("recon_accepted", 4)]


def test_a_part_row_in_a_share_column_is_not_judged_over_the_total():
    text = (
        "单位 | 受理数 | 占比\n一镇 | 20 | 40.0%\n其中：一镇本级 | 10 | 50.0%\n二镇 | 15 | 30.0%\n"
        "三镇 | 10 | 20.0%\n四镇 | 5 | 10.0%\n合计 | 50 | 100.0%\n"
    )
    assert not analyze_text(text).inconsistencies
    judged = [r for r in relations(text) if r["kind"] == "rate" and r["confidence"] != "无法核对"]
    assert len(judged) == 4 and all(r["consistent"] for r in judged)


# A table flattened one cell per line whose rows open with their own number (序号),
# with blank lines between the cells, as a web page's table often comes out as text.
NUMBERED_FLAT = "\n\n".join(
    ["全年共审结复议案件500件。具体情况如下：", "复议案件审结情况(件)", "序号", "处理方式", "数量", "比例"]
    + ["1", "作出维持决定", "300", "60%", "2", "驳回复议申请", "150", "30%"]
    + ["3", "确认违法", "50", "10%", "4", "合计", "500", "100%"]
) + "\n"


def test_a_flat_table_whose_rows_open_with_their_number_is_rebuilt_as_rows():
    text = Compact(NUMBERED_FLAT).text
    assert "序号\t处理方式\t数量\t比例\n1\t作出维持决定\t300\t60%\n" in text
    assert "4\t合计\t500\t100%" in text
    # The row numbers are no figures.
    assert sorted(f.value for f in extract_figures(NUMBERED_FLAT) if not f.unit.endswith("%")) == [
        50, 150, 300, 500, 500
    ]


def test_a_total_row_restating_a_count_given_before_the_table_takes_its_code():
    figs = extract_figures(NUMBERED_FLAT)
    assert [f.indicator for f in figs if f.value == 500] == ["recon_closed", "recon_closed"]
    rels = relations(NUMBERED_FLAT)
    (total,) = [r for r in rels if r["kind"] == "sum"]
    assert total["consistent"] and total["stated_total"] == 500 and len(total["part_quotes"]) == 3
    assert sum(1 for r in rels if r["kind"] == "rate" and r["consistent"]) == 3
