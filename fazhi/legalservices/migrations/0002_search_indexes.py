"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("legalservices", "0001_initial")]

    operations = [
        TrigramIndexes("aidapplication", ["number", "applicant_name"]),
        TrigramIndexes("notarisation", ["number", "applicant_name"]),
        TrigramIndexes("legalhelper", ["name"]),
        TrigramIndexes("servicevisit", ["topic"]),
    ]
