"""No admin for the register's records: every change goes through the screens, the API
and imports, so that scope, validation and the audit trail cannot be bypassed."""
