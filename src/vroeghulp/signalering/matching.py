"""Matching of vroegsignalen into vroegsignaalzaken (DDAS Vroegsignaalzaak).

Entry points
- ``koppel_nieuwe_signalen(rijen, ...)``: called by the intake for each block *before* its INSERT
  (one write per signal), when the BRP source needs no network.
- ``match_signalen(signaal_ids)``: stored signals: after the commit of an API delivery or with a
  remote BRP, repeats that updated older signals, and ``vroeghulp signalen matchen`` for
  everything not matched yet. Both run the same rules (``_koppel``).
- ``huishoudsleutel(...)``: the household key (the intake writes it for signals matched later).

Rules (retention: ``signalering.bewaartermijnen`` and docs/adr/0001-bewaartermijnen.md):

1. **Household key** (``huishoudsleutel``, max 40 characters). The household is the address:
   ``A:<postcode><huisnummer>-<huisletter+toevoeging>`` (postcode without space, upper case;
   house number without leading zeros; letter and addition upper case, only letters and digits,
   so ``12 bis``, ``12-BIS`` and ``12, toevoeging Bis`` meet; the intake's key has the same
   form). When the BRP finds the person by BSN, the key is built from the **BRP address**, so a BSN signal (zorgverzekeraar) and an address signal
   (verhuurder, energie) of the same household land in one case. Without a usable address (BSN
   only, no BRP check) the key is ``B:`` + a keyed hash of the BSN (no BSN in the key: the key
   also lives on the case and in worklists); the same pseudonym as the intake's. Rotating
   ``SECRET_KEY`` changes these keys (BSN-only households then start a new history).
2. **BRP check** (``signalering.brp``): a BSN the BRP does not know as resident →
   status "Persoon is geen inwoner (meer) in de gemeente", no case; a deceased person →
   "Inwoner is overleden", no case. Signals with only an address are not checked against the
   BRP (the partner's address is the household). ``Vroegsignaal.wijk`` comes from the BRP
   address, else from the ``gebieden.Postcode`` table (postcode → buurt → wijk), else from a
   known address with that postcode; the case gets the wijk of its first signal that has one, so
   the worklist access control (per wijk) works. Each BRP check writes one audit event per chunk
   (actie ``lezen``, counts only).
3. **Matching period**: the calendar month of the signaaldatum (``VROEGHULP_MATCHINGPERIODE=
   maand``; ``week`` = ISO week is the alternative). The market (RIS) matches monthly.
   ``matchingsdatum`` is the day the matching ran (DDAS: "De datum waarop de matching wordt
   uitgevoerd").
4. **Classification** (DDAS/Divosa categories; they exclude each other):
   - a signal joins the **open** case of the same household whose period contains its
     signaaldatum → that case becomes **meervoudig** (several signals in one period);
   - otherwise a new case; **opeenvolgend** when the household had a case in the previous
     6 months (``VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN``): a case whose period ends on or after
     signaaldatum − 6 months and starts before this period (or a closed case in this same
     period); else **enkelvoudig**.
   - opeenvolgend wins over meervoudig: a consecutive case stays opeenvolgend when a second
     signal joins it (the history is the stronger fact for outreach).
5. **Repeats**: the intake sets ``herhaling`` and ``vorig_bedrag`` when a partner sends the same
   ``ID`` again. A repeat whose amount did not grow (bedrag ≤ vorig_bedrag) gets status
   "Niet opgepakt: herhaalde melding" (Divosa: a repeat is only picked up when the arrears grew).
   When such signals are all a new case has, the case is created closed: status
   ``niet_opgepakt``, resultaat "Niet opgepakt: herhaalde melding". A repeat with a higher
   amount is matched again like a new signal (it can start a new, consecutive case).
6. **Crisis**: ``crisissignaal`` → the case is a crisis case with a deadline of 3 working days
   (Wgs art. 4 lid 2; ``signalering.werkdagen``: weekends and the algemeen erkende feestdagen of
   the Algemene termijnenwet art. 3) after the day the signal was **received** (``ontvangen``,
   local date): the Wgs term runs from when the college has the signal (art. 4 lid 1 onder b,
   "het college een signaal ... heeft ontvangen"), not from the partner's signaaldatum.
   **Eindelevering** (energy end of supply, Stcrt. 2023, 10020): not automatically a
   bedreigende situatie; an eindelevering without an earlier signal counts as a regular signal
   (domain notes, vroegsignalering.md). When the household does have an earlier signal (in the
   same case or a case in the look-back), the eindelevering is the announced end of supply
   ("beëindiging van de levering van gas, elektriciteit", Wgs art. 4 lid 2) and the case becomes
   a crisis case.

Deadlines of new cases follow ``zaken.termijnen`` (crisis: first contact; otherwise the norm for
an offer of help); an existing case only gets new deadlines when a signal makes it a crisis case.

Performance: set-based per chunk (default 5,000 signals): one query for the signals, one BRP
call/query, one audit event, one or two for postcode → wijk, one for the existing cases of all
keys in the chunk, new cases in multi-row INSERTs (SQLite) or one COPY with ids from the sequence
(PostgreSQL), changed cases and signals per set of changed columns (only changed columns are
written) one ``executemany`` (SQLite) or one ``UPDATE ... FROM unnest(arrays)`` (PostgreSQL). No
per-row queries; at most 14 statements for a chunk of 1,000 (tested).
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date, timedelta
from datetime import datetime as dt_datetime
from datetime import time as dt_time
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.signalering import brp as brp_module
from vroeghulp.signalering import ids as ids_vooraf
from vroeghulp.signalering import pgarray
from vroeghulp.signalering.models import Signaalstatus, Vroegsignaal
from vroeghulp.signalering.werkdagen import crisis_deadline
from vroeghulp.zaken.models import Eindresultaat, Matchsoort, Vroegsignaalzaak, Zaakstatus

CHUNK = 5000
BRP_DOEL = "Vroegsignalering: BRP-controle bij matching (Wgs art. 8b)"
OPEN = {Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD, Zaakstatus.HULP_AANGEBODEN}
GEEN_ZAAK = {Signaalstatus.GEEN_INWONER, Signaalstatus.OVERLEDEN}
_PC = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
_NR = re.compile(r"^0*([0-9]{1,5})(.*)$")
_NIET_ALFANUM = re.compile(r"[^0-9A-Z]")


def _instelling(naam: str, standaard: str) -> str:
    waarde = getattr(settings, naam, None)
    if waarde in (None, ""):
        waarde = os.environ.get(naam, standaard)
    return str(waarde)


def _rauw(model, velden, where: str, params) -> list[tuple]:
    """SELECT of plain columns without the ORM's per-value machinery (hot path of matching)."""
    ops = connection.ops
    meta = model._meta
    kolommen = ", ".join(ops.quote_name(meta.get_field(v).column) for v in velden)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {kolommen} FROM {ops.quote_name(meta.db_table)} WHERE {where}", params)
        return cursor.fetchall()


