"""The settlement offer (docs/interfaces.md section 7): how a pool is shared among creditors.

The rule: pool = afloscapaciteit per month x looptijd. Every concurrent creditor gets one equal
percentage p of its claim; every preferent creditor 2p, but never more than its claim; p is the
largest value for which the offers fit in the pool. When the pool covers every claim, every claim
is paid in full. Offers are whole cents that add up exactly to the total (largest remainder; ties
go to the creditor that comes first in the request).

Exact arithmetic only (integer cents and ``Fraction``): a float would make "fits in the pool" and
"adds up exactly" a matter of luck. Plain Python, no Django and no database, so the command line,
the API and the traject screens compute the same offer.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

CENT = Decimal("0.01")
STANDAARD_LOOPTIJD = 18  # months, for regelingen from 1-7-2023
PREFERENT_FACTOR = 2  # a preferent creditor gets twice the concurrent percentage


@dataclass(frozen=True)
class Schuld:
    """One claim in the offer. ``bedrag`` in euros, whole cents, more than 0."""

    id: str
    bedrag: Decimal
    preferent: bool = False
    schuldeiser: str = ""


@dataclass(frozen=True)
class Regel:
    """What one creditor is offered. ``percentage`` is of its claim, rounded to two decimals."""

    id: str
    bedrag: Decimal
    percentage: Decimal
    preferent: bool


@dataclass(frozen=True)
class Aanbod:
    pool: Decimal
    totaal_schulden: Decimal
    percentage_concurrent: Decimal  # p, rounded to two decimals
    percentage_preferent: Decimal  # min(2p, 100%), rounded to two decimals
    regels: tuple[Regel, ...]
    totaal_aanbod: Decimal
    volledig_betaald: bool
    aandeel_concurrent: Fraction  # p itself, exactly (a fraction of the claim, 0 to 1)


def _centen(bedrag: Decimal) -> int:
    centen = bedrag / CENT
    if centen != centen.to_integral_value():
        raise ValueError("bedrag is geen heel aantal centen")
    return int(centen)


def _euro(centen: int) -> Decimal:
    return (Decimal(centen) * CENT).quantize(CENT)


def _procent(deel: Fraction) -> Decimal:
    """A fraction (0.625) as a percentage with two decimals (62.50), half up, exactly."""
    honderdsten = deel * 10_000  # hundredths of a percent
    afgerond = (honderdsten.numerator * 2 + honderdsten.denominator) // (2 * honderdsten.denominator)
    return (Decimal(afgerond) / 100).quantize(CENT)


def concurrent_aandeel(pool: int, claims: Sequence[tuple[int, int]]) -> Fraction:
    """The largest p in [0, 1] with sum(min(factor * p, 1) * claim) <= pool.

    ``claims``: (claim in cents, factor) with factor 1 (concurrent) or 2 (preferent). The total
    offer is continuous, piecewise linear and increasing in p; a claim stops growing at p = 1/factor.
    Walk the pieces between those breakpoints and solve the linear piece that reaches the pool.
    """
    totaal = sum(claim for claim, _factor in claims)
    if pool >= totaal:
        return Fraction(1)
    vol = 0  # cents of the claims already paid in full at the start of the piece
    for grens in sorted({Fraction(1, factor) for _claim, factor in claims}):
        groei = sum(factor * claim for claim, factor in claims if Fraction(1, factor) >= grens)
        nog_open = [(claim, factor) for claim, factor in claims if Fraction(1, factor) >= grens]
        # On this piece the offer is vol + p * groei; at its end, vol + grens * groei.
        if vol + grens * groei >= pool:
            return Fraction(pool - vol, groei)
        vol += sum(claim for claim, factor in nog_open if Fraction(1, factor) == grens)
    raise AssertionError("unreachable: at p = 1 every claim is paid and pool < totaal")


def _verdeel(exact: list[Fraction], totaal: int) -> list[int]:
    """Whole cents adding up to ``totaal``: round every share down, then one more cent to the
    largest remainders; equal remainders in the order of the request (the sort is stable)."""
    centen = [share.numerator // share.denominator for share in exact]
    tekort = totaal - sum(centen)
    volgorde = sorted(range(len(exact)), key=lambda i: -(exact[i] - centen[i]))
    for i in volgorde[:tekort]:
        centen[i] += 1
    return centen


def bereken_aanbod(afloscapaciteit_per_maand: Decimal, looptijd_maanden: int, schulden: Sequence[Schuld]) -> Aanbod:
    """The offer for these claims; the input is assumed valid (see ``aanbod_invoer``)."""
    pool = _centen(afloscapaciteit_per_maand) * looptijd_maanden
    claims = [(_centen(s.bedrag), PREFERENT_FACTOR if s.preferent else 1) for s in schulden]
    totaal_schulden = sum(claim for claim, _factor in claims)
    p = concurrent_aandeel(pool, claims)
    exact = [claim * min(factor * p, Fraction(1)) for claim, factor in claims]
    totaal = min(pool, totaal_schulden)  # the exact shares add up to this (p solves it exactly)
    centen = _verdeel(exact, totaal)
    regels = tuple(
        Regel(s.id, _euro(c), _procent(Fraction(c, claim)), s.preferent)
        for s, c, (claim, _factor) in zip(schulden, centen, claims)
    )
    return Aanbod(
        pool=_euro(pool),
        totaal_schulden=_euro(totaal_schulden),
        percentage_concurrent=_procent(p),
        percentage_preferent=_procent(min(PREFERENT_FACTOR * p, Fraction(1))),
        regels=regels,
        totaal_aanbod=_euro(totaal),
        volledig_betaald=pool >= totaal_schulden,
        aandeel_concurrent=p,
    )


def als_dict(aanbod: Aanbod) -> dict:
    """The answer of the command line and the API: amounts and percentages as strings."""
    return {
        "pool": f"{aanbod.pool:.2f}",
        "totaal_schulden": f"{aanbod.totaal_schulden:.2f}",
        "percentage_concurrent": f"{aanbod.percentage_concurrent:.2f}",
        "percentage_preferent": f"{aanbod.percentage_preferent:.2f}",
        "aanbod": [
            {"id": r.id, "bedrag": f"{r.bedrag:.2f}", "percentage": f"{r.percentage:.2f}", "preferent": r.preferent}
            for r in aanbod.regels
        ],
        "totaal_aanbod": f"{aanbod.totaal_aanbod:.2f}",
        "volledig_betaald": aanbod.volledig_betaald,
    }
