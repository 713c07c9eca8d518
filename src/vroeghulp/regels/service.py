"""``bereken``: the one entry point for calculations (docs/interfaces.md section 3).

Regelingen are discovered from ``vroeghulp.regels.uitkomsten``: every module there that defines
``REGELING`` is registered under its name. Plain Python, no Django.
"""

import hashlib
import importlib
import pkgutil
from datetime import date
from decimal import Decimal
from functools import lru_cache

from openfisca_core.indexed_enums import Enum
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


def _past(variabele, waarde) -> bool:
    soort = variabele.value_type
    if soort is bool:
        return isinstance(waarde, bool)
    if soort in (int, float):
        return isinstance(waarde, (int, float, Decimal)) and not isinstance(waarde, bool) and (
            soort is float or isinstance(waarde, int))
    if soort is date:
        if isinstance(waarde, date):
            return True
        try:
            return isinstance(waarde, str) and len(waarde) == 10 and bool(date.fromisoformat(waarde))
        except ValueError:
            return False
    if soort is Enum:
        return isinstance(waarde, str) and waarde in variabele.possible_values.__members__
    return False


def _controleer_extra(geldig) -> None:
    """An extra fact that is an input of the rules must have that input's type (else InvoerFout)."""
    variabelen = systeem().variables
    fouten = []
    plekken = [(f"huishouden.personen[{i}]", p.extra) for i, p in enumerate(geldig.personen)]
    for pad, extra in [("huishouden", geldig.extra), *plekken]:
        for naam, waarde in extra.items():
            variabele = variabelen.get(naam)
            if variabele is None or variabele.formulas or _past(variabele, waarde):
                continue
            fouten.append({"name": f"{pad}.{naam}", "reason": _REDEN.get(variabele.value_type, _REDEN[None])})
    if fouten:
        raise InvoerFout(fouten)


_REDEN = {
    bool: "Vul true of false in.",
    int: "Vul een heel getal in.",
    float: "Vul een getal in, bijvoorbeeld 412.50.",
    date: "Vul een datum in als JJJJ-MM-DD.",
    None: "Deze waarde klopt niet voor deze regel.",
}


def bereken(situatie: dict, peildatum: date | str | None = None) -> dict:
    """Compute the requested outcomes for one household.

    Raises ``InvoerFout`` (invalid fields) or ``PeildatumBuitenBereik`` (date outside 2024–2026).
    """
    systeem()  # build (cached) before anything else, so the first call's cost is explicit
    geldig = valideer(situatie, peildatum=peildatum, bekende_regelingen=REGELINGEN)
    _controleer_extra(geldig)
    simulatie = bouw_simulatie(tabel_uit_situaties([geldig]))
    maand = openfisca_period(f"{geldig.peildatum.year}-{geldig.peildatum.month:02d}")
    namen = geldig.regelingen if geldig.regelingen is not None else tuple(REGELINGEN)
    return {
        "peildatum": geldig.peildatum.isoformat(),
        "uitkomsten": {naam: REGELINGEN[naam].uitkomst(simulatie, maand, 0) for naam in namen},
        "rekenregels_versie": rekenregels_versie(),
    }
