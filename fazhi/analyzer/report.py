"""One report, analysed: the entry point the command, the views and the evaluation use."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extract import Compact, Figure, extract_figures
from .reading import read_bytes, read_file
from .relations import Relation, find_relations, share_part_codes
from .structure import Structure, check_structure

_UNIT_LINE = re.compile(
    r"^[^\n，。：:]{2,30}(人民政府|政府办公室|办公室|局|委员会|中心|委|办|院|厅|政府)(文件)?$"
)
# (依法治县 names no county.)
_PLACE = re.compile(r"(?<![全我本各该依])([\u4e00-\u9fff]{2}[县区旗])(?![直级委])")
_YEAR = re.compile(r"(20\d\d)\s*年度?")


@dataclass
class Analysis:
    name: str
    text: str
    unit: str
    year: int | None
    figures: list[Figure]
    relations: list[Relation]  # judged: 相符 or 不符
    structure: Structure
    unchecked: list[Relation] = field(default_factory=list)  # seen, not judged (无法核对)

    @property
    def inconsistencies(self) -> list[Relation]:
        return [r for r in self.relations if not r.consistent]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "unit": self.unit,
            "year": self.year,
            "figures": [f.as_dict() for f in self.figures],
            "relations": [r.as_dict(self.figures) for r in self.relations],
            "inconsistencies": sum(1 for r in self.relations if not r.consistent),
            "unchecked": [r.as_dict(self.figures) for r in self.unchecked],
            "structure": self.structure.as_dict(),
        }


def _guess_unit(text: str) -> str:
    for line in text.split("\n")[:8]:
        line = line.strip().replace(" ", "")
        if _UNIT_LINE.match(line):
            return line.removesuffix("文件")
    # No letterhead: the place the text names most often (湖滨区), as its government.
    places = Counter(_PLACE.findall(text))
    if places:
        place, n = places.most_common(1)[0]
        if n >= 2:
            return f"{place}人民政府"
    return ""


def _guess_year(text: str) -> int | None:
    head = text[:600]
    m = re.search(r"关于[^\n]{0,20}?(20\d\d)\s*年", head) or _YEAR.search(head)
    return int(m.group(1)) if m else None


def analyze_text(text: str, name: str = "") -> Analysis:
    compact = Compact(text)
    figures = extract_figures(text, compact)
    relations = find_relations(compact.text, figures)
    share_part_codes(figures, relations)
    return Analysis(
        name=name,
        text=text,
        unit=_guess_unit(text),
        year=_guess_year(text),
        figures=figures,
        relations=[r for r in relations if r.checked],
        structure=check_structure(text, figures),
        unchecked=[r for r in relations if not r.checked],
    )


def analyze_file(path: str | Path) -> Analysis:
    """Raises reading.ReadError (with a Chinese message) for unreadable input."""
    return analyze_text(read_file(path), Path(path).name)


def analyze_bytes(data: bytes, name: str) -> Analysis:
    return analyze_text(read_bytes(data, name), name)
