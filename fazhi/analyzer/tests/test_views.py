from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.analyzer.lexicon import label

REPORT = "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n全县共调处各类矛盾纠纷1047件，调处成功951件，调解成功率91%。\n"


def upload(client, *files):
    return client.post(reverse("analyzer:upload"), {"files": list(files)})


def f(name, text, encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding) if isinstance(text, str) else text)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["upload", "results", "compare", "compare_xlsx"])
def test_every_page_requires_login(client, name):
    response = client.get(reverse(f"analyzer:{name}"))
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_an_uploaded_report_is_shown_with_figures_checks_and_structure(client_for, liaison_a1):
    c = client_for(liaison_a1)
    response = upload(c, f("a.txt", REPORT, "gbk"))
    assert response.status_code == 302
    page = c.get(response["Location"]).content.decode()
    # The figure by its Chinese name; the code stays for the API and the xlsx.
    assert label("mediation_cases") in page and "mediation_cases" not in page
    assert "相符" in page and "主要举措和成效" in page


@pytest.mark.django_db
def test_a_bad_file_is_explained_and_nothing_is_kept(client_for, liaison_a1):
    c = client_for(liaison_a1)
    response = upload(c, f("empty.txt", b""))
    assert response.status_code == 200
    assert "空文件" in response.content.decode()
    assert c.get(reverse("analyzer:results")).status_code == 302


@pytest.mark.django_db
def test_several_reports_are_compared_on_a_page_with_charts_and_in_an_xlsx(client_for, liaison_a1):
    c = client_for(liaison_a1)
    upload(c, f("a.txt", REPORT), f("b.txt", REPORT.replace("1047", "1100")))
    page = c.get(reverse("analyzer:compare")).content.decode()
    assert "echarts.min.js" in page and "1100" in page and "analyzer-chart" in page
    assert "各报告的不一致之处" in page and "中位数" in page
    xlsx = c.get(reverse("analyzer:compare_xlsx"))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_the_report_page_sets_published_figures_beside_fazhis_own(
    client_for, coordinator, county_a, monkeypatch
):
    monkeypatch.setattr(
        "fazhi.indicators.engine.compute",
        lambda unit, year, codes=None: {
            "mediation_cases": 1000,
            "mediation_success": 951,
            "mediation_rate": Decimal(91),
        },
    )
    monkeypatch.setattr(
        "fazhi.indicators.catalogue.catalogue",
        lambda: dict.fromkeys(["mediation_cases", "mediation_success", "mediation_rate"]),
    )
    c = client_for(coordinator)
    upload(c, f("a.txt", REPORT))
    page = c.get(reverse("analyzer:report", args=[0]), {"unit": "确山县"}).content.decode()
    assert "1000" in page and "background:#fff4e0" in page
    page = c.get(reverse("analyzer:report", args=[0]), {"unit": "不存在县"}).content.decode()
    assert "未找到单位" in page


@pytest.mark.django_db
def test_a_report_index_out_of_range_is_not_found(client_for, liaison_a1):
    c = client_for(liaison_a1)
    upload(c, f("a.txt", REPORT))
    assert c.get(reverse("analyzer:report", args=[5])).status_code == 404


@pytest.mark.django_db
def test_a_user_cannot_compare_against_a_unit_outside_their_scope(
    client_for, liaison_a2, unit_a1, monkeypatch
):
    monkeypatch.setattr(
        "fazhi.indicators.engine.compute", lambda unit, year, codes=None: {"mediation_cases": 5}
    )
    monkeypatch.setattr(
        "fazhi.indicators.catalogue.catalogue", lambda: dict.fromkeys(["mediation_cases"])
    )
    c = client_for(liaison_a2)
    upload(c, f("a.txt", REPORT))
    page = c.get(reverse("analyzer:report", args=[0]), {"unit": unit_a1.code}).content.decode()
    assert "未找到单位" in page and "background:#fff4e0" not in page


@pytest.mark.django_db
def test_a_batch_of_county_reports_marks_outliers_and_each_countys_inconsistencies(
    client_for, liaison_a1
):
    c = client_for(liaison_a1)
    bad = REPORT.replace("1047", "9000").replace("951", "8100")
    upload(c, f("a.txt", REPORT), f("b.txt", REPORT.replace("1047", "1100")), f("c.txt", bad))
    page = c.get(reverse("analyzer:compare")).content.decode()
    assert "异常：是中位数1100的8.2倍" in page
    assert "8100÷9000=90%" in page and "不符" in page


@pytest.mark.django_db
def test_what_could_not_be_judged_is_listed_apart_and_verdicts_say_how_sure(client_for, liaison_a1):
    c = client_for(liaison_a1)
    text = REPORT + "受理法律援助案件1200件，其中刑事案件500件、民事案件750件、行政案件50件。\n"
    upload(c, f("a.txt", text))
    page = c.get(reverse("analyzer:results")).content.decode()
    assert "无法核对（1 处）" in page and "可能相互交叉" in page
    assert "（确定）" in page


@pytest.mark.django_db
def test_a_yoy_change_is_shown_as_such_with_its_two_counts(client_for, liaison_a1):
    c = client_for(liaison_a1)
    text = REPORT + "受理行政复议案件由上年的60件增至75件，同比增长25%。\n"
    page = c.get(upload(c, f("a.txt", text))["Location"]).content.decode()
    assert "同比：" in page and "上年「" in page and "本期「" in page


@pytest.mark.django_db
def test_the_results_are_searched_by_name_unit_indicator_or_quote(client_for, liaison_a1):
    c = client_for(liaison_a1)
    upload(c, f("甲县报告.txt", REPORT), f("乙县报告.txt", REPORT.replace("矛盾纠纷", "行政复议案件")))

    def shown(q):
        return c.get(reverse("analyzer:results"), {"q": q}).content.decode()

    assert all(name in shown("") for name in ("甲县报告", "乙县报告", 'name="q"'))
    assert "乙县报告" in shown("复议") and "甲县报告" not in shown("复议") and "共 2 份报告" in shown("复议")
    assert "没有符合的报告" in shown("甲县 复议")
