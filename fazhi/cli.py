"""The `fazhi` command: Django's management commands under one name.

`fazhi demo`, `fazhi indicators`, `fazhi due`, `fazhi analyze`, … are management
commands; this entry point only picks the settings module (and the demo mode, which
lets the demo generate its own secret key) before handing over to Django.
"""

from __future__ import annotations

import os
import sys

from django.core.management import execute_from_command_line
from django.core.management.base import BaseCommand, CommandError, SystemCheckError


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    if args[:1] == ["demo"]:
        os.environ["FAZHI_DEMO"] = "1"
        os.environ.setdefault("FAZHI_DATA_DIR", os.path.abspath("data"))

    _say_errors_in_chinese()
    execute_from_command_line(["fazhi", *args])
    return 0


def _say_errors_in_chinese() -> None:
    """Django prints a refusal on the command line as "CommandError: …"; our messages are
    Chinese and meant for people, so the command line says "错误：…" (exit code as
    Django's). Only for the `fazhi` entry point: call_command() still raises."""

    execute = BaseCommand.execute
    if getattr(execute, "says_errors_in_chinese", False):
        return

    def execute_saying_errors_in_chinese(self: BaseCommand, *args: object, **options: object) -> object:
        try:
            return execute(self, *args, **options)
        except CommandError as exc:
            if not getattr(self, "_called_from_command_line", False) or options.get("traceback"):
                raise
            if isinstance(exc, SystemCheckError):
                raise
            self.stderr.write(f"错误：{exc}")
            sys.exit(exc.returncode)

    execute_saying_errors_in_chinese.says_errors_in_chinese = True  # type: ignore[attr-defined]
    BaseCommand.execute = execute_saying_errors_in_chinese  # type: ignore[method-assign,assignment]


if __name__ == "__main__":
    sys.exit(main())
