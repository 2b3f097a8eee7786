"""A .docx that unpacks to far more than it weighs is refused before python-docx opens it."""


import pytest

from fazhi.analyzer.reading import ReadError, read_bytes
from fazhi.core.safezip import DOCX_LIMITS, MB
from fazhi.core.tests.bombs import dense_docx, inflate, report_docx

_report = report_docx


def test_a_docx_whose_text_part_unpacks_past_its_cap_is_refused_naming_the_part():
    bomb = inflate(_report(), "word/document.xml", DOCX_LIMITS.cap("word/document.xml") + MB)
    assert len(bomb) < MB
    with pytest.raises(ReadError, match="文件“报告.docx”的部件“word/document.xml”解压后超过 8 MB"):
        read_bytes(bomb, "报告.docx")


def test_a_zip_uploaded_under_another_name_is_guarded_the_same_way():
    bomb = inflate(_report(), "word/styles.xml", DOCX_LIMITS.total + MB)
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_bytes(bomb, "报告")


def test_twenty_bombs_in_one_upload_are_each_refused_with_a_chinese_message(client_for, liaison_a1):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bomb = inflate(_report(), "word/document.xml", 9 * MB)
    files = [SimpleUploadedFile(f"报告{i}.docx", bomb) for i in range(20)]
    response = client_for(liaison_a1).post("/analyzer/", {"files": files})
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("压缩炸弹") == 20 and "报告19.docx" in text


def test_a_normal_report_still_reads():
    assert "行政复议案件32件" in read_bytes(_report(), "报告.docx")


def test_a_small_docx_of_too_many_empty_paragraphs_is_refused_before_python_docx_builds_them():
    dense = dense_docx(200_001)  # 1.2 MB unpacked, under the byte cap
    with pytest.raises(ReadError, match="word/document.xml”含有超过 200,000 个 XML 元素"):
        read_bytes(dense, "密集.docx")
