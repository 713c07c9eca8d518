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
import gc
import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal

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
from vroeghulp.signalering.models import Aanlevering, Signaalpartner, Signaalstatus, Vroegsignaal

logger = logging.getLogger(__name__)

GEACCEPTEERD, DUBBEL, AFGEWEZEN = "geaccepteerd", "dubbel", "afgewezen"
DOEL = "Vroegsignalering: signaal ontvangen (Wgs art. 3 lid 1 onder b)"
BLOK = 5_000

_TABEL = Vroegsignaal._meta.db_table
_KOLOMMEN = (
    "extern_id", "bedrag", "ontstaansdatum", "signaaldatum", "crisissignaal", "warme_overdracht",
    "eindelevering", "klantnummer", "bsn", "postcode", "huisnummer", "huisnummertoevoeging",
    "geboortedatum", "geslachtsaanduiding", "voorletters", "voorvoegsel", "achternaam",
    "straatnaam", "plaatsnaam", "telefoonnummer", "email", "huishoudsleutel", "waarschuwingen",
    "partner_id", "aanlevering_id", "ontvangen", "herhaling", "toestemming_inwoner", "status",
    "status_datum",
)
_GEMATCHT = ("id", "zaak_id", "wijk_id", "inwoner_id")  # when matching while storing
_BIJWERKEN = _KOLOMMEN[1:23]  # on a repeat: the partner's data, not status, case or person


@dataclass
class Rapport:
    """The answer to a delivery (docs/interfaces.md section 4.5)."""

    aanlevering_id: int | None = None
    ontvangen: int = 0
    geaccepteerd: int = 0
    dubbel: int = 0
    afgewezen: int = 0
    # (rij, ID, status, fouten, waarschuwingen, herhaling) per signal, in delivery order
    regels: list = field(default_factory=list)
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

        for rij, eid, status, fouten, waarschuwingen, herhaling in self.regels:
            if alleen_opvallend and status == GEACCEPTEERD and not waarschuwingen and not herhaling:
                continue
            item = {"ID": eid, "status": status, "fouten": [fout(v, c) for v, c in fouten or ()], "rij": rij}
            if waarschuwingen:
                item["waarschuwingen"] = [fout(v, c) for v, c in waarschuwingen]
            if herhaling:
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


