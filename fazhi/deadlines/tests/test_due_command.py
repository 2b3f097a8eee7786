"""`fazhi due`: arguments, JSON output, and `-` reading JSON lines."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("due", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_prints_the_due_date_and_the_explanation():
    out = run("2024-09-27", "--workdays", "5")
    assert out.startswith("届满日：2024-10-10")
    assert "调休上班日" in out


def test_it_prints_json_with_pauses():
    data = json.loads(
        run("2024-08-01", "--days", "60", "--pause", "2024-08-10:2024-08-20", "--json")
    )
    assert data["due"] == "2024-10-10"
    assert data["provisional"] is False
    assert data["paused_days"] == 10


def test_it_extends_and_counts_backwards():
    assert (
        json.loads(run("2024-08-01", "--days", "60", "--extend-days", "30", "--json"))["due"]
        == "2024-10-30"
    )
    assert (
        json.loads(run("2024-10-14", "--workdays", "5", "--before", "--json"))["due"]
        == "2024-10-08"
    )
    assert json.loads(run("2024-01-31", "--months", "1", "--json"))["due"] == "2024-02-29"


def test_it_flags_provisional_results():
    out = run("2026-12-20", "--workdays", "20")
    assert "（暂定）" in out.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("2024-02-30", "--days", "5"), "不是有效日期"),
        (("2024-09-27",), "--workdays"),
        (("2024-09-27", "--days", "5", "--pause", "2024-10-01"), "起始日:恢复日"),
    ],
)
def test_bad_arguments_give_a_chinese_error(args, fragment):
    with pytest.raises(CommandError, match=fragment):
        run(*args)


def test_dash_reads_json_lines_and_prints_one_result_per_line(monkeypatch):
    lines = '{"start": "2024-09-27", "workdays": 5}\n\n{"start": "2024-09-16", "days": 15, "pauses": ["2024-09-20:2024-09-21"]}\n'
    out = run("-", stdin=lines, monkeypatch=monkeypatch).splitlines()
    first, second = (json.loads(x) for x in out)
    assert (first["due"], first["provisional"], first["line"]) == ("2024-10-10", False, 1)
    assert second["line"] == 3
    assert second["due"] == "2024-10-08"


def test_a_bad_line_gives_an_error_object_and_processing_continues(monkeypatch):
    lines = '{"start": "2024-09-27", "workdays": 5}\nnot json\n{"start": "2024-09-27"}\n{"start": "2024-09-27", "days": 3}\n'
    out = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    with pytest.raises(SystemExit) as exc:
        call_command("due", "-", stdout=out)
    assert exc.value.code == 1
    results = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4]
    assert results[1]["error"].startswith("第 2 行：")
    assert "三者应且只应填写一个" in results[2]["error"]
    assert results[3]["due"] == "2024-09-30"


def test_the_help_documents_the_pause_semantics():
    from fazhi.deadlines.management.commands.due import Command

    parser = Command().create_parser("fazhi", "due")
    assert "FROM 至 TO 前一日不计入期限" in parser.format_help()


def test_a_year_without_a_notice_still_rests_on_the_statutory_holidays():
    # 全国年节及纪念日放假办法 第2条: 元旦 2027-01-01 is a holiday even before the notice.
    data = json.loads(run("2026-12-31", "--workdays", "1", "--json"))
    assert data["due"] == "2027-01-04"
    assert data["provisional"] is True
    assert any("全国年节及纪念日放假办法" in line for line in data["explanation"])
    # 国庆 10-1..10-3 (10-2, 10-3 a weekend, 补假 10-4, 10-5 under 第6条).
    assert json.loads(run("2027-09-28", "--workdays", "5", "--json"))["due"] == "2027-10-08"


# -- bad input: a Chinese error, never a traceback (issue 20, point 8) --


def test_a_start_date_beyond_the_calendar_is_refused_in_chinese():
    with pytest.raises(CommandError) as exc:
        run("9999-12-25", "--days", "10")
    assert "起算日" in str(exc.value) and "超出" in str(exc.value)


def test_a_zero_extension_is_refused_like_a_negative_one():
    for n in ("0", "-3"):
        with pytest.raises(CommandError) as exc:
            run("2024-08-01", "--days", "60", "--extend-days", n)
        assert "延长期限应为正整数" in str(exc.value)


def test_the_stream_answers_year_0001_with_an_error_object_and_goes_on(monkeypatch):
    lines = "\n".join(
        [
            '{"start": "0001-01-01", "days": 10}',
            '{"start": "9999-12-25", "days": 10}',
            '{"start": "2024-09-27", "workdays": 5, "pauses": [["0001-01-01", null]]}',
            '{"start": "2024-09-27", "workdays": 5}',
        ]
    )
    with pytest.raises(SystemExit) as exc:
        run("-", stdin=lines, monkeypatch=monkeypatch)
    assert exc.value.code == 1


def test_the_stream_prints_one_object_per_line_even_after_errors(monkeypatch, capsys):
    out = io.StringIO()
    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO(
            '{"start": "0001-01-01", "days": 10}\n{"start": "2024-09-27", "workdays": 5}\n'
        ),
    )
    with pytest.raises(SystemExit):
        call_command("due", "-", stdout=out, stderr=io.StringIO())
    first, second = (json.loads(x) for x in out.getvalue().splitlines())
    assert first["line"] == 1 and "超出" in first["error"]
    assert second["due"] == "2024-10-10"
