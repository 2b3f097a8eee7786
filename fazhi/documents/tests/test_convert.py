import io
import shutil
import subprocess
import time
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fazhi.documents import convert
from fazhi.documents.convert import ConversionError, docx_to_pdf, render_html
from fazhi.documents.gbt9704 import DocumentError, Paragraph, render_docx
from fazhi.documents.samples import seed_001_document

HAS_LIBREOFFICE = convert.find_soffice() is not None


@pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice 未安装")
def test_it_converts_the_rendered_docx_to_a_pdf_with_the_text_in_it(tmp_path):
    from pdfminer.high_level import extract_text

    pdf = docx_to_pdf(render_docx(seed_001_document()))
    assert pdf.startswith(b"%PDF-")
    text = extract_text(io.BytesIO(pdf)).replace(" ", "")
    assert "确山县人民政府文件" in text
    assert "确政文〔2023〕47号" in text
    assert "—1—" in text  # the page-number field was evaluated
    assert "2023年3月16日印发" in text
    # The same from a path.
    path = tmp_path / "report.docx"
    path.write_bytes(render_docx(seed_001_document()))
    assert docx_to_pdf(path).startswith(b"%PDF-")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_it_ends_the_whole_libreoffice_process_group_on_timeout(tmp_path):
    # A stand-in launcher that starts a child and waits, as soffice starts soffice.bin.
    launcher = tmp_path / "soffice"
    launcher.write_text("#!/bin/sh\nsleep 30 &\necho $! > child.pid\nwait\n")
    launcher.chmod(0o755)
    with pytest.raises(subprocess.TimeoutExpired):
        convert._run([str(launcher)], cwd=tmp_path, timeout=0.5)
    child = int((tmp_path / "child.pid").read_text())
    for _ in range(50):  # the kill is asynchronous; give it up to a second
        if not _running(child):
            break
        time.sleep(0.02)
    else:
        pytest.fail("the launcher's child survived the timeout")


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for a reaper (containers may have none)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_it_explains_in_chinese_when_libreoffice_is_not_installed(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConversionError, match="未安装LibreOffice，无法生成PDF"):
        docx_to_pdf(b"PK")


def test_it_reports_a_missing_input_file_in_chinese(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/soffice")
    with pytest.raises(ConversionError, match="找不到要转换的文件：missing.docx"):
        docx_to_pdf(tmp_path / "missing.docx")


def test_it_reports_a_timeout_in_chinese(monkeypatch):
    import subprocess

    def too_slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(cmd="soffice", timeout=1)

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/soffice")
    monkeypatch.setattr(convert, "_run", too_slow)
    with pytest.raises(ConversionError, match="转换PDF超时"):
        docx_to_pdf(b"PK", timeout=1)


def test_it_reports_a_failed_conversion_with_libreoffices_message(monkeypatch):
    def fails(*args, **kwargs):
        return 1, b"", b"Error: source file could not be loaded"

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/soffice")
    monkeypatch.setattr(convert, "_run", fails)
    with pytest.raises(
        ConversionError, match="未能生成PDF（退出码 1）：Error: source file could not be loaded"
    ):
        docx_to_pdf(b"PK")


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [v for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data):
        self.text.append(data)


def test_it_renders_a_standalone_html_page_of_the_whole_document():
    page = render_html(seed_001_document())
    parsed = _Collect()
    parsed.feed(page)
    text = "".join(parsed.text)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert parsed.links == []  # nothing fetched from elsewhere
    assert "script" not in parsed.tags
    for part in (
        "确山县人民政府文件",
        "确政文〔2023〕47号",
        "关于2022年度法治政府建设情况的",
        "驻马店市人民政府：",
        "一、提升政治站位，完善法治政府建设机制",
        "废止或宣布失效",
        "附件：2022年度法治政府建设主要指标统计表",
        "2023年3月15日",
        "（此件公开发布）",
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "2023年3月16日印发",
    ):
        assert part in text, part


def test_it_escapes_text_in_the_html():
    doc = replace(seed_001_document(), body=(Paragraph('<script>alert("x")</script> & 《条例》'),))
    page = render_html(doc)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 《条例》" in page


def test_it_refuses_html_for_an_invalid_document():
    with pytest.raises(DocumentError, match="发文字号"):
        render_html(replace(seed_001_document(), number="确政文[2023]47号"))
