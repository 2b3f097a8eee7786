"""Load the statutory periods of statutes.md Appendix A (fazhi/deadlines/periods_data.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from fazhi.deadlines.periods_data import PERIODS

    Period = apps.get_model("deadlines", "Period")
    # The model as of 0001: one row per code, the fields it had. Older law versions and
    # the version fields come with 0003 (periods_data.sync).
    known = {f.name for f in Period._meta.get_fields()}
    for row in PERIODS:
        if row.get("effective_until") is not None:
            continue
        Period.objects.get_or_create(
            code=row["code"], defaults={k: v for k, v in row.items() if k != "code" and k in known}
        )


def unload(apps, schema_editor):
    from fazhi.deadlines.periods_data import PERIODS

    Period = apps.get_model("deadlines", "Period")
    Period.objects.filter(code__in=[r["code"] for r in PERIODS], deadlines__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
