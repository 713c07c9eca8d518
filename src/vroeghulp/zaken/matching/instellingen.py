"""Settings of matching (documented in docs/matching.md), from Django settings or the environment."""

import os

from django.conf import settings

CHUNK = 5000  # signals per set-based round (one transaction each for stored signals)


def instelling(naam: str, standaard: str) -> str:
    waarde = getattr(settings, naam, None)
    if waarde in (None, ""):
        waarde = os.environ.get(naam, standaard)
    return str(waarde)


def terugkijken_maanden() -> int:
    """``VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN``: how far back an earlier case makes a new one
    opeenvolgend (default 6)."""
    return int(instelling("VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN", "6"))


def periodesoort() -> str:
    """``VROEGHULP_MATCHINGPERIODE``: ``maand`` (calendar month, default) or ``week`` (ISO week)."""
    return instelling("VROEGHULP_MATCHINGPERIODE", "maand")
