"""The due-list periods of supervision tasks and their milestones.

A supervision task's 完成时限 and its milestones' 节点时限 are set by the supervising
office when it assigns the task (seed 004: 责任分解), not by a statute. To put them on
the shared due list (red / yellow / green, through deadlines.services like every other
register) they need a period row: "due on the date set", i.e. 0 working days counted
back from that date, which never moves it (a days-mode period would move a date that
falls on a rest day). Statutes.md Appendix A has no such row; they belong in
fazhi/deadlines/periods_data.py. get_or_create: an administrator's change is never
overwritten.
"""

from django.db import migrations

COMMON = {
    "law": "县委、县政府督查督办工作制度（交办通知确定的时限）",
    "article": "—",
    "length": 0,
    "mode": "workdays",
    "fixed_month_day": "",
    "direction": "before",
    "first_day_counts": False,
    "extension_length": None,
    "extension_mode": "",
    "max_extensions": 0,
    "pauses_on": "",
    "confidence": "M",
    "source": "[M] seed 004（确山县督查督办：立项、责任分解、督查催办、反馈、销号、立卷归档）；本地督查督办制度",
}

PERIODS = [
    {
        "code": "supervision_task",
        "name": "督办事项完成时限",
        "start_event": "交办时确定的完成时限",
        "notes": "届满日即交办时确定的完成时限（不顺延）；承办单位应在此前报告办结。退回继续办理的，重新列入待办。",
        **COMMON,
    },
    {
        "code": "supervision_milestone",
        "name": "督办事项时间节点",
        "start_event": "责任分解确定的节点时限",
        "notes": "届满日即责任分解确定的节点时限（不顺延），不得晚于事项完成时限；事项销号时未完成的节点一并取消。",
        **COMMON,
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
    dependencies = [("oversight", "0002_milestone_urgings"), ("deadlines", "0002_load_periods")]

    operations = [migrations.RunPython(load, unload)]
