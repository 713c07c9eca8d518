"""Values read back by matching's raw SQL (the database-specific SQL itself is
``common.sql``): SQLite returns amounts as REAL and may return dates as text."""

from datetime import date
from decimal import Decimal

_CENT = Decimal("0.01")


def als_datum(waarde):
    if waarde is None or isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


def als_bedrag(waarde):
    if waarde is None or isinstance(waarde, Decimal):
        return waarde
    return Decimal(str(waarde)).quantize(_CENT)
