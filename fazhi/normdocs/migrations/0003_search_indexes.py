"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("normdocs", "0002_expiry_period")]

    operations = [
        TrigramIndexes("document", ["doc_no", "title", "register_no"]),
        TrigramIndexes("reviewitem", ["title"]),
    ]
