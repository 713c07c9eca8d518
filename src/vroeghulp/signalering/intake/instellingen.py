"""Settings of the intake, with safe defaults (documented in docs/signalering.md).

- ``VROEGHULP_DREMPELBEDRAG``: signals below this amount are refused (default € 50).
- ``VROEGHULP_POSTCODES_PC4``: the municipality's PC4 areas, e.g. ``"3451-3455,3511-3585"``.
  When not set, the PC4 areas of the gebieden.Postcode table are used; when that table is empty,
  the demo municipality's (Utrecht, docs/interfaces.md section 6).
- ``VROEGHULP_INTAKE_MAX_BYTES`` (file size) and ``VROEGHULP_INTAKE_MAX_RIJEN`` (rows per file).
- ``VROEGHULP_MATCHEN_NA_INTAKE``: ``0`` leaves matching to ``vroeghulp signalen matchen``
  (large backfills); default on.

Read with ``common.instellingen``: Django settings first, then the environment.
"""

from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured

from vroeghulp.common import instellingen

API_MAX_SIGNALEN = 10_000  # docs/interfaces.md section 4
STANDAARD_PC4 = "3451-3455,3511-3585"  # demo municipality Utrecht (docs/interfaces.md section 6)
SCHERM_MAX_BYTES = 25 * 1024 * 1024


def drempelbedrag() -> Decimal:
    return instellingen.bedrag("VROEGHULP_DREMPELBEDRAG", "50")


def max_bytes() -> int:
    return instellingen.geheel_getal("VROEGHULP_INTAKE_MAX_BYTES", 512 * 1024 * 1024)


def max_rijen() -> int:
    return instellingen.geheel_getal("VROEGHULP_INTAKE_MAX_RIJEN", 2_000_000)


def matchen_na_intake() -> bool:
    return instellingen.aan_uit("VROEGHULP_MATCHEN_NA_INTAKE", True)


def lees_pc4_reeksen(tekst) -> frozenset[int]:
    """``"3451-3455,3511"`` -> {3451, ..., 3455, 3511}. Also accepts a list of such strings."""
    if isinstance(tekst, (list, tuple, set, frozenset)):
        tekst = ",".join(str(t) for t in tekst)
    gebied = set()
    for deel in str(tekst).replace(";", ",").split(","):
        deel = deel.strip()
        if not deel:
            continue
        van, _, tot = deel.partition("-")
        van_i, tot_i = int(van), int(tot or van)
        if not (1000 <= van_i <= tot_i <= 9999):
            raise ValueError(f"Ongeldige PC4-reeks: {deel}")
        gebied.update(range(van_i, tot_i + 1))
    return frozenset(gebied)


def gemeente_pc4() -> frozenset[int]:
    ingesteld = instellingen.waarde("VROEGHULP_POSTCODES_PC4")
    if ingesteld:
        try:
            return lees_pc4_reeksen(ingesteld)
        except ValueError:
            raise ImproperlyConfigured(
                f"VROEGHULP_POSTCODES_PC4 moet PC4-reeksen bevatten, zoals 3451-3455,3511-3585, niet '{ingesteld}'."
            ) from None
    from vroeghulp.gebieden.models import Postcode

    uit_gebieden = {
        int(pc[:4]) for pc in Postcode.objects.values_list("postcode", flat=True) if pc[:4].isdigit()
    }
    return frozenset(uit_gebieden) if uit_gebieden else lees_pc4_reeksen(STANDAARD_PC4)
