"""Settings for the test suite: the real settings with a fixed key and a fast hasher."""

import os

os.environ.setdefault("FAZHI_SECRET_KEY", "test-only-not-secret")

from fazhi.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Lockout, second factor and password expiry are switched on by the tests that check them.
AXES_ENABLED = False
FAZHI_REQUIRE_2FA = False
# Figures are computed on every request unless a test switches the dashboard cache on.
FAZHI_FIGURES_CACHE_SECONDS = 0
FAZHI_FIGURES_ROLLUP_SECONDS = 0
