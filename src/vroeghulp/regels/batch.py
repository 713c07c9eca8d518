"""Vectorised calculation for many households at once.

A ``Tabel`` holds one numpy array per fact: person arrays (with the index of their household and
their role) and household arrays. ``bouw_simulatie`` turns it into one OpenFisca simulation without
SimulationBuilder's dict parsing, so the same formulas answer one case or a million at once.
Any array whose name is an OpenFisca input variable is set as input, so new regelingen can add facts.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.periods import ETERNITY, MONTH, YEAR, period
from openfisca_core.simulations import Simulation

from vroeghulp.regels.entities import Huishouden
from vroeghulp.regels.invoer import ROLLEN, Situatie
from vroeghulp.regels.system import systeem

ROL_CODE = {rol.key: i for i, rol in enumerate(Huishouden.flattened_roles)}
assert tuple(ROL_CODE) == ROLLEN, "role order in entities.py must match invoer.ROLLEN"
_ROLLEN_ARRAY = np.array(Huishouden.flattened_roles, dtype=object)


class Simulatie(Simulation):
    """An OpenFisca simulation that remembers every calculated array by (variable, period).

    OpenFisca caches results too, but each cached ``calculate`` still runs tracer and consistency
    checks (~20 µs); formulas read shared values such as ``heeft_partner`` dozens of times, which
    dominated the time for one household. All inputs are set before the first calculation, so a
    remembered array never goes stale.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._berekend: dict = {}

    def calculate(self, variable_name, period):
        sleutel = (variable_name, period)
        array = self._berekend.get(sleutel)
        if array is None:
            array = super().calculate(variable_name, period)
            self._berekend[sleutel] = array
        return array


@dataclass
class Tabel:
    peildatum: date
    personen: dict[str, np.ndarray]  # needs "huishouden" (int index) and "rol" (int code, ROL_CODE)
    huishoudens: dict[str, np.ndarray] = field(default_factory=dict)
    aantal_huishoudens: int | None = None

    @property
    def n_huishoudens(self) -> int:
        if self.aantal_huishoudens is not None:
            return self.aantal_huishoudens
        if self.huishoudens:
            return len(next(iter(self.huishoudens.values())))
        return int(self.personen["huishouden"].max()) + 1


@lru_cache(maxsize=64)
def _periode(definition_period, peildatum: date):
    if definition_period == ETERNITY:
        return period(ETERNITY)
    if definition_period == YEAR:
        return period(str(peildatum.year))
    if definition_period == MONTH:
        return period(f"{peildatum.year}-{peildatum.month:02d}")
    raise ValueError(definition_period)


def _enum_uit_namen(mogelijk, namen: np.ndarray) -> EnumArray:
    """Names -> EnumArray; OpenFisca's own encode of strings costs ~0,5 ms even for one value."""
    uniek, positie = np.unique(namen, return_inverse=True)
    codes = np.array([mogelijk[str(naam)].index for naam in uniek], dtype=np.int16)
    return EnumArray(codes[positie], mogelijk)


def _zet_invoer(simulatie: Simulation, naam: str, waarden, peildatum: date) -> None:
    variabele = simulatie.tax_benefit_system.get_variable(naam)
    if variabele is None or variabele.formulas:
        return  # not an input variable: ignore silently (e.g. helper columns)
    waarden = np.asarray(waarden)
    if variabele.value_type == Enum and waarden.dtype.kind in "OUS":
        waarden = _enum_uit_namen(variabele.possible_values, waarden)
    simulatie.set_input(naam, _periode(variabele.definition_period, peildatum), waarden)


