"""``vroeghulp monitor bijwerken``: count again what the dashboard shows, into the monitor's cells.

Every period (month, quarter, year) that ends on or after ``vanaf`` is counted again with the
definitions of ``monitor.definities`` (the same as the DDAS deliveries) and GROUP BY queries of
the owning apps (``signalering.cijfers``, ``zaken.cijfers``, ``schuldhulp.cijfers``); periods
that ended before stay as they were counted, with the state of their cases at that time, as a
DDAS delivery over that period would. Signals and cases that the retention period later removes
are therefore still in the figures of their period. By default ``vanaf`` is the first day of the
previous month (a nightly run); the first run, or ``--alles``, counts every period since the
first signal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from vroeghulp.monitor import definities
from vroeghulp.monitor.models import (
    Bijwerking, Contactcel, Kwaliteitscel, Maat, Monitorcel, Niveau, Periodesoort,
)
from vroeghulp.monitor.stappen import Duur, Stap, Terugval, Trajecten
from vroeghulp.schuldhulp import cijfers as schuldhulp_cijfers
from vroeghulp.signalering import cijfers as signalering_cijfers
from vroeghulp.zaken import cijfers as zaken_cijfers


@dataclass(frozen=True)
class Periode:
    soort: str
    van: date
    tot: date


def _maand_na(d: date, maanden: int) -> date:
    totaal = d.year * 12 + d.month - 1 + maanden
    return date(totaal // 12, totaal % 12 + 1, 1)


def begin_van(soort: str, d: date) -> date:
    if soort == Periodesoort.JAAR:
        return date(d.year, 1, 1)
    if soort == Periodesoort.KWARTAAL:
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    return date(d.year, d.month, 1)


LENGTE = {Periodesoort.MAAND: 1, Periodesoort.KWARTAAL: 3, Periodesoort.JAAR: 12}


def periode(soort: str, begin: date) -> Periode:
    from datetime import timedelta

    return Periode(soort, begin, _maand_na(begin, LENGTE[soort]) - timedelta(days=1))


def perioden(vanaf: date, tot: date) -> list[Periode]:
    """Every month, quarter and year that ends on or after ``vanaf`` and starts on or before ``tot``."""
    uit = []
    for soort in Periodesoort.values:
        begin = begin_van(soort, vanaf)
        while begin <= tot:
            uit.append(periode(soort, begin))
            begin = _maand_na(begin, LENGTE[soort])
    return uit


class _Cellen:
    """Collects the counts of one period at buurt level and sums them per wijk."""

    def __init__(self, p: Periode):
        self.p = p
        self.cellen: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.contact: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])

    def tel(self, wijk_id, buurt_id, partnertype, maat, waarde, aantal, dagen=0):
        if not aantal or partnertype is None:  # None: per type, a case or traject without signals
            return
        for niveau, buurt in ((Niveau.WIJK, None), (Niveau.BUURT, buurt_id)):
            if niveau == Niveau.BUURT and buurt_id is None:
                continue
            cel = self.cellen[(niveau, wijk_id, buurt, partnertype, maat, waarde)]
            cel[0] += aantal
            cel[1] += dagen

    def tel_contact(self, wijk_id, buurt_id, partnertype, soort, dagdeel, pogingen, bereikt):
        if partnertype is None:
            return
        for niveau, buurt in ((Niveau.WIJK, None), (Niveau.BUURT, buurt_id)):
            if niveau == Niveau.BUURT and buurt_id is None:
                continue
            cel = self.contact[(niveau, wijk_id, buurt, partnertype, soort, dagdeel)]
            cel[0] += pogingen
            cel[1] += bereikt

    def rijen(self) -> tuple[list[tuple], list[tuple]]:
        """The cells as tuples in the column order of ``CEL_KOLOMMEN`` and ``CONTACT_KOLOMMEN``."""
        p, van = self.p, self.p.van.isoformat()
        cellen = [(p.soort, van, n, w, b, t, m, v, a, d) for (n, w, b, t, m, v), (a, d) in self.cellen.items()]
        contact = [(p.soort, van, n, w, b, t, s, dd, a, r) for (n, w, b, t, s, dd), (a, r) in self.contact.items()]
        return cellen, contact


CEL_KOLOMMEN = ("periodesoort", "periode", "niveau", "wijk_id", "buurt_id", "partnertype", "maat", "waarde",
                "aantal", "dagen")
CONTACT_KOLOMMEN = ("periodesoort", "periode", "niveau", "wijk_id", "buurt_id", "partnertype", "soort", "dagdeel",
                    "pogingen", "bereikt")


def _schrijf(model, kolommen: tuple[str, ...], rijen: list[tuple], per_keer: int = 5000) -> None:
    """Plain INSERTs of tuples: a rebuild writes a few hundred thousand cells, and making a model
    instance of each (bulk_create) was half of the rebuild's time."""
    sql = (f"INSERT INTO {model._meta.db_table} ({', '.join(kolommen)}) "
           f"VALUES ({', '.join(['%s'] * len(kolommen))})")
    with connection.cursor() as cursor:
        for i in range(0, len(rijen), per_keer):
            cursor.executemany(sql, rijen[i:i + per_keer])


