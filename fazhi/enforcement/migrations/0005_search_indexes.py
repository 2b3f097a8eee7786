"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0004_case_figures_index")]

    operations = [
        TrigramIndexes("certificate", ["number"]),
        TrigramIndexes("case", ["number", "party_name", "matter"]),
        TrigramIndexes("filereview", ["file_number"]),
        TrigramIndexes("supervisionletter", ["number"]),
    ]
