"""`fazhi report annual --unit NAME_OR_CODE --year YYYY -o FILE`."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from fazhi.reports import annual
from fazhi.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("report", "annual", *args, stdout=out)
    return out.getvalue()


def test_it_writes_a_first_draft_from_the_records_without_saving_it(staffed, county_a, tmp_path):
    target = tmp_path / "2022.docx"
    output = run("--unit", "确山县", "--year", "2022", "-o", str(target))
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "人员4名" in text and "确政文〔2023〕1号" in text
    assert "初稿（未保存）" in output and "2023年3月31日前" in output and "尚未填写" in output
    assert not AnnualReport.objects.exists()


def test_it_writes_the_saved_report_when_there_is_one(staffed, county_a, tmp_path):
    report = annual.create_draft(county_a, 2022)
    report.doc_number = "确政文〔2023〕47号"
    report.save()
    target = tmp_path / "r.docx"
    assert "已保存的报告" in run("--unit", "QS", "--year", "2022", "-o", str(target))
    assert "确政文〔2023〕47号" in "\n".join(p.text for p in Document(str(target)).paragraphs)


def test_save_keeps_the_draft(staffed, county_a, tmp_path):
    run("--unit", "QS", "--year", "2022", "-o", str(tmp_path / "r.html"), "--save")
    assert AnnualReport.objects.get(unit=county_a, year=2022).sections.count() == 5
    assert "人员4名" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--unit", "不存在", "--year", "2022", "-o", "x.docx"), "未找到单位"),
        (("--unit", "QS", "--year", "1800", "-o", "x.docx"), "不在合理范围内"),
        (("--unit", "QS", "--year", "2022", "-o", "x.txt"), "扩展名应为"),
        (("--unit", "QS", "--year", "2022", "-o", "/nonexistent-dir/x.docx"), "不存在"),
    ],
)
def test_bad_arguments_are_clear_chinese_errors(staffed, county_a, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_nothing_is_written_when_the_document_is_refused(staffed, county_a, tmp_path):
    report = annual.create_draft(county_a, 2022)
    report.doc_number = "确政文[2023]47号"
    report.save()
    target = tmp_path / "r.docx"
    with pytest.raises(CommandError, match="发文字号"):
        run("--unit", "QS", "--year", "2022", "-o", str(target))
    assert not target.exists() and not list(tmp_path.iterdir())
