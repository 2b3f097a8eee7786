"""Personal data out of anything published: names → surname + 某某, ID and phone numbers masked.

- Names: only *known* names are replaced (the registers know who the parties are); guessing
  names in free text would mangle place and organisation names. Longer names go first so
  that "欧阳明华" is not half-replaced by a shorter "欧阳明". A name already in the 某某 form
  is left as it is.
- 公民身份号码 (18 characters, GB 11643-1999): keep the first 6 (the issuing region, which a
  county report reveals anyway) and the last 2, star the 10 in between — birth date and
  sequence number, the part that identifies a person. Same form as on lists
  (``fazhi.org.validators.mask_id_number``), so a reader sees one masking everywhere.
- Mobile numbers (11 digits from 1[3-9]): 138****5678. Fixed lines with an area code
  (0xxx-xxxxxxx): keep the area code and the last 2 digits.

A run of digits inside a longer number (a 19-digit account, a document number) is not
touched: the patterns require no digit on either side.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from fazhi.org.validators import mask_id_number, mask_phone, surname_of

# No digit or ASCII letter directly before or after: "No.13812345678" still matches,
# "913812345678" (part of something longer) does not.
_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")
_LANDLINE_RE = re.compile(r"(?<![0-9])0\d{2,3}-\d{7,8}(?![0-9])")


def anonymise_name(name: str) -> str:
    """张三丰 → 张某某, 欧阳明 → 欧阳某某, 李四 → 李某某; "" stays ""."""
    name = name.strip()
    if not name:
        return ""
    return surname_of(name) + "某某"


def mask_id_numbers(text: str) -> str:
    return _ID_RE.sub(lambda m: mask_id_number(m.group().upper()), text)


def mask_phones(text: str) -> str:
    text = _MOBILE_RE.sub(lambda m: mask_phone(m.group()), text)
    return _LANDLINE_RE.sub(lambda m: _mask_landline(m.group()), text)


def _mask_landline(number: str) -> str:
    area, local = number.split("-", 1)
    return f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"


def anonymise_text(text: str, names: Iterable[str] = ()) -> str:
    """Replace every known full name by surname + 某某, then mask ID and phone numbers."""
    # Single-character "names" would wipe out that character everywhere: skip them.
    known = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)
    if known:
        pattern = re.compile("|".join(re.escape(n) for n in known))
        text = pattern.sub(lambda m: anonymise_name(m.group()), text)
    return mask_phones(mask_id_numbers(text))


def anonymise_document(doc, names: Iterable[str] = ()):
    """A copy of an OfficialDocument (or any frozen dataclass tree) with every string
    passed through ``anonymise_text``; dates and numbers are left alone."""
    names = tuple(names)

    def walk(value):
        if isinstance(value, str):
            return anonymise_text(value, names)
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value

    return walk(doc)
