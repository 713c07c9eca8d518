"""Database triggers that refuse UPDATE and DELETE on the audit table (SQLite and PostgreSQL)."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER audit_geen_wijziging BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'Het audittrail kan niet worden gewijzigd.'); END;""",
    """CREATE TRIGGER audit_geen_verwijdering BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'Het audittrail kan niet worden verwijderd.'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_geen_wijziging;",
    "DROP TRIGGER IF EXISTS audit_geen_verwijdering;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_alleen_toevoegen() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'Het audittrail kan niet worden gewijzigd of verwijderd.'; END;
       $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_alleen_toevoegen BEFORE UPDATE OR DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();""",
    """CREATE TRIGGER audit_geen_truncate BEFORE TRUNCATE ON audit_auditevent
       FOR EACH STATEMENT EXECUTE FUNCTION audit_alleen_toevoegen();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_geen_truncate ON audit_auditevent;",
    "DROP TRIGGER IF EXISTS audit_alleen_toevoegen ON audit_auditevent;",
    "DROP FUNCTION IF EXISTS audit_alleen_toevoegen();",
]


def forwards(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    statements = POSTGRES_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
