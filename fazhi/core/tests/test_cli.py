"""The `fazhi` command line: a refusal reads as Chinese, with no English class name."""

import pytest
from django.core.management import CommandError, call_command

from fazhi.cli import main

pytestmark = pytest.mark.django_db


def test_a_refusal_on_the_command_line_says_错误_and_exits_1(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["due", "9999-12-25", "--days", "10"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "9999-12-25" in err
    assert "CommandError" not in err and "Traceback" not in err


def test_call_command_still_raises_for_callers_in_python():
    main(["due", "2024-09-27", "--workdays", "1"])  # the entry point has been used once
    with pytest.raises(CommandError):
        call_command("due", "9999-12-25", "--days", "10")
