import pytest
from django.core.exceptions import ValidationError

from fazhi.org.validators import (
    id_check_char,
    is_valid_id_number,
    is_valid_uscc,
    mask_id_number,
    mask_name,
    mask_phone,
    surname_of,
    uscc_check_char,
    validate_id_number,
    validate_uscc,
)

# GB 11643-1999 Appendix example and hand-checked numbers.
VALID_IDS = ["11010519491231002X", "440524188001010014", "411725199001011234"[:17] + id_check_char("41172519900101123")]
# GB 32100-2015: USCC of real organisations (public registrations).
VALID_USCC = ["91350100M000100Y43", "11100000000013127D"]


@pytest.mark.parametrize("number", VALID_IDS)
def test_it_accepts_id_numbers_with_the_right_check_digit(number):
    assert is_valid_id_number(number)
    validate_id_number(number)


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check digit (should be X)
        "11010519491231002",  # 17 characters
        "110105194913310028",  # month 13
        "11010519490230002X",  # 30 February
        "1101051949123100AX",  # letters in the body
        "",
    ],
)
def test_it_rejects_bad_id_numbers(number):
    assert not is_valid_id_number(number)


def test_the_id_error_is_in_chinese():
    with pytest.raises(ValidationError) as exc:
        validate_id_number("110105194912310021")
    assert "校验码" in exc.value.messages[0]


def test_the_id_check_digit_ten_is_x():
    assert id_check_char("11010519491231002") == "X"


@pytest.mark.parametrize("code", VALID_USCC)
def test_it_accepts_uscc_with_the_right_check_character(code):
    assert is_valid_uscc(code)
    assert uscc_check_char(code[:17]) == code[17]


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y44", "91350100M000100Y4", "9135010OM000100Y43", "91350100I000100Y43", ""],
)
def test_it_rejects_bad_uscc(code):
    assert not is_valid_uscc(code)


def test_an_empty_uscc_is_allowed_because_it_is_optional():
    validate_uscc("")
    with pytest.raises(ValidationError):
        validate_uscc("91350100M000100Y44")


def test_masks_hide_the_middle():
    assert mask_id_number("11010519491231002X") == "110105**********2X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("张三丰") == "张某某"
    assert mask_name("欧阳修远") == "欧阳某某"
    assert surname_of("司马光") == "司马"
    assert surname_of("马可") == "马"