def _sleutel(record) -> str:
    """The household key of a checked record as the intake knows it (before any BRP check)."""
    return huishoudsleutel(bsn=record[8], postcode=record[9], huisnummer=record[10], toevoeging=record[11])


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
            eid = controleur.extern_id(waarden[0]) if waarden else None
            uitkomsten[positie] = (rij, eid, AFGEWEZEN, vooraf, None, False)
            continue
        record, fouten, waarschuwingen = next(gecontroleerd)
        if fouten:
            uitkomsten[positie] = (rij, controleur.extern_id(waarden[0]), AFGEWEZEN, fouten, waarschuwingen, False)
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
        self._datums: dict = {}
        self.rapport = rapport
        self.bijgewerkt: list[int] = []  # pks of older signals that a repeat updated
        self.vervangen: set[str] = set()  # IDs whose accepted row in an earlier block was replaced
        self.postgres = postgresql()  # COPY and native values, else executemany and text values
        nu = timezone.now()
        self.ontvangen_op = timezone.localdate(nu)  # the crisis term runs from the day of receipt
        ops = connection.ops
        self.ontvangen = ops.adapt_datetimefield_value(nu)
        self.status_datum = datum if self.postgres else datum.isoformat()
        self.vast = (self.partner_id, self.aanlevering_id, self.ontvangen, False, False,
                     Signaalstatus.NOG_NIET_OPGEPAKT.value, self.status_datum)

    def schrijf_gecontroleerd(self, gecontroleerd):
        """Store a block checked by ``controleer`` (here or in the reading process)."""
        uitkomsten, goed = gecontroleerd
        self._statistieken_bij()
        rapport = self.rapport
        rapport.ontvangen += len(uitkomsten)
        rapport.afgewezen += len(uitkomsten) - len(goed)
        if goed:
            self._bewaar(goed, uitkomsten)
        rapport.regels.extend(uitkomsten)

    def _bewaar(self, goed, uitkomsten):
        """Insert the new IDs of a block and update the repeats with a higher amount. Per ID the
        row whose data is written is ``geaccepteerd``; a row it replaced becomes ``dubbel``
        (here, or at the end for a row of an earlier block: ``vervangen_in_eerdere_blokken``)."""
        rapport = self.rapport
        bestaand = self._bestaand({r[2][0] for r in goed})
        nieuw: dict[str, int] = {}
        invoegen: list = []
        bijwerken: dict[int, tuple] = {}
        winnaar: dict[str, int] = {}  # ID -> position in this block of the row whose data is written
        for positie, rij, record, waarschuwingen in goed:
            eid, bedrag = record[0], record[1]
            herhaling = False
            if eid in bestaand:
                signaal = bestaand[eid]  # [pk, bedrag, written by this delivery]
                if bedrag <= signaal[1]:
                    uitkomsten[positie] = (rij, eid, DUBBEL, None, waarschuwingen, False)
                    continue
                bijwerken[signaal[0]] = (record, waarschuwingen, signaal[1])
                signaal[1] = bedrag
                herhaling = True
                if signaal[2] and eid not in winnaar:
                    self.vervangen.add(eid)  # its row in an earlier block of this delivery
            elif eid in nieuw:
                eerder = invoegen[nieuw[eid]]
                if bedrag <= eerder[0][1]:
                    uitkomsten[positie] = (rij, eid, DUBBEL, None, waarschuwingen, False)
                    continue
                invoegen[nieuw[eid]] = (record, waarschuwingen, eerder[0][1], True)
                herhaling = True
            else:
                nieuw[eid] = len(invoegen)
                invoegen.append((record, waarschuwingen, None, False))
            vorige = winnaar.get(eid)
            if vorige is not None:  # replaced in this block: that row's data is not kept
                oud = uitkomsten[vorige]
                uitkomsten[vorige] = (oud[0], oud[1], DUBBEL, None, oud[4], False)
            winnaar[eid] = positie
            uitkomsten[positie] = (rij, eid, GEACCEPTEERD, None, waarschuwingen, herhaling)
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
            if regel[2] == GEACCEPTEERD and regel[1] in self.vervangen:
                vorige = laatste.get(regel[1])
                if vorige is not None:
                    oud = regels[vorige]
                    regels[vorige] = (oud[0], oud[1], DUBBEL, None, oud[4], False)
                    rapport.geaccepteerd -= 1
                    rapport.dubbel += 1
                laatste[regel[1]] = index

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
            rijen = [(eid, pk, Decimal(bedrag), a) for eid, pk, bedrag, a in rijen]
        deze = self.aanlevering_id
        return {eid: [pk, bedrag, aanlevering_id == deze] for eid, pk, bedrag, aanlevering_id in rijen}

    def _rij(self, record, waarschuwingen, *, sleutel: bool = True):
        """The row to write: the record, its household key (``sleutel=False``: matching sets it)
        and its warnings as JSON."""
        waarden = list(record)
        waarden.append(_sleutel(record) if sleutel else "")
        if not self.postgres:
            waarden[1] = str(waarden[1])
            datums = self._datums
            for i in (2, 3, 12):
                datum = waarden[i]
                if datum is not None:
                    tekst = datums.get(datum)
                    if tekst is None:
                        tekst = datums[datum] = datum.isoformat()
                    waarden[i] = tekst
        waarden.append(json.dumps([{"veld": v, "code": c} for v, c in waarschuwingen]) if waarschuwingen else "[]")
        return waarden

    def _voeg_in(self, invoegen):
        vast = self.vast
        rijen = []
        for record, waarschuwingen, vorig, herhaling in invoegen:
            rij = self._rij(record, waarschuwingen, sleutel=self.bron is None)
            rij.extend(vast)
            if herhaling:
                rij[26] = True  # herhaling
                rij.append(vorig if self.postgres else str(vorig))
            else:
                rij.append(None)
            rijen.append(rij)
        kolommen = _KOLOMMEN + ("vorig_bedrag",)
        if self.bron is not None:
            kolommen += _GEMATCHT
            self._match(invoegen, rijen)
        with connection.cursor() as cursor:
            if self.postgres:
                pgarray.kopieer(cursor, _TABEL, kolommen, rijen)
            else:
                plaatsen = ", ".join(["%s"] * len(kolommen))
                cursor.executemany(f"INSERT INTO {_TABEL} ({', '.join(kolommen)}) VALUES ({plaatsen})", rijen)

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

    def _match(self, invoegen, rijen):
        """Give each row its id, household key, case, wijk, inwoner and status (appends the
        ``_GEMATCHT`` columns). In a savepoint: when matching fails, the block is stored unmatched
        and matched after the commit instead."""
        ids = self._ids(len(rijen))
        self.ingevoegd.extend(ids)
        te_matchen = [
            (pk, record[8], record[9], record[10], record[11], record[3], "", record[1],
             record[4], record[5], record[6], herhaling, vorig, None,
             Signaalstatus.NOG_NIET_OPGEPAKT.value, None, None, self.datum)
            for pk, (record, _w, vorig, herhaling) in zip(ids, invoegen)
        ]
        try:
            with transaction.atomic():
                # (koppel only adds to uitgestelde_zaken as its last step: a failure leaves it as is)
                uitkomst, terugkoppelen = services.matching().koppel_nieuwe_signalen(
                    te_matchen, vandaag=self.datum, ontvangen_op=self.ontvangen_op, bron=self.bron,
                    uitgesteld=self.uitgestelde_zaken)
        except Exception as error:  # noqa: BLE001 - stored is stored; matched later
            logger.error("Matching bij opslag mislukt voor %d signalen (%s)", len(rijen), type(error).__name__)
            self.niet_gematcht.extend(ids)
            for pk, rij, (record, *_rest) in zip(ids, rijen, invoegen):
                rij[21] = _sleutel(record)
                rij.extend((pk, None, None, None))
            return
        self.terugkoppelen.update(terugkoppelen)
        sqlite = not self.postgres
        for pk, rij in zip(ids, rijen):
            sleutel, zaak_id, wijk_id, inwoner_id, status, status_datum = uitkomst[pk]
            rij[21] = sleutel
            rij[28] = str(status)
            rij[29] = status_datum.isoformat() if sqlite else status_datum
            rij.extend((pk, zaak_id, wijk_id, inwoner_id))

    def _werk_bij(self, bijwerken):
        kolommen = _BIJWERKEN + ("aanlevering_id", "ontvangen", "herhaling", "vorig_bedrag")
        rijen = []
        self.bijgewerkt.extend(bijwerken)
        for pk, (record, waarschuwingen, oud) in bijwerken.items():
            rij = self._rij(record, waarschuwingen)[1:]
            rij.extend((self.aanlevering_id, self.ontvangen, True, oud if self.postgres else str(oud), pk))
            rijen.append(rij)
        zet = ", ".join(f"{k} = %s" for k in kolommen)
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {_TABEL} SET {zet} WHERE id = %s", rijen)
