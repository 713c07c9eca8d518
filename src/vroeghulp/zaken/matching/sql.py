"""Small SQL helpers of matching's bulk paths (raw SQL: the ORM's per-value machinery cost
most of matching's time on large deliveries)."""

from datetime import date
from decimal import Decimal

from django.db import connection

from vroeghulp.signalering import pgarray

_CENT = Decimal("0.01")


def kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)


def in_lijst(waarden: list, pg_type: str = "text") -> tuple[str, list]:
    """``IN (%s, ...)`` on SQLite, ``= ANY(%s::type[])`` on PostgreSQL (one array parameter:
    psycopg parses thousands of placeholders slowly, see pgarray)."""
    if connection.vendor == "postgresql":
        return f"= ANY(%s::{pg_type}[])", [pgarray.PER_TYPE[pg_type](waarden)]
    return "IN (" + ", ".join(["%s"] * len(waarden)) + ")", list(waarden)


def als_datum(waarde):
    if waarde is None or isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


def als_bedrag(waarde):
    if waarde is None or isinstance(waarde, Decimal):
        return waarde
    return Decimal(str(waarde)).quantize(_CENT)
