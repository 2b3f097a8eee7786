# Clears the private signing keys (and password hashes) that entries written before they
# were excluded from the trail still hold (fazhi/upward/README.md, "Keys in old audit
# entries"). The chain stays verifiable: see fazhi.audit.trail.redact_secrets.

from django.db import migrations


def redact(apps, schema_editor):
    # The current model and its digest, not the historical one: the redaction seals the
    # redacted content the way `verify_chain` of this code checks it. The audit key is
    # needed only when there is something to clear.
    from fazhi.audit.trail import redact_secrets

    redact_secrets()


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0003_entry_scheme'),
    ]

    operations = [
        migrations.RunPython(redact, migrations.RunPython.noop),
    ]
