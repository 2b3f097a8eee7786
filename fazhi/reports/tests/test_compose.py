"""The first draft in prose (compose.py): zero figures, empty families and unnamed things never written."""

import pytest
from django.core.exceptions import ValidationError

from fazhi.indicators import prose
from fazhi.reports import annual, compose, outline
from fazhi.reports.models import ReportTemplate

WORDS = {"year": "2022", "next_year": "2023", "scope": "全县", "unit": "确山县"}


def no_names(code, field):
    return []


def titles(code, field):
    return {"decision_count": ["甲方案", "乙办法"]}.get(code, [])


def w(sentence, values, names=no_names):
    return prose.write(sentence, values, names, WORDS)


def test_a_sentence_with_a_zero_figure_is_not_written():
    assert w("办理{{a}}，其中{{b}}。", {"a": 5, "b": 0}) is None
    assert w("办理{{a}}。", {"a": None}) is None
    assert w("{year}年{scope}办理{{a}}。", {"a": 5}) == "2022年全县办理{{a}}。"


def test_an_optional_segment_goes_alone_and_segments_nest():
    values = {"a": 5, "b": 0, "c": 2, "d": 0}
    assert w("办理{{a}}[[，变更{{b}}]][[，撤销{{c}}[[，其中{{d}}]]]]。", values) == "办理{{a}}，撤销{{c}}。"


def test_a_condition_decides_between_wordings():
    entry = ["?(won + lost + withdrawn = closed) 审结{{closed}}，其中胜诉{{won}}、败诉{{lost}}。", "审结{{closed}}。"]
    theme = {"key": "t", "section": "measures", "heading": "诉讼", "sentences": [entry]}
    adds_up = {"closed": 10, "won": 7, "lost": 3, "withdrawn": 0}
    text = compose.compose_section("measures", [theme], adds_up, no_names, WORDS)
    assert text == "（一）诉讼。审结{{closed}}，其中胜诉{{won}}、败诉{{lost}}。"
    does_not = dict(adds_up, withdrawn=2)
    assert compose.compose_section("measures", [theme], does_not, no_names, WORDS) == "（一）诉讼。审结{{closed}}。"


def test_names_behind_a_figure_are_written_and_a_missing_name_drops_its_segment():
    sentence = "作出重大行政决策{{decision_count}}[[，包括<<《decision_count.title》>>等]]。"
    assert w(sentence, {"decision_count": 2}, titles) == "作出重大行政决策{{decision_count}}，包括《甲方案》、《乙办法》等。"
    assert w(sentence, {"decision_count": 2}) == "作出重大行政决策{{decision_count}}。"


def test_punctuation_left_by_dropped_segments_is_tidied():
    sentence = "办理案件{{a}}，其中[[处罚{{b}}、]][[许可{{c}}、]]。"
    assert prose.tidy(w(sentence, {"a": 3, "b": 0, "c": 3})) == "办理案件{{a}}，其中许可{{c}}。"
    assert prose.tidy(w(sentence, {"a": 3, "b": 0, "c": 0})) == "办理案件{{a}}。"


def test_a_measures_theme_with_nothing_to_say_is_left_out_and_the_plan_follows_the_themes_written():
    themes = [
        {"key": "x", "section": "measures", "heading": "甲", "plan": "做好甲", "sentences": ["甲{{a}}。"]},
        {"key": "y", "section": "measures", "heading": "乙", "plan": "做好乙", "sentences": ["乙{{b}}。"]},
    ]
    values = {"a": 1, "b": 0}
    assert compose.compose_section("measures", themes, values, no_names, WORDS) == "（一）甲。甲{{a}}。"
    plans = compose.compose_section("plans", themes, values, no_names, WORDS)
    assert "一是做好甲。" in plans and "做好乙" not in plans and plans.startswith("2023年，全县将")


def test_enumerated_sentences_are_numbered_after_the_ones_left_out():
    theme = {"key": "s", "section": "shortcomings", "lead": "存在不足。", "enumerate": True,
             "sentences": ["败诉{{a}}。", "超期{{b}}。", "逾期{{c}}。"], "close": "原因如下。"}
    text = compose.compose_section("shortcomings", [theme], {"a": 1, "b": 0, "c": 2}, no_names, WORDS)
    assert text == "存在不足。一是败诉{{a}}。二是逾期{{c}}。原因如下。"


def test_the_default_outline_covers_the_five_parts_and_parses():
    assert compose.check_themes(outline.THEMES) == []
    sections = {t["section"] for t in outline.THEMES}
    assert {"principals", "measures", "shortcomings", "other"} <= sections


@pytest.mark.parametrize(
    ("themes", "message"),
    [
        ("不是列表", "专题应为列表"),
        ([{"section": "nope", "sentences": []}], "章节代码“nope”未知"),
        ([{"section": "measures", "heading": "甲", "sentences": ["办理{{a}}[[，其中"]}], "没有对应的“]]”"),
        ([{"section": "measures", "heading": "甲", "sentences": ["?(a ~ b) 办理{{a}}"]}], "句子格式不正确"),
    ],
)
def test_a_province_outline_that_cannot_be_used_is_refused_with_a_chinese_message(themes, message):
    template = ReportTemplate(name="某省", themes=themes)
    with pytest.raises(ValidationError) as exc:
        template.clean()
    assert message in str(exc.value)


@pytest.mark.django_db
def test_a_templates_themes_replace_the_default_outline(staffed, county_a):
    ReportTemplate.objects.create(
        name="某省",
        themes=[
            {"key": "p", "section": "measures", "heading": "队伍建设", "plan": "加强队伍建设",
             "sentences": ["{scope}共有人员{{people}}[[，其中负责人{{principals}}]][[，负责人占比{{principal_rate}}]]。"]},
            {"key": "d", "section": "principals", "lead": "主要负责人履职尽责。", "sentences": []},
            {"key": "s", "section": "shortcomings", "lead": "仍有不足。", "sentences": []},
        ],
    )
    draft = annual.first_draft(county_a, 2022)
    by_kind = {s.kind: s.text for s in draft.sections}
    assert by_kind["measures"] == "（一）队伍建设。全县共有人员{{people}}，其中负责人{{principals}}，负责人占比{{principal_rate}}。"
    assert annual.fill(by_kind["measures"], draft.values) == "（一）队伍建设。全县共有人员4名，其中负责人2名，负责人占比50%。"
    assert by_kind["principals"] == "主要负责人履职尽责。" and "一是加强队伍建设。" in by_kind["plans"]
    assert by_kind["other"].startswith("【请填写")
