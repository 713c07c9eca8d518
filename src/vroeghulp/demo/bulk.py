"""Fast inserts for large synthetic tables.

``bulk_create`` on SQLite is capped at 999 parameters per statement (about 60 persons), which
makes 100,000 households slow; one prepared ``executemany`` with explicit ids is an order of
magnitude faster on SQLite, and ``COPY`` is the fast path on PostgreSQL. Fields we do not fill get their model default,
so a field added to a model later (with a default) does not break the demo.

Values passed in must be ready for the database: dates and decimals as strings
('2026-01-01', '1234.56'), UUIDs as 32 hex digits. Converting 200,000 values field by field
through Django would cost more than the insert itself.
"""

from itertools import repeat

from django.core.management.color import no_style
from django.db import connection, models

BATCH = 20_000
# Field types whose Python values need converting for the database backend.
PREP_TYPES = (models.UUIDField, models.DateField, models.DecimalField, models.JSONField)


def volgende_id(model) -> int:
    hoogste = model.objects.aggregate(m=models.Max("pk"))["m"]
    return (hoogste or 0) + 1


def voeg_toe(model, kolommen: dict, start_id: int) -> range:
    """Insert rows given as columns {attname: sequence}; returns the ids used."""
    aantal = len(next(iter(kolommen.values())))
    ids = range(start_id, start_id + aantal)
    namen, waarden = [], []
    for veld in model._meta.concrete_fields:
        if veld.primary_key:
            kolom = ids
        elif veld.attname in kolommen:
            kolom = kolommen[veld.attname]
        else:
            standaard = veld.get_default()
            if isinstance(veld, PREP_TYPES):
                standaard = veld.get_db_prep_save(standaard, connection)
            kolom = repeat(standaard, aantal)
        namen.append(connection.ops.quote_name(veld.column))
        waarden.append(kolom)
    tabel = connection.ops.quote_name(model._meta.db_table)
    rijen = zip(*waarden)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is PostgreSQL's bulk path: one statement instead of one per row.
            with cursor.cursor.copy(f"COPY {tabel} ({', '.join(namen)}) FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(rij)
        else:
            sql = f"INSERT INTO {tabel} ({', '.join(namen)}) VALUES ({', '.join(['%s'] * len(namen))})"
            rijen = list(rijen)
            for begin in range(0, aantal, BATCH):
                cursor.executemany(sql, rijen[begin:begin + BATCH])
    return ids


def herstel_reeksen(*modellen) -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(modellen))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
