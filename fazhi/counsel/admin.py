"""No admin for the register's records: advisers, public lawyers and opinions carry
personal data and change only through the screens, the API and the xlsx import (which
mask and audit them). The register has no reference data of its own (which unit kinds
must have counsel is a rule, `rules.MUST_HAVE_COUNSEL`)."""
