"""Uitkomsten: one module per regeling; ``service.py`` discovers every module in this package.

Interface — a module ``uitkomsten/<naam>.py`` defines ``REGELING = Regeling(...)`` with:
    naam        key in the response and in ``regelingen`` of the request, e.g. "zorgtoeslag"
    velden      {field: OpenFisca variable} — Huishouden variables (MONTH) that ``batch.py``
                calculates for all households at once, e.g. {"recht": "zt_recht", "per_jaar": ...}
    uitkomst    function (sim: Simulation, periode: Period, i: int) -> dict: the outcome of household
                i for the month ``periode`` as in docs/interfaces.md section 3 — amounts as Decimal with the
                law's rounding, "toelichting": list of Dutch (B1) steps, "bronnen": [{titel, url}]
    volgorde    (optional) sort key for the response; default 100
Helpers for the uitkomst functions (Decimal rounding, Dutch amount formatting) are in ``_hulp.py``.
Modules whose name starts with "_" are not regelingen.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from openfisca_core.periods import Period
from openfisca_core.simulations import Simulation


@dataclass(frozen=True)
class Regeling:
    naam: str
    velden: dict[str, str]
    uitkomst: Callable[[Simulation, Period, int], dict]
    volgorde: int = 100
    titel: str = field(default="")
