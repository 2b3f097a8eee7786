"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("counsel", "0002_opinion_lawsuit")]

    operations = [
        TrigramIndexes("counsel", ["name", "firm", "licence_no"]),
    ]
