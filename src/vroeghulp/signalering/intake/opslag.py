"""Storing a delivery: one transaction, bulk statements, no ORM save per row.

Guarantees (issue 4, item 4):
- atomic: the delivery is stored in one transaction; a refusal or crash half-way stores nothing;
- one signal per partner + ID: the partner row is locked for the whole delivery (deliveries of one
  partner are serialised; on SQLite all writers are), existing IDs are looked up once per chunk,
  and the unique constraint ``uniek_signaal_per_partner`` is the last line of defence;
- a repeat with a higher amount updates the signal (``herhaling``, ``vorig_bedrag``); a repeat
  with the same or a lower amount is ``dubbel`` and changes nothing;
- the report is what the commit stored (issue 10). Rows with the same ID inside one delivery are
  stored as separate deliveries would store them (a higher amount updates the signal, with
  ``herhaling`` and ``vorig_bedrag``), but the delivery is one transaction: per ID only the row
  whose data the commit holds (the highest amount, the first of equals) is ``geaccepteerd``;
  every other row with that ID is ``dubbel``, also an earlier row whose data a later, higher
  row replaced. ``geaccepteerd`` counts the signals this delivery stored or updated;
- every report text is valid UTF-8 before the commit (``normaliseren.toonbaar``), the API's answer
  is built inside the transaction (``antwoord``), and nothing after the commit raises: the
  outcome of the commit is what is reported.
Matching (issue 4): when the BRP answers locally (no BRP link, or the synthetic municipality),
every block is matched *before* its INSERT (``koppel_nieuwe_signalen`` of the matching hook
``services.matching()``, which the zaken app registers: ADR 0002), so a signal is
written once, with its case. Otherwise (a remote Haal Centraal BRP: no network calls while the
delivery holds the write lock), and for repeats that update older signals, the matching hook is
called after the commit with those ids. A failure in matching never loses a delivery: the block
is then stored unmatched and left to that hook and ``vroeghulp signalen matchen``.
"""

import datetime as dt
import functools
import gc
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common import pgarray
from vroeghulp.common.sql import in_lijst, postgresql
from vroeghulp.signalering import ids as ids_vooraf
from vroeghulp.signalering import services
from vroeghulp.signalering.huishoudsleutel import huishoudsleutel
from vroeghulp.signalering.intake import instellingen
from vroeghulp.signalering.intake.codes import Weigering, melding
from vroeghulp.signalering.intake.controles import Controleur
from vroeghulp.signalering.intake.normaliseren import toonbaar
from vroeghulp.signalering.intake.snel import SnelleControle
from vroeghulp.signalering.intake.velden import Signaal
from vroeghulp.signalering.models import Aanlevering, Kanaal, Signaalpartner, Signaalstatus, Vroegsignaal
from vroeghulp.signalering.services import Matchuitkomst, nieuwe_matchrij

logger = logging.getLogger(__name__)

GEACCEPTEERD, DUBBEL, AFGEWEZEN = "geaccepteerd", "dubbel", "afgewezen"
DOEL = "Vroegsignalering: signaal ontvangen (Wgs art. 3 lid 1 onder b)"
BLOK = 5_000

_TABEL = Vroegsignaal._meta.db_table


class Opslagvelden(NamedTuple):
    """What the intake stores with a checked ``Signaal`` (its columns follow the record's)."""

    huishoudsleutel: str  # the intake's key; matching while storing sets the BRP's
    waarschuwingen: str  # JSON
    partner_id: int
    aanlevering_id: int
    ontvangen: object  # the moment of receipt, as the database takes it
    herhaling: bool
    toestemming_inwoner: bool
    status: str
    status_datum: object
    vorig_bedrag: Decimal | None


class Regel(NamedTuple):
    """The outcome of one row of a delivery, in delivery order (``Rapport.regels``)."""

    rij: int
    extern_id: str | None  # the ID as the answer shows it
    status: str  # GEACCEPTEERD, DUBBEL or AFGEWEZEN
    fouten: list | None  # (veld, code)
    waarschuwingen: list | None
    herhaling: bool


class _Nieuw(NamedTuple):
    """A row of a block to insert."""

    record: Signaal
    waarschuwingen: list
    vorig_bedrag: Decimal | None  # a repeat inside this delivery: the amount it replaced
    herhaling: bool


