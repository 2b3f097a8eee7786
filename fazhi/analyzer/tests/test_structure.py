from fazhi.analyzer.report import analyze_text

FULL = """关于2023年法治政府建设情况的报告
一、党政主要负责人履行推进法治建设第一责任人职责情况
组织学法4次。
二、推进法治政府建设的主要举措和成效
受理行政复议案件32件，办理法律援助423件。
三、存在的不足和原因
部分干部法治意识不强。
四、下一年度推进法治政府建设的主要安排
继续加强学习。
五、其他需要报告的情况
无。
"""


def test_it_classifies_each_heading_as_one_of_the_five_kinds():
    s = analyze_text(FULL).structure.as_dict()
    assert [x["kind"] for x in s["sections"]] == [
        "duty",
        "measures",
        "shortcomings",
        "plan",
        "other",
    ]
    assert s["kinds_missing"] == []


def test_it_counts_figures_per_section_and_names_sections_without_any():
    s = analyze_text(FULL).structure.as_dict()
    assert [x["figures"] for x in s["sections"]] == [1, 2, 0, 0, 0]
    assert s["specificity"]["figures_per_section"] == 0.6
    assert len(s["specificity"]["sections_without_figures"]) == 3


def test_a_kind_written_without_a_heading_is_reported_as_body_only_and_a_missing_kind_as_missing():
    text = "一、完善依法行政制度体系\n办理法律援助423件。\n虽然取得成效，但仍存在一些不足。\n"
    s = analyze_text(text).structure.as_dict()
    assert "存在的不足和原因" in s["kinds_in_body_only"]
    assert "下一年度的工作安排" in s["kinds_missing"]


def test_numbering_must_run_on_for_a_line_to_count_as_a_heading():
    text = "一、主要举措和成效\n三、这不是标题因为跳号了\n二、存在的问题\n"
    s = analyze_text(text + "受理行政复议案件3件，其余情况。" * 2).structure.as_dict()
    assert [x["heading"] for x in s["sections"]] == ["一、主要举措和成效", "二、存在的问题"]


def test_a_numbered_table_row_is_not_a_section_heading():
    from fazhi.analyzer.structure import find_sections

    text = (
        "一、总体情况\n本年度工作有序推进。\n二、主动公开政府信息情况\n略。\n"
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 40 | 6 | 46\n"
        "四、结转下年度继续办理 | 5 | 1 | 6\n"
        "四、政府信息公开行政复议、行政诉讼情况\n略。\n"
    )
    headings = [s.heading for s in find_sections(text)]
    assert headings[-1] == "四、政府信息公开行政复议、行政诉讼情况" and len(headings) == 4
