"""An import with many bad rows: the errors stop at MAX_ERRORS and the page says so."""

import io

from openpyxl import Workbook, load_workbook

from fazhi.core.tests.test_safezip import SHEET, _people
from fazhi.kit.xlsx import MAX_ERRORS, errors_workbook, import_file
from fazhi.org.models import Person


def _bad_rows(n):
    return _people([["没有这个单位", None] for _ in range(n)])


def test_errors_stop_at_the_cap_and_the_result_says_there_are_more(liaison_a1):
    rows = MAX_ERRORS * 2
    result = import_file(SHEET, _bad_rows(rows), user=liaison_a1, filename="人员.xlsx")
    assert not result.ok and result.created == 0
    assert len(result.errors) == MAX_ERRORS
    assert result.truncated
    # Reading stopped once the cap was passed: not every row was validated.
    assert result.rows < rows
    assert not Person.objects.exists()


def test_errors_under_the_cap_are_all_kept_and_not_called_truncated(liaison_a1):
    result = import_file(SHEET, _bad_rows(3), user=liaison_a1)
    assert len(result.errors) == 6 and not result.truncated and result.rows == 3


def test_the_error_workbook_holds_the_kept_errors(liaison_a1):
    result = import_file(SHEET, _bad_rows(MAX_ERRORS), user=liaison_a1)
    ws = load_workbook(io.BytesIO(errors_workbook(result))).active
    assert ws.max_row == MAX_ERRORS + 1


def test_the_import_page_says_only_the_first_errors_are_listed(client_for, liaison_a1):
    wb = Workbook()
    ws = wb.active
    ws.append(["聘任（所在）单位*", "类别*", "姓名*", "律师事务所", "执业证号", "联系电话", "聘期开始*", "聘期结束"])
    for _ in range(MAX_ERRORS * 2):
        ws.append(["没有这个单位", "法律顾问", "张三", "", "", "", "2024-01-01", ""])
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    response = client_for(liaison_a1).post(
        "/counsel/import/", {"file": _named(data, "顾问.xlsx")}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f"前 {MAX_ERRORS} 条错误；文件共有更多错误" in body
    assert body.count("<tr><td class=\"num\">") == MAX_ERRORS
    assert "下载错误清单" in body


def _named(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)
