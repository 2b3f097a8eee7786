"""The xlsx sheet of the decisions register: one row per decision of a year's catalogue."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.decisions.models import Catalogue, Decision
from fazhi.kit.xlsx import Sheet, fields, state_column


def _prepare(instance: Any, values: dict[str, Any], ctx: dict[str, Any]) -> None:
    if instance.unit_id and instance.year:
        cat = Catalogue.objects.filter(unit=instance.unit, year=instance.year).first()
        if cat is None:
            raise ValidationError(
                {"year": f"{instance.unit}尚未登记{instance.year}年度决策事项目录，请先登记目录。"}
            )
        instance.catalogue = cat


SHEET = Sheet(
    model=Decision,
    title="重大行政决策事项",
    natural_key=("unit", "year", "title"),
    columns=[
        *fields(Decision, unit="确山县人民政府", year=2022, title="确山县老旧小区改造三年行动方案",
                lead_unit="确山县住房和城乡建设局", basis=""),
        state_column(),
    ],
    prepare=_prepare,
    instructions=["导入的决策事项为“拟订中”状态，各环节请在系统中逐项登记（按法定顺序）。"],
)
