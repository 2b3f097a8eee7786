# Issue 23, point 4: a submission is identified by its signed content (the manifest's
# SHA-256), so the same file zipped again is not a new submission.

import hashlib
import io
import zipfile

from django.db import migrations, models


def fill(apps, schema_editor):
    """The stored files' manifest digests (each file was verified when it came in)."""
    Submission = apps.get_model("upward", "Submission")
    for pk, content in Submission.objects.values_list("pk", "content").iterator():
        try:
            with zipfile.ZipFile(io.BytesIO(bytes(content))) as zf:
                digest = hashlib.sha256(zf.read("manifest.json")).hexdigest()
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            continue
        Submission.objects.filter(pk=pk).update(manifest_sha256=digest)


class Migration(migrations.Migration):

    dependencies = [
        ("upward", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="manifest_sha256",
            field=models.CharField(db_index=True, default="", editable=False, max_length=64, verbose_name="清单SHA-256"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
