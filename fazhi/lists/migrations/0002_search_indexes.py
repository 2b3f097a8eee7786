"""Trigram indexes for the list's search box (core.search), on PostgreSQL only."""

from django.db import migrations

from fazhi.kit.search import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("lists", "0001_initial")]

    operations = [
        TrigramIndexes("listitem", ["code", "name"]),
        TrigramIndexes("listadjustment", ["document_number"]),
    ]
