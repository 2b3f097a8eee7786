"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("oversight", "0003_supervision_periods")]

    operations = [
        TrigramIndexes("task", ["number", "title"]),
        TrigramIndexes("suggestion", ["number", "title", "proposer_name"]),
    ]
