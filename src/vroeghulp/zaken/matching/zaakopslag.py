"""Case persistence of matching: read the households' existing cases, create new cases, write
what matching changed in existing ones (raw SQL, set-based; the zaken app owns this table).

Cases travel through the matching rules (``regels``) as plain dicts: ``sleutel``, ``start``,
``eind``, ``status``, ``matchsoort``, ``totaal``, ``crisis``, ``contact`` (crisis deadline),
``wijk_id``, ``inwoner_id``, ``nieuw`` (created in this run) and for existing cases ``oud``
(the values of ``ZAAK_BIJWERKEN`` as read, so only changed columns are written).
"""

from __future__ import annotations

from datetime import date
from datetime import datetime as dt_datetime
from datetime import time as dt_time

from django.db import connection
from django.utils import timezone

from vroeghulp.common import pgarray
from vroeghulp.common.sql import als_bedrag, als_datum, in_lijst, kolom, postgresql
from vroeghulp.signalering import ids as ids_vooraf
from vroeghulp.zaken import termijnen
from vroeghulp.zaken.models import Contactpoging, Eindresultaat, Vroegsignaalzaak, Zaakstatus

_ZAAKVELDEN = None


def _zaakvelden() -> set[str]:
    global _ZAAKVELDEN
    if _ZAAKVELDEN is None:
        _ZAAKVELDEN = {f.name for f in Vroegsignaalzaak._meta.concrete_fields}
    return _ZAAKVELDEN


def _deadlines(zaak: dict) -> dict:
    """The deadline fields of a new case, by the one rule in ``zaken.termijnen`` (no query per case;
    ``zaak["contact"]`` is the crisis deadline from the receipt day of the earliest crisis signal)."""
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
        if postgresql():
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
    return set(Contactpoging.objects.filter(zaak_id__in=zaak_ids).values_list("zaak_id", flat=True))


def _werk_bij(velden: list[str], rijen: list[tuple]) -> None:
    """UPDATE cases by id with one executemany: ``rijen`` are (values of ``velden``..., id).
    Django's ``bulk_update`` builds a CASE WHEN expression per row and field; on a large delivery
    that cost 95% of matching (47 s of 49 s for 50,000 signals)."""
    if not rijen:
        return
    tabel = connection.ops.quote_name(Vroegsignaalzaak._meta.db_table)
    with connection.cursor() as cursor:
        if postgresql():
            # one statement (PostgreSQL's UPDATE ... FROM unnest): an executemany is a round trip per case (3 s per 40,000 cases)
            meta = Vroegsignaalzaak._meta
            zet = ", ".join(
                f"{kolom(Vroegsignaalzaak, v)} = v.k{j}::{meta.get_field(v).db_type(connection)}"
                for j, v in enumerate(velden))
            alias = ", ".join(f"k{j}" for j in range(len(velden)))
            cursor.execute(
                f"UPDATE {tabel} SET {zet} FROM unnest({', '.join(['%s::text[]'] * (len(velden) + 1))}) "
                # the id list keeps the planner on the primary key (its row estimate of a table that
                # just grew by a bulk intake is stale: it chose a hash join over every case)
                f"AS v({alias}, pk) WHERE {tabel}.id = v.pk::bigint AND {tabel}.id = ANY(%s::bigint[])",
                [*(pgarray.tekst(waarden) for waarden in zip(*rijen)), pgarray.getal(r[-1] for r in rijen)],
            )
            return
        toewijzing = ", ".join(f"{kolom(Vroegsignaalzaak, v)} = %s" for v in velden)
        cursor.executemany(f"UPDATE {tabel} SET {toewijzing} WHERE id = %s", rijen)


ZAAK_BIJWERKEN = ("matchsoort", "totaal_bedrag", "crisis", "warme_overdracht", "wijk", "inwoner")
# what matching changes in an existing case dict (``bestaande_zaken``), carried between blocks
UITGESTELD = ("matchsoort", "totaal", "crisis", "warme_overdracht", "wijk_id", "inwoner_id", "contact")


def _zaakwaarden(z: dict) -> tuple:
    """The values of ``ZAAK_BIJWERKEN`` of a case dict."""
    return (str(z["matchsoort"]), z["totaal"], bool(z["crisis"]), bool(z["warme_overdracht"]), z["wijk_id"],
            z["inwoner_id"])


def werk_zaken_bij(gewijzigd: list[dict]) -> None:
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
        _werk_bij([ZAAK_BIJWERKEN[i] for i in posities] + ["gewijzigd"], rijen)
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


BESTAAND = ["id", "huishoudsleutel", "status", "matchsoort", "matchingsdatum",
            "startdatum_matchingperiode", "einddatum_matchingperiode", "crisis", "warme_overdracht",
            "totaal_bedrag", "wijk_id", "inwoner_id", "deadline", "resultaat"]


def bestaande_zaken(sleutels, vanaf: date) -> dict[str, list[dict]]:
    """The cases of these households whose period ends on or after ``vanaf``, as dicts."""
    extra = [v for v in ("contact_uiterlijk", "hulpaanbod_uiterlijk") if v in _zaakvelden()]
    per_sleutel: dict[str, list[dict]] = {}
    if not sleutels:
        return per_sleutel
    waar, params = in_lijst(list(sleutels))
    kolommen = ", ".join(kolom(Vroegsignaalzaak, v) for v in BESTAAND + extra)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {kolommen} FROM {connection.ops.quote_name(Vroegsignaalzaak._meta.db_table)} "
            f"WHERE {kolom(Vroegsignaalzaak, 'huishoudsleutel')} {waar} "
            f"AND {kolom(Vroegsignaalzaak, 'einddatum_matchingperiode')} >= %s",
            [*params, connection.ops.adapt_datefield_value(vanaf)],
        )
        rijen = cursor.fetchall()
    namen = BESTAAND + extra
    for rij in rijen:
        g = dict(zip(namen, rij, strict=True))  # the case as read, by field
        crisis, status, resultaat = bool(g["crisis"]), g["status"], g["resultaat"]
        z = {"id": g["id"], "sleutel": g["huishoudsleutel"], "status": status, "matchsoort": g["matchsoort"],
             "matchingsdatum": als_datum(g["matchingsdatum"]), "start": als_datum(g["startdatum_matchingperiode"]),
             "eind": als_datum(g["einddatum_matchingperiode"]), "crisis": crisis,
             "warme_overdracht": bool(g["warme_overdracht"]), "totaal": als_bedrag(g["totaal_bedrag"]),
             "wijk_id": g["wijk_id"], "inwoner_id": g["inwoner_id"],
             "contact": als_datum(g["deadline"]) if crisis else None, "signalen": 1, "nieuw": False,
             "resultaat": resultaat, "heeft_contactpoging": False, "was_crisis": crisis,
             "alleen_herhaling": status == Zaakstatus.NIET_OPGEPAKT
             and resultaat == Eindresultaat.HERHAALDE_MELDING}
        z["oud"] = _zaakwaarden(z)
        for naam in extra:
            z[naam] = als_datum(g[naam])
            if naam == "contact_uiterlijk":
                z["contact"] = z[naam]
        per_sleutel.setdefault(z["sleutel"], []).append(z)
    return per_sleutel


def ververs_statistieken() -> None:
    """PostgreSQL: refresh the planner statistics of the case table (the intake asks each time a
    delivery has doubled the tables; see ``signalering.intake.opslag``)."""
    if postgresql():
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Vroegsignaalzaak._meta.db_table)}")
