"""Bigram indexes for the list's search box (kit.search): a two-character name has no
trigram; on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import BigramIndexes


class Migration(migrations.Migration):
    dependencies = [("oversight", "0004_search_indexes")]

    operations = [
        BigramIndexes("suggestion", ["number", "title", "proposer_name"]),
    ]