def _kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)


def _in(aantal: int) -> str:
    return "(" + ", ".join(["%s"] * aantal) + ")"


def _als_datum(waarde):
    if waarde is None or isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


_CENT = Decimal("0.01")


def _als_bedrag(waarde):
    if waarde is None or isinstance(waarde, Decimal):
        return waarde
    return Decimal(str(waarde)).quantize(_CENT)


def terugkijken_maanden() -> int:
    return int(_instelling("VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN", "6"))


# --- household key ---------------------------------------------------------------------------

def normaliseer_postcode(postcode: str) -> str:
    return "".join(str(postcode or "").split()).upper()


@lru_cache(maxsize=65536)
def _adres(postcode: str, huisnummer, huisletter: str, toevoeging: str) -> tuple[str | None, str]:
    """(key, normalised postcode) of an address; cached: a chunk holds many signals per address."""
    if _al_schoon(postcode, huisnummer, huisletter, toevoeging):
        return f"A:{postcode}{huisnummer}", postcode
    sleutel = adres_sleutel(postcode, huisnummer, huisletter, toevoeging)
    return sleutel, (normaliseer_postcode(postcode) if sleutel else "")


def _al_schoon(postcode, huisnummer, huisletter, toevoeging) -> bool:
    """True for an address as the intake stores most of them (``3563AB``, ``12``, no letter or
    addition): its key is then ``A:`` + postcode + number, without the regular expressions below
    (a million signals a file; ``test_matching_eigenschappen`` checks both give the same key)."""
    return (
        not huisletter and not toevoeging and type(postcode) is str and type(huisnummer) is str
        and len(postcode) == 6 and postcode.isascii() and postcode[0] != "0" and postcode[:4].isdigit()
        and postcode[4:].isalpha() and postcode[4:].isupper()
        and 0 < len(huisnummer) <= 5 and huisnummer.isascii() and huisnummer.isdigit() and huisnummer[0] != "0"
    )


def adres_sleutel(postcode: str, huisnummer, huisletter: str = "", toevoeging: str = "") -> str | None:
    """``A:3563AB12-BIS`` (``A:3563AB12`` without addition) or None when postcode or house number
    is not usable. The same format as the intake's first key, so most signals keep their key."""
    if _al_schoon(postcode, huisnummer, huisletter, toevoeging):
        return f"A:{postcode}{huisnummer}"
    return _adres_sleutel_algemeen(postcode, huisnummer, huisletter, toevoeging)


def _adres_sleutel_algemeen(postcode, huisnummer, huisletter="", toevoeging="") -> str | None:
    pc = normaliseer_postcode(postcode)
    m = _NR.match(str(huisnummer or "").strip().upper())
    if not _PC.match(pc) or not m:
        return None
    rest = _NIET_ALFANUM.sub("", f"{m.group(2)}{huisletter or ''}{toevoeging or ''}".upper())
    return (f"A:{pc}{m.group(1)}-{rest}" if rest else f"A:{pc}{m.group(1)}")[:40]


@lru_cache(maxsize=4)
def _zout(geheim: str) -> bytes:
    return hashlib.sha256(("vroeghulp-huishoudsleutel:" + geheim).encode()).digest()


def bsn_sleutel(bsn: str) -> str:
    """A pseudonym of the BSN (as the intake makes it): never the BSN itself in a key."""
    return "B:" + hashlib.sha256(_zout(settings.SECRET_KEY) + bsn.encode()).hexdigest()[:32]


def huishoudsleutel(*, bsn: str = "", postcode: str = "", huisnummer="", toevoeging: str = "",
                    huisletter: str = "") -> str:
    """The household key of a signal as the intake knows it (before the BRP check)."""
    return adres_sleutel(postcode, huisnummer, huisletter, toevoeging) or (
        bsn_sleutel(bsn) if bsn else "?"
    )


# --- periods ---------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _maanden_terug(dag: date, maanden: int) -> date:
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    maand += 1
    laatste = (date(jaar + (maand == 12), maand % 12 + 1, 1) - timedelta(days=1)).day
    return date(jaar, maand, min(dag.day, laatste))


def matchingperiode(dag: date) -> tuple[date, date]:
    """Start and end (inclusive) of the matching period that contains ``dag``."""
    return _periode(dag, _instelling("VROEGHULP_MATCHINGPERIODE", "maand"))


