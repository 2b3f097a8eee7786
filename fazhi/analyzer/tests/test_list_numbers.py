"""A list number glued to the figure after it when the list marker's punctuation was
lost (313个市州… is item 3 and 13个市州): split only where the numbering proves it.
Every text here is invented."""

from decimal import Decimal

from fazhi.analyzer.extract import Compact, extract_figures


def values(text):
    return [(f.value, f.unit) for f in extract_figures(text)]


def test_item_numbers_run_into_a_year_and_a_count_are_split_off():
    text = (
        "12021年以来，全市复议机构共收到行政复议申请640件。\n"
        "2全面推行复议决定书网上公开。\n"
        "317个县区受理行政复议案件均有增长，其中4个县区增幅超过10%。\n"
    )
    got = values(text)
    # 2021 is a year (not a figure), 17 the count: 317 and 12021 are not read.
    assert (Decimal(17), "个") in got and (Decimal(4), "个") in got and (Decimal(640), "件") in got
    assert all(v not in (Decimal(317), Decimal(12021), Decimal(2021)) for v, _u in got)
    seventeen = next(f for f in extract_figures(text) if f.value == 17)
    # The quote is still a piece of what was read.
    assert seventeen.quote in text and seventeen.quote.endswith("17个")


def test_plain_items_before_prove_a_glued_one():
    text = "1.加强复议队伍建设。\n2.规范案件审理流程。\n38家单位完成复议应诉工作自查。\n"
    assert values(text) == [(Decimal(8), "家")]


def test_without_the_sequence_no_number_is_changed():
    # Two paragraphs that could be items 1 and 2, but nothing written plainly: kept.
    assert values("13个乡镇新收行政复议案件。\n25个部门受理复议案件。\n") == [
        (Decimal(13), "个"),
        (Decimal(25), "个"),
    ]
    # Not the next item number (3 expected after 1. and 2.): kept.
    text = "1.加强复议队伍建设。\n2.规范案件审理流程。\n45家单位完成自查。\n"
    assert values(text) == [(Decimal(45), "家")]
    # A number inside a paragraph is never an item number.
    text = "1.加强复议队伍建设。\n2.规范审理流程，313个案件网上公开。\n3.推进调解。\n"
    assert values(text) == [(Decimal(313), "个")]


def test_the_inserted_mark_maps_back_to_the_item_number():
    text = "1.甲。\n2.乙。\n310件案件。\n"
    c = Compact(text)
    assert "3、10件" in c.text
    at = c.text.index("、10件")
    assert text[c.offsets[at]] == "3" and len(c.offsets) == len(c.text)