def bouw_simulatie(tabel: Tabel) -> Simulation:
    """One OpenFisca simulation for all households in the table."""
    huishouden_index = np.asarray(tabel.personen["huishouden"], dtype=np.int64)
    n_huishoudens = tabel.n_huishoudens
    systeem_ = systeem()
    # Direct population set-up (what SimulationBuilder.join_with_persons does, without list copies).
    populaties = systeem_.instantiate_entities()
    personen = populaties["persoon"]
    personen.ids = np.arange(len(huishouden_index))
    personen.count = len(huishouden_index)
    huishoudens = populaties["huishouden"]
    huishoudens.ids = np.arange(n_huishoudens)
    huishoudens.count = n_huishoudens
    huishoudens.members_entity_id = huishouden_index
    huishoudens.members_role = _ROLLEN_ARRAY[np.asarray(tabel.personen["rol"], dtype=np.int64)]
    simulatie = Simulatie(systeem_, populaties)
    for naam, waarden in tabel.personen.items():
        if naam not in ("huishouden", "rol"):
            _zet_invoer(simulatie, naam, waarden, tabel.peildatum)
    for naam, waarden in tabel.huishoudens.items():
        _zet_invoer(simulatie, naam, waarden, tabel.peildatum)
    return simulatie


def tabel_uit_situaties(situaties: list[Situatie]) -> Tabel:
    """Stack validated situations (same peildatum) into one table."""
    peildatum = situaties[0].peildatum
    if any(s.peildatum != peildatum for s in situaties):
        raise ValueError("Alle situaties in één tabel hebben dezelfde peildatum nodig.")
    personen = [(i, p) for i, s in enumerate(situaties) for p in s.personen]
    kolommen = {
        "huishouden": np.array([i for i, _ in personen], dtype=np.int64),
        "rol": np.array([ROL_CODE[p.rol] for _, p in personen], dtype=np.int64),
        "geboortedatum": np.array([p.geboortedatum for _, p in personen], dtype="datetime64[D]"),
        "verzekerd": np.array([p.verzekerd for _, p in personen], dtype=bool),
        "toetsingsinkomen": np.array([float(p.toetsingsinkomen) for _, p in personen]),
        "netto_inkomen_per_maand": np.array([float(p.netto_inkomen_per_maand) for _, p in personen]),
    }
    for naam in {k for _, p in personen for k in p.extra}:
        kolommen[naam] = np.array([p.extra.get(naam, 0) for _, p in personen])
    huishoudens = {
        "vermogen": np.array([float(s.vermogen) for s in situaties]),
        "woning_soort": np.array([s.woning_soort for s in situaties]),
        "kale_huur": np.array([float(s.kale_huur) for s in situaties]),
        "servicekosten": np.array([float(s.servicekosten) for s in situaties]),
        "kostendelers": np.array([s.kostendelers for s in situaties], dtype=np.int64),
    }
    for naam in {k for s in situaties for k in s.extra}:
        huishoudens[naam] = np.array([s.extra.get(naam, 0) for s in situaties])
    return Tabel(peildatum, kolommen, huishoudens, aantal_huishoudens=len(situaties))


def bereken_batch(tabel: Tabel | list, regelingen: Iterable[str] | None = None) -> dict:
    """Outcomes for every household: {regeling: {veld: array over households}}.

    ``tabel`` is a ``Tabel`` of arrays (fastest), or a list of validated ``Situatie``s or request dicts
    (the request shape of docs/interfaces.md section 3, same peildatum); household i of the result is item i of the list.

    The arrays hold the same figures as ``bereken`` (``per_jaar`` in euros and cents, ``per_maand``
    as paid); the Dutch toelichting is left out, it is only built for one household at a time.
    """
    from vroeghulp.regels.service import REGELINGEN  # late import: service imports this module

    if not isinstance(tabel, Tabel):
        from vroeghulp.regels.invoer import valideer

        situaties = [s if isinstance(s, Situatie) else valideer(s, bekende_regelingen=REGELINGEN) for s in tabel]
        tabel = tabel_uit_situaties(situaties)
    simulatie = bouw_simulatie(tabel)
    maand = _periode(MONTH, tabel.peildatum)
    namen = list(regelingen) if regelingen is not None else list(REGELINGEN)
    return {
        naam: {veld: simulatie.calculate(var, maand) for veld, var in REGELINGEN[naam].velden.items()}
        for naam in namen
    }
