"""The drill-down table's columns for every indicator of the real catalogue."""

from fazhi.indicators.catalogue import Period, catalogue
from fazhi.indicators.drilldown import columns, q_fields


def test_every_counted_indicator_gets_chinese_columns_without_personal_fields():
    period = Period.year(2022)
    for ind in catalogue().values():
        if ind.kind in ("rate", "parts") or not ind.model:
            continue
        cols = columns(ind, period)
        personal = set(getattr(ind.model_class, "personal_name_fields", ()))
        assert all(not c.header.isascii() for c in cols), ind.code
        assert not personal & {c.field.name for c in cols}, ind.code
        # Every field the figure filters on is shown, unless it is personal or not a column.
        shown = {c.field.name for c in cols}
        for name in q_fields(ind.q(period)):
            if name == "pk":
                continue
            field = ind.model_class._meta.get_field(name)
            if field.concrete and not field.primary_key and name not in personal:
                assert name in shown, (ind.code, name)
