"""The courts' trial periods, so an open lawsuit stays on the due list until judgment.

行政诉讼法 第81条 (first instance: 6 months from 立案) and 第88条 (appeal: 3 months from
receipt of the appeal). They are the court's periods, not the defendant's; the unit
follows them to know when a judgment is due. get_or_create: an administrator's change
is never overwritten. They belong in fazhi/deadlines/periods_data.py with the others.
"""

from django.db import migrations

LITIG = "《中华人民共和国行政诉讼法》"
SRC = "[C-text] 诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md（statutes.md §2.1）"

PERIODS = [
    {
        "code": "litig_trial_first",
        "name": "一审审理期限",
        "law": LITIG,
        "article": "第81条",
        "start_event": "人民法院立案",
        "length": 6,
        "mode": "months",
        "confidence": "C",
        "source": SRC,
        "notes": "人民法院应当在立案之日起六个月内作出第一审判决；有特殊情况需要延长的，由高级人民法院批准。",
    },
    {
        "code": "litig_trial_appeal",
        "name": "二审审理期限",
        "law": LITIG,
        "article": "第88条",
        "start_event": "收到上诉状",
        "length": 3,
        "mode": "months",
        "confidence": "C",
        "source": SRC,
        "notes": "人民法院审理上诉案件，应当在收到上诉状之日起三个月内作出终审判决。",
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
    dependencies = [("litigation", "0002_lawsuit_reconsideration"), ("deadlines", "0002_load_periods")]

    operations = [migrations.RunPython(load, unload)]
