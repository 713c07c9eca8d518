"""What the dashboard shows, read from the monitor's cells and suppressed (``geheimhouding``).

Each table is first made for all areas of its level (the wijken of the gemeente, or the buurten
of one wijk) with their total, suppressed as one table; the page for one wijk or buurt shows its
row of that table. So no combination of pages reveals a hidden cell that one page would not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Sum

from vroeghulp.gebieden import services as gebieden
from vroeghulp.monitor import geheimhouding
from vroeghulp.monitor.bijwerken import _maand_na, laatste_bijwerking
from vroeghulp.monitor.geheimhouding import Lijn, percentage
from vroeghulp.monitor.models import Contactcel, Maat, Monitorcel, Niveau, Periodesoort
from vroeghulp.monitor.stappen import HOOFDLIJN, SOORTEN, Duur, Stap, Terugval, Trajecten

TOTAAL = "totaal"
ONBEKEND = "onbekend"  # cells without a wijk (or, under a wijk, without a buurt)
TREND_MAANDEN = 12


@dataclass(frozen=True)
class Filter:
    periodesoort: str = Periodesoort.MAAND
    periode: date | None = None
    wijk_id: int | None = None
    buurt_id: int | None = None
    focusgebied: bool = False
    partnertype: str = ""


@dataclass
class Gebiedstabel:
    """Values per area and column after suppression (None = hidden), with the total row and the
    row of the selected area (``gekozen``)."""

    kolommen: list[str]
    gebieden: list[tuple[object, str]]  # (key, name)
    waarden: dict[tuple[object, str], int | None]
    gekozen: object = TOTAAL

    def rij(self, gebied) -> list[int | None]:
        return [self.waarden.get((gebied, k)) for k in self.kolommen]

    def waarde(self, kolom: str, gebied=None) -> int | None:
        return self.waarden.get((self.gekozen if gebied is None else gebied, kolom))


def _lees(f: Filter, maat: str, niveau: str, perioden: list[date]) -> dict[date, dict[tuple, int]]:
    """Per period: {(area, waarde): aantal} at this level (area = wijk id, or buurt id)."""
    cellen = Monitorcel.objects.filter(periodesoort=f.periodesoort if len(perioden) == 1 else Periodesoort.MAAND,
                                       niveau=niveau, partnertype=f.partnertype, maat=maat, periode__in=perioden)
    if niveau == Niveau.BUURT:
        cellen = cellen.filter(wijk_id=f.wijk_id)
    sleutel = "buurt_id" if niveau == Niveau.BUURT else "wijk_id"
    uit: dict[date, dict[tuple, int]] = defaultdict(dict)
    for periode, gebied, waarde, aantal in cellen.values_list("periode", sleutel, "waarde", "aantal"):
        uit[periode][(gebied if gebied is not None else ONBEKEND, waarde)] = aantal
    return uit


def _onderdruk(ruw: dict[tuple, int], gebieden: list, kolommen: list[str], rij_lijnen: list[tuple[tuple, str]],
               totaal: dict[str, int] | None = None, vast_totaal: set[str] = frozenset()) -> dict:
    """Suppress a table of areas x columns with its total row; ``totaal`` given (the wijk above
    its buurten) or the sum of the areas. Returns {(area or TOTAAL, column): value or None}."""
    waarden = {(g, k): ruw.get((g, k), 0) for g in gebieden for k in kolommen}
    for k in kolommen:
        waarden[(TOTAAL, k)] = totaal[k] if totaal is not None else sum(waarden[(g, k)] for g in gebieden)
    lijnen = [Lijn(tuple((g, k) for g in gebieden), (TOTAAL, k)) for k in kolommen]
    for g in (*gebieden, TOTAAL):
        for leden, som in rij_lijnen:
            lijnen.append(Lijn(tuple((g, k) for k in leden), (g, som)))
    verborgen = geheimhouding.te_verbergen(waarden, lijnen, vast=[(TOTAAL, k) for k in vast_totaal])
    return {sleutel: (None if sleutel in verborgen else v) for sleutel, v in waarden.items()}


# the funnel's steps and, in the same table (suppressed with it), every traject of the period
TRECHTER_KOLOMMEN = [s.value for s in Stap] + [Trajecten.ALLE.value]
TRECHTER_LIJNEN = [(tuple(s.value for s in SOORTEN), Stap.ZAKEN.value)]


def gebiedstabel(f: Filter, maat: str, kolommen: list[str], rij_lijnen=(), periode: date | None = None) -> Gebiedstabel:
    """The suppressed table of ``maat`` for the level of the filter, for one period."""
    periode = periode or f.periode

    def lees(niveau):
        return _lees(f, maat, niveau, [periode]).get(periode, {})

    return _gebiedstabel(f, kolommen, list(rij_lijnen), lees)


def _gebiedstabel(f: Filter, kolommen: list[str], rij_lijnen: list, lees) -> Gebiedstabel:
    """``lees(niveau)`` gives the raw {(area, column): count} of a level."""
    wijken = gebieden.wijken()
    wijk_ruw = lees(Niveau.WIJK)
    wijk_keys = [w.id for w in wijken] + [ONBEKEND]
    wijk_waarden = _onderdruk(wijk_ruw, wijk_keys, kolommen, rij_lijnen)
    namen = [(w.id, w.naam + (" (focusgebied)" if w.focusgebied else "")) for w in wijken] + [(ONBEKEND, "Onbekend")]
    if f.wijk_id is None:
        if f.focusgebied:
            focus = [w.id for w in wijken if w.focusgebied]
            waarden = {(g, k): wijk_waarden[(g, k)] for g in focus for k in kolommen}
            for k in kolommen:  # the focus total is hidden when any of its wijken is
                delen = [waarden[(g, k)] for g in focus]
                waarden[(TOTAAL, k)] = None if any(d is None for d in delen) else sum(delen)
            return Gebiedstabel(kolommen, [n for n in namen if n[0] in focus], waarden)
        return Gebiedstabel(kolommen, namen, wijk_waarden)
    # one wijk: its buurten below it, with the wijk's own (already suppressed) row as their total
    buurten = gebieden.buurten(f.wijk_id)
    buurt_ruw = lees(Niveau.BUURT)
    buurt_keys = [b.id for b in buurten]
    wijk_totaal = {k: wijk_ruw.get((f.wijk_id, k), 0) for k in kolommen}
    for k in kolommen:  # what has no known buurt
        buurt_ruw[(ONBEKEND, k)] = wijk_totaal[k] - sum(buurt_ruw.get((b, k), 0) for b in buurt_keys)
    verborgen_boven = {k for k in kolommen if wijk_waarden[(f.wijk_id, k)] is None}
    waarden = _onderdruk(buurt_ruw, buurt_keys + [ONBEKEND], kolommen, rij_lijnen, wijk_totaal,
                         verborgen_boven)
    tabel = Gebiedstabel(kolommen, [(b.id, b.naam) for b in buurten] + [(ONBEKEND, "Buurt onbekend")], waarden)
    if f.buurt_id is not None:
        tabel.gekozen = f.buurt_id
    return tabel


@dataclass(frozen=True)
class Staprij:
    stap: str
    label: str
    aantal: int | None
    conversie: float | None  # percent of the previous step on the main line
    hoofdlijn: bool


def trechter(tabel: Gebiedstabel) -> list[Staprij]:
    rijen, vorige = [], None
    for stap in Stap:
        aantal = tabel.waarde(stap.value)
        if stap in HOOFDLIJN:
            conversie = percentage(aantal, vorige) if stap != Stap.SIGNALEN else None
            vorige = aantal
        else:
            conversie = percentage(aantal, tabel.waarde(Stap.ZAKEN.value))
        rijen.append(Staprij(stap.value, str(stap.label), aantal, conversie, stap in HOOFDLIJN))
    return rijen


@dataclass(frozen=True)
class Trendrij:
    maand: date
    waarden: list[int | None]


def trend(f: Filter, kolommen=(Stap.SIGNALEN, Stap.ZAKEN, Stap.CONTACT, Stap.TRAJECT)) -> list[Trendrij]:
    """The last 12 months up to the chosen period, each month suppressed as its own table."""
    einde = _maand_na(f.periode, {"maand": 1, "kwartaal": 3, "jaar": 12}[f.periodesoort] - 1)
    maanden = [_maand_na(einde, -i) for i in range(TREND_MAANDEN - 1, -1, -1)]
    maandfilter = Filter(Periodesoort.MAAND, None, f.wijk_id, f.buurt_id, f.focusgebied, f.partnertype)
    uit = []
    for maand in maanden:
        tabel = gebiedstabel(maandfilter, Maat.TRECHTER, TRECHTER_KOLOMMEN, TRECHTER_LIJNEN, periode=maand)
        uit.append(Trendrij(maand, [tabel.waarde(k.value) for k in kolommen]))
    return uit


@dataclass(frozen=True)
class Duurrij:
    label: str
    gemiddeld: float | None  # mean days; hidden when fewer cases than the threshold


def duur(f: Filter) -> list[Duurrij]:
    """Mean days, for all partner types together (a case of two types has one duration)."""
    cellen = Monitorcel.objects.filter(periodesoort=f.periodesoort, periode=f.periode, partnertype="",
                                       maat=Maat.DUUR)
    cellen = _gebied(cellen, f)
    sommen = {r["waarde"]: r for r in cellen.values("waarde").annotate(n=Sum("aantal"), d=Sum("dagen")).order_by()}
    uit = []
    for d in Duur:
        r = sommen.get(d.value)
        gemiddeld = round(r["d"] / r["n"], 1) if r and r["n"] >= geheimhouding.drempel() else None
        uit.append(Duurrij(str(d.label), gemiddeld))
    return uit


def _gebied(cellen, f: Filter):
    if f.buurt_id is not None:
        return cellen.filter(niveau=Niveau.BUURT, buurt_id=f.buurt_id)
    cellen = cellen.filter(niveau=Niveau.WIJK)
    if f.wijk_id is not None:
        return cellen.filter(wijk_id=f.wijk_id)
    if f.focusgebied:
        return cellen.filter(wijk_id__in=[w.id for w in gebieden.wijken() if w.focusgebied])
    return cellen


@dataclass(frozen=True)
class Contactrij:
    soort: str
    dagdeel: str
    pogingen: int | None
    bereikt: int | None
    succes: float | None


def contact(f: Filter) -> list[Contactrij]:
    """Contact attempts per channel and dagdeel: one table of all areas of the level, suppressed
    per column like every table, then the selected area's row."""
    alle = Contactcel.objects.filter(periodesoort=f.periodesoort, periode=f.periode, partnertype=f.partnertype)
    kolommen = set()
    per_niveau = {}
    for niveau in (Niveau.WIJK, Niveau.BUURT):
        if niveau == Niveau.BUURT and f.wijk_id is None:
            continue
        cellen = alle.filter(niveau=niveau, **({"wijk_id": f.wijk_id} if niveau == Niveau.BUURT else {}))
        sleutel = "buurt_id" if niveau == Niveau.BUURT else "wijk_id"
        ruw = {}
        for gebied, soort, dagdeel, pogingen, bereikt in cellen.values_list(sleutel, "soort", "dagdeel", "pogingen",
                                                                             "bereikt"):
            g = gebied if gebied is not None else ONBEKEND
            ruw[(g, f"{soort}|{dagdeel}|p")] = pogingen
            ruw[(g, f"{soort}|{dagdeel}|b")] = bereikt
            kolommen |= {f"{soort}|{dagdeel}|p", f"{soort}|{dagdeel}|b"}
        per_niveau[niveau] = ruw
    kolommen = sorted(kolommen)
    tabel = _gebiedstabel(f, kolommen, [], lambda niveau: dict(per_niveau.get(niveau, {})))
    rijen = []
    for k in kolommen:
        if not k.endswith("|p"):
            continue
        soort, dagdeel, _ = k.split("|")
        pogingen, bereikt = tabel.waarde(k), tabel.waarde(f"{soort}|{dagdeel}|b")
        rijen.append(Contactrij(soort, dagdeel, pogingen, bereikt, percentage(bereikt, pogingen)))
    return rijen


