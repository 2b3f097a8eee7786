"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0002_report_filing")]

    operations = [
        TrigramIndexes("proactiveitem", ["title"]),
        TrigramIndexes("request", ["number", "applicant_name", "content"]),
    ]
