"""Bigram indexes for the list's search box (kit.search): a two-character name has no
trigram; on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import BigramIndexes


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0005_search_indexes")]

    operations = [
        BigramIndexes("case", ["number", "party_name", "matter"]),
    ]
