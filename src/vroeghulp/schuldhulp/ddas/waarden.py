"""Value forms of the DDAS Uitwisselmodel: dates as ISO text, amounts in whole euros, and no
empty fields (the schema allows no ``null``)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def datum(waarde: date | None) -> str | None:
    return waarde.isoformat() if waarde else None


def zonder_leeg(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


def euro(bedrag) -> int:
    """DDAS ``bedrag``: whole euros ("in hele euro's nauwkeurig"); half a euro rounds up."""
    return int(Decimal(bedrag).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
