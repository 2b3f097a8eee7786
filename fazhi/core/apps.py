import os
from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "fazhi.core"
    verbose_name = "公共"

    def ready(self) -> None:
        from fazhi.core import checks  # noqa: F401

        connection_created.connect(restrict_sqlite_files, dispatch_uid="fazhi.core.restrict_sqlite_files")


def restrict_sqlite_files(sender: Any, connection: Any, **kwargs: Any) -> None:
    """The SQLite database and its journal files are readable by their owner only (0600)."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    for path in (name, f"{name}-wal", f"{name}-shm"):
        try:
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o600)
        except FileNotFoundError:
            continue
