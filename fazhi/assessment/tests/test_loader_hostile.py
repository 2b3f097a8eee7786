"""Indicator system files from outside (issue 23, point 5): alias bombs, duplicate keys,
parents their children can never fill, wrong types and numbers YAML reads otherwise
than written are refused in Chinese, with a short list of errors, writing nothing."""

from __future__ import annotations

import pytest

from fazhi.assessment import loader
from fazhi.assessment.models import Node, System
from fazhi.assessment.tests.helpers import SMALL

pytestmark = pytest.mark.django_db


def _refused(text: str) -> list[str]:
    with pytest.raises(loader.LoadError) as info:
        loader.load_text(text)
    assert not System.objects.exists() and not Node.objects.exists()
    return info.value.errors


def _small(old: str, new: str) -> str:
    text = SMALL.format(code="x")
    assert old in text
    return text.replace(old, new, 1)


def _laughs(levels: int) -> str:
    """Each level an anchored list of nine aliases of the one before: 9**levels nodes."""
    lines = ['l0: &l0 ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]")
    return "\n".join(lines) + f"\nsystem: {{code: x, name: 笑, year: 2021}}\nareas: *l{levels}\n"


def test_aliases_expanding_beyond_a_small_bound_are_refused_with_one_message():
    text = _laughs(5)  # under 600 bytes, 59,049 nodes once expanded
    assert len(text) < 600
    errors = _refused(text)
    assert len(errors) == 1 and "别名" in errors[0], errors[:3]


def test_an_alias_that_contains_itself_is_refused():
    errors = _refused("system: &s {code: x, name: 环, year: 2021, note: *s}\nareas: [1]\n")
    assert len(errors) == 1 and "别名" in errors[0]


def test_nesting_too_deep_for_the_parser_is_refused_not_a_crash():
    errors = _refused("areas: " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert "嵌套" in errors[0]


def test_thousands_of_mistakes_are_listed_up_to_a_bound():
    errors = _refused("system: {code: x, name: 多, year: 2021}\nareas: [" + ", ".join(["1"] * 5000) + "]\n")
    assert len(errors) <= 101 and "另有" in errors[-1]


def test_a_key_twice_in_one_entry_is_refused_naming_the_key_and_lines():
    errors = _refused(_small("            points: 4\n", "            points: 4\n            points: 40\n"))
    assert any("points" in e and "两次" in e and "第17行" in e and "第16行" in e for e in errors), errors


def test_the_reserved_line_marker_cannot_be_a_key_of_the_file():
    errors = _refused(_small("    title: 依法行政制度体系完善\n", "    title: 依法行政制度体系完善\n    __line__: 1\n"))
    assert any("__line__" in e for e in errors), errors


def test_a_parent_whose_children_can_never_reach_its_points_is_refused():
    errors = _refused(_small("points: 6", "points: 7").replace("points: 10", "points: 11", 1))
    assert any("下级分值合计6分，低于本项目分值7分" in e and "行政规范性文件监督管理" in e for e in errors), errors


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("title: 报备率", "title: ['甲', '乙']", "名称（title）应为文字，不是列表"),
        ("title: 报备率", "title: {甲: 1}", "名称（title）应为文字，不是映射"),
        ("title: 报备率", "title: 2021-01-01", "名称（title）应为文字，不是日期"),
        ("method: manual\n", "method: manual\n            standard: [看材料]\n", "评分标准（standard）应为文字"),
        ('number: "1.1"', "number: [1, 1]", "编号（number）应为文字"),
        ("name: 测试指标体系", "name: {甲: 乙}", "名称（name）应为文字"),
        ("indicator: normdoc_filed_rate", "indicator: [normdoc_filed_rate]", "指标代码（indicator）应为文字"),
    ],
)
def test_a_field_of_the_wrong_type_is_refused_not_stored_as_its_text(old, new, says):
    errors = _refused(_small(old, new))
    assert any(says in e for e in errors), errors
    assert not any("__line__" in e for e in errors), errors


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("zero_at: 80", "zero_at: 120.50", "零分线120.50不能高于满分线100"),
        ("points: 4\n            method: threshold", "points: 0x4\n            method: threshold", "不是“0x4”"),
        ("per: 1", "per: 1_0", "不是“1_0”"),
        ("full_at: 100", "full_at: 1.0e+3", "不是“1.0e+3”"),
        ("full_at: 100", "full_at: 123456789", "满分线（full_at）最多"),
        ("per: 1", "per: 0.125", "每个扣分（per）最多"),
    ],
)
def test_numbers_are_read_and_reported_as_written(old, new, says):
    errors = _refused(_small(old, new))
    assert any(says in e for e in errors), errors


def test_a_number_written_like_a_decimal_keeps_its_digits():
    system = loader.load_text(_small('number: "1.1"', "number: 1.10").replace('number: "1.2"', "number: 1.20"))
    assert set(system.nodes.filter(kind="rule").values_list("number", flat=True)) >= {"1.10", "1.20"}