@lru_cache(maxsize=4096)
def _periode(dag: date, soort: str) -> tuple[date, date]:
    if soort == "week":
        start = dag - timedelta(days=dag.weekday())
        return start, start + timedelta(days=6)
    start = dag.replace(day=1)
    volgende = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, volgende - timedelta(days=1)


# --- wijk ------------------------------------------------------------------------------------

def wijken_voor_postcodes(postcodes) -> dict[str, int]:
    """Postcode → wijk id: the gebieden Postcode table, then the addresses of the personen app."""
    from vroeghulp.gebieden.models import Buurt, Postcode  # noqa: PLC0415
    from vroeghulp.personen.models import Adres  # noqa: PLC0415

    postcodes = sorted({p for p in postcodes if p})
    if not postcodes:
        return {}
    ops = connection.ops
    buurt = ops.quote_name(Buurt._meta.db_table)
    buurt_pk, buurt_wijk = _kolom(Buurt, "id"), _kolom(Buurt, "wijk")
    gevonden: dict[str, int] = {}
    with connection.cursor() as cursor:
        for model in (Postcode, Adres):
            rest = [p for p in postcodes if p not in gevonden]
            if not rest:
                break
            tabel = ops.quote_name(model._meta.db_table)
            if connection.vendor == "postgresql":  # one array parameter (see pgarray)
                waar, params = "= ANY(%s::text[])", [pgarray.tekst(rest)]
            else:
                waar, params = f"IN {_in(len(rest))}", rest
            cursor.execute(
                f"SELECT DISTINCT t.{_kolom(model, 'postcode')}, b.{buurt_wijk} FROM {tabel} t "
                f"JOIN {buurt} b ON b.{buurt_pk} = t.{_kolom(model, 'buurt')} "
                f"WHERE t.{_kolom(model, 'postcode')} {waar}", params)
            for pc, wijk in cursor.fetchall():
                gevonden.setdefault(pc, wijk)
    return gevonden


# --- cases -----------------------------------------------------------------------------------

_ZAAKVELDEN = None


def _zaakvelden() -> set[str]:
    global _ZAAKVELDEN
    if _ZAAKVELDEN is None:
        _ZAAKVELDEN = {f.name for f in Vroegsignaalzaak._meta.concrete_fields}
    return _ZAAKVELDEN


def _deadlines(zaak: dict) -> dict:
    """The deadline fields of a new case, by the one rule in ``zaken.termijnen`` (no query per case;
    ``zaak["contact"]`` is the crisis deadline from the receipt day of the earliest crisis signal)."""
    from vroeghulp.zaken import termijnen  # noqa: PLC0415  (zaken builds on signalering)

    return termijnen.termijnvelden(
        status=zaak["status"],
        contact_uiterlijk=zaak["contact"] if zaak["crisis"] else None,
        matchingsdatum=zaak["matchingsdatum"],
        heeft_contactpoging=zaak.get("heeft_contactpoging", False),
        hulpaanbod_uiterlijk=zaak.get("hulpaanbod_uiterlijk"),
    )