def _tel_periode(p: Periode) -> _Cellen:
    cellen = _Cellen(p)
    for s in signalering_cijfers.signaaltellingen(definities.signalen(p.van, p.tot)):
        for t in ("", s.partnertype):  # each signal has one partner type: the types add up
            cellen.tel(s.wijk_id, s.buurt_id, t, Maat.TRECHTER, Stap.SIGNALEN, s.aantal)
    zaken = definities.zaken(p.van, p.tot)
    trajecten = definities.trajecten(p.van, p.tot)
    for tr in schuldhulp_cijfers.alle_trajecttellingen(trajecten):
        cellen.tel(tr.wijk_id, tr.buurt_id, "", Maat.TRECHTER, Trajecten.ALLE, tr.aantal)
    # twice per kind: all partner types together ("") and per type (one GROUP BY each)
    for per_type in (False, True):
        for z in zaken_cijfers.zaaktellingen(zaken, per_type):
            for stap, aantal in ((Stap.ZAKEN, z.zaken), (Stap.ENKELVOUDIG, z.enkelvoudig),
                                 (Stap.MEERVOUDIG, z.meervoudig), (Stap.OPEENVOLGEND, z.opeenvolgend),
                                 (Stap.OPGEPAKT, z.opgepakt), (Stap.CONTACT, z.contact),
                                 (Stap.AANGEBODEN, z.aangeboden), (Stap.AANVAARD, z.aanvaard)):
                cellen.tel(z.wijk_id, z.buurt_id, z.partnertype, Maat.TRECHTER, stap, aantal)
            if not per_type:
                cellen.tel(z.wijk_id, z.buurt_id, "", Maat.DUUR, Duur.EERSTE_POGING, z.met_eerste_poging,
                           z.dagen_eerste_poging)
                cellen.tel(z.wijk_id, z.buurt_id, "", Maat.DUUR, Duur.RESULTAAT, z.met_resultaat, z.dagen_resultaat)
        for r in zaken_cijfers.resultaattellingen(zaken, per_type):
            cellen.tel(r.wijk_id, r.buurt_id, r.partnertype, Maat.RESULTAAT, r.resultaat, r.aantal)
        for c in zaken_cijfers.contacttellingen(zaken, p.van, p.tot, per_type):
            cellen.tel_contact(c.wijk_id, c.buurt_id, c.partnertype, c.soort, c.dagdeel, c.pogingen, c.bereikt)
        for tr in schuldhulp_cijfers.trajecttellingen(trajecten, per_type):
            for stap, aantal in ((Stap.TRAJECT, tr.trajecten), (Stap.STABILISATIE, tr.stabilisatie),
                                 (Stap.REGELING, tr.regeling), (Stap.SCHULDENVRIJ, tr.schuldenvrij)):
                cellen.tel(tr.wijk_id, tr.buurt_id, tr.partnertype, Maat.TRECHTER, stap, aantal)
    return cellen


