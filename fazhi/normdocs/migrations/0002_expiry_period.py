"""The due-list period for the end of a normative document's validity (normdoc_expiry).

The deadlines app's Appendix A rows have no period "due on this date"; this register
needs one so that documents close to expiry are on the due list. Counted backwards
from the last day of validity with length 0: due on that day, or on the working day
before it when it is a rest day (the evaluation, revision or repeal must be done while
the document is still in force). Local practice (statutes.md §4 有效期): valid ≤ 5 years,
暂行/试行 ≤ 2 years, evaluated 6 months before expiry.
"""

from django.db import migrations

ROW = {
    "code": "normdoc_expiry",
    "name": "规范性文件有效期届满",
    "law": "国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》及地方规范性文件管理规定",
    "article": "—",
    "start_event": "有效期最后一日",
    "length": 0,
    "mode": "days",
    "fixed_month_day": "",
    "direction": "before",
    "first_day_counts": False,
    "extension_length": None,
    "extension_mode": "",
    "max_extensions": 0,
    "pauses_on": "",
    "confidence": "M",
    "source": "[C-page] statutes.md §4 有效期（5年及届满前6个月评估：市级规定）；暂行、试行2年 [M]",
    "notes": (
        "届满日为有效期最后一日；该日不是工作日的，提前至前一个工作日。"
        "届满前应完成评估，决定修改、废止或继续有效（届满前6个月开始评估）。"
    ),
}


def load(apps, schema_editor):
    Period = apps.get_model("deadlines", "Period")
    Period.objects.get_or_create(code=ROW["code"], defaults={k: v for k, v in ROW.items() if k != "code"})


def unload(apps, schema_editor):
    Period = apps.get_model("deadlines", "Period")
    Period.objects.filter(code=ROW["code"], deadlines__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("normdocs", "0001_initial"),
        ("deadlines", "0002_load_periods"),
    ]

    operations = [migrations.RunPython(load, unload)]
