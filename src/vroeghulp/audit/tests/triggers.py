"""Test support: let Django's TransactionTestCase empty the audit table between tests.

The append-only triggers refuse DELETE and TRUNCATE, which is what Django's flush uses after a
transactional (live-server) test. The test fixture drops them just for that flush and restores
them before the next test, so every test runs with the triggers in place.
"""

from importlib import import_module

from django.db import connection

MIGRATION = import_module("vroeghulp.audit.migrations.0002_append_only_triggers")


def _present() -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_trigger WHERE tgname = 'audit_alleen_toevoegen'")
        else:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_geen_wijziging'")
        return cursor.fetchone() is not None


def restore() -> None:
    if _present():
        return
    statements = MIGRATION.POSTGRES if connection.vendor == "postgresql" else MIGRATION.SQLITE
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop() -> None:
    reverse = MIGRATION.POSTGRES_REVERSE if connection.vendor == "postgresql" else MIGRATION.SQLITE_REVERSE
    with connection.cursor() as cursor:
        for statement in reverse:
            cursor.execute(statement)
