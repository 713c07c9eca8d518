"""Settings of matching (documented in docs/matching.md), read with ``common.instellingen``."""

from vroeghulp.common import instellingen

CHUNK = 5000  # signals per set-based round (one transaction each for stored signals)


def terugkijken_maanden() -> int:
    """``VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN``: how far back an earlier case makes a new one
    opeenvolgend (default 6)."""
    return instellingen.geheel_getal("VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN", 6)


def periodesoort() -> str:
    """``VROEGHULP_MATCHINGPERIODE``: ``maand`` (calendar month, default) or ``week`` (ISO week)."""
    return instellingen.tekst("VROEGHULP_MATCHINGPERIODE", "maand")
