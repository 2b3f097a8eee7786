"""The api app's own rows of the authorization matrix (vocabulary: `authz_support`)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import API_PUBLIC_DOC, Row

# The router's root and the OpenAPI schema.
ROUTES: dict[str, Row] = {
    "api-root": Row(API_PUBLIC_DOC),
    "api-schema": Row(API_PUBLIC_DOC),
}