def _terugval(vanaf: date, partnertypen: Iterable[str]) -> dict[date, _Cellen]:
    per_maand: dict[date, _Cellen] = {}
    for t in ("", *partnertypen):
        for r in schuldhulp_cijfers.terugvaltellingen(t):
            if r.maand < vanaf:
                continue
            cellen = per_maand.setdefault(r.maand, _Cellen(periode(Periodesoort.MAAND, r.maand)))
            cellen.tel(r.wijk_id, r.buurt_id, t, Maat.TERUGVAL, Terugval.UITGESTROOMD, r.uitgestroomd)
            cellen.tel(r.wijk_id, r.buurt_id, t, Maat.TERUGVAL, Terugval.NIEUW_SIGNAAL, r.nieuw_signaal)
    return per_maand


def standaard_vanaf(vandaag: date) -> date:
    """A nightly run counts the previous and the current month (and their quarter and year)."""
    return _maand_na(begin_van(Periodesoort.MAAND, vandaag), -1)


def bijwerken(vanaf: date | None = None, *, alles: bool = False, vandaag: date | None = None) -> Bijwerking:
    gestart = timezone.now()
    vandaag = vandaag or timezone.localdate()
    eerste = signalering_cijfers.eerste_signaaldatum()
    if alles or not Bijwerking.objects.exists():
        vanaf = begin_van(Periodesoort.JAAR, eerste or vandaag)
    vanaf = vanaf or standaard_vanaf(vandaag)
    partnertypen = signalering_cijfers.partnertypen_in_gebruik()
    lijst = perioden(vanaf, vandaag)
    nieuw_cellen, nieuw_contact = [], []
    for p in lijst:
        cellen, contact = _tel_periode(p).rijen()
        nieuw_cellen += cellen
        nieuw_contact += contact
    for cellen in _terugval(begin_van(Periodesoort.MAAND, vanaf), partnertypen).values():
        nieuw_cellen += cellen.rijen()[0]
    eerste_maand = begin_van(Periodesoort.MAAND, vanaf)
    kwaliteit = [Kwaliteitscel(maand=k.maand, partner_id=k.partner_id, maat=k.maat, aantal=k.aantal)
                 for k in signalering_cijfers.kwaliteitstellingen(eerste_maand)]
    kwaliteit += [Kwaliteitscel(maand=a.maand, partner_id=a.partner_id, maat=Kwaliteitscel.AFGEWEZEN_REDEN,
                                reden=a.reden, aantal=a.aantal)
                  for a in signalering_cijfers.afwijzingen_per_reden(eerste_maand)]
    with transaction.atomic():
        for soort in Periodesoort.values:
            grens = begin_van(soort, vanaf)
            Monitorcel.objects.filter(periodesoort=soort, periode__gte=grens).delete()
            Contactcel.objects.filter(periodesoort=soort, periode__gte=grens).delete()
        Kwaliteitscel.objects.filter(maand__gte=eerste_maand).delete()
        _schrijf(Monitorcel, CEL_KOLOMMEN, nieuw_cellen)
        _schrijf(Contactcel, CONTACT_KOLOMMEN, nieuw_contact)
        Kwaliteitscel.objects.bulk_create(kwaliteit, batch_size=5000)
        return Bijwerking.objects.create(gestart=gestart, klaar=timezone.now(), vanaf=vanaf,
                                         cellen=len(nieuw_cellen) + len(nieuw_contact) + len(kwaliteit))


def laatste_bijwerking() -> Bijwerking | None:
    return Bijwerking.objects.order_by("-klaar", "-id").first()
