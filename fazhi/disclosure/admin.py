"""No admin for the register's records: every change goes through the screens and
`apply()`, so that the workflow and the audit trail cannot be bypassed."""
