"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("publicity", "0001_initial")]

    operations = [
        TrigramIndexes("activity", ["title"]),
        TrigramIndexes("studysession", ["topic", "speaker"]),
        TrigramIndexes("examresult", ["exam"]),
        TrigramIndexes("lawreport", ["person_name"]),
        TrigramIndexes("responsibility", ["laws"]),
    ]
