"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("litigation", "0004_appeal_dismissed_by_appellant")]

    operations = [
        TrigramIndexes("lawsuit", ["case_number", "plaintiff_name", "cause", "act_challenged"]),
    ]
