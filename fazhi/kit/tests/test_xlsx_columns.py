"""Columns declared from the model: the header is the field's verbose_name, the kind
follows the field, choices come from the field, and a cell is required when the field
may be neither blank nor defaulted; what a sheet writes out overrides any of it."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from fazhi.auditsup.models import AuditProject
from fazhi.auditsup.rules import AuditKind
from fazhi.kit.xlsx import Column, exports, fields, model_column, template
from fazhi.kit.xlsx import Sheet as XlsxSheet
from fazhi.org.models import PasswordHistory, Person, Unit


def test_each_field_kind_gives_its_column():
    assert fields(
        AuditProject,
        unit="确山县教育局",
        auditing_body="确山县审计局",
        year=2022,
        kind="预算执行审计",
        started_on="2022-04-06",
        reported_on="",
        problem_amount=1200000,
    ) == [
        Column("被审计单位", "unit", kind="unit", required=True, example="确山县教育局"),
        Column("审计机关", "auditing_body", example="确山县审计局"),
        Column("审计年度", "year", kind="int", required=True, example=2022),
        Column("审计类型", "kind", kind="choice", choices=AuditKind.choices, required=True,
               example="预算执行审计"),
        Column("进点日期", "started_on", kind="date", required=True, example="2022-04-06"),
        Column("出具审计报告日期", "reported_on", kind="date"),
        Column("查出问题金额（元）", "problem_amount", kind="decimal", example=1200000),
    ]


def test_a_field_with_a_default_or_blank_is_optional_and_a_boolean_is_yes_or_no():
    active = model_column(Unit, "active")
    assert (active.header, active.kind, active.required) == ("在用", "bool", False)
    name = model_column(Person, "name")
    assert (name.header, name.kind, name.required) == ("姓名", "text", True)
    assert model_column(Person, "position").required is False


def test_overrides_win_and_a_column_the_import_does_not_read_is_never_required():
    col = model_column(Person, "name", "张三", header="持证人", personal="name", help="全名")
    assert (col.header, col.personal, col.help, col.example, col.required) == (
        "持证人", "name", "全名", "张三", True
    )
    (state,) = exports(Person, "name")
    assert (state.importable, state.required, state.header) == (False, False, "姓名")


def test_a_link_to_a_record_other_than_a_unit_needs_its_own_column():
    assert model_column(Person, "unit").kind == "unit"
    with pytest.raises(ValueError, match="PasswordHistory.user"):
        model_column(PasswordHistory, "user")


def test_the_template_of_derived_columns_is_that_of_the_written_ones():
    derived = XlsxSheet(model=AuditProject, title="审计项目", columns=fields(
        AuditProject, unit="确山县教育局", year=2022, kind="预算执行审计"))
    written = XlsxSheet(model=AuditProject, title="审计项目", columns=[
        Column("被审计单位", "unit", kind="unit", required=True, example="确山县教育局"),
        Column("审计年度", "year", kind="int", required=True, example=2022),
        Column("审计类型", "kind", kind="choice", choices=AuditKind.choices, required=True,
               example="预算执行审计"),
    ])
    assert _cells(template(derived)) == _cells(template(written))


def _cells(data):
    wb = load_workbook(BytesIO(data))
    ws = wb.worksheets[0]
    return (
        [[c.value for c in row] for row in ws.iter_rows()],
        [c.comment.text if c.comment else None for c in ws[1]],
        [(dv.formula1, dv.allow_blank, str(dv.sqref)) for dv in ws.data_validations.dataValidation],
        [[c.value for c in row] for row in wb.worksheets[1].iter_rows()],
    )
