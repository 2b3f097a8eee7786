"""`fazhi periods`: every period as data, by law version and date (issue 20)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

KEYS = {
    "code",
    "name",
    "law",
    "article",
    "length",
    "unit",
    "start",
    "extendable",
    "effective_from",
    "effective_until",
}


def run(*args):
    out = io.StringIO()
    call_command("periods", *args, stdout=out)
    return out.getvalue()


def test_the_json_is_a_list_of_periods_with_the_agreed_keys():
    rows = json.loads(run("--json"))
    assert isinstance(rows, list) and rows
    assert all(KEYS <= set(r) for r in rows)
    reply = [r for r in rows if r["code"] == "recon_reply_ordinary"]
    # Without --on: both versions of 复议法 (old 第23条 calendar days, 2023 第48条 working days).
    assert sorted((r["effective_from"], r["unit"]) for r in reply) == [
        ("1999-10-01", "days"),
        ("2024-01-01", "workdays"),
    ]


def test_on_a_date_it_lists_the_versions_then_in_force():
    old = {r["code"]: r for r in json.loads(run("--json", "--on", "2023-06-01"))}
    assert old["recon_reply_ordinary"]["unit"] == "days"
    assert "recon_decision_simplified" not in old  # no 简易程序 before 2024 (第90条)
    new = {r["code"]: r for r in json.loads(run("--json", "--on", "2024-06-01"))}
    assert new["recon_reply_ordinary"]["unit"] == "workdays"
    assert new["recon_decision_simplified"]["extendable"] is False
    assert new["litig_trial_first"]["extendable"] is True  # 行诉法 第81条
    assert new["npc_reply"]["extension_from_start"] is True  # 代表法 第51条


def test_the_text_lists_one_line_per_period_version():
    out = run()
    assert "recon_reply_ordinary" in out and "至 2023-12-31" in out


def test_a_bad_date_is_refused_in_chinese():
    with pytest.raises(CommandError, match="不是有效日期"):
        run("--on", "2024-13-01")
