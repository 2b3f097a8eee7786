"""Issue 17.2 and 17.3: the server's memory while it refuses bombs and 200,000 bad rows.

    uv run python bench/upload_bombs.py [--port 8102] [--rows 200000]

Starts the real server (gunicorn, one sync worker, `fazhi.settings_test` on SQLite in a
temporary data folder, migrated and given one liaison), logs in over HTTP and sends:

- docx bombs to the analyzer (`/analyzer/`): one .docx of 1 MB whose document.xml
  unpacks to 1 GB; twenty of them in one request; and the worst file the caps let
  through (`core.safezip.DOCX_LIMITS`: a document.xml just under its cap, packed with
  empty paragraphs, the densest XML python-docx builds a tree of);
- xlsx bombs to an import (`/counsel/import/`): a worksheet and the styles part that
  unpack to 1 GB; and the worst accepted workbook (a worksheet just under its cap and
  styles just under theirs, padded so every byte is unpacked and parsed);
- an xlsx of `--rows` bad rows (every cell of every row wrong) to the same import.

For each request: the HTTP status, the wall time, the size of the page, and the
worker's peak resident set during the request (VmHWM, reset just before it through
/proc/<pid>/clear_refs; Linux, needs root or the server's own user) next to its
resident set before it. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from fazhi.core.tests.bombs import dense_docx, inflate, report_docx  # noqa: E402

PASSWORD = "Bench-bombs-2026"  # noqa: S105 - a throwaway account in a temporary database
GB = 1024**3
MB = 1024**2
COUNSEL_HEADERS = ["聘任（所在）单位*", "类别*", "姓名*", "律师事务所", "执业证号", "联系电话", "聘期开始*", "聘期结束"]
SETUP = """
from fazhi.org.models import Role, UnitKind
from fazhi.testing import make_unit, make_user
county = make_unit("确山县人民政府", UnitKind.COUNTY, code="QS")
unit = make_unit("确山县司法局", UnitKind.DEPARTMENT, parent=county, code="QS-SFJ")
user = make_user("bench", unit, Role.LIAISON)
user.set_password("%s")
user.save()
"""


def counsel_xlsx(rows: int, bad: bool = True) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("法律顾问和公职律师")
    ws.append(COUNSEL_HEADERS)
    for i in range(rows):
        if bad:
            ws.append([f"没有这个单位{i}", "不是类别", None, "", "", "电话", "不是日期", "也不是"])
        else:
            ws.append(["确山县司法局", "公职律师", f"王{i}", "", "", "", "2024-01-01", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "----fazhi" + secrets.token_hex(8)
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Server:
    def __init__(self, port: int) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.data = tempfile.mkdtemp(prefix="fazhi-bombs-")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "fazhi.settings_test",
            "FAZHI_DATA_DIR": self.data,
            "FAZHI_SECRET_KEY": secrets.token_urlsafe(40),
        }
        self.env.pop("DATABASE_URL", None)
        self.proc: subprocess.Popen[bytes] | None = None
        self.worker = 0
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.jar = jar

    def start(self) -> None:
        py = sys.executable
        subprocess.run([py, "-m", "django", "migrate", "-v", "0"], env=self.env, cwd=ROOT, check=True)  # noqa: S603
        subprocess.run([py, "-m", "django", "shell", "-c", SETUP % PASSWORD], env=self.env, cwd=ROOT, check=True)  # noqa: S603
        gunicorn = os.path.join(os.path.dirname(py), "gunicorn")
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter's gunicorn
            [gunicorn, "fazhi.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
             "--timeout", "900", "--log-level", "warning"],
            env=self.env, cwd=ROOT,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/login/", timeout=60).read()  # noqa: S310 - http://127.0.0.1
                break
            except OSError:  # not listening yet, or still loading
                time.sleep(0.5)
        children = open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read().split()
        self.worker = int(children[0])

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(30)
        shutil.rmtree(self.data, ignore_errors=True)

    def csrf(self, path: str) -> str:
        page = self.opener.open(self.base + path).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def login(self) -> None:
        token = self.csrf("/login/")
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "bench", "password": PASSWORD})
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1
            self.base + "/login/", data=body.encode(), headers={"Referer": self.base + "/login/"}
        )
        self.opener.open(request).read()

    def status(self, key: str) -> float:
        with open(f"/proc/{self.worker}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def post(self, path: str, files: list[tuple[str, str, bytes]]) -> dict[str, object]:
        token = self.csrf(path)
        body, content_type = multipart({"csrfmiddlewaretoken": token}, files)
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1
            self.base + path, data=body, headers={"Content-Type": content_type, "Referer": self.base + path}
        )
        with open(f"/proc/{self.worker}/clear_refs", "w") as fh:
            fh.write("5")
        before = self.status("VmRSS")
        start = time.perf_counter()
        try:
            response = self.opener.open(request, timeout=900)
            status, page = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, page = exc.code, exc.read()
        elapsed = time.perf_counter() - start
        text = page.decode("utf-8", "replace")
        refused = len(re.findall("压缩炸弹|超过 \\d+ (?:MB|KB) 的上限", text))
        return {
            "status": status, "seconds": elapsed, "page_kb": len(page) / 1024,
            "rss_before": before, "peak": self.status("VmHWM"), "refusals": refused,
            "note": "前 500 条错误；文件共有更多错误" in text,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8102)
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()

    from fazhi.core.safezip import DOCX_LIMITS, XLSX_LIMITS

    print("building the files…", flush=True)
    docx_bomb = inflate(report_docx(), "word/document.xml", GB)
    paragraphs = DOCX_LIMITS.element_cap("word/document.xml") - 100
    docx_dense = dense_docx(paragraphs)
    docx_too_dense = dense_docx(DOCX_LIMITS.cap("word/document.xml") // 6 - 1000)
    template = counsel_xlsx(1, bad=False)
    sheet_cap = XLSX_LIMITS.cap("xl/worksheets/sheet1.xml")
    xlsx_sheet_bomb = inflate(template, "xl/worksheets/sheet1.xml", GB)
    xlsx_styles_bomb = inflate(template, "xl/styles.xml", GB)
    xlsx_at_caps = inflate(inflate(template, "xl/worksheets/sheet1.xml", sheet_cap - MB), "xl/styles.xml", XLSX_LIMITS.member - MB)
    bad_rows = counsel_xlsx(args.rows)
    cases = [
        ("docx: document.xml 1 GB (1 file)", "/analyzer/", [("files", "报告.docx", docx_bomb)]),
        ("docx: the same, 20 files in one request", "/analyzer/", [("files", f"报告{i}.docx", docx_bomb) for i in range(20)]),
        ("docx: document.xml 8 MB of empty paragraphs (1.4 million elements)", "/analyzer/",
         [("files", "密集.docx", docx_too_dense)]),
        ("xlsx: sheet1.xml 1 GB", "/counsel/import/", [("file", "顾问.xlsx", xlsx_sheet_bomb)]),
        ("xlsx: styles.xml 1 GB", "/counsel/import/", [("file", "顾问.xlsx", xlsx_styles_bomb)]),
        (f"xlsx: {args.rows:,} bad rows", "/counsel/import/", [("file", "顾问.xlsx", bad_rows)]),
        (f"xlsx at the caps: sheet {sheet_cap // MB - 1} MB + styles {XLSX_LIMITS.member // MB - 1} MB (read through)",
         "/counsel/import/", [("file", "顾问.xlsx", xlsx_at_caps)]),
        (f"docx at the element cap: {paragraphs:,} empty paragraphs (accepted, read by python-docx)", "/analyzer/",
         [("files", "密集.docx", docx_dense)]),
    ]
    sizes = {name: sum(len(f[2]) for f in files) for name, _, files in cases}
    server = Server(args.port)
    try:
        print("starting the server…", flush=True)
        server.start()
        server.login()
        print("| request | upload | status | time | page | worker RSS before | peak RSS during | refused |")
        print("|---|---|---|---|---|---|---|---|")
        for name, path, files in cases:
            r = server.post(path, files)
            extra = " · 前 500 条错误…" if r["note"] else ""
            print(
                f"| {name} | {sizes[name] / MB:.1f} MB | {r['status']} | {r['seconds']:.1f} s | {r['page_kb']:.0f} KB "
                f"| {r['rss_before']:.0f} MB | **{r['peak']:.0f} MB** | {r['refusals']}{extra} |",
                flush=True,
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
