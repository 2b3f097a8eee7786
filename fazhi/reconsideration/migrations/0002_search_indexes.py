"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("reconsideration", "0001_initial")]

    operations = [
        TrigramIndexes("application", ["case_number", "applicant_name", "act"]),
        TrigramIndexes("superiorcase", ["case_number", "applicant_name", "act"]),
    ]
