"""``bereken``: the one entry point for calculations (docs/interfaces.md section 3).

Regelingen are discovered from ``vroeghulp.regels.uitkomsten``: every module there that defines
``REGELING`` is registered under its name. Plain Python, no Django.
"""

import hashlib
import importlib
import pkgutil
from datetime import date
from functools import lru_cache

from openfisca_core.periods import period as openfisca_period

from vroeghulp.regels import uitkomsten
from vroeghulp.regels.batch import bouw_simulatie, tabel_uit_situaties
from vroeghulp.regels.invoer import InvoerFout, PeildatumBuitenBereik, valideer
from vroeghulp.regels.system import PARAMETERS_DIR, VARIABLES_DIR, systeem
from vroeghulp.regels.uitkomsten import Regeling

__all__ = ["REGELINGEN", "InvoerFout", "PeildatumBuitenBereik", "bereken", "rekenregels_versie"]


def _ontdek_regelingen() -> dict[str, Regeling]:
    gevonden = []
    for module_info in pkgutil.iter_modules(uitkomsten.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{uitkomsten.__name__}.{module_info.name}")
        regeling = getattr(module, "REGELING", None)
        if isinstance(regeling, Regeling):
            gevonden.append(regeling)
    gevonden.sort(key=lambda r: (r.volgorde, r.naam))
    return {r.naam: r for r in gevonden}


REGELINGEN: dict[str, Regeling] = _ontdek_regelingen()


@lru_cache(maxsize=1)
def rekenregels_versie() -> str:
    """Changes whenever a parameter, variable or uitkomst file changes: 'regels-<12 hex>'."""
    digest = hashlib.sha256()
    uitkomsten_dir = VARIABLES_DIR.parent / "uitkomsten"
    for map_ in (PARAMETERS_DIR, VARIABLES_DIR, uitkomsten_dir):
        for pad in sorted(map_.rglob("*")):
            if pad.suffix in (".yaml", ".py"):
                digest.update(str(pad.relative_to(map_.parent)).encode())
                digest.update(pad.read_bytes())
    return f"regels-{digest.hexdigest()[:12]}"


def bereken(situatie: dict, peildatum: date | str | None = None) -> dict:
    """Compute the requested outcomes for one household.

    Raises ``InvoerFout`` (invalid fields) or ``PeildatumBuitenBereik`` (date outside 2024–2026).
    """
    systeem()  # build (cached) before anything else, so the first call's cost is explicit
    geldig = valideer(situatie, peildatum=peildatum, bekende_regelingen=REGELINGEN)
    simulatie = bouw_simulatie(tabel_uit_situaties([geldig]))
    maand = openfisca_period(f"{geldig.peildatum.year}-{geldig.peildatum.month:02d}")
    namen = geldig.regelingen if geldig.regelingen is not None else tuple(REGELINGEN)
    return {
        "peildatum": geldig.peildatum.isoformat(),
        "uitkomsten": {naam: REGELINGEN[naam].uitkomst(simulatie, maand, 0) for naam in namen},
        "rekenregels_versie": rekenregels_versie(),
    }
