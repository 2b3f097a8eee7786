"""`fazhi upward export|import|key|trust`."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from fazhi.upward.models import Submission, TrustedKey
from fazhi.upward.tests.conftest import BIYANG_USCC, send_from_elsewhere

pytestmark = pytest.mark.usefixtures("small_catalogue")


def test_export_then_import_on_the_command_line(coded, tmp_path, capsys):
    sent = send_from_elsewhere(coded["city"])
    call_command(
        "upward", "trust", "--into", "ZMD", "--uscc", BIYANG_USCC, "--name", "泌阳县人民政府", "--key", sent.public_key
    )
    assert TrustedKey.objects.get().fingerprint == sent.fingerprint
    good = tmp_path / "by.zip"
    good.write_bytes(sent.data)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"garbage")
    with pytest.raises(CommandError, match="1 个文件未导入"):
        call_command("upward", "import", str(good), str(bad))
    out = capsys.readouterr()
    assert "已导入泌阳县人民政府2022年度上报文件" in out.out
    assert "不是 zip 压缩包" in out.err
    assert Submission.objects.get().receiver == coded["city"]  # the nearest ancestor here


def test_export_writes_the_file(coded, tmp_path, capsys):
    out = tmp_path / "qs.zip"
    call_command("upward", "export", "--unit", "QS", "--year", "2022", "-o", str(out))
    assert out.read_bytes()[:2] == b"PK"
    call_command("upward", "key", "--unit", "QS")
    assert "指纹" in capsys.readouterr().out


def test_a_department_cannot_export(coded, unit_a1, tmp_path):
    with pytest.raises(CommandError, match="不是县级以上人民政府"):
        call_command("upward", "export", "--unit", "QS-SFJ", "--year", "2022", "-o", str(tmp_path / "x.zip"))
