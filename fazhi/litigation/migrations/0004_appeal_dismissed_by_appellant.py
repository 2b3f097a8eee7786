"""判决驳回上诉、维持原判 is won or lost by who appealed (issue 20, point 9).

Until now every dismissed appeal was stored as a win. Recompute the stored result of
those cases from the appellant registered on the first instance: the agency's appeal
dismissed is a loss, the plaintiff's a win, a third party's keeps the first-instance
result.
"""

from django.db import migrations


def recompute(apps, schema_editor):
    from fazhi.litigation.rules import result_of  # pure: no models, no queries

    Lawsuit = apps.get_model("litigation", "Lawsuit")
    for suit in Lawsuit.objects.filter(outcome="appeal_dismissed").select_related("previous"):
        previous = suit.previous
        appellant = (previous.appellant if previous else "") or suit.appellant
        result = result_of(suit.outcome, appellant, previous.result if previous else "")
        if (suit.result, suit.appellant) != (result, appellant):
            Lawsuit.objects.filter(pk=suit.pk).update(result=result, appellant=appellant)


class Migration(migrations.Migration):
    dependencies = [("litigation", "0003_trial_periods")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