def maak_zaken(nieuw: list[dict], *, vandaag: date | None = None) -> list[int]:
    """Create the cases (multi-row INSERT ... RETURNING) from matching's case dicts.

    Sets ``dict["id"]`` and returns the ids. Uses only fields of ``zaken.Vroegsignaalzaak``;
    the zaken app builds the workflow on top. Raw SQL because Django's ``bulk_create`` on SQLite
    splits into batches of 999 parameters (about 45 cases a statement) and adapts every value
    through the field machinery: ten times slower inside the intake benchmark.
    """
    if not nieuw:
        return []
    ops = connection.ops
    nu = timezone.now()
    if vandaag and vandaag != timezone.localdate(nu):  # a replayed run (demo): its own moment
        nu = timezone.make_aware(dt_datetime.combine(vandaag, dt_time(6, 0)))
    vandaag = vandaag or timezone.localdate(nu)
    nu = ops.adapt_datetimefield_value(nu)
    velden = _zaakvelden()
    datum = ops.adapt_datefield_value
    rijen = []
    kolommen = None
    termijnen_cache: dict[tuple, list] = {}  # new cases of one run share a few deadline sets
    for z in nieuw:
        waarden = {
            "huishoudsleutel": z["sleutel"], "inwoner": z["inwoner_id"], "wijk": z["wijk_id"],
            "status": z["status"], "matchsoort": z["matchsoort"],
            "matchingsdatum": datum(z["matchingsdatum"]),
            "startdatum_matchingperiode": datum(z["start"]),
            "einddatum_matchingperiode": datum(z["eind"]),
            "resultaat": z["resultaat"], "crisis": bool(z["crisis"]),
            "warme_overdracht": bool(z["warme_overdracht"]),
            "totaal_bedrag": ops.adapt_decimalfield_value(z["totaal"], 12, 2),
            "aangemaakt": nu, "gewijzigd": nu,
        }
        sleutel = (z["status"], z["crisis"] and z["contact"], z["matchingsdatum"],
                   z.get("heeft_contactpoging", False), z.get("hulpaanbod_uiterlijk"))
        termijnen = termijnen_cache.get(sleutel)
        if termijnen is None:
            termijnen = termijnen_cache[sleutel] = [
                (naam, waarde if naam == "deadline_soort" else datum(waarde))
                for naam, waarde in _deadlines(z).items()
            ]
        waarden.update(termijnen)
        if "datum_afgerond" in velden:
            waarden["datum_afgerond"] = (
                datum(vandaag) if z["status"] == Zaakstatus.NIET_OPGEPAKT else None
            )
        if kolommen is None:
            kolommen = list(waarden)
        rijen.append([waarden[k] for k in kolommen])
    meta = Vroegsignaalzaak._meta
    # every other field the zaken app has (or adds later) gets its model default, as in bulk_create
    for f in meta.concrete_fields:
        if f.name not in kolommen and not f.primary_key and not getattr(f, "generated", False):
            kolommen.append(f.name)
            standaard = f.get_db_prep_save(f.get_default(), connection)
            for rij in rijen:
                rij.append(standaard)
    kolomnamen = [ops.quote_name(meta.get_field(k).column) for k in kolommen]
    namen = ", ".join(kolomnamen)
    pk = ops.quote_name(meta.pk.column)
    tabel = ops.quote_name(meta.db_table)
    per_statement = max(1, 900 // len(kolommen) * 10)  # well below SQLite's 32766 parameters
    ids: list[int] = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ids first, then COPY: a multi-row INSERT with tens of thousands of placeholders cost
            # psycopg seconds of query parsing per 200,000 cases
            ids = ids_vooraf.volgende(cursor, meta.db_table, len(rijen))
            pgarray.kopieer(cursor, tabel, [pk, *kolomnamen],
                            ((pk_waarde, *rij) for pk_waarde, rij in zip(ids, rijen)))
            rijen = []
        elif connection.in_atomic_block:
            # ids first, then one executemany: no statement of thousands of placeholders to parse
            ids = ids_vooraf.volgende(cursor, meta.db_table, len(rijen))
            cursor.executemany(
                f"INSERT INTO {tabel} ({pk}, {namen}) VALUES ({', '.join(['%s'] * (len(kolommen) + 1))})",
                [(pk_waarde, *rij) for pk_waarde, rij in zip(ids, rijen)],
            )
            rijen = []
        for i in range(0, len(rijen), per_statement):
            deel = rijen[i:i + per_statement]
            plek = "(" + ", ".join(["%s"] * len(kolommen)) + ")"
            cursor.execute(
                f"INSERT INTO {tabel} ({namen}) VALUES {', '.join([plek] * len(deel))} RETURNING {pk}",
                [w for rij in deel for w in rij],
            )
            ids.extend(r[0] for r in cursor.fetchall())
    for z, pk_waarde in zip(nieuw, ids, strict=True):
        z["id"] = pk_waarde
    return ids


def _met_contactpoging(zaak_ids) -> set[int]:
    try:
        from vroeghulp.zaken.models import Contactpoging  # noqa: PLC0415
    except ImportError:
        return set(zaak_ids)
    return set(Contactpoging.objects.filter(zaak_id__in=zaak_ids).values_list("zaak_id", flat=True))


def _werk_bij(velden: list[str], rijen: list[tuple]) -> None:
    """UPDATE cases by id with one executemany: ``rijen`` are (values of ``velden``..., id).
    Django's ``bulk_update`` builds a CASE WHEN expression per row and field; on a large delivery
    that cost 95% of matching (47 s of 49 s for 50,000 signals)."""
    if not rijen:
        return
    tabel = connection.ops.quote_name(Vroegsignaalzaak._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # one statement: an executemany is a round trip per case (3 s per 40,000 cases)
            meta = Vroegsignaalzaak._meta
            zet = ", ".join(
                f"{_kolom(Vroegsignaalzaak, v)} = v.k{j}::{meta.get_field(v).db_type(connection)}"
                for j, v in enumerate(velden))
            alias = ", ".join(f"k{j}" for j in range(len(velden)))
            cursor.execute(
                f"UPDATE {tabel} SET {zet} FROM unnest({', '.join(['%s::text[]'] * (len(velden) + 1))}) "
                # the id list keeps the planner on the primary key (its row estimate of a table that
                # just grew by a bulk intake is stale: it chose a hash join over every case)
                f"AS v({alias}, pk) WHERE {tabel}.id = v.pk::bigint AND {tabel}.id = ANY(%s::bigint[])",
                [*(pgarray.tekst(kolom) for kolom in zip(*rijen)), pgarray.getal(r[-1] for r in rijen)],
            )
            return
        toewijzing = ", ".join(f"{_kolom(Vroegsignaalzaak, v)} = %s" for v in velden)
        cursor.executemany(f"UPDATE {tabel} SET {toewijzing} WHERE id = %s", rijen)


_ZAAK_BIJWERKEN = ("matchsoort", "totaal_bedrag", "crisis", "warme_overdracht", "wijk", "inwoner")
# what matching changes in an existing case dict (``_bestaande_zaken``), carried between blocks
_UITGESTELD = ("matchsoort", "totaal", "crisis", "warme_overdracht", "wijk_id", "inwoner_id", "contact")


def _zaakwaarden(z: dict) -> tuple:
    """The values of ``_ZAAK_BIJWERKEN`` of a case dict."""
    return (str(z["matchsoort"]), z["totaal"], bool(z["crisis"]), bool(z["warme_overdracht"]), z["wijk_id"],
            z["inwoner_id"])


def _werk_zaken_bij(gewijzigd: list[dict]) -> None:
    """Existing cases that got signals: amounts, kind, flags. Deadlines only change when the case
    became a crisis case now; otherwise they belong to the zaken workflow.

    Only the columns that changed are written (grouped by their set, one ``executemany`` each):
    the database maintains the index of every column in the SET list, and the case table has
    several (worklist sorting, wijk)."""
    if not gewijzigd:
        return
    ops = connection.ops
    nu = ops.adapt_datetimefield_value(timezone.now())
    groepen: dict[tuple, list] = {}
    for z in gewijzigd:
        nieuw = _zaakwaarden(z)
        masker = tuple(a != b for a, b in zip(nieuw, z["oud"]))
        if True in masker:
            groepen.setdefault(masker, []).append((nieuw, z["id"]))
    for masker, zaken in groepen.items():
        posities = [i for i, anders in enumerate(masker) if anders]
        rijen = []
        for nieuw, pk in zaken:
            waarden = [nieuw[i] for i in posities]
            if 1 in posities:
                waarden[posities.index(1)] = ops.adapt_decimalfield_value(nieuw[1], 12, 2)
            rijen.append((*waarden, nu, pk))
        _werk_bij([_ZAAK_BIJWERKEN[i] for i in posities] + ["gewijzigd"], rijen)
    crisis = [z for z in gewijzigd if z["crisis"] and not z.get("was_crisis")]
    if not crisis:
        return
    contact = _met_contactpoging([z["id"] for z in crisis])
    velden = ["contact_uiterlijk", "hulpaanbod_uiterlijk", "deadline", "deadline_soort"]
    rijen = []
    for z in crisis:
        z["heeft_contactpoging"] = z["id"] in contact
        extra = _deadlines(z)
        rijen.append(tuple(
            str(extra[v]) if v == "deadline_soort" else ops.adapt_datefield_value(extra[v]) for v in velden
        ) + (z["id"],))
    _werk_bij(velden, rijen)


_BESTAAND = ["id", "huishoudsleutel", "status", "matchsoort", "matchingsdatum",
             "startdatum_matchingperiode", "einddatum_matchingperiode", "crisis", "warme_overdracht",
             "totaal_bedrag", "wijk_id", "inwoner_id", "deadline", "resultaat"]


def _bestaande_zaken(sleutels, vanaf: date) -> dict[str, list[dict]]:
    extra = [v for v in ("contact_uiterlijk", "hulpaanbod_uiterlijk") if v in _zaakvelden()]
    per_sleutel: dict[str, list[dict]] = {}
    if not sleutels:
        return per_sleutel
    sleutels = list(sleutels)
    if connection.vendor == "postgresql":  # one array parameter (see pgarray)
        waar, params = "= ANY(%s::text[])", [pgarray.tekst(sleutels)]
    else:
        waar, params = f"IN {_in(len(sleutels))}", sleutels
    rijen = _rauw(
        Vroegsignaalzaak, _BESTAAND + extra,
        f"{_kolom(Vroegsignaalzaak, 'huishoudsleutel')} {waar} "
        f"AND {_kolom(Vroegsignaalzaak, 'einddatum_matchingperiode')} >= %s",
        [*params, connection.ops.adapt_datefield_value(vanaf)],
    )
    for rij in rijen:
        (pk, sleutel, status, soort, mdatum, start, eind, crisis, warm, totaal, wijk, inwoner,
         deadline, resultaat) = rij[:14]
        mdatum, start, eind, deadline = map(_als_datum, (mdatum, start, eind, deadline))
        crisis, warm, totaal = bool(crisis), bool(warm), _als_bedrag(totaal)
        z = {"id": pk, "sleutel": sleutel, "status": status, "matchsoort": soort,
             "matchingsdatum": mdatum, "start": start, "eind": eind, "crisis": crisis,
             "warme_overdracht": warm, "totaal": totaal, "wijk_id": wijk, "inwoner_id": inwoner,
             "contact": deadline if crisis else None, "signalen": 1, "nieuw": False,
             "resultaat": resultaat, "heeft_contactpoging": False, "was_crisis": crisis,
             "alleen_herhaling": status == Zaakstatus.NIET_OPGEPAKT
             and resultaat == Eindresultaat.HERHAALDE_MELDING}
        z["oud"] = _zaakwaarden(z)
        for naam, waarde in zip(extra, rij[14:]):
            waarde = _als_datum(waarde)
            z[naam] = waarde
            if naam == "contact_uiterlijk":
                z["contact"] = waarde
        per_sleutel.setdefault(sleutel, []).append(z)
    return per_sleutel


# --- the matching ----------------------------------------------------------------------------

_SIGNAALVELDEN = ["id", "bsn", "postcode", "huisnummer", "huisnummertoevoeging", "signaaldatum",
                  "huishoudsleutel", "bedrag", "crisissignaal", "warme_overdracht", "eindelevering",
                  "herhaling", "vorig_bedrag", "zaak_id", "status", "wijk_id",
                  "inwoner_id", "status_datum"]


def match_signalen(signaal_ids: list[int]) -> None:
    """Match the given stored signals into vroegsignaalzaken (set-based, in chunks).

    Idempotent: a signal that already has a case is left alone unless it is a repeat
    (``herhaling``). Runs in one transaction per chunk (a savepoint inside the intake's).
    """
    match_signalen_met_telling(signaal_ids)


def match_signalen_met_telling(signaal_ids, *, op: date | None = None) -> dict:
    """``match_signalen`` that returns counts: signalen, nieuwe_zaken, bijgewerkte_zaken.

    ``op``: the matchingsdatum (default today); the demo replays a year of monthly runs.
    """
    totaal = {"signalen": 0, "nieuwe_zaken": 0, "bijgewerkte_zaken": 0}
    ids = sorted(set(signaal_ids))
    if not ids:
        return totaal
    bron = brp_module.bron()
    for i in range(0, len(ids), CHUNK):
        with transaction.atomic():
            _vergrendel()
            for sleutel, aantal in _match_chunk(ids[i:i + CHUNK], bron, op).items():
                totaal[sleutel] += aantal
    return totaal


def _vergrendel() -> None:
    """PostgreSQL: one matcher at a time (two could otherwise create two cases for one household).
    SQLite serialises writers already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x5648_4D41])  # "VHMA"


def _signaalrijen(ids: list[int]) -> list[tuple]:
    """The chunk's signals; ids from one delivery are consecutive, so a range beats IN (...)."""
    pk = _kolom(Vroegsignaal, "id")
    if ids[-1] - ids[0] < 2 * len(ids):
        gezocht = set(ids)
        return [r for r in _rauw(Vroegsignaal, _SIGNAALVELDEN, f"{pk} BETWEEN %s AND %s",
                                 [ids[0], ids[-1]]) if r[0] in gezocht]
    return _rauw(Vroegsignaal, _SIGNAALVELDEN, f"{pk} IN {_in(len(ids))}", ids)


def _match_chunk(ids: list[int], bron, op: date | None = None) -> dict:
    """Match stored signals (the command, a deferred delivery): read, classify, write back."""
    vandaag = op or timezone.localdate()
    tz = timezone.get_current_timezone()
    # dates come back as dates (Django's SQLite converters, psycopg); amounts need converting
    rijen = [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], _als_bedrag(r[7]), r[8], r[9], r[10], r[11],
         None if r[12] is None else _als_bedrag(r[12]), r[13], r[14], r[15], r[16], r[17])
        for r in _signaalrijen(ids) if r[13] is None or r[11]
    ]
    if not rijen:
        return {}
    ontvangst = {}
    spoed = [r[0] for r in rijen if r[8] or r[10]]  # crisis or eindelevering: need the receipt day
    if spoed:
        ontvangst = {pk: timezone.localdate(o, tz) for pk, o in
                     Vroegsignaal.objects.filter(pk__in=spoed).values_list("id", "ontvangen")}
    regels, oude_waarden, terugkoppelen, telling = _koppel(rijen, bron, vandaag, ontvangst)
    _schrijf_signalen(regels, oude_waarden)
    _terugkoppelen(terugkoppelen, vandaag)
    return telling


