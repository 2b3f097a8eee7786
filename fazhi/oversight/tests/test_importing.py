"""xlsx import of suggestions and proposals: registered as assigned, each with its reply
period; only the assigning office's staff may import them."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import import_file
from fazhi.oversight.importing import SHEET
from fazhi.oversight.models import Suggestion
from fazhi.oversight.rules import SuggestionState

pytestmark = pytest.mark.django_db

HEADERS = ["类别", "案由", "代表（委员）", "交办机关", "主办单位", "交办日期"]


def _book(*rows: list) -> bytes:
    return xlsx(SHEET.title, HEADERS, *rows)


def test_imported_suggestions_are_assigned(coordinator, county_a, unit_a1):
    data = _book(["人大代表建议", "关于改善城区停车秩序的建议", "李四", county_a.name, unit_a1.name,
                  datetime(2024, 3, 20)])
    result = import_file(SHEET, data, user=coordinator)
    assert result.ok and result.created == 1
    suggestion = Suggestion.objects.get()
    assert suggestion.state == SuggestionState.ASSIGNED
    assert (suggestion.office, suggestion.unit) == (county_a, unit_a1)


def test_a_row_of_another_office_is_refused_on_the_office_column(coordinator, county_b):
    assert SHEET.prepare is not None
    row = Suggestion(office=county_b)
    with pytest.raises(ValidationError) as refused:
        SHEET.prepare(row, {}, {"user": coordinator})
    assert refused.value.message_dict == {"office": ["只有交办机关的工作人员可以交办建议、提案。"]}
    assert row.state == SuggestionState.ASSIGNED
