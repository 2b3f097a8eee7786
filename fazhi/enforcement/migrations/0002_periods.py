"""Periods the enforcement register needs that statutes.md Appendix A does not list.

They belong with the others in fazhi/deadlines/periods_data.py; until the deadlines
app adopts them, this migration adds the rows (get_or_create: an administrator's
change is never overwritten). All three are [M]: check them against the local rule.
"""

from django.db import migrations

ENF = "国办发〔2018〕118号《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》"
BY_DATE_NOTE = "“×月×日前”按含当日理解（参照民法典第1259条）；固定日期不适用节假日顺延。"

PERIODS = [
    {
        "code": "enforcement_annual_data",
        "name": "公开上年度行政执法数据",
        "law": ENF,
        "article": "二、（三）",
        "start_event": "数据年度（起算日填数据年度内任一日）",
        "length": 1,
        "mode": "date",
        "fixed_month_day": "01-31",
        "confidence": "M",
        "source": "[M] 118号：行政执法机关于每年1月31日前公开上年度行政执法总体情况有关数据（statutes.md §7.1 未核实）",
        "notes": "行政执法机关应当于每年1月31日前公开本机关上年度行政执法总体情况有关数据。" + BY_DATE_NOTE,
    },
    {
        "code": "enforcement_certificate_renewal",
        "name": "行政执法证件换证",
        "law": "本省行政执法证件管理办法",
        "article": "—",
        "start_event": "证件有效期届满",
        "length": 30,
        "mode": "days",
        "direction": "before",
        "confidence": "M",
        "source": "[M] statutes.md §7.3：各省规定不一",
        "notes": "证件有效期届满前30日内申请换发新证（各省规定不同，请按本省规定修改）。",
    },
    {
        "code": "enforcement_rectification",
        "name": "行政执法监督意见书整改报告",
        "law": "本省行政执法监督条例（办法）",
        "article": "—",
        "start_event": "收到行政执法监督意见书",
        "length": 30,
        "mode": "days",
        "confidence": "M",
        "source": "[M] statutes.md §7.5：常见为30日或60日",
        "notes": "被监督单位应当在规定期限内整改并书面报告整改情况（各省为30日或60日，请按本省规定修改）。",
    },
]


def load(apps, schema_editor):
    Period = apps.get_model("deadlines", "Period")
    for row in PERIODS:
        Period.objects.get_or_create(code=row["code"], defaults={k: v for k, v in row.items() if k != "code"})


def unload(apps, schema_editor):
    Period = apps.get_model("deadlines", "Period")
    Period.objects.filter(code__in=[r["code"] for r in PERIODS], deadlines__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0001_initial"), ("deadlines", "0002_load_periods")]

    operations = [migrations.RunPython(load, unload)]
