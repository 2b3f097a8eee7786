"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.core.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("litigation", "0003_trial_periods")]

    operations = [
        TrigramIndexes("lawsuit", ["case_number", "plaintiff_name", "cause", "act_challenged"]),
    ]
