"""Rows that repeat a register's natural key, in the file or in the records: asked about."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from fazhi.counsel.models import Counsel
from fazhi.kit.xlsx import ASK, KEEP, SKIP, Column, Sheet, import_file
from fazhi.org.models import Person

COLUMNS = [Column("单位", "unit", kind="unit", required=True), Column("姓名", "name", required=True),
           Column("职务", "position")]
SHEET = Sheet(model=Person, title="人员", columns=COLUMNS, natural_key=("unit", "name"))
BY_NAME = Sheet(model=Person, title="人员", columns=COLUMNS, natural_key=("name",))


def _people(rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["单位*", "姓名*", "职务"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FILE = _people([["确山县司法局", "张三", "科员"], ["确山县司法局", "李四", ""], ["确山县司法局", "张三", "科长"]])


def test_a_row_repeating_an_earlier_row_is_shown_and_nothing_is_written_by_default(liaison_a1):
    result = import_file(SHEET, FILE, user=liaison_a1)
    assert result.ok and result.needs_confirmation and result.created == 0
    assert not Person.objects.exists()
    [dup] = result.duplicates
    assert (dup.row, dup.of_row) == (4, 2)
    assert dup.key == "单位“确山县司法局”，姓名“张三”"


def test_skipping_writes_every_row_but_the_duplicates_and_keeping_writes_all(liaison_a1):
    result = import_file(SHEET, FILE, user=liaison_a1, duplicates=SKIP)
    assert result.created == 2 and not result.needs_confirmation
    assert sorted(Person.objects.values_list("name", "position")) == [("张三", "科员"), ("李四", "")]
    Person.objects.all().delete()
    assert import_file(SHEET, FILE, user=liaison_a1, duplicates=KEEP).created == 3


def test_reimporting_the_same_file_names_the_existing_records(liaison_a1):
    assert import_file(SHEET, _people([["确山县司法局", "王五", ""]]), user=liaison_a1).created == 1
    result = import_file(SHEET, _people([["确山县司法局", "王五", ""], ["确山县司法局", "赵六", ""]]), user=liaison_a1)
    assert result.needs_confirmation and result.duplicate_rows == {2}
    [dup] = result.duplicates
    assert dup.of_row is None and dup.record == str(Person.objects.get(name="王五"))
    assert import_file(SHEET, _people([["确山县司法局", "王五", ""], ["确山县司法局", "赵六", ""]]),
                       user=liaison_a1, duplicates=SKIP).created == 1
    assert Person.objects.filter(name="王五").count() == 1


def test_records_the_user_cannot_see_are_never_reported(liaison_a1, unit_a2):
    Person.objects.create(unit=unit_a2, name="张三")  # another unit's, same name
    result = import_file(BY_NAME, _people([["确山县司法局", "张三", ""]]), user=liaison_a1, duplicates=ASK)
    assert not result.duplicate_rows and result.created == 1


def _counsel_file():
    wb = Workbook()
    ws = wb.active
    ws.append(["聘任（所在）单位*", "类别*", "姓名*", "律师事务所", "执业证号", "联系电话", "聘期开始*", "聘期结束"])
    ws.append(["确山县司法局", "公职律师", "王建平", "", "", "", "2024-01-01", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _upload(client):
    return client.post("/counsel/import/", {"file": SimpleUploadedFile("顾问.xlsx", _counsel_file())})


def test_importing_a_register_file_twice_asks_and_confirming_stores_no_duplicate(client_for, liaison_a1, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client = client_for(liaison_a1)
    assert _upload(client).status_code == 302 and Counsel.objects.count() == 1
    page = _upload(client)
    body = page.content.decode()
    assert page.status_code == 200 and "待确认：1 行与已有记录或本文件中的其他行重复" in body
    assert "已有记录" in body and "确认导入" in body and "取消导入" in body
    token = re.search(r'name="pending" value="([^"]+)"', body).group(1)
    assert list((tmp_path / "pending_imports").iterdir())
    done = client.post("/counsel/import/", {"pending": token, "answer": "confirm"})
    assert done.status_code == 302 and Counsel.objects.count() == 1
    assert not list((tmp_path / "pending_imports").iterdir())
    # The token was used up: answering again changes nothing.
    again = client.post("/counsel/import/", {"pending": token, "answer": "confirm", "keep_duplicates": "1"})
    assert again.status_code == 302 and Counsel.objects.count() == 1


def test_cancelling_stores_nothing_and_keeping_duplicates_stores_them(client_for, liaison_a1, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client = client_for(liaison_a1)
    _upload(client)
    token = re.search(r'name="pending" value="([^"]+)"', _upload(client).content.decode()).group(1)
    assert client.post("/counsel/import/", {"pending": token, "answer": "cancel"}).status_code == 302
    assert Counsel.objects.count() == 1
    token = re.search(r'name="pending" value="([^"]+)"', _upload(client).content.decode()).group(1)
    client.post("/counsel/import/", {"pending": token, "answer": "confirm", "keep_duplicates": "1"})
    assert Counsel.objects.count() == 2


def test_another_user_cannot_answer_for_someone_elses_upload(client_for, liaison_a1, coordinator, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    mine = client_for(liaison_a1)
    _upload(mine)
    token = re.search(r'name="pending" value="([^"]+)"', _upload(mine).content.decode()).group(1)
    client_for(coordinator).post("/counsel/import/", {"pending": token, "answer": "confirm", "keep_duplicates": "1"})
    assert Counsel.objects.count() == 1
