"""A database trigger that refuses UPDATE on the phase history (SQLite and PostgreSQL).

Rows of schuldhulp_fasewijziging are never changed. Deleting stays possible for a later
retention job that removes a whole traject.
"""

from django.db import migrations

TABEL = "schuldhulp_fasewijziging"
MELDING = "De geschiedenis van een traject kan niet worden gewijzigd."


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION schuldhulp_alleen_toevoegen() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MELDING}'; END; $$ LANGUAGE plpgsql;"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {TABEL}_geen_wijziging BEFORE UPDATE ON {TABEL} "
            "FOR EACH ROW EXECUTE FUNCTION schuldhulp_alleen_toevoegen();"
        )
    else:
        schema_editor.execute(
            f"CREATE TRIGGER {TABEL}_geen_wijziging BEFORE UPDATE ON {TABEL} "
            f"BEGIN SELECT RAISE(ABORT, '{MELDING}'); END;"
        )


def backwards(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABEL}_geen_wijziging" + (f" ON {TABEL};" if postgres else ";"))
    if postgres:
        schema_editor.execute("DROP FUNCTION IF EXISTS schuldhulp_alleen_toevoegen();")


class Migration(migrations.Migration):
    dependencies = [("schuldhulp", "0001_traject_fasen_checklist")]
    operations = [migrations.RunPython(forwards, backwards)]
