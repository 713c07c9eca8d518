"""The ``vroeghulp`` console script (docs/interfaces.md section 1): a thin wrapper around Django's
management commands. Two-word commands map to one command: ``signalen importeer`` ->
``signalen_importeer``. Any other Django command (``migrate``, ``createsuperuser``) works too;
``server`` starts the production server."""

import os
import sys

TWO_WORD = {"signalen", "ddas", "partners", "schuldhulp", "monitor"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "bereken":
        # Rules as code run without Django or a database.
        from vroeghulp.regels.cli import main as bereken

        return bereken(argv[1:])
    if argv and argv[0] == "server":
        # The production server (granian); its options after the word, e.g. --workers 4.
        from vroeghulp.common.server import main as server

        return server(argv[1:])
    if argv and argv[0] == "demo":
        os.environ.setdefault("VROEGHULP_OMGEVING", "demo")
    if len(argv) >= 2 and argv[0] in TWO_WORD and not argv[1].startswith("-"):
        argv = [f"{argv[0]}_{argv[1]}"] + argv[2:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["vroeghulp"] + argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
