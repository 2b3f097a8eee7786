"""Loading indicator systems from files: the shipped 2021 system, and every refusal
leaves the database as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from fazhi.assessment import loader
from fazhi.assessment.models import Node, System
from fazhi.assessment.rules import Method, NodeKind
from fazhi.assessment.tests.helpers import SMALL, sheet_for

pytestmark = pytest.mark.django_db


def _refused(text: str) -> list[str]:
    with pytest.raises(loader.LoadError) as info:
        loader.load_text(text)
    return info.value.errors


def test_the_shipped_2021_system_loads_with_eight_areas_and_100_points():
    system = loader.load_path(loader.shipped())
    assert system.code == "shifan-2021"
    assert system.nodes.filter(kind=NodeKind.AREA).count() == 8
    assert system.total_points == Decimal(100)
    first = system.nodes.get(number="一")
    assert first.title == "政府职能依法全面履行"
    assert first.children.filter(title="加大简政放权力度").exists()
    # Only rules an engine indicator answers are automatic; the rest need the assessor.
    automatic = system.rules().exclude(method=Method.MANUAL)
    assert set(automatic.values_list("indicator", flat=True)) >= {
        "normdoc_filed_rate",
        "litig_appear_rate",
        "recon_overdue",
        "units_without_counsel",
    }
    assert system.rules().filter(method=Method.MANUAL, title__contains="败诉率").exists()
    # The disagreement between the sources is recorded with the system.
    assert "10/34/104" in system.note


def test_every_parent_of_the_shipped_system_holds_exactly_its_childrens_points():
    system = loader.load_path(loader.shipped())
    for node in system.nodes.exclude(kind=NodeKind.RULE):
        assert sum(c.points for c in node.children.all()) == node.points, node


def test_loading_the_same_file_twice_changes_nothing():
    first = loader.load_path(loader.shipped())
    count = Node.objects.count()
    again = loader.load_path(loader.shipped())
    assert again.pk == first.pk and Node.objects.count() == count


def test_an_unknown_indicator_code_is_refused_naming_the_node_and_line():
    errors = _refused(SMALL.format(code="x").replace("normdoc_filed_rate", "no_such_code"))
    assert any("未知指标代码“no_such_code”" in e and "1.1" in e and "第" in e for e in errors)
    assert not System.objects.exists()


def test_children_worth_more_than_their_parent_are_refused():
    errors = _refused(SMALL.format(code="x").replace("points: 6", "points: 5"))
    assert any(
        "下级分值合计6分，超过本项目分值5分" in e and "行政规范性文件监督管理" in e for e in errors
    )


def test_a_malformed_file_is_refused_with_its_line_and_changes_nothing(coordinator, unit_a1):
    kept = loader.load_text(SMALL.format(code="kept"))
    nodes = list(Node.objects.values_list("pk", "title"))
    errors = _refused("system:\n  code: kept\n  name: [unclosed\n")
    assert "YAML" in errors[0] and errors[0].startswith("第")
    # A valid-looking file with errors for the same code does not touch the stored one.
    _refused(SMALL.format(code="kept").replace("method: manual", "method: guess"))
    assert list(Node.objects.values_list("pk", "title")) == nodes
    assert System.objects.get(pk=kept.pk).name == "测试指标体系"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('number: "1.2"', 'number: "1.1"'), "编号“1.1”与第"),
        (("title: 报备率", "title: 报备率\n            weight: 3"), "未知字段 weight"),
        (("per: 1", "per: 0"), "每个扣分（per）应大于0"),
        (("zero_at: 80", "zero_at: 120"), "零分线120不能高于满分线100"),
        (
            ("indicator: recon_overdue", "indicator: litig_appear_rate"),
            "比率或平均值，不能按数扣分",
        ),
        (
            (
                "points: 4\n            method: threshold",
                "points: 四\n            method: threshold",
            ),
            "分值（points）应为数字",
        ),
        (("year: 2021", "year: 二〇二一"), "发布年度（year）"),
        (
            (
                "            method: manual\n",
                "            method: manual\n            indicator: study_sessions\n",
            ),
            "人工评分规则不能有字段 indicator",
        ),
    ],
)
def test_each_kind_of_mistake_is_refused_with_a_chinese_message(change, message):
    old, new = change
    text = SMALL.format(code="x")
    assert old in text
    errors = _refused(text.replace(old, new, 1))
    assert any(message in e for e in errors), errors
    assert not System.objects.exists()


def test_a_system_in_use_by_a_sheet_cannot_be_overwritten(coordinator, unit_a1):
    sheet = sheet_for(unit_a1, coordinator)
    code = sheet.system.code
    errors = _refused(SMALL.format(code=code).replace("测试指标体系", "改过的体系"))
    assert "已有评分表在使用" in errors[0]
    assert System.objects.get(code=code).name == "测试指标体系"


def test_the_command_loads_a_file_and_reports_its_structure(tmp_path, capsys):
    path = tmp_path / "province.yaml"
    path.write_text(SMALL.format(code="henan-2023"), encoding="utf-8")
    call_command("assessment_load", str(path))
    assert (
        "已载入：测试指标体系（henan-2023），1个领域、2个项目、4条评分规则，总分10"
        in capsys.readouterr().out
    )


def test_the_command_refuses_a_bad_file_listing_every_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        SMALL.format(code="bad").replace("normdoc_filed_rate", "nope").replace("per: 1", "per: -1"),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as info:
        call_command("assessment_load", str(path))
    assert "未知指标代码“nope”" in str(info.value) and "per" in str(info.value)
    assert not System.objects.exists()


def test_a_json_file_loads_like_yaml(tmp_path):
    import json

    import yaml

    data = yaml.safe_load(SMALL.format(code="json-1"))
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert loader.load_path(path).rules().count() == 4
