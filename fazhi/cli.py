"""The `fazhi` command: Django's management commands under one name.

`fazhi demo`, `fazhi indicators`, `fazhi due`, `fazhi analyze`, … are management
commands; this entry point only picks the settings module (and the demo mode, which
lets the demo generate its own secret key) before handing over to Django.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    if args[:1] == ["demo"]:
        os.environ["FAZHI_DEMO"] = "1"
        os.environ.setdefault("FAZHI_DATA_DIR", os.path.abspath("data"))
    from django.core.management import execute_from_command_line

    execute_from_command_line(["fazhi", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
