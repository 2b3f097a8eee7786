"""How long a GB/T 9704 document takes to render: .docx, HTML and, where LibreOffice is
installed, PDF. Run: uv run python bench/reports_render.py [repeats]

Speed targets live here, never in the tests.
"""

import sys
import time
from dataclasses import replace

from fazhi.documents.convert import ConversionError, docx_to_pdf, render_html
from fazhi.documents.gbt9704 import Paragraph, render_docx
from fazhi.documents.samples import seed_001_document


def timed(label: str, fn, repeats: int) -> None:
    start = time.perf_counter()
    for _ in range(repeats):
        result = fn()
    each = (time.perf_counter() - start) / repeats
    print(f"{label:<28} {each * 1000:8.1f} ms  ({len(result):,} bytes)")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    small = seed_001_document()
    # A long annual report: ~60 pages of body text.
    big = replace(small, body=small.body * 40 + (Paragraph("完。"),))
    timed("docx, seed 001 (3 pages)", lambda: render_docx(small), repeats)
    timed("docx, 40× body", lambda: render_docx(big), max(repeats // 4, 1))
    timed("html, seed 001", lambda: render_html(small).encode(), repeats)
    try:
        timed("pdf, seed 001 (LibreOffice)", lambda: docx_to_pdf(render_docx(small)), 3)
        timed("pdf, 40× body (LibreOffice)", lambda: docx_to_pdf(render_docx(big)), 1)
    except ConversionError as exc:
        print(f"pdf: skipped — {exc}")


if __name__ == "__main__":
    main()
