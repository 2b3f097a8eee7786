"""The same document as PDF (through LibreOffice) and as a web page for the government site.

``docx_to_pdf`` runs ``soffice --headless --convert-to pdf`` in a private temporary folder
with its own LibreOffice profile (so that two conversions at once, or a desktop session of
the same user, cannot lock each other out) and a time limit. ``render_html`` needs nothing
outside Python: one standalone page, inline CSS, every text escaped.
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import signal
import subprocess  # noqa: S404 - LibreOffice is the converter; arguments are ours, no shell
import tempfile
from pathlib import Path

from fazhi.documents.gbt9704 import (
    DocumentError,
    Heading,
    OfficialDocument,
    Paragraph,
    Table,
    check,
)
from fazhi.documents.numfmt import cn_date

DEFAULT_TIMEOUT_SECONDS = 120


class ConversionError(RuntimeError):
    """The PDF could not be made; the message says why, in Chinese."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str], *, cwd: Path, timeout: float) -> tuple[int, bytes, bytes]:
    """Run LibreOffice in its own process group, so that a timeout ends soffice.bin too
    (``soffice`` is a launcher script; killing it alone leaves the converter running)."""
    proc = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return proc.returncode, stdout, stderr


def docx_to_pdf(
    source: str | os.PathLike | bytes,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> bytes:
    """PDF bytes of a .docx given as a path or as bytes; raises ConversionError."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            "未安装LibreOffice，无法生成PDF。请在服务器上安装LibreOffice"
            "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui fonts-noto-cjk），"
            "或先下载.docx文件。"
        )
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        if not path.is_file():
            raise ConversionError(f"找不到要转换的文件：{path.name}")
        data = path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as tmp:
        work = Path(tmp)
        docx = work / "document.docx"
        docx.write_bytes(data)
        profile = work / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx),
        ]
        try:
            returncode, stdout, stderr = _run(command, cwd=work, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"LibreOffice转换PDF超时（超过{timeout:g}秒），请稍后重试。"
            ) from None
        except OSError as exc:
            raise ConversionError(f"无法启动LibreOffice：{exc.strerror or exc}") from None
        pdf = work / "document.pdf"
        if returncode != 0 or not pdf.is_file():
            detail = (stderr or stdout).decode("utf-8", "replace").strip()[-300:]
            raise ConversionError(
                f"LibreOffice未能生成PDF（退出码 {returncode}）：{detail or '无输出'}"
            )
        return pdf.read_bytes()


_CSS = """
body { margin: 0; background: #f4f4f4; color: #000; }
.watermark { text-indent: 0; text-align: center; color: #d00; border: 2px dashed #d00; font-family: "黑体", SimHei, sans-serif; margin-bottom: 1em; }
article { max-width: 42em; margin: 2em auto; padding: 3em 3.5em; background: #fff;
  font: 16pt/1.8 "仿宋_GB2312", "仿宋", FangSong, "STFangsong", serif; }
.mark { color: #d00; text-align: center; font: 36pt/1.3 "方正小标宋简体", "宋体", SimSun, serif;
  margin: 0.5em 0 0.6em; letter-spacing: 0.05em; }
.number { text-align: center; margin: 0; padding-bottom: 0.4em; border-bottom: 2px solid #d00; }
.number .signer { float: right; } .number .signer b { font-weight: normal;
  font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
h1 { text-align: center; font: 22pt/1.5 "方正小标宋简体", "宋体", SimSun, serif; margin: 1.2em 0 0.8em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; }
.h1 { font-family: "黑体", SimHei, sans-serif; }
.h2 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
table { border-collapse: collapse; margin: 0.5em auto; font-size: 14pt; }
caption { font-family: "黑体", SimHei, sans-serif; }
th, td { border: 1px solid #000; padding: 0.1em 0.6em; text-align: center; }
th { font-family: "黑体", SimHei, sans-serif; font-weight: normal; }
.attachments { margin-top: 1.8em; }
.attachments p + p { padding-left: 3em; text-indent: 2em; }
.close { text-align: right; margin-top: 2.5em; }
.close p { text-indent: 0; text-align: right; }
.close .signature { padding-right: 4em; }
.close .date { padding-right: 4em; }
.note { margin-top: 0; }
.imprint { margin-top: 3em; border-top: 2px solid #000; border-bottom: 2px solid #000; font-size: 14pt; }
.imprint p { text-indent: 0; padding: 0 1em; }
.imprint .cc { border-bottom: 1px solid #000; }
.imprint .printed { display: flex; justify-content: space-between; }
@media (max-width: 40em) { article { margin: 0; padding: 1em; font-size: 14pt; } .mark { font-size: 24pt; } }
""".strip()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def render_html(doc: OfficialDocument) -> str:
    """A standalone HTML page of the document; raises DocumentError like render_docx.

    Names are not anonymised here: pass the result of ``anonymise_document`` for anything
    that goes on the website.
    """
    problems = check(doc)
    if problems:
        raise DocumentError(problems)
    out: list[str] = []
    add = out.append
    add("<!DOCTYPE html>")
    add('<html lang="zh-CN"><head><meta charset="utf-8">')
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    add(f"<title>{_e(doc.title.replace(chr(10), ''))}</title>")
    add(f"<style>{_CSS}</style></head><body><article>")
    if doc.watermark:
        add(f'<p class="watermark" role="note">{_e(doc.watermark)}</p>')
    add(f'<div class="mark">{_e(doc.issuer_mark)}</div>')
    signer = f'<span class="signer">签发人：<b>{_e(doc.signer)}</b></span>' if doc.signer else ""
    add(f'<p class="number" style="text-indent:0">{_e(doc.number)}{signer}</p>')
    add(f"<h1>{_lines(doc.title.strip())}</h1>")
    add(f'<p class="addressee">{_e(doc.addressee.strip())}：</p>')
    for block in doc.body:
        if isinstance(block, Heading):
            rest = _e(block.run_in) if block.run_in else ""
            cls = f"h{block.level}" if block.level < 3 else ""
            add(f'<p><span class="{cls}">{_e(block.text)}</span>{rest}</p>')
        elif isinstance(block, Paragraph):
            add(f"<p>{_lines(block.text)}</p>")
        elif isinstance(block, Table):
            add("<table>")
            if block.caption:
                add(f"<caption>{_e(block.caption)}</caption>")
            add(
                "<thead><tr>"
                + "".join(f"<th>{_e(str(h))}</th>" for h in block.header)
                + "</tr></thead>"
            )
            add("<tbody>")
            for row in block.rows:
                add("<tr>" + "".join(f"<td>{_e(str(v))}</td>" for v in row) + "</tr>")
            add("</tbody></table>")
    if doc.attachments:
        add('<div class="attachments">')
        many = len(doc.attachments) > 1
        for k, name in enumerate(doc.attachments, start=1):
            label = f"{k}.{name}" if many else name
            add(f"<p>{'附件：' if k == 1 else ''}{_e(label)}</p>")
        add("</div>")
    add('<div class="close">')
    add(f'<p class="signature">{_e(doc.signature.strip())}</p>')
    add(f'<p class="date">{_e(cn_date(doc.dated))}</p>')
    add("</div>")
    if doc.note.strip():
        add(f'<p class="note">（{_e(doc.note.strip())}）</p>')
    if doc.imprint is not None:
        add('<div class="imprint">')
        if doc.imprint.copy_to:
            add(f'<p class="cc">抄送：{_e("，".join(doc.imprint.copy_to))}。</p>')
        add(
            f'<p class="printed"><span>{_e(doc.imprint.printed_by)}</span>'
            f"<span>{_e(cn_date(doc.imprint.printed_on))}印发</span></p>"
        )
        add("</div>")
    add("</article></body></html>")
    return "\n".join(out) + "\n"
