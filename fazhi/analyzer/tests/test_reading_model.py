"""The reading model's general mechanisms found by the blind corpus texts 012–018
(issue 22), each on sentences of our own making."""

from fazhi.analyzer.extract import extract_figures
from fazhi.analyzer.report import analyze_text


def codes(text):
    return [(f.indicator, int(f.value)) for f in extract_figures(text)]


def rels(text, kind):
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.relations if r.kind == kind], a


def test_appeals_caused_by_disclosure_requests_are_not_the_bodys_own_caseload():
    got = codes("本年度因政府信息公开申请引发行政复议2件、行政诉讼1件。")
    assert [c for c, _v in got] == ["other:disclosure_appeals"] * 2


def test_a_fields_share_of_the_cases_is_not_the_caseload():
    (code, _v), = codes("全年办理涉企行政复议案件23件。")
    assert code.startswith("other:")


def test_a_qualifying_parenthesis_does_not_name_the_count():
    assert codes("行政复议方面，全年审结（含上年结转）41件。")[0] == ("recon_closed", 41)


def test_the_means_named_before_deng_name_the_count():
    text = "行政复议工作中，通过调解、和解等方式结案12件。"
    assert codes(text) == [("recon_mediated", 12)]


def test_on_time_replies_are_a_part_of_the_requests_and_their_rate_is_checked():
    text = "全年共受理政府信息公开申请50件，其中按期办结49件，按期办结率98%。"
    assert [c for c, _v in codes(text)][:2] == ["disclosure_requests", "disclosure_replied_on_time"]
    (rate,), _a = rels(text, "rate")
    assert rate["numerator_quote"].endswith("49件") and rate["denominator_quote"].endswith("50件")
    assert (rate["computed"], rate["consistent"]) == (98.0, True)
    (total,), _a = rels(text, "sum")
    assert total["consistent"] and total["partial"]


def test_a_clause_repeating_the_head_noun_shares_the_verb_but_other_items_do_not():
    assert codes("通过门户网站发布工作动态信息60条，政策文件信息20条。") == [
        ("disclosure_proactive", 60),
        ("disclosure_proactive", 20),
    ]
    got = codes("区级保留行政许可事项120项，其他事项80项。")
    assert got[0] == ("permit_items", 120) and got[1][0].startswith("other:")


def test_lists_and_changes_to_a_list_are_not_its_items():
    got = codes("梳理政务服务事项清单12个，取消政务服务事项9项，保留政务服务事项300项。")
    assert got[0][0].startswith("other:") and got[1][0].startswith("other:")
    assert got[2] == ("service_items", 300)


def test_an_outcome_list_with_rejections_is_judged_only_when_it_adds_up():
    adds_up = "全年审结行政复议案件20件，维持10件，撤销4件，终止3件，不予受理3件。"
    (s,), _a = rels(adds_up, "sum")
    assert s["consistent"] and s["confidence"] == "较确定"
    off = "全年审结行政复议案件20件，维持10件，撤销4件，终止3件，不予受理5件。"
    sums, a = rels(off, "sum")
    assert sums == [] and not a.inconsistencies
    assert any(r.kind == "sum" and not r.checked for r in a.unchecked)