def koppel_nieuwe_signalen(rijen: list[tuple], *, vandaag: date, ontvangen_op: date, bron=None,
                           uitgesteld: dict | None = None) -> tuple[dict, list[int]]:
    """Match signals the intake is about to INSERT, so that each signal is written once (issue 4:
    matching afterwards read and rewrote every row). Same rules as ``match_signalen``: both run
    ``_koppel``.

    ``rijen``: ``_SIGNAALVELDEN`` tuples with the ids the rows will get, no case, status
    "Nog niet opgepakt"; ``vandaag`` is the matchingsdatum, ``ontvangen_op`` the local day of
    receipt (the crisis term starts then). Returns
    ``{id: (huishoudsleutel, zaak_id, wijk_id, inwoner_id, status, status_datum)}`` and the cases
    whose partner status must be passed on once the signals are stored (``terugkoppelen_na``).
    Call inside the delivery's transaction; the matching lock is then held until its commit.

    ``uitgesteld``: a dict kept by the caller for the whole delivery. Existing cases that get
    signals are then kept there and written once by ``schrijf_uitgestelde_zaken`` at the end, not
    per block (on PostgreSQL every rewrite of a case inside the one delivery transaction left a row
    version that could not be pruned before the commit: a file with hundreds of signals per
    household rewrote the same cases in every block).
    """
    _vergrendel()
    bron = bron or brp_module.bron()
    regels, _oud, terugkoppelen, _telling = _koppel(rijen, bron, vandaag, {}, ontvangen_op, uitgesteld)
    return {r[6]: r[:6] for r in regels}, terugkoppelen


