"""The matching rules for one chunk of signals (docs/matching.md has them in full): BRP check,
household key, wijk, classification (enkelvoudig, meervoudig, opeenvolgend), repeats, crisis.

``koppel`` is the one implementation: both entry points (``ingangen``) call it, for stored
signals and for signals the intake is about to insert.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.signalering.huishoudsleutel import adres as _adres
from vroeghulp.signalering.huishoudsleutel import bsn_sleutel
from vroeghulp.signalering.models import Signaalstatus
from vroeghulp.signalering.services import GEEN_ZAAK
from vroeghulp.signalering.werkdagen import crisis_deadline
from vroeghulp.zaken.matching import zaakopslag
from vroeghulp.zaken.matching.instellingen import periodesoort, terugkijken_maanden
from vroeghulp.zaken.matching.periodes import maanden_terug as _maanden_terug
from vroeghulp.zaken.matching.periodes import periode as _periode
from vroeghulp.zaken.matching.sql import als_datum as _als_datum
from vroeghulp.zaken.matching.wijken import wijken_voor_postcodes
from vroeghulp.zaken.models import Eindresultaat, Matchsoort, Zaakstatus

BRP_DOEL = "Vroegsignalering: BRP-controle bij matching (Wgs art. 8b)"
OPEN = {Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD, Zaakstatus.HULP_AANGEBODEN}


def koppel(rijen: list[tuple], bron, vandaag: date, ontvangst: dict, ontvangen_op: date | None = None,
            uitgesteld: dict | None = None) -> tuple:
    """The matching rules for one chunk of signals (``signalering.services.MATCHVELDEN`` tuples,
    amounts as Decimal): BRP check, keys, classification; creates and updates the cases. Returns the signal
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
    zaken = zaakopslag.bestaande_zaken({w[1] for w in werk if w[4] not in GEEN_ZAAK},
                                       _maanden_terug(vroegste, terug) - timedelta(days=1))
    if uitgesteld:
        # the database still holds these cases as they were; continue from the values kept
        for lijst in zaken.values():
            for z in lijst:
                eerder = uitgesteld.get(z["id"])
                if eerder is not None:
                    z.update({k: eerder[k] for k in zaakopslag.UITGESTELD})

    # 3. classify, in order of signaaldatum per household
    werk.sort(key=lambda w: (w[1], w[5], w[0]))
    soort = periodesoort()
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
        start, eind_periode = _periode(sdatum, soort)
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
        zaakopslag.maak_zaken(nieuw, vandaag=vandaag)
    if uitgesteld is None:
        zaakopslag.werk_zaken_bij(list(gewijzigd.values()))
    else:
        uitgesteld.update(gewijzigd)
    regels = [
        (s, z["id"] if isinstance(z, dict) else z, w, i, st, d, pk)
        for s, z, w, i, st, d, pk in updates
    ]
    terugkoppelen = [z["id"] for z in gewijzigd.values() if z["status"] != Zaakstatus.NIEUW]
    telling = {"signalen": len(regels), "nieuwe_zaken": len(nieuw), "bijgewerkte_zaken": len(gewijzigd)}
    return regels, oude_waarden, terugkoppelen, telling
