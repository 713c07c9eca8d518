"""Database triggers that refuse UPDATE on the case history tables (SQLite and PostgreSQL).

Rows of statuswijziging, contactpoging and notitie are never changed. Deleting stays possible
only as part of removing a whole case when its retention period has passed (bewaartermijnen).
"""

from django.db import migrations

TABELLEN = ["zaken_statuswijziging", "zaken_contactpoging", "zaken_notitie"]
MELDING = "De geschiedenis van een zaak kan niet worden gewijzigd."


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION zaken_alleen_toevoegen() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MELDING}'; END; $$ LANGUAGE plpgsql;"
        )
        for tabel in TABELLEN:
            schema_editor.execute(
                f"CREATE TRIGGER {tabel}_geen_wijziging BEFORE UPDATE ON {tabel} "
                "FOR EACH ROW EXECUTE FUNCTION zaken_alleen_toevoegen();"
            )
    else:
        for tabel in TABELLEN:
            schema_editor.execute(
                f"CREATE TRIGGER {tabel}_geen_wijziging BEFORE UPDATE ON {tabel} "
                f"BEGIN SELECT RAISE(ABORT, '{MELDING}'); END;"
            )


def backwards(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for tabel in TABELLEN:
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {tabel}_geen_wijziging" + (f" ON {tabel};" if postgres else ";")
        )
    if postgres:
        schema_editor.execute("DROP FUNCTION IF EXISTS zaken_alleen_toevoegen();")


class Migration(migrations.Migration):
    dependencies = [("zaken", "0002_werkstroom_historie_contactpogingen_brieven")]
    operations = [migrations.RunPython(forwards, backwards)]
