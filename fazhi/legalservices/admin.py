"""No admin for the register's records: every change goes through the screens, the
API, imports and `apply()`, so that scope, validation and the audit trail cannot be
bypassed. The register's vocabulary (types, outcomes, target groups) is in rules.py."""