@dataclass
class Dashboard:
    filter: Filter
    tabel: Gebiedstabel
    trechter: list[Staprij]
    trend: list[Trendrij]
    resultaten: Gebiedstabel
    duur: list[Duurrij]
    contact: list[Contactrij]
    terugval: Gebiedstabel
    bijwerking: object = None
    # Trajecten.ALLE of the chosen area (None = hidden); not per partner type (a walk-in has none)
    alle_trajecten: int | None = None
    drempel: int = field(default_factory=geheimhouding.drempel)


def resultaatkolommen() -> list[str]:
    from vroeghulp.zaken.cijfers import RESULTATEN

    return list(RESULTATEN)


def dashboard(f: Filter) -> Dashboard:
    tabel = gebiedstabel(f, Maat.TRECHTER, TRECHTER_KOLOMMEN, TRECHTER_LIJNEN)
    resultaten = gebiedstabel(f, Maat.RESULTAAT, resultaatkolommen())
    terugval_filter = Filter(Periodesoort.MAAND, f.periode, f.wijk_id, f.buurt_id, f.focusgebied, f.partnertype)
    terugval = gebiedstabel(terugval_filter, Maat.TERUGVAL, [t.value for t in Terugval]) \
        if f.periodesoort == Periodesoort.MAAND else None
    return Dashboard(f, tabel, trechter(tabel), trend(f), resultaten, duur(f), contact(f), terugval,
                     laatste_bijwerking(), alle_trajecten=None if f.partnertype else tabel.waarde(Trajecten.ALLE.value))
