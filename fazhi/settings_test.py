"""Settings for the test suite: the real settings with a fixed key and a fast hasher."""

import os

os.environ.setdefault("FAZHI_SECRET_KEY", "test-only-not-secret")

from fazhi.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
