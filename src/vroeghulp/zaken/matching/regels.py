"""The matching rules for one chunk of signals (docs/matching.md has them in full): BRP check,
household key, wijk, classification (enkelvoudig, meervoudig, opeenvolgend), repeats, crisis.

``koppel`` is the one implementation: both entry points (``ingangen``) call it, for stored
signals and for signals the intake is about to insert.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.signalering.huishoudsleutel import adres as _adres
from vroeghulp.signalering.huishoudsleutel import bsn_sleutel
from vroeghulp.signalering.models import Signaalstatus
from vroeghulp.signalering.services import GEEN_ZAAK, Matchrij, Matchuitkomst
from vroeghulp.signalering.werkdagen import crisis_deadline
from vroeghulp.zaken.matching import zaakopslag
from vroeghulp.zaken.matching.instellingen import periodesoort, terugkijken_maanden
from vroeghulp.zaken.matching.periodes import maanden_terug as _maanden_terug
from vroeghulp.zaken.matching.periodes import periode as _periode
from vroeghulp.zaken.matching.wijken import wijken_voor_postcodes
from vroeghulp.zaken.models import Eindresultaat, Matchsoort, Zaakstatus

BRP_DOEL = "Vroegsignalering: BRP-controle bij matching (Wgs art. 8b)"
OPEN = {Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD, Zaakstatus.HULP_AANGEBODEN}


class _Werk(NamedTuple):
    """One signal between step 1 (BRP, key) and step 3 (classification) of ``koppel``."""

    rij: Matchrij
    sleutel: str
    wijk_id: int | None  # None: from ``postcode`` through the wijken of step 1
    inwoner_id: int | None
    status: str
    ontvangst: date | None  # the day of receipt, for crisis and eindelevering
    herhaald: bool  # a repeat whose amount did not grow
    postcode: str


def koppel(rijen: list[Matchrij], bron, vandaag: date, ontvangst: dict, ontvangen_op: date | None = None,
            uitgesteld: dict | None = None) -> tuple:
    """The matching rules for one chunk of signals (amounts as Decimal): BRP check, keys,
    classification; creates and updates the cases. Returns the signal values to write
    (``Matchuitkomst`` per signal), the signals as read per id, the case ids to pass on to
    ``terugkoppeling`` after writing, and counts."""
    bsns = {r.bsn for r in rijen if r.bsn}
    personen = {}
    if bsns and getattr(bron, "controleert", True):
        personen = bron.zoek_personen(bsns)
        audit.log(actor=None, actie=Actie.LEZEN, object_type="personen.BRP", doel=BRP_DOEL,
                  toelichting=f"BRP-bron {bron.naam}; {len(personen)} gevonden", aantal=len(bsns))

    # 1. key, wijk, inwoner and BRP status per signal
    werk = []
    postcodes = set()
    for r in rijen:
        bsn, status, wijk_id, inwoner_id = r.bsn, r.status, r.wijk_id, r.inwoner_id
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
            sleutel, postcode = _adres(r.postcode, r.huisnummer, "", r.huisnummertoevoeging)
        if sleutel is None:
            sleutel = bsn_sleutel(bsn) if bsn else f"S:{r.id}"
        if not wijk_id and postcode:
            postcodes.add(postcode)
        vorig = r.vorig_bedrag
        herhaald = bool(r.herhaling) and (vorig is None or r.bedrag <= vorig)
        if herhaald and nieuwe_status not in GEEN_ZAAK:
            nieuwe_status = Signaalstatus.HERHAALDE_MELDING
        ontv_dag = ontvangst.get(r.id, ontvangen_op or vandaag) if (r.crisissignaal or r.eindelevering) else None
        # positional, in the order of _Werk above: keywords cost 2 us more per signal
        werk.append(_Werk(r, sleutel, wijk_id, inwoner_id, nieuwe_status, ontv_dag, herhaald, postcode))
    wijken = wijken_voor_postcodes(postcodes) if postcodes else {}

    # 2. existing cases of these households (one query)
    terug = terugkijken_maanden()
    vroegste = min(w.rij.signaaldatum for w in werk)
    zaken = zaakopslag.bestaande_zaken({w.sleutel for w in werk if w.status not in GEEN_ZAAK},
                                       _maanden_terug(vroegste, terug) - timedelta(days=1))
    if uitgesteld:
        # the database still holds these cases as they were; continue from the values kept
        for lijst in zaken.values():
            for z in lijst:
                eerder = uitgesteld.get(z["id"])
                if eerder is not None:
                    z.update({k: eerder[k] for k in zaakopslag.UITGESTELD})

    # 3. classify, in order of signaaldatum per household
    werk.sort(key=lambda w: (w.sleutel, w.rij.signaaldatum, w.rij.id))
    soort = periodesoort()
    nieuw: list[dict] = []
    gewijzigd: dict[int, dict] = {}
    updates = []  # (werk, wijk id, case id or case dict: its id is known after step 4)
    oude_waarden = {}
    for w in werk:
        r = w.rij
        pk, sleutel, status, herhaald, zaak_id = r.id, w.sleutel, w.status, w.herhaald, r.zaak_id
        wijk_id = w.wijk_id if w.wijk_id or not w.postcode else wijken.get(w.postcode)
        oude_waarden[pk] = r
        if status in GEEN_ZAAK:
            updates.append((w, wijk_id, None))
            continue
        if herhaald and zaak_id is not None:
            # a repeat of a signal that already has a case: only the status changes
            updates.append((w, wijk_id, zaak_id))
            continue
        sdatum, bedrag, vorig = r.signaaldatum, r.bedrag, r.vorig_bedrag
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
                "warme_overdracht": False, "wijk_id": wijk_id, "inwoner_id": w.inwoner_id,
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
        elif bedrag is not None:  # None: a self-referral without an amount adds nothing
            doel["totaal"] += bedrag
        doel["warme_overdracht"] = doel["warme_overdracht"] or r.warme_overdracht
        doel["wijk_id"] = doel["wijk_id"] or wijk_id
        doel["inwoner_id"] = doel["inwoner_id"] or w.inwoner_id
        if not herhaald and (r.crisissignaal or (r.eindelevering and heeft_eerder)):
            deadline = crisis_deadline(w.ontvangst)
            doel["crisis"] = True
            doel["contact"] = min(doel["contact"], deadline) if doel["contact"] else deadline
        updates.append((w, wijk_id, doel))

    # 4. write: new cases, changed cases, signals
    if nieuw:
        zaakopslag.maak_zaken(nieuw, vandaag=vandaag)
    if uitgesteld is None:
        zaakopslag.werk_zaken_bij(list(gewijzigd.values()))
    else:
        uitgesteld.update(gewijzigd)
    regels = [  # positional, in the order of Matchuitkomst (keywords cost 2 us more per signal)
        Matchuitkomst(w.sleutel, zaak["id"] if type(zaak) is dict else zaak, wijk_id, w.inwoner_id, w.status, vandaag,
                      w.rij.id)  # the status date is only written when the status changes
        for w, wijk_id, zaak in updates
    ]
    terugkoppelen = [z["id"] for z in gewijzigd.values() if z["status"] != Zaakstatus.NIEUW]
    telling = {"signalen": len(regels), "nieuwe_zaken": len(nieuw), "bijgewerkte_zaken": len(gewijzigd)}
    return regels, oude_waarden, terugkoppelen, telling
