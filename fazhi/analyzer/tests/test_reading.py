import io
import random

import docx
import pytest

from fazhi.analyzer.reading import MAX_BYTES, ReadError, read_bytes, read_file
from fazhi.analyzer.report import analyze_bytes

TEXT = "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n全年受理行政复议案件32件，办理法律援助423件。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_it_reads_plain_text_in_the_encodings_government_files_use(encoding):
    assert read_bytes(TEXT.encode(encoding), "r.txt").strip() == TEXT.strip()


def test_it_reads_a_docx_including_its_tables():
    d = docx.Document()
    for line in TEXT.splitlines():
        d.add_paragraph(line)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "公证案件"
    t.cell(0, 1).text = "198件"
    buf = io.BytesIO()
    d.save(buf)
    text = read_bytes(buf.getvalue(), "r.docx")
    assert "行政复议案件32件" in text and "公证案件\t198件" in text


def _pdf(content: bytes) -> bytes:
    """A one-page PDF whose page stream is `content` (no text layer when empty)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_a_scanned_pdf_without_a_text_layer_is_refused_with_a_clear_message():
    with pytest.raises(ReadError, match="没有文字层"):
        read_bytes(_pdf(b""), "scan.pdf")


def test_a_text_pdf_is_read():
    with pytest.raises(ReadError, match="几乎没有中文"):
        # The text layer is read (Latin only here, as the PDF carries no CJK font).
        read_bytes(_pdf(b"BT /F1 12 Tf 20 100 Td (Annual report 2023) Tj ET"), "latin.pdf")


def test_a_pdf_table_is_read_row_by_row_not_column_by_column():
    from fazhi.analyzer.reading import _pdf_rows

    cells = [(20, 160, "Upheld"), (120, 160, "3509"), (20, 140, "Total"), (120, 140, "4696")]
    stream = b" ".join(b"BT /F1 12 Tf %d %d Td (%s) Tj ET" % (x, y, t.encode()) for x, y, t in cells)
    assert _pdf_rows(_pdf(stream)).split("\n") == ["Upheld\t3509", "Total\t4696"]


def test_pdf_cells_that_pdfminer_puts_on_one_line_stay_apart():
    from fazhi.analyzer.reading import _pdf_rows

    # Close enough for pdfminer to make one text line of them, far enough to be cells:
    # compacted, "3509 74.7%" must not become 350974.7%.
    cells = [(20, 160, "Upheld"), (69, 160, "3509"), (107, 160, "74.7%")]
    stream = b" ".join(b"BT /F1 12 Tf %d %d Td (%s) Tj ET" % (x, y, t.encode()) for x, y, t in cells)
    assert _pdf_rows(_pdf(stream)) == "Upheld\t3509\t74.7%"
    words = b"BT /F1 12 Tf 20 100 Td (Annual report 2023) Tj ET"
    assert _pdf_rows(_pdf(words)) == "Annual report 2023"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.txt", "空文件"),
        (b"   \n\n  ", "a.txt", "没有可读的文字"),
        (b"\x00\x01\x02\x03binary\x00" * 50, "a.bin", "二进制"),
        (b"PK\x03\x04 not really a zip", "a.docx", "不是有效的 Word"),
        (b"%PDF-1.4 garbage", "a.pdf", "PDF"),
        (b"just some english words", "a.txt", "几乎没有中文"),
        (b"\xd0\xcf\x11\xe0 old word", "a.doc", ".doc"),
    ],
)
def test_bad_input_gets_a_chinese_message(data, name, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, name)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.seek(MAX_BYTES + 1)
        f.write(b"\0")
    with pytest.raises(ReadError, match="过大"):
        read_file(p)


def test_a_missing_file_is_named():
    with pytest.raises(ReadError, match="不存在"):
        read_file("/nonexistent/report.txt")


def test_fuzzed_input_never_raises_anything_but_a_read_error():
    """Random bytes, random Chinese-looking text, truncated real files: either an
    analysis or a ReadError with a Chinese message, never another exception."""
    rng = random.Random(20240401)
    alphabet = "０１２３４５６７８９0123456789一二两三十百千万亿余多近约%％件名人次项个条份，。；、：（）“”《》其中含率占的\n 　年月日第"
    samples: list[tuple[bytes, str]] = []
    for _ in range(300):
        samples.append(
            (
                bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 400))),
                rng.choice(["a.txt", "a.docx", "a.pdf", "a"]),
            )
        )
    for _ in range(300):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        samples.append(((TEXT + s).encode(rng.choice(["utf-8", "gb18030"])), "a.txt"))
        samples.append((s.encode("utf-8"), "a.txt"))
    base = TEXT.encode("gbk")
    for _ in range(100):
        cut = rng.randint(0, len(base))
        samples.append((base[:cut], "a.txt"))
        samples.append((_pdf(b"BT /F1 12 Tf 20 100 Td (x) Tj ET")[: cut * 3], "a.pdf"))
    analysed = refused = 0
    for data, name in samples:
        try:
            analysis = analyze_bytes(data, name)
        except ReadError as e:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e))
            refused += 1
        else:
            analysis.as_dict()
            analysed += 1
    assert analysed > 100 and refused > 100
