"""The database-specific SQL of the bulk paths, written once (raw SQL: the ORM's per-value
machinery cost most of the time of large deliveries and matching).

Only what really differs between the two databases branches on ``postgresql()``: a list of
values (``in_lijst``), COPY against ``executemany`` and ids from a sequence (``common.pgarray``,
``signalering.ids``) and PostgreSQL's ``UPDATE ... FROM unnest(...)``. ``als_datum`` and
``als_bedrag`` turn values read back into dates and Decimals on both.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db import connection

from vroeghulp.common import pgarray


def postgresql() -> bool:
    """The default database is PostgreSQL (else SQLite, the only other one we support)."""
    return connection.vendor == "postgresql"


def in_lijst(waarden: Iterable, pg_type: str = "text") -> tuple[str, list]:
    """The condition ``<column> IN (...)`` for these values and its parameters:
    ``IN (%s, ...)`` on SQLite, ``= ANY(%s::type[])`` on PostgreSQL (one array parameter: psycopg
    parses a query of thousands of placeholders again for every chunk, see ``pgarray``).
    ``pg_type``: ``text``, ``bigint`` or ``date``."""
    waarden = list(waarden)
    if postgresql():
        return f"= ANY(%s::{pg_type}[])", [pgarray.PER_TYPE[pg_type](waarden)]
    return "IN (" + ", ".join(["%s"] * len(waarden)) + ")", waarden


def kolom(model, veld: str) -> str:
    """The quoted column name of a model field (``veld`` may be the attname, e.g. ``zaak_id``)."""
    return connection.ops.quote_name(model._meta.get_field(veld).column)


def tabel(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# values read back by raw SQL: SQLite returns amounts as REAL and may return dates as text
_CENT = Decimal("0.01")


def als_datum(waarde):
    if waarde is None or isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


def als_bedrag(waarde):
    if waarde is None or isinstance(waarde, Decimal):
        return waarde
    return Decimal(str(waarde)).quantize(_CENT)
