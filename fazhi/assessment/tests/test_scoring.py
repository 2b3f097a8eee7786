"""The scoring arithmetic at its boundaries (pure: no database)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from fazhi.assessment.scoring import ManualScoreInvalid, deduction, manual, rollup, threshold


def t(value, **kw):
    kw.setdefault("full_at", D(100))
    kw.setdefault("zero_at", D(80))
    return threshold(value if value is None else D(value), D(4), **kw).points


def test_a_threshold_gives_full_points_at_and_above_the_full_mark():
    assert t("100") == D("4.00")
    assert t("100.5") == D("4.00")


def test_a_threshold_is_proportional_between_the_marks():
    assert t("99.99") == D("4.00")  # 3.998 rounds half-up to 4.00
    assert t("90") == D("2.00")
    assert t("85") == D("1.00")
    assert t("80.01") == D("0.00")  # 0.002 rounds to 0.00


def test_a_threshold_gives_nothing_at_and_below_the_zero_mark():
    assert t("80") == D("0.00")
    assert t("0") == D("0.00")


def test_a_threshold_where_lower_is_better_mirrors_the_marks():
    kw = {"full_at": D(5), "zero_at": D(15), "higher_is_better": False}
    assert t("5", **kw) == D("4.00")
    assert t("4.9", **kw) == D("4.00")
    assert t("10", **kw) == D("2.00")
    assert t("15", **kw) == D("0.00")
    assert t("30", **kw) == D("0.00")


def test_a_pass_mark_threshold_is_all_or_nothing():
    assert t("95", full_at=D(95), zero_at=D(95)) == D("4.00")
    assert t("94.99", full_at=D(95), zero_at=D(95)) == D("0.00")


def test_no_data_scores_full_by_default_and_zero_when_the_rule_says_so():
    assert t(None) == D("4.00")
    assert t(None, no_data="zero") == D("0.00")
    assert "不发生不扣分" in threshold(None, D(4), full_at=D(100), zero_at=D(80)).explanation


def test_a_deduction_takes_points_per_unit_of_the_count():
    assert deduction(0, D(3), per=D(1)).points == D("3.00")
    assert deduction(1, D(3), per=D(1)).points == D("2.00")
    assert deduction(3, D(2), per=D("0.5")).points == D("0.50")


def test_a_deduction_stops_at_zero_and_never_takes_more_than_the_rules_points():
    assert deduction(3, D(3), per=D(1)).points == D("0.00")
    scored = deduction(10, D(3), per=D(1))
    assert scored.points == D("0.00")
    assert "扣完3分为止" in scored.explanation


def test_a_deduction_without_data_follows_the_no_data_rule():
    assert deduction(None, D(2), per=D(1)).points == D("2.00")
    assert deduction(None, D(2), per=D(1), no_data="zero").points == D("0.00")


def test_a_manual_score_with_note_and_link_or_attachment_is_accepted():
    assert manual(D("1.5"), D(2), note="查阅了会议纪要。", link="https://a.example/1").points == D(
        "1.50"
    )
    assert manual(D(2), D(2), note="查阅了会议纪要。", has_attachment=True).points == D("2.00")
    assert manual(D(0), D(2), note="未开展。", has_attachment=True).points == D("0.00")


@pytest.mark.parametrize(
    ("points", "kwargs", "message"),
    [
        (None, {"note": "x", "link": "https://a.example"}, "请填写得分"),
        (D("-0.5"), {"note": "x", "link": "https://a.example"}, "不能为负数"),
        (D("2.01"), {"note": "x", "link": "https://a.example"}, "超过本项分值2分"),
        (D("1.005"), {"note": "x", "link": "https://a.example"}, "两位小数"),
        (D(1), {"note": "", "link": "https://a.example"}, "评分说明"),
        (D(1), {"note": "查阅了材料。"}, "证明材料"),
    ],
)
def test_a_manual_score_out_of_range_or_without_evidence_is_refused(points, kwargs, message):
    with pytest.raises(ManualScoreInvalid, match=message):
        manual(points, D(2), **kwargs)


def test_a_manual_rule_that_needs_no_evidence_takes_a_bare_score():
    assert manual(D(1), D(1), evidence_required=False).points == D("1.00")


def test_a_parent_sums_its_children_capped_at_its_own_points_and_skips_unscored_ones():
    assert rollup([D(2), D("1.5"), None], D(4)) == D("3.50")
    assert rollup([D(3), D(3)], D(4)) == D("4.00")
    assert rollup([], D(4)) == D("0.00")
