"""Kept figures of county subtrees (fazhi/indicators/county_figures.py)."""

from __future__ import annotations

from django.db import models


class CountyFigures(models.Model):
    """One model's raw figures for one county's subtree and calendar year, as the engine
    computed them from the records: what a provincial comparison of a hundred counties
    reads instead of a year of every county's records. Current while the county's
    write counter still reads what it read before they were computed (county_figures.py);
    `fingerprint` is the SQL the figures came from, so a changed definition or setting
    is never answered with figures of the old one."""

    county = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+", verbose_name="县")
    year = models.PositiveSmallIntegerField("年度")
    model = models.CharField("登记表", max_length=100)
    # The county's WriteCounter.writes read before the figures: current while equal.
    writes = models.PositiveBigIntegerField("计算前的写入次数", default=0)
    fingerprint = models.CharField("统计口径指纹", max_length=64)
    figures = models.JSONField("原始数字", default=dict)
    computed_at = models.DateTimeField("计算时间")

    scope_field = "county"
    personal_name_fields: tuple[str, ...] = ()

    class Meta:
        verbose_name = verbose_name_plural = "县级汇总数字"
        constraints = [models.UniqueConstraint(fields=["county", "year", "model"], name="indicators_countyfigures_once")]

    def __str__(self) -> str:
        return f"{self.county_id} {self.year} {self.model}"


class WriteCounter(models.Model):
    """How many saves and deletes have touched records in a unit's subtree: moved on in
    the writing transaction for the unit and each of its ancestors (county_figures.py)."""

    unit = models.OneToOneField(
        "org.Unit", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name="单位"
    )
    writes = models.PositiveBigIntegerField("写入次数", default=0)

    scope_field = "unit"
    personal_name_fields: tuple[str, ...] = ()

    class Meta:
        verbose_name = verbose_name_plural = "写入计数"

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.writes}"
