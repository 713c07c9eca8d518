"""Loading a municipality's gebieden (wijken, buurten, postcodes) into the database."""

from dataclasses import dataclass
from itertools import product

from django.db import transaction

from vroeghulp.gebieden import utrecht
from vroeghulp.gebieden.models import Buurt, Gemeente, Postcode, Wijk

# Letters used in Dutch postcodes: F, I, O, Q, U and Y are not used, nor the pairs SA, SD, SS.
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
POSTCODE_PARES = [a + b for a, b in product(POSTCODE_LETTERS, repeat=2) if a + b not in {"SA", "SD", "SS"}]
AANTAL_POSTCODES = 6000  # six-position postcodes generated for the whole municipality


def buurt_aandelen(wijken=utrecht.WIJKEN) -> list[float]:
    """The share of the municipality's households per buurt (in code order), summing to 1."""
    gewichten = []
    for wijk in wijken:
        totaal = sum(b.gewicht for b in wijk.buurten)
        gewichten += [wijk.huishoudens * b.gewicht / totaal for b in wijk.buurten]
    som = sum(gewichten)
    return [g / som for g in gewichten]


def postcodes_per_buurt(wijken=utrecht.WIJKEN, aantal: int = AANTAL_POSTCODES) -> dict[str, list[str]]:
    """Deterministic six-position postcodes per buurtcode, spread over the buurt's PC4 areas.

    Letter pairs are handed out per PC4 in buurt-code order, so two buurten that share a PC4
    never get the same postcode.
    """
    volgende = {}  # pc4 -> index of the next free letter pair
    uitkomst = {}
    buurten = [b for w in wijken for b in w.buurten]
    for buurt, aandeel in zip(buurten, buurt_aandelen(wijken)):
        codes = []
        for i in range(max(4, round(aandeel * aantal))):
            # Rotate over the buurt's PC4 areas, skipping one whose letter pairs are used up.
            vrij = [p for p in buurt.pc4 if volgende.get(p, 0) < len(POSTCODE_PARES)]
            if not vrij:
                raise ValueError(f"Geen vrije postcodes meer in {buurt.pc4} voor {buurt.naam}.")
            pc4 = vrij[i % len(vrij)]
            volgende[pc4] = volgende.get(pc4, 0) + 1
            codes.append(f"{pc4}{POSTCODE_PARES[volgende[pc4] - 1]}")
        uitkomst[buurt.code] = codes
    return uitkomst


@transaction.atomic
def laad_utrecht() -> Gemeente:
    """Create (or complete) Gemeente Utrecht with its wijken, buurten and postcodes. Idempotent."""
    gemeente, _ = Gemeente.objects.get_or_create(
        code=utrecht.GEMEENTECODE, defaults={"naam": utrecht.GEMEENTENAAM}
    )
    for wijk_data in utrecht.WIJKEN:
        wijk, _ = Wijk.objects.update_or_create(
            code=wijk_data.code,
            defaults={"naam": wijk_data.naam, "gemeente": gemeente, "focusgebied": wijk_data.focusgebied},
        )
        for buurt_data in wijk_data.buurten:
            Buurt.objects.update_or_create(
                code=buurt_data.code, defaults={"naam": buurt_data.naam, "wijk": wijk}
            )
    buurt_ids = dict(Buurt.objects.filter(wijk__gemeente=gemeente).values_list("code", "id"))
    Postcode.objects.bulk_create(
        [
            Postcode(postcode=pc, buurt_id=buurt_ids[code])
            for code, postcodes in postcodes_per_buurt().items()
            for pc in postcodes
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    return gemeente


# --- reads for other apps (the monitor's filters and tables) ---------------------------------


@dataclass(frozen=True)
class Gebied:
    """A wijk or buurt: its id, CBS code, name, and (for a buurt) its wijk."""

    id: int
    code: str
    naam: str
    focusgebied: bool = False
    wijk_id: int | None = None


def wijken() -> list[Gebied]:
    return [Gebied(*r) for r in Wijk.objects.order_by("naam").values_list("id", "code", "naam", "focusgebied")]


def buurten(wijk_id: int | None = None) -> list[Gebied]:
    buurten = Buurt.objects.order_by("naam")
    if wijk_id is not None:
        buurten = buurten.filter(wijk_id=wijk_id)
    return [Gebied(i, c, n, False, w) for i, c, n, w in buurten.values_list("id", "code", "naam", "wijk_id")]
