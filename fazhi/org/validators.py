"""Check digits of Chinese identifiers, and masking for display.

- 统一社会信用代码: GB 32100-2015, 18 characters, the last a check character.
- 公民身份号码: GB 11643-1999, 18 characters, the last a check digit (ISO 7064 MOD 11-2).
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError

# GB 32100-2015 §4: the code alphabet excludes I, O, Z, S, V.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11643-1999: weights 2^(17-i) mod 11 and the check character table.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

_ID_RE = re.compile(r"^\d{17}[\dX]$")
_PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(code: str) -> bool:
    code = code.strip().upper()
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


def validate_uscc(value: str) -> None:
    if value and not is_valid_uscc(value):
        raise ValidationError(
            "统一社会信用代码“%(value)s”无效：应为18位，且末位校验码须符合GB 32100。",
            params={"value": value},
            code="invalid_uscc",
        )


def id_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_valid_id_number(number: str) -> bool:
    number = number.strip().upper()
    if not _ID_RE.match(number):
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return id_check_char(number[:17]) == number[17]


def validate_id_number(value: str) -> None:
    if value and not is_valid_id_number(value):
        raise ValidationError(
            "公民身份号码无效：应为18位，出生日期须真实，且末位校验码须符合GB 11643。",
            code="invalid_id_number",
        )


def validate_phone(value: str) -> None:
    if value and not _PHONE_RE.match(value.strip()):
        raise ValidationError(
            "电话号码“%(value)s”格式不正确：应为11位手机号或带区号的固定电话。",
            params={"value": value},
            code="invalid_phone",
        )


def mask_id_number(value: str) -> str:
    """Keep the region (6) and the last 2 characters: 411725********123X → 411725**********3X."""
    if not value:
        return ""
    return value[:6] + "*" * (len(value) - 8) + value[-2:] if len(value) > 8 else "*" * len(value)


def mask_phone(value: str) -> str:
    """138****5678; fixed lines keep area code and last 2 digits."""
    if not value:
        return ""
    digits = value.strip()
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3] + "****" + digits[-4:]
    return digits[:4] + "*" * max(len(digits) - 6, 0) + digits[-2:]


COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 独孤 南宫 西门 万俟 闻人 赫连 澹台 公冶 宗政 濮阳 太叔 申屠 端木 呼延 百里 东郭 拓跋".split()
)


def surname_of(name: str) -> str:
    name = name.strip()
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def mask_name(name: str) -> str:
    """张三丰 → 张某某: the form used on lists and in anything published."""
    if not name:
        return ""
    return surname_of(name) + "某某"


# Words that make a party an organisation, whose name is not personal data.
ORGANISATION_WORDS = (
    "公司",
    "厂",
    "合作社",
    "中心",
    "委员会",
    "协会",
    "医院",
    "学校",
    "银行",
    "店",
    "社",
    "局",
    "所",
    "集团",
)


def mask_parties(text: str) -> str:
    """张三、李四 → 张某某、李某某: each party masked; organisations (公司, 医院 …) are not
    personal data and stay as written."""
    out = []
    for name in (text or "").replace("，", "、").replace(",", "、").split("、"):
        name = name.strip()
        if not name:
            continue
        out.append(
            name
            if len(name) > 4 and any(w in name for w in ORGANISATION_WORDS)
            else mask_name(name)
        )
    return "、".join(out)
