"""What `./scripts/demo` prints to the person who ran it: an account table whose
columns line up in a terminal, and no English server banner."""

import io
import socket

import pytest
from django.core.management import CommandError, call_command

from fazhi.core.management.commands.demo import DemoServer, account_table, display_width


def test_the_account_table_lines_up_by_display_width_with_chinese_labels():
    lines = account_table({
        "coordinator": ("统筹协调员", "aaaa"),
        "city": ("市级统筹协调员", "bbbb"),
        "admin": ("系统管理员", "cccc"),
    })
    assert lines[0].split() == ["角色", "用户名", "密码"]
    # The password column starts at the same terminal column on every line.
    starts = {display_width(line[: line.rindex(" ") + 1]) for line in lines}
    assert len(starts) == 1
    assert display_width("市级统筹协调员") == 14


def test_the_server_introduces_itself_in_chinese_without_the_development_warning():
    out = io.StringIO()
    server = DemoServer(stdout=out)
    server.addr, server._raw_ipv6 = "127.0.0.1", False
    server.on_bind(8123)
    text = out.getvalue()
    assert "http://127.0.0.1:8123/" in text and "Ctrl+C" in text
    assert "WARNING" not in text and "development server" not in text


def test_a_busy_port_is_refused_in_chinese_before_anything_is_built_or_deleted(settings, tmp_path, monkeypatch):
    from fazhi.core.management.commands import demo

    monkeypatch.setattr(demo.Command, "build", lambda self: pytest.fail("built"))
    monkeypatch.setattr(demo, "call_command", lambda *a, **k: pytest.fail("migrated or served"))
    settings.DATA_DIR = tmp_path
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(CommandError, match="已被占用"):
            call_command("demo", "--port", str(port), stdout=io.StringIO())
