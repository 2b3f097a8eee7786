"""No admin for the register's records: catalogues, decisions and their steps change
only through the screens, the API and `apply()`, so that the statutory order of the
steps and the audit trail cannot be bypassed. The register has no reference data of its
own (the steps and their order are rules; the comment period is a row of the deadlines
app, editable there)."""
