"""Kept figures of county subtrees (fazhi/indicators/county_figures.py)."""

from __future__ import annotations

from django.db import models


class CountyFigures(models.Model):
    """One model's raw figures for one county's subtree and calendar year, as the engine
    computed them from the records: what a provincial comparison of a hundred counties
    reads instead of a year of every county's records. Deleted by any write in the
    county (county_figures.py); `fingerprint` is the SQL the figures came from, so a changed
    definition or setting is never answered with figures of the old one."""

    county = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+", verbose_name="县")
    year = models.PositiveSmallIntegerField("年度")
    model = models.CharField("登记表", max_length=100)
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
