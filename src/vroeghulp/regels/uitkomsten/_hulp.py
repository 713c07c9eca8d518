"""Shared helpers for uitkomst functions: Decimal rounding and Dutch amount formatting."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def centen(bedrag) -> Decimal:
    """Round a float amount to cents, half up (as the Dienst Toeslagen shows amounts)."""
    # repr() keeps the shortest decimal form of the float, so 1243.505 stays 1243.505.
    return Decimal(repr(float(bedrag))).quantize(CENT, rounding=ROUND_HALF_UP)


def hele_euros_omlaag(bedrag) -> Decimal:
    """Whole euros, rounded down (monthly payment of a toeslag)."""
    return Decimal(repr(float(bedrag))).quantize(Decimal(1), rounding=ROUND_DOWN)


def hele_euros(bedrag) -> Decimal:
    """Whole euros, half up: "rekenkundig afgerond op hele euro's" (Awir art. 14 lid 4)."""
    waarde = bedrag if isinstance(bedrag, Decimal) else Decimal(repr(float(bedrag)))
    return waarde.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def euro(bedrag, decimalen: int = 2) -> str:
    """Dutch notation: € 1.243,51 (or € 29.736 with decimalen=0)."""
    waarde = Decimal(repr(float(bedrag))) if not isinstance(bedrag, Decimal) else bedrag
    tekst = f"{waarde:,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {tekst}"


def procent(fractie: float) -> str:
    """Dutch notation of a percentage: 0.04289 -> 4,289%."""
    tekst = f"{float(fractie) * 100:.3f}".rstrip("0").rstrip(".")
    return f"{tekst.replace('.', ',')}%"


def waarde(sim, variabele: str, periode, i: int):
    """The value of one household's (or person's) variable (``batch.Simulatie`` remembers the arrays)."""
    return sim.calculate(variabele, periode)[i]


def personen_van(sim, huishouden_index: int):
    """Indices of the persons in a household (for per-person details in a toelichting)."""
    import numpy as np

    populatie = sim.populations["huishouden"]
    return np.flatnonzero(populatie.members_entity_id == huishouden_index)
