from datetime import date

import pytest

from fazhi.documents.anonymise import (
    anonymise_document,
    anonymise_name,
    anonymise_text,
    mask_id_numbers,
    mask_phones,
)
from fazhi.documents.gbt9704 import Heading, Imprint, OfficialDocument, Paragraph, Table


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张三丰", "张某某"),
        ("李四", "李某某"),  # single-character given name
        ("欧阳明", "欧阳某某"),
        ("欧阳明华", "欧阳某某"),
        ("司马光", "司马某某"),
        ("诸葛亮", "诸葛某某"),
        ("上官婉儿", "上官某某"),
        ("欧阳", "欧某某"),  # two characters: 欧 surname, 阳 given name
        (" 蒋贵印 ", "蒋某某"),
        ("", ""),
    ],
)
def test_it_reduces_a_name_to_surname_and_moumou(name, expected):
    assert anonymise_name(name) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("县长蒋贵印亲自出庭应诉", ["蒋贵印"], "县长蒋某某亲自出庭应诉"),
        ("欧阳明华和欧阳明", ["欧阳明", "欧阳明华"], "欧阳某某和欧阳某某"),  # longest first
        ("苏某某诉县政府", ["苏某某"], "苏某某诉县政府"),
        ("王五、王五", ["王五"], "王某某、王某某"),
        ("王一个人", ["王"], "王一个人"),  # a one-character "name" is never used
        ("没有人名", [], "没有人名"),
    ],
)
def test_it_replaces_every_known_name_in_a_text(text, names, expected):
    assert anonymise_text(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号411725199001011234。", "身份证号411725**********34。"),
        ("号码41172519900101123x", "号码411725**********3X"),
        ("账号9411725199001011234", "账号9411725199001011234"),  # 19 digits: not an ID
    ],
)
def test_it_masks_id_numbers_keeping_region_and_last_two(text, expected):
    assert mask_id_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电话13812345678", "电话138****5678"),
        ("电话：0396-7012345", "电话：0396-*****45"),
        ("010-12345678转", "010-******78转"),
        ("文号12138123456789", "文号12138123456789"),  # inside a longer number
        ("1008名", "1008名"),
    ],
)
def test_it_masks_phone_numbers(text, expected):
    assert mask_phones(text) == expected


def test_it_anonymises_every_text_of_a_document_and_leaves_dates_alone():
    doc = OfficialDocument(
        issuer_mark="确山县人民政府文件",
        number="确政文〔2023〕47号",
        title="关于张三丰案的报告",
        addressee="驻马店市人民政府",
        body=(
            Heading("一、张三丰案", 1, run_in="张三丰（电话13812345678）"),
            Paragraph("申请人张三丰"),
            Table(header=("姓名",), rows=(("张三丰",),)),
        ),
        signature="确山县人民政府",
        dated=date(2023, 3, 15),
        imprint=Imprint(printed_by="确山县人民政府办公室", printed_on=date(2023, 3, 16)),
    )
    out = anonymise_document(doc, ["张三丰"])
    assert out.title == "关于张某某案的报告"
    assert out.body[0] == Heading("一、张某某案", 1, run_in="张某某（电话138****5678）")
    assert out.body[1] == Paragraph("申请人张某某")
    assert out.body[2].rows == (("张某某",),)
    assert out.dated == date(2023, 3, 15)
    assert out.imprint.printed_on == date(2023, 3, 16)
    assert doc.title == "关于张三丰案的报告"  # the original is untouched