def schrijf_uitgestelde_zaken(uitgesteld: dict) -> None:
    """Write the existing cases ``koppel_nieuwe_signalen`` kept in ``uitgesteld`` (before the
    signals' partner status is passed on)."""
    _werk_zaken_bij(list(uitgesteld.values()))
    uitgesteld.clear()


def terugkoppelen_na(zaak_ids: list[int], vandaag: date) -> None:
    """After ``koppel_nieuwe_signalen`` and the INSERT: new signals in cases the workflow moved."""
    _terugkoppelen(zaak_ids, vandaag)


def _koppel(rijen: list[tuple], bron, vandaag: date, ontvangst: dict, ontvangen_op: date | None = None,
            uitgesteld: dict | None = None) -> tuple:
    """The matching rules for one chunk of signals (``_SIGNAALVELDEN`` tuples, amounts as
    Decimal): BRP check, keys, classification; creates and updates the cases. Returns the signal
    values to write (``regels``: key, case id, wijk, inwoner, status, status_datum, id), the old
    values per id, the case ids to pass on to ``terugkoppeling`` after writing, and counts."""
    bsns = {r[1] for r in rijen if r[1]}
    personen = {}
    if bsns and getattr(bron, "controleert", True):
        personen = bron.zoek_personen(bsns)
        audit.log(actor=None, actie=Actie.LEZEN, object_type="personen.BRP", doel=BRP_DOEL,
                  toelichting=f"BRP-bron {bron.naam}; {len(personen)} gevonden", aantal=len(bsns))

    # 1. key, wijk, inwoner and BRP status per signal
    werk = []  # one list per signal, unpacked in step 3
    postcodes = set()
    for (pk, bsn, pc, nr, toev, sdatum, oude_sleutel, bedrag, crisis, warm, eind, herhaling, vorig,
         zaak_id, status, wijk_id, inwoner_id, oude_status_datum) in rijen:
        oud = (oude_sleutel, zaak_id, wijk_id, inwoner_id, status, _als_datum(oude_status_datum))
        nieuwe_status = status
        persoon = personen.get(bsn) if bsn else None
        sleutel = None
        postcode = ""
        if persoon is not None:
            inwoner_id = persoon.inwoner_id or inwoner_id
            sleutel, postcode = _adres(persoon.postcode, persoon.huisnummer, persoon.huisletter,
                                       persoon.toevoeging)
            if persoon.wijk_id:
                wijk_id = persoon.wijk_id
            if persoon.overleden:
                nieuwe_status = Signaalstatus.OVERLEDEN
            elif status in GEEN_ZAAK:  # checked again (command --opnieuw-brp): now a resident
                nieuwe_status = Signaalstatus.NOG_NIET_OPGEPAKT
        elif bsn and getattr(bron, "controleert", False):
            nieuwe_status = Signaalstatus.GEEN_INWONER
        if sleutel is None:
            sleutel, postcode = _adres(pc, nr, "", toev)
        if sleutel is None:
            sleutel = bsn_sleutel(bsn) if bsn else f"S:{pk}"
        if not wijk_id and postcode:
            postcodes.add(postcode)
        herhaald = bool(herhaling) and (vorig is None or bedrag <= vorig)
        if herhaald and nieuwe_status not in GEEN_ZAAK:
            nieuwe_status = Signaalstatus.HERHAALDE_MELDING
        ontv_dag = ontvangst.get(pk, ontvangen_op or vandaag) if (crisis or eind) else None
        werk.append([pk, sleutel, wijk_id, inwoner_id, nieuwe_status, sdatum, ontv_dag, bedrag,
                     crisis, warm, eind, herhaald, zaak_id, vorig, postcode, oud])
    if postcodes:
        wijken = wijken_voor_postcodes(postcodes)
        for w in werk:
            if not w[2] and w[14]:
                w[2] = wijken.get(w[14])

    # 2. existing cases of these households (one query)
    terug = terugkijken_maanden()
    vroegste = min(w[5] for w in werk)
    zaken = _bestaande_zaken({w[1] for w in werk if w[4] not in GEEN_ZAAK},
                             _maanden_terug(vroegste, terug) - timedelta(days=1))
    if uitgesteld:
        # the database still holds these cases as they were; continue from the values kept
        for lijst in zaken.values():
            for z in lijst:
                eerder = uitgesteld.get(z["id"])
                if eerder is not None:
                    z.update({k: eerder[k] for k in _UITGESTELD})

    # 3. classify, in order of signaaldatum per household
    werk.sort(key=lambda w: (w[1], w[5], w[0]))
    periodesoort = _instelling("VROEGHULP_MATCHINGPERIODE", "maand")
    nieuw: list[dict] = []
    gewijzigd: dict[int, dict] = {}
    updates = []
    oude_waarden = {}
    for (pk, sleutel, wijk_id, inwoner_id, status, sdatum, ontv_dag, bedrag, crisis, warm, eind,
         herhaald, zaak_id, vorig, _pc, oud) in werk:
        status_datum = vandaag  # only written when the status changes
        oude_waarden[pk] = oud
        if status in GEEN_ZAAK:
            updates.append((sleutel, None, wijk_id, inwoner_id, status, status_datum, pk))
            continue
        if herhaald and zaak_id is not None:
            # a repeat of a signal that already has a case: only the status changes
            updates.append((sleutel, zaak_id, wijk_id, inwoner_id, status, status_datum, pk))
            continue
        start, eind_periode = _periode(sdatum, periodesoort)
        lijst = zaken.setdefault(sleutel, [])
        doel = next((z for z in lijst if z["start"] == start and z["status"] in OPEN), None)
        terug_vanaf = _maanden_terug(sdatum, terug)
        # an earlier case of the household: before this period, or a closed one in this period
        eerder = any(z["start"] <= start and z["eind"] >= terug_vanaf and z is not doel
                     for z in lijst)
        if doel is None:
            # repeats join the closed repeat-only case of the period; any signal joins a case
            # created in this same run (no workflow has touched it yet)
            doel = next((z for z in lijst if z["start"] == start and (
                (herhaald and z.get("alleen_herhaling")) or z["nieuw"])), None)
        if doel is None:
            doel = {
                "id": None, "sleutel": sleutel, "nieuw": True, "start": start, "eind": eind_periode,
                "matchingsdatum": vandaag, "signalen": 0, "totaal": Decimal("0"),
                "matchsoort": Matchsoort.OPEENVOLGEND if eerder else Matchsoort.ENKELVOUDIG,
                "status": Zaakstatus.NIET_OPGEPAKT if herhaald else Zaakstatus.NIEUW,
                "resultaat": Eindresultaat.HERHAALDE_MELDING if herhaald else "",
                "alleen_herhaling": herhaald, "crisis": False, "contact": None,
                "warme_overdracht": False, "wijk_id": wijk_id, "inwoner_id": inwoner_id,
            }
            lijst.append(doel)
            nieuw.append(doel)
        else:
            zelfde = zaak_id is not None and zaak_id == doel["id"]  # a repeat in its own case
            if doel["signalen"] and not zelfde and doel["matchsoort"] == Matchsoort.ENKELVOUDIG:
                doel["matchsoort"] = Matchsoort.MEERVOUDIG
            if doel.get("alleen_herhaling") and not herhaald and doel["nieuw"]:
                # a real signal joins a case (created in this run) that only had repeats
                doel.update(alleen_herhaling=False, status=Zaakstatus.NIEUW, resultaat="")
            if not doel["nieuw"]:
                gewijzigd[doel["id"]] = doel
        heeft_eerder = eerder or doel["signalen"] > 0
        doel["signalen"] += 1
        if zaak_id is not None and zaak_id == doel["id"] and vorig is not None:
            doel["totaal"] += bedrag - vorig  # the same signal, its amount grew
        else:
            doel["totaal"] += bedrag
        doel["warme_overdracht"] = doel["warme_overdracht"] or warm
        doel["wijk_id"] = doel["wijk_id"] or wijk_id
        doel["inwoner_id"] = doel["inwoner_id"] or inwoner_id
        if not herhaald and (crisis or (eind and heeft_eerder)):
            deadline = crisis_deadline(ontv_dag)
            doel["crisis"] = True
            doel["contact"] = min(doel["contact"], deadline) if doel["contact"] else deadline
        updates.append((sleutel, doel, wijk_id, inwoner_id, status, status_datum, pk))

    # 4. write: new cases, changed cases, signals
    if nieuw:
        maak_zaken(nieuw, vandaag=vandaag)
    if uitgesteld is None:
        _werk_zaken_bij(list(gewijzigd.values()))
    else:
        uitgesteld.update(gewijzigd)
    regels = [
        (s, z["id"] if isinstance(z, dict) else z, w, i, st, d, pk)
        for s, z, w, i, st, d, pk in updates
    ]
    terugkoppelen = [z["id"] for z in gewijzigd.values() if z["status"] != Zaakstatus.NIEUW]
    telling = {"signalen": len(regels), "nieuwe_zaken": len(nieuw), "bijgewerkte_zaken": len(gewijzigd)}
    return regels, oude_waarden, terugkoppelen, telling


