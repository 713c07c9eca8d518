"""On PostgreSQL the status index also carries extern_id and status (INCLUDE): a page of the partner
status API is then an index-only scan, about 15 buffers instead of one heap page per row (1,011
for a page of 1,000 whose rows lie all over the table), issue 10 load test. Same name and key
(partner, status_datum, id), so it replaces vroegsignaal_status_idx of 0007 and the intake still
maintains one index for the status API.

Not declared with ``Index(include=...)`` in the model: SQLite has no INCLUDE, and Django would
then warn (models.W040) on every ``migrate`` of a SQLite installation. On SQLite this migration
does nothing; its index of 0007 stays.
"""

from django.db import migrations

TABEL = "signalering_vroegsignaal"
INDEX = "vroegsignaal_status_idx"
SLEUTEL = "(partner_id, status_datum, id)"


def _postgres(sql: str):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for opdracht in sql:
                schema_editor.execute(opdracht)

    return uitvoeren


# Built under another name first, so the page has an index at every moment of the migration.
DEKKEND = _postgres([
    f"CREATE INDEX {INDEX}_nieuw ON {TABEL} {SLEUTEL} INCLUDE (extern_id, status)",
    f"DROP INDEX {INDEX}",
    f"ALTER INDEX {INDEX}_nieuw RENAME TO {INDEX}",
])
TERUG = _postgres([
    f"CREATE INDEX {INDEX}_oud ON {TABEL} {SLEUTEL}",
    f"DROP INDEX {INDEX}",
    f"ALTER INDEX {INDEX}_oud RENAME TO {INDEX}",
])


class Migration(migrations.Migration):

    dependencies = [
        ('signalering', '0007_index_status_api'),
    ]

    operations = [
        migrations.RunPython(DEKKEND, TERUG, elidable=False),
    ]
