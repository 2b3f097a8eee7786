"""No admin for the register's records: every change goes through the screens and
`apply()`, so that the workflow and the audit trail cannot be bypassed. The register
has no reference data of its own (decision types and periods are rules and rows of
the deadlines app)."""
