import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from fazhi.analyzer.compare import against_fazhi, comparison_rows, write_xlsx
from fazhi.analyzer.report import analyze_text

A = "确山县人民政府\n关于2022年度法治政府建设情况的报告\n全县共调处各类矛盾纠纷1047件，调处成功951件，调解成功率91%。办理法律援助400件。"
B = "湖滨区人民政府\n关于2023年法治政府建设情况的报告\n共调处矛盾纠纷2075件，调成1996件，调解成功率达96%。"


def test_rows_put_each_code_beside_every_report():
    rows = {r["code"]: r["values"] for r in comparison_rows([analyze_text(A), analyze_text(B)])}
    assert rows["mediation_cases"] == [1047, 2075]
    assert rows["legal_aid_cases"] == [400, None]


def test_a_rate_in_tenths_stands_in_no_column_of_rates_in_percent():
    c = "甲县人民政府\n关于2023年法治政府建设情况的报告\n行政机关负责人出庭应诉率超八成。"
    d = "乙县人民政府\n关于2023年法治政府建设情况的报告\n行政机关负责人出庭应诉率为85%。"
    rows = {r["code"]: r["values"] for r in comparison_rows([analyze_text(c), analyze_text(d)])}
    assert rows["litig_appear_rate"] == [None, 85]


def test_the_xlsx_has_the_table_the_checks_and_the_structure():
    buf = io.BytesIO()
    write_xlsx([analyze_text(A), analyze_text(B)], buf)
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    assert wb.sheetnames == ["对比", "异常值", "核对", "结构"]
    header = next(wb["对比"].iter_rows(values_only=True))
    assert header[3:] == ("确山县人民政府 2022年", "湖滨区人民政府 2023年")
    checks = list(wb["核对"].iter_rows(values_only=True))[1:]
    assert {c[3] for c in checks} == {"相符"}


@pytest.mark.django_db
def test_published_figures_stand_beside_fazhis_own_with_differences_marked(monkeypatch, county_a):
    calls = {}

    def fake_compute(unit, year, codes=None):
        calls["args"] = (unit, year, list(codes))
        return {
            "mediation_cases": 1047,
            "mediation_success": 900,
            "mediation_rate": Decimal("86"),
            "legal_aid_cases": None,
        }

    monkeypatch.setattr("fazhi.indicators.engine.compute", fake_compute)
    monkeypatch.setattr(
        "fazhi.indicators.catalogue.catalogue",
        lambda: dict.fromkeys(
            ["mediation_cases", "mediation_success", "mediation_rate", "legal_aid_cases"]
        ),
    )
    rows = {r["code"]: r for r in against_fazhi(analyze_text(A), "确山县")}
    assert calls["args"][0] == county_a and calls["args"][1] == 2022
    assert rows["mediation_cases"]["differs"] is False
    assert (rows["mediation_success"]["published"], rows["mediation_success"]["fazhi"]) == (
        951,
        900,
    )
    assert rows["mediation_success"]["differs"] is True
    assert rows["legal_aid_cases"]["fazhi"] is None and rows["legal_aid_cases"]["differs"] is False


@pytest.mark.django_db
def test_an_unknown_unit_is_named_in_the_error():
    from fazhi.org.models import Unit

    with pytest.raises(Unit.DoesNotExist, match="未找到单位"):
        against_fazhi(analyze_text(A), "不存在县")


def test_a_value_far_from_the_others_median_is_an_outlier_and_listed_in_the_xlsx():
    texts = [
        A.replace("1047", n) for n in ("1000", "1100", "9000")
    ]  # 951 successes: rates differ, only the count is tested
    analyses = [analyze_text(t, f"{i}.txt") for i, t in enumerate(texts)]
    row = next(r for r in comparison_rows(analyses) if r["code"] == "mediation_cases")
    assert row["median"] == 1100
    assert [bool(x) for x in row["outliers"]] == [False, False, True]
    buf = io.BytesIO()
    write_xlsx(analyses, buf)
    odd = list(load_workbook(io.BytesIO(buf.getvalue()))["异常值"].iter_rows(values_only=True))
    assert any(r[0] == "调处矛盾纠纷" and r[3] == 9000 for r in odd[1:])


def test_two_reports_have_no_outliers():
    rows = comparison_rows([analyze_text(A), analyze_text(A.replace("1047", "9000"))])
    assert all(not any(r["outliers"]) for r in rows)


def test_the_whole_countys_figure_stands_for_the_county_not_its_governments_own():
    text = "县政府本级收到行政复议申请12件。全县收到行政复议申请51件。"
    rows = {r["code"]: r["values"] for r in comparison_rows([analyze_text(text)])}
    assert rows["recon_received"] == [51]


def test_a_table_row_stands_in_the_comparison_with_its_total_cell():
    text = (
        "某县2023年政府信息公开工作年度报告\n申请人情况\t自然人\t法人或其他组织\t总计\n"
        "本年新收政府信息公开申请数量\t58\t8\t66\n"
    )
    a = analyze_text(text)
    rows = {r["code"]: r["values"] for r in comparison_rows([a])}
    assert rows["disclosure_requests"] == [66]



def test_yifa_zhixian_names_no_county():
    a = analyze_text("推进全面依法治县，召开依法治县委员会会议2次，办理法律援助案件30件。")
    assert a.unit == ""


def test_last_years_value_written_first_is_not_the_reports_value():
    a = analyze_text("某县人民政府\n关于2023年度法治政府建设情况的报告\n收到行政复议申请由上年的81件上升到108件。")
    b = analyze_text("某区人民政府\n关于2023年度法治政府建设情况的报告\n全年收到行政复议申请95件，与上年的90件相比略有增加。")
    rows = {r["code"]: r["values"] for r in comparison_rows([a, b])}
    assert rows["recon_received"] == [108, 95]