# The columns of an INSERT/COPY: the record's fields, then the intake's; when matching while
# storing also the fields of the Matchuitkomst the ids and links come from.
_KOLOMMEN = Signaal._fields + Opslagvelden._fields
_GEMATCHT = ("id", "zaak_id", "wijk_id", "inwoner_id")
_gematcht = attrgetter(*_GEMATCHT)


@functools.lru_cache(maxsize=4)
def _sqlite_posities(kolommen: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Positions of the date and the amount columns among ``kolommen`` (from the model's fields)."""
    velden = {veld.column: veld for veld in Vroegsignaal._meta.concrete_fields}
    datums = tuple(i for i, k in enumerate(kolommen) if k in velden and velden[k].get_internal_type() == "DateField")
    bedragen = tuple(i for i, k in enumerate(kolommen) if k in velden and velden[k].get_internal_type() == "DecimalField")
    return datums, bedragen
# on a repeat: the partner's data, not status, case or person
_UIT_RECORD_BIJWERKEN = tuple(v for v in Signaal._fields if v != "extern_id")
_BIJWERKEN = _UIT_RECORD_BIJWERKEN + ("huishoudsleutel", "waarschuwingen")
_bij_te_werken = attrgetter(*_UIT_RECORD_BIJWERKEN)


@dataclass
class Rapport:
    """The answer to a delivery (docs/interfaces.md section 4.5)."""

    aanlevering_id: int | None = None
    ontvangen: int = 0
    geaccepteerd: int = 0
    dubbel: int = 0
    afgewezen: int = 0
    # error code -> refused rows with it (a row counts once per distinct code): stored on the
    # delivery for the monitor (Aanlevering.afgewezen_per_reden)
    afgewezen_per_reden: Counter = field(default_factory=Counter)
    regels: list[Regel] = field(default_factory=list)  # per row, in delivery order
    waarschuwingen: list = field(default_factory=list)
    formaat: str = ""
    codering: str = ""
    scheidingsteken: str = ""
    signaal_ids: list = field(default_factory=list)
    antwoord: object = None  # what ``verwerk(antwoord=...)`` built inside the transaction

    def resultaten(self, *, alleen_opvallend: bool = False):
        vertaald = {}

        def fout(veld, code):
            if code not in vertaald:
                vertaald[code] = melding(code)
            return {"veld": veld, "code": code, "melding": vertaald[code]}

        for r in self.regels:
            if alleen_opvallend and r.status == GEACCEPTEERD and not r.waarschuwingen and not r.herhaling:
                continue
            item = {"ID": r.extern_id, "status": r.status, "fouten": [fout(v, c) for v, c in r.fouten or ()],
                    "rij": r.rij}
            if r.waarschuwingen:
                item["waarschuwingen"] = [fout(v, c) for v, c in r.waarschuwingen]
            if r.herhaling:
                item["herhaling"] = True
            yield item

    def als_dict(self, *, alleen_opvallend: bool = False) -> dict:
        antwoord = {
            "ontvangen": self.ontvangen,
            "geaccepteerd": self.geaccepteerd,
            "dubbel": self.dubbel,
            "afgewezen": self.afgewezen,
            "resultaten": list(self.resultaten(alleen_opvallend=alleen_opvallend)),
        }
        if self.waarschuwingen:
            antwoord["waarschuwingen"] = self.waarschuwingen
        return antwoord


def vandaag() -> dt.date:
    return timezone.localdate()


def verwerk(
    partner: Signaalpartner, rijen, *, kanaal: str, bestandsnaam: str = "", actor=None,
    ingediend_door: str = "", bron=None, op: dt.date | None = None, voortgang=None, match: bool = True,
    antwoord=None,
) -> Rapport:
    """Validate and store a delivery. ``rijen`` yields ``(rij, waarden, fouten_vooraf)`` (see
    ``lezen``). Raises ``Weigering`` (nothing stored) when the delivery as a whole is refused;
    any exception out of here means nothing was stored. ``antwoord(rapport)``, when given, builds
    the answer inside the transaction (``rapport.antwoord``): when it fails, nothing is stored."""
    # A delivery allocates millions of small tuples and creates no reference cycles: the cyclic
    # garbage collector would scan them again and again (measured: half the time of a 300k file).
    gc_aan = gc.isenabled()
    gc.disable()
    try:
        return _verwerk(
            partner, rijen, kanaal=kanaal, bestandsnaam=bestandsnaam, actor=actor, ingediend_door=ingediend_door,
            bron=bron, op=op, voortgang=voortgang, match=match, antwoord=antwoord,
        )
    finally:
        if gc_aan:
            gc.enable()


def _verwerk(partner, rijen, *, kanaal, bestandsnaam, actor, ingediend_door, bron, op, voortgang, match,
             antwoord) -> Rapport:
    datum = op or vandaag()
    rapport = Rapport()
    if bron is not None:
        rapport.formaat, rapport.codering = bron.formaat, bron.codering
        rapport.scheidingsteken = bron.scheidingsteken
        rapport.waarschuwingen = bron.waarschuwingen  # the same list: the reader fills it while reading
    with transaction.atomic():
        partner = Signaalpartner.objects.select_for_update().get(pk=partner.pk)
        if not partner.actief:
            raise Weigering("partner_inactief", status=403)
        controleur = Controleur(
            partner.type, vandaag=datum, drempel=instellingen.drempelbedrag(), pc4=instellingen.gemeente_pc4(),
            zelfmelding=kanaal == Kanaal.ZELFMELDING,
        )
        aanlevering = Aanlevering.objects.create(
            # a file name from argv may carry surrogates (undecodable bytes): not storable as is
            partner=partner, kanaal=kanaal, bestandsnaam=toonbaar(bestandsnaam[:255]),
            ingediend_door=toonbaar(ingediend_door[:150]),
        )
        # Every signal this delivery inserts gets an id above the highest one visible now (SQLite:
        # AUTOINCREMENT; PostgreSQL: the sequence only grows), so its signals are found afterwards
        # by id range without an index on aanlevering_id (index diet, issue 4).
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {_TABEL}")
            hoogste_vooraf = cursor.fetchone()[0]

        schrijver = _Schrijver(partner, aanlevering, datum, controleur, rapport,
                               matching_bij_opslag() if match else None)
        if hasattr(bron, "gecontroleerd"):  # read and checked in a second process (intake.parallel)
            gecontroleerd = bron.gecontroleerd(controleur)
        else:
            gecontroleerd = (controleer(controleur, schrijver.snel, blok) for blok in blokken(rijen))
        for blok in gecontroleerd:
            schrijver.schrijf_gecontroleerd(blok)
            if voortgang:
                voortgang(rapport.ontvangen)
        if schrijver.uitgestelde_zaken:
            services.matching().schrijf_uitgestelde_zaken(schrijver.uitgestelde_zaken)
        if rapport.ontvangen == 0:
            raise Weigering("leeg")
        schrijver.vervangen_in_eerdere_blokken()
        Aanlevering.objects.filter(pk=aanlevering.pk).update(
            aantal_ontvangen=rapport.ontvangen, aantal_geaccepteerd=rapport.geaccepteerd,
            aantal_dubbel=rapport.dubbel, aantal_afgewezen=rapport.afgewezen,
            afgewezen_per_reden=dict(sorted(rapport.afgewezen_per_reden.items())),
        )
        audit.log(
            actor=actor, actie=Actie.AANMAKEN, object_type=Aanlevering._meta.label, object_id=aanlevering.pk,
            doel=DOEL, aantal=rapport.ontvangen,
            toelichting=(
                f"{kanaal}: {rapport.geaccepteerd} geaccepteerd, {rapport.dubbel} dubbel, "
                f"{rapport.afgewezen} afgewezen"
            ),
        )
        if antwoord is not None:
            rapport.antwoord = antwoord(rapport)
    rapport.aanlevering_id = aanlevering.pk
    if not rapport.geaccepteerd:
        return rapport
    try:
        _na_commit(rapport, schrijver, aanlevering, hoogste_vooraf, datum, match)
    except Exception as error:  # noqa: BLE001 - stored is stored: the report says so
        # Only the type (personal data). The signals are matched by ``vroeghulp signalen matchen``.
        logger.error("Na het opslaan van aanlevering %s mislukt (%s)", aanlevering.pk, type(error).__name__)
    return rapport


def _na_commit(rapport, schrijver, aanlevering, hoogste_vooraf, datum, match) -> None:
    """After the commit: the ids to match, feedback and the matching hook. Never changes what the
    report says was stored."""
    # repeats with a higher amount updated older signals (ids below this delivery's); one of them
    # may since have been taken over by a later delivery, which then matches it
    herhaald = _nog_van_deze(aanlevering.pk, schrijver.bijgewerkt)
    if schrijver.bron is not None:
        # matched while storing: only what could not be matched then is left for the hook
        rapport.signaal_ids = sorted(herhaald.union(schrijver.ingevoegd))
        if schrijver.terugkoppelen:
            services.matching().terugkoppelen_na(sorted(schrijver.terugkoppelen), datum)
        later = sorted(herhaald.union(schrijver.niet_gematcht))
        if later:
            roep_matching_aan(later)
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {_TABEL} WHERE id > %s AND aanlevering_id = %s", [hoogste_vooraf, aanlevering.pk],
        )
        rapport.signaal_ids = sorted(herhaald.union(r[0] for r in cursor.fetchall()))
    if match:
        roep_matching_aan(rapport.signaal_ids)


def _nog_van_deze(aanlevering_id: int, pks: list[int]) -> set[int]:
    """Of the older signals a repeat updated, those still carrying this delivery (a later one may
    have taken one over since, and then matches it)."""
    gevonden: set[int] = set()
    pks = sorted(pks)
    with connection.cursor() as cursor:
        for i in range(0, len(pks), 5000):
            waar, params = in_lijst(pks[i:i + 5000], "bigint")
            cursor.execute(f"SELECT id FROM {_TABEL} WHERE aanlevering_id = %s AND id {waar}", [aanlevering_id, *params])
            gevonden.update(pk for (pk,) in cursor.fetchall())
    return gevonden


def _matchen_bij_intake() -> bool:
    """False when matching is left to the scheduled job (large backfills)."""
    return instellingen.matchen_na_intake()


def roep_matching_aan(signaal_ids: list[int]) -> None:
    """The hook into matching after the commit: a failure in matching never loses a stored
    signal; ``vroeghulp signalen matchen`` picks it up later."""
    if not _matchen_bij_intake():
        return
    try:
        services.matching().match_signalen(signaal_ids)
    except Exception as error:  # noqa: BLE001 - stored is stored
        # Only the type: an exception text or traceback could carry a BSN or a name.
        logger.error("Matching na intake mislukt voor %d signalen (%s)", len(signaal_ids), type(error).__name__)


def matching_bij_opslag():
    """The BRP source to match with while storing, or None to match after the commit (see the
    module docstring). Tests of the intake alone replace this with ``lambda: None``."""
    if not _matchen_bij_intake():
        return None
    from vroeghulp.signalering import brp

    bron = brp.bron()
    return bron if getattr(bron, "zonder_netwerk", False) else None


def _sleutel(record: Signaal) -> str:
    """The household key of a checked record as the intake knows it (before any BRP check)."""
    return huishoudsleutel(bsn=record.bsn, postcode=record.postcode, huisnummer=record.huisnummer,
                           toevoeging=record.huisnummertoevoeging)


def _als_json(waarschuwingen) -> str:
    return json.dumps([{"veld": v, "code": c} for v, c in waarschuwingen]) if waarschuwingen else "[]"


def _of_nul(bedrag):
    """A repeat is kept only with a higher amount; an empty amount (a self-referral without one)
    counts as none."""
    return 0 if bedrag is None else bedrag


def controleer(controleur: Controleur, snel: SnelleControle, blok) -> tuple[list, list]:
    """Check a block of read rows; no database. Returns the outcome per row (None where the row
    passed: storing decides between accepted and duplicate) and the rows that passed as
    ``(positie, rij, record, waarschuwingen)``. Pure, so a second process can run it
    (``intake.parallel``)."""
    uitkomsten = [None] * len(blok)
    goed = []
    te_controleren = [waarden for _rij, waarden, vooraf in blok if not vooraf]
    gecontroleerd = iter(snel.controleer_blok(te_controleren)) if te_controleren else iter(())
    for positie, (rij, waarden, vooraf) in enumerate(blok):
        if vooraf:
            eid = controleur.extern_id(waarden.extern_id) if waarden else None
            uitkomsten[positie] = Regel(rij, eid, AFGEWEZEN, vooraf, None, False)
            continue
        record, fouten, waarschuwingen = next(gecontroleerd)
        if fouten:
            uitkomsten[positie] = Regel(rij, controleur.extern_id(waarden.extern_id), AFGEWEZEN, fouten, waarschuwingen,
                                        False)
        else:
            goed.append((positie, rij, record, waarschuwingen))
    return uitkomsten, goed


def blokken(rijen):
    """Read rows in blocks of ``BLOK``."""
    blok = []
    for item in rijen:
        blok.append(item)
        if len(blok) >= BLOK:
            yield blok
            blok = []
    if blok:
        yield blok


class _Schrijver:
    def __init__(self, partner, aanlevering, datum, controleur, rapport, bron=None):
        self.bron = bron  # matching while storing (see the module docstring), or None
        self.datum = datum
        self.ingevoegd: list[int] = []  # ids of the inserted signals (when matching while storing)
        self.niet_gematcht: list[int] = []  # ... of those, the ones whose block matching refused
        self.terugkoppelen: set[int] = set()
        self.uitgestelde_zaken: dict = {}  # existing cases matching changed, written once at the end
        self._analyse_bij = 20_000
        self.partner_id = partner.pk
        self.aanlevering_id = aanlevering.pk
        self.controleur = controleur
        self.snel = SnelleControle(controleur)
        self.rapport = rapport
        self.bijgewerkt: list[int] = []  # pks of older signals that a repeat updated
        self.vervangen: set[str] = set()  # IDs whose accepted row in an earlier block was replaced
        self.postgres = postgresql()  # COPY and native values, else executemany and text values
        self._datumtekst: dict = {}  # SQLite: date -> its ISO text, once per distinct date
        nu = timezone.now()
        self.ontvangen_op = timezone.localdate(nu)  # the crisis term runs from the day of receipt
        ops = connection.ops
        self.ontvangen = ops.adapt_datetimefield_value(nu)

    def schrijf_gecontroleerd(self, gecontroleerd):
        """Store a block checked by ``controleer`` (here or in the reading process)."""
        uitkomsten, goed = gecontroleerd
        self._statistieken_bij()
        rapport = self.rapport
        rapport.ontvangen += len(uitkomsten)
        afgewezen = len(uitkomsten) - len(goed)
        if afgewezen:
            rapport.afgewezen += afgewezen
            # before storing, the refused rows are the only outcomes set: a block without any
            # costs nothing here (the intake's throughput)
            per_reden = rapport.afgewezen_per_reden
            for regel in uitkomsten:
                if regel is not None:
                    per_reden.update({code for _veld, code in regel.fouten})
        if goed:
            self._bewaar(goed, uitkomsten)
        rapport.regels.extend(uitkomsten)

    def _bewaar(self, goed, uitkomsten):
        """Insert the new IDs of a block and update the repeats with a higher amount. Per ID the
        row whose data is written is ``geaccepteerd``; a row it replaced becomes ``dubbel``
        (here, or at the end for a row of an earlier block: ``vervangen_in_eerdere_blokken``)."""
        rapport = self.rapport
        bestaand = self._bestaand({record.extern_id for _positie, _rij, record, _w in goed})
        nieuw: dict[str, int] = {}
        invoegen: list = []
        bijwerken: dict[int, tuple] = {}
        winnaar: dict[str, int] = {}  # ID -> position in this block of the row whose data is written
        for positie, rij, record, waarschuwingen in goed:
            eid, bedrag = record.extern_id, record.bedrag
            herhaling = False
            if eid in bestaand:
                signaal = bestaand[eid]  # [pk, bedrag, written by this delivery]
                if _of_nul(bedrag) <= _of_nul(signaal[1]):
                    uitkomsten[positie] = Regel(rij, eid, DUBBEL, None, waarschuwingen, False)
                    continue
                bijwerken[signaal[0]] = (record, waarschuwingen, signaal[1])
                signaal[1] = bedrag
                herhaling = True
                if signaal[2] and eid not in winnaar:
                    self.vervangen.add(eid)  # its row in an earlier block of this delivery
            elif eid in nieuw:
                eerder = invoegen[nieuw[eid]].record.bedrag
                if _of_nul(bedrag) <= _of_nul(eerder):
                    uitkomsten[positie] = Regel(rij, eid, DUBBEL, None, waarschuwingen, False)
                    continue
                invoegen[nieuw[eid]] = _Nieuw(record, waarschuwingen, eerder, True)
                herhaling = True
            else:
                nieuw[eid] = len(invoegen)
                invoegen.append(_Nieuw(record, waarschuwingen, None, False))
            vorige = winnaar.get(eid)
            if vorige is not None:  # replaced in this block: that row's data is not kept
                uitkomsten[vorige] = uitkomsten[vorige]._replace(status=DUBBEL, fouten=None, herhaling=False)
            winnaar[eid] = positie
            uitkomsten[positie] = Regel(rij, eid, GEACCEPTEERD, None, waarschuwingen, herhaling)
        if invoegen:
            self._voeg_in(invoegen)
        if bijwerken:
            self._werk_bij(bijwerken)
        rapport.geaccepteerd += len(winnaar)
        rapport.dubbel += len(goed) - len(winnaar)

    def vervangen_in_eerdere_blokken(self) -> None:
        """A row accepted in an earlier block whose data a later block replaced (same ID, higher
        amount) becomes ``dubbel``: per ID only the last accepted row is what the commit holds.
        One pass over the report, only when this happened (rare)."""
        if not self.vervangen:
            return
        rapport = self.rapport
        laatste: dict[str, int] = {}
        regels = rapport.regels
        for index, regel in enumerate(regels):
            if regel.status == GEACCEPTEERD and regel.extern_id in self.vervangen:
                vorige = laatste.get(regel.extern_id)
                if vorige is not None:
                    regels[vorige] = regels[vorige]._replace(status=DUBBEL, fouten=None, herhaling=False)
                    rapport.geaccepteerd -= 1
                    rapport.dubbel += 1
                laatste[regel.extern_id] = index

    def _bestaand(self, ids: set) -> dict:
        """{ID: [pk, bedrag, written by this delivery]} of this partner's signals among ``ids``:
        one query per block."""
        waar, params = in_lijst(ids)
        # SQLite keeps the amount as REAL; as text it has 15 significant digits: exact for cents
        bedrag_kolom = "bedrag" if self.postgres else "CAST(bedrag AS TEXT)"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT extern_id, id, {bedrag_kolom}, aanlevering_id FROM {_TABEL} WHERE partner_id = %s AND extern_id {waar}",
                [self.partner_id, *params],
            )
            rijen = cursor.fetchall()
        if not self.postgres:
            rijen = [(eid, pk, None if bedrag is None else Decimal(bedrag), a) for eid, pk, bedrag, a in rijen]
        deze = self.aanlevering_id
        return {eid: [pk, bedrag, aanlevering_id == deze] for eid, pk, bedrag, aanlevering_id in rijen}

    def _opslagvelden(self, nieuw: _Nieuw, sleutel: str, status: str, status_datum) -> Opslagvelden:
        # positional, in the order of Opslagvelden: a call with keywords costs 2 us more per signal
        return Opslagvelden(sleutel, _als_json(nieuw.waarschuwingen), self.partner_id, self.aanlevering_id,
                            self.ontvangen, nieuw.herhaling, False, status, status_datum, nieuw.vorig_bedrag)

    def _voeg_in(self, invoegen: list[_Nieuw]):
        """INSERT (SQLite: Decimal and date values through the adapters Django registers) or COPY
        (PostgreSQL) the new signals of a block."""
        kolommen = _KOLOMMEN
        if self.bron is None:
            nog = Signaalstatus.NOG_NIET_OPGEPAKT.value
            rijen = [n.record + self._opslagvelden(n, _sleutel(n.record), nog, self.datum) for n in invoegen]
        else:
            kolommen += _GEMATCHT
            rijen = self._match(invoegen)
        with connection.cursor() as cursor:
            if self.postgres:
                pgarray.kopieer(cursor, _TABEL, kolommen, rijen)
            else:
                plaatsen = ", ".join(["%s"] * len(kolommen))
                cursor.executemany(
                    f"INSERT INTO {_TABEL} ({', '.join(kolommen)}) VALUES ({plaatsen})",
                    self._als_sqlite_tekst(kolommen, rijen),
                )

    def _als_sqlite_tekst(self, kolommen: tuple, rijen: list) -> list:
        """Dates and amounts as the text SQLite stores, converted here: sqlite3 would call an
        adapter per value (a Python call per date), while a delivery has few distinct dates."""
        datums, bedragen = _sqlite_posities(kolommen)
        tekst = self._datumtekst
        uit = []
        for rij in rijen:
            rij = list(rij)
            for i in datums:
                datum = rij[i]
                if datum is not None:
                    waarde = tekst.get(datum)
                    if waarde is None:
                        waarde = tekst[datum] = datum.isoformat()
                    rij[i] = waarde
            for i in bedragen:
                if rij[i] is not None:
                    rij[i] = str(rij[i])
            uit.append(rij)
        return uit

    def _statistieken_bij(self):
        """PostgreSQL: refresh the planner statistics of signals and cases each time this delivery
        has doubled them (from 20,000 rows). Without it the planner kept the estimate of the table
        before the delivery and looked up IDs and households through the (partner, status_datum)
        index, reading every earlier row of the partner per block: O(n²) over a large file.
        ANALYZE inside the transaction counts our own uncommitted rows. All columns: with only
        the columns the delivery looks up (0.13 s instead of 0.64 s at 200,000 signals) the 1M
        file was no faster, and the first API request after it took 0.9-1.2 s instead of 0.5 s
        (the other columns kept the statistics of the empty table)."""
        if not self.postgres or self.rapport.geaccepteerd < self._analyse_bij:
            return
        self._analyse_bij *= 2
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {_TABEL}")
        services.matching().ververs_statistieken()  # the case table: its owner, zaken, runs it

    def _ids(self, aantal: int) -> list[int]:
        """The ids the next ``aantal`` rows will get, known before the INSERT so matching can refer
        to them (``signalering.ids``; the delivery's transaction holds the write lock)."""
        with connection.cursor() as cursor:
            return ids_vooraf.volgende(cursor, _TABEL, aantal)

    def _match(self, invoegen: list[_Nieuw]) -> list[tuple]:
        """The rows to insert with their id, household key, case, wijk, inwoner and status (the
        ``_GEMATCHT`` columns last). In a savepoint: when matching fails, the block is stored
        unmatched and matched after the commit instead."""
        ids = self._ids(len(invoegen))
        self.ingevoegd.extend(ids)
        nog = Signaalstatus.NOG_NIET_OPGEPAKT.value
        te_matchen = [  # no case, no wijk or inwoner yet
            nieuwe_matchrij(pk, n.record, n.herhaling, n.vorig_bedrag, nog, self.datum)
            for pk, n in zip(ids, invoegen)
        ]
        try:
            with transaction.atomic():
                # (koppel only adds to uitgestelde_zaken as its last step: a failure leaves it as is)
                uitkomst, terugkoppelen = services.matching().koppel_nieuwe_signalen(
                    te_matchen, vandaag=self.datum, ontvangen_op=self.ontvangen_op, bron=self.bron,
                    uitgesteld=self.uitgestelde_zaken)
        except Exception as error:  # noqa: BLE001 - stored is stored; matched later
            logger.error("Matching bij opslag mislukt voor %d signalen (%s)", len(invoegen), type(error).__name__)
            self.niet_gematcht.extend(ids)
            uitkomst = {pk: Matchuitkomst(huishoudsleutel=_sleutel(n.record), zaak_id=None, wijk_id=None,
                                          inwoner_id=None, status=nog, status_datum=self.datum, id=pk)
                        for pk, n in zip(ids, invoegen)}
        else:
            self.terugkoppelen.update(terugkoppelen)
        rijen = []
        for pk, n in zip(ids, invoegen):
            u = uitkomst[pk]
            rijen.append(n.record + self._opslagvelden(n, u.huishoudsleutel, str(u.status), u.status_datum)
                         + _gematcht(u))
        return rijen

    def _werk_bij(self, bijwerken):
        kolommen = _BIJWERKEN + ("aanlevering_id", "ontvangen", "herhaling", "vorig_bedrag")
        self.bijgewerkt.extend(bijwerken)
        rijen = [  # the values of ``kolommen``, then the id
            _bij_te_werken(record) + (_sleutel(record), _als_json(waarschuwingen), self.aanlevering_id, self.ontvangen,
                                      True, oud, pk)
            for pk, (record, waarschuwingen, oud) in bijwerken.items()
        ]
        zet = ", ".join(f"{k} = %s" for k in kolommen)
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {_TABEL} SET {zet} WHERE id = %s", rijen)
