"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("decisions", "0002_comment_period")]

    operations = [
        TrigramIndexes("decision", ["title"]),
    ]