def _terugkoppelen(zaak_ids: list[int], vandaag: date) -> None:
    """A new signal in a case the workflow already moved gets that case's partner status now
    (CONTRACTS section 3: kept current as cases move), not "Nog niet opgepakt"."""
    if zaak_ids:
        from vroeghulp.zaken import terugkoppeling  # noqa: PLC0415  (zaken builds on signalering)

        terugkoppeling.bijwerken_zaken(zaak_ids, vandaag, alleen_nieuwe_signalen=True)


_KOLOMMEN = ("huishoudsleutel", "zaak", "wijk", "inwoner", "status")
_PG_TYPE = {"huishoudsleutel": "text", "zaak": "bigint", "wijk": "bigint", "inwoner": "bigint",
            "status": "text", "status_datum": "date"}


def _schrijf_signalen(regels: list[tuple], oude_waarden: dict[int, tuple]) -> None:
    """Write only what changed: SQLite and PostgreSQL maintain the index of every column in the
    SET list, so rows are grouped by their set of changed columns, one ``executemany`` each
    (usually one or two), in rowid order."""
    if not regels:
        return
    meta = Vroegsignaal._meta
    kolom = {f.name: connection.ops.quote_name(f.column) for f in meta.concrete_fields}
    tabel = connection.ops.quote_name(meta.db_table)
    groepen: dict[tuple, list] = {}
    for regel in sorted(regels, key=itemgetter(6)):
        oud = oude_waarden[regel[6]]
        # which of the five columns changed, as a tuple of booleans (no per-row generator)
        masker = (regel[0] != oud[0], regel[1] != oud[1], regel[2] != oud[2], regel[3] != oud[3],
                  regel[4] != oud[4])
        if True in masker:
            # status_datum only when it really changes: the intake already set today's date, and
            # SQLite maintains the (partner, status_datum) index for every column in the SET list
            masker += (masker[4] and regel[5] != oud[5],)
            groepen.setdefault(masker, []).append(regel)
    with connection.cursor() as cursor:
        for masker, regels_groep in groepen.items():
            # the changed columns, status_datum with the status, and the pk last
            posities = [i for i in range(5) if masker[i]] + ([5] if masker[5] else []) + [6]
            rijen = list(map(itemgetter(*posities), regels_groep))
            namen = [_KOLOMMEN[i] for i in posities[:-1] if i < 5] + (["status_datum"] if masker[5] else [])
            if connection.vendor == "postgresql":
                # one statement per group: an executemany of single-row UPDATEs costs a round
                # trip and a plan per row (measured: 30 s of the 45 s for 200,000 signals)
                typen = [_PG_TYPE[n] for n in namen]
                zet = ", ".join(f"{kolom[n]} = v.k{j}" for j, n in enumerate(namen))
                alias = ", ".join(f"k{j}" for j in range(len(namen)))
                arrays = ", ".join(f"%s::{t}[]" for t in [*typen, "bigint"])
                # the id range keeps the planner from a hash join over the whole table (right
                # after a bulk intake its row estimate is stale): an index range scan instead
                cursor.execute(
                    f"UPDATE {tabel} SET {zet} FROM unnest({arrays}) AS v({alias}, pk) "
                    f"WHERE {tabel}.{kolom['id']} = v.pk AND {tabel}.{kolom['id']} BETWEEN %s AND %s",
                    [*(pgarray.PER_TYPE[t](kolom_waarden)
                       for t, kolom_waarden in zip([*typen, "bigint"], zip(*rijen), strict=True)),
                     rijen[0][-1], rijen[-1][-1]],
                )
            else:
                zet = ", ".join(f"{kolom[n]} = %s" for n in namen)
                cursor.executemany(f"UPDATE {tabel} SET {zet} WHERE {kolom['id']} = %s", rijen)


def niet_gematchte_ids(limiet: int | None = None, *, opnieuw_brp: bool = False) -> list[int]:
    """Signals without a case that can still get one (for the command). ``opnieuw_brp``: also
    the signals the BRP did not know (or knew as deceased) within the look-back period, e.g.
    after a BRP outage or a late registration."""
    qs = Vroegsignaal.objects.filter(zaak__isnull=True)
    if opnieuw_brp:
        vanaf = _maanden_terug(timezone.localdate(), terugkijken_maanden())
        qs = qs.exclude(status__in=GEEN_ZAAK, signaaldatum__lt=vanaf)
    else:
        qs = qs.exclude(status__in=GEEN_ZAAK)
    ids = qs.order_by("id").values_list("id", flat=True)
    return list(ids[:limiet] if limiet else ids)
