"""Demo step (``vroeghulp.demo.steps.STEPS``): a year of signals with the national mix, and their cases.

Mix of partner types (Divosa, H1 2024: zorg 41%, huur 20%, energie 20%, water 18%) plus the small
rest: CAK (Zorgverzekeringen: > 6 months premium; Eigen bijdrage Wmo: >= €100 and >= 5 months),
bailiff referrals (pilot since April 2025; DDAS type "Overige"), informal partners (warm
handover by a huisarts, with the resident's consent) and a few signals of the other DDAS types
(hypotheek, DUO, Belastingdienst, Dienst Toeslagen, Overige): every partner gets at least one. Shape of the households (Divosa): about
half a single signal, about 1 in 10 several in one month, about 4 in 10 a signal in the previous
6 months. A few signals concern people who moved away (BRP: not a resident) and a few are crisis
signals (eviction, disconnection) or energy end-of-supply signals.

Volume: one signal a year per 4 households — richer than the national rate (about 4 signals per
1,000 residents a month, roughly 1 per 10 households a year) so every worklist has work.

The signals are matched month by month, as the monthly matching would have done (matchingsdatum
= the first day of the next month), through the real matching code and the local BRP.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.personen.models import Inwoner
from vroeghulp.signalering import services
from vroeghulp.signalering.models import PartnerType, Signaalpartner, Vroegsignaal

# share of signals per kind; (code of the demo partner, type, identified by BSN?, median amount €)
MIX = [
    (0.41, "zorg", PartnerType.ZORG, True, 320),
    (0.20, "huur", PartnerType.HUUR, False, 1150),
    (0.20, "energie", PartnerType.ENERGIE, False, 460),
    (0.18, "water", PartnerType.WATER, False, 120),
    (0.003, "cak-zorgverzekeringen", PartnerType.CAK_ZORGVERZEKERINGEN, True, 1100),
    (0.002, "cak-eigen-bijdrage", PartnerType.CAK_EIGEN_BIJDRAGE, True, 380),
    (0.0015, "deurwaarder", PartnerType.OVERIGE, True, 2400),
    (0.001, "huisarts-overvecht", PartnerType.OVERIGE, True, 250),
    # experiments and other partners (Wgs art. 10): rare, but the demo shows every DDAS type
    (0.001, "hypotheek", PartnerType.HYPOTHEEK, False, 2600),
    (0.0005, "duo", PartnerType.DUO, True, 900),
    (0.0005, "belastingdienst", PartnerType.BELASTINGDIENST, True, 1500),
    (0.0005, "dienst-toeslagen", PartnerType.DIENST_TOESLAGEN, True, 2100),
    (0.0005, "overige", PartnerType.OVERIGE, False, 700),
]
# The bailiff pilot is a referral with the resident's consent, outside the Wgs signal duty: in
# this model that is an informal partner with warm handover (DDAS type "Overige").
DEURWAARDER = {"code": "deurwaarder", "naam": "Gerechtsdeurwaarders Domstad (demo, pilot)",
               "type": PartnerType.OVERIGE, "informeel": True, "kvk_nummer": "99009001",
               "contactpersoon": "Mr. Sanne Kool",
               "contact_email": "vroegsignalering@deurwaarder.vroeghulp-demo.example"}
INFORMEEL = {"deurwaarder", "huisarts-overvecht"}
HUISHOUDENS_PER_SIGNAAL = 4
KANS_OPEENVOLGEND = 0.40  # a household that had a signal in the previous months gets another
KANS_MEERVOUDIG = 0.10  # a second partner signals the same household in the same month
KANS_VERHUISD = 0.02  # BSN of someone who no longer lives here
KANS_CRISIS = {PartnerType.HUUR: 0.04, PartnerType.ENERGIE: 0.04, PartnerType.WATER: 0.02,
               PartnerType.ZORG: 0.01}
KANS_EINDELEVERING = 0.05  # of energy signals


def _partners() -> dict[str, Signaalpartner]:
    velden = dict(DEURWAARDER)
    Signaalpartner.objects.get_or_create(code=velden.pop("code"), defaults=velden)
    codes = [m[1] for m in MIX]
    partners = {p.code: p for p in Signaalpartner.objects.filter(code__in=codes)}
    for _aandeel, code, soort, _bsn, _bedrag in MIX:  # a demo without that partner still works
        if code not in partners:
            partners[code], _ = Signaalpartner.objects.get_or_create(
                code=code, defaults={"naam": code, "type": soort, "informeel": code in INFORMEEL})
    return partners


def _bewoners():
    """(inwoner fields) of the main resident of every household, in a stable order."""
    return list(
        Inwoner.objects.filter(rol="aanvrager").order_by("huishouden_id").values_list(
            "bsn", "voorletters", "voorvoegsel", "achternaam", "geboortedatum", "geslacht",
            "telefoonnummer", "email", "huishouden__adres__postcode", "huishouden__adres__huisnummer",
            "huishouden__adres__huisletter", "huishouden__adres__toevoeging",
            "huishouden__adres__straatnaam", "huishouden__adres__plaatsnaam",
        )
    )


def _verhuisde_bsns(context, aantal: int, rng, bekend: set[str]) -> list[str]:
    # the demo app hands out synthetic BSNs through the context (signalering does not import demo)
    kandidaten = context.synthetische_bsns(aantal * 3 + 10, rng)
    return [b for b in kandidaten if b not in bekend][:aantal]


def plan(aantal: int, bewoners: list, rng, tot: dt.date) -> list[dict]:
    """The signals to make (plain dicts, no database): deterministic for a given rng."""
    if not bewoners or aantal <= 0:
        return []
    aandelen = [m[0] for m in MIX]
    totaal = sum(aandelen)
    soorten = rng.choice(len(MIX), size=aantal, p=[a / totaal for a in aandelen])
    # every partner at least once (docs/interfaces.md section 6: signals of every partner type), spread out
    ontbrekend = [k for k in range(len(MIX)) if k not in set(soorten.tolist())]
    for n, k in enumerate(ontbrekend):
        soorten[(n * 7919 + 13) % aantal] = k
    begin = tot - dt.timedelta(days=365)
    dagen = sorted(int(d) for d in rng.integers(0, 365, size=aantal))
    eerder: list[int] = []  # households that had a signal
    signalen = []
    i = 0
    while i < aantal:
        datum = begin + dt.timedelta(days=dagen[i])
        if eerder and rng.random() < KANS_OPEENVOLGEND:
            huishouden = eerder[int(rng.integers(max(0, len(eerder) - 400), len(eerder)))]
        else:
            huishouden = int(rng.integers(0, len(bewoners)))
        eerder.append(huishouden)
        groep = [int(soorten[i])]
        if i + 1 < aantal and rng.random() < KANS_MEERVOUDIG:
            groep.append(int(soorten[i + 1]))
        for k, soort in enumerate(groep):
            signalen.append({"soort": soort, "huishouden": huishouden,
                             "datum": min(tot, datum + dt.timedelta(days=k * int(rng.integers(0, 12))))})
        i += len(groep)
    return signalen


def vul(context) -> None:
    rng = context.rng_voor("signalering-signalen")
    bewoners = _bewoners()
    aantal = len(bewoners) // HUISHOUDENS_PER_SIGNAAL if bewoners else 0
    if not aantal:
        context.meld(_("Geen huishoudens: geen demo-signalen gemaakt."))
        return
    tot = context.vandaag
    partners = _partners()
    geplande = plan(aantal, bewoners, rng, tot)
    verhuisd = _verhuisde_bsns(context, max(1, int(len(geplande) * KANS_VERHUISD)), rng,
                               {b[0] for b in bewoners})
    objecten = []
    for n, s in enumerate(geplande):
        _aandeel, code, soort, met_bsn, mediaan = MIX[s["soort"]]
        (bsn, vl, vv, naam, geboren, geslacht, tel, email, pc, nr, letter, toev, straat,
         plaats) = bewoners[s["huishouden"]]
        if met_bsn and verhuisd and rng.random() < KANS_VERHUISD:
            bsn = verhuisd[int(rng.integers(0, len(verhuisd)))]
        bedrag = Decimal(str(round(float(rng.lognormal(0, 0.5)) * mediaan, 2)))
        if code == "cak-eigen-bijdrage":
            bedrag = max(bedrag, Decimal("100"))
        informeel = code in INFORMEEL
        crisis = rng.random() < KANS_CRISIS.get(soort, 0)
        eind = soort == PartnerType.ENERGIE and not crisis and rng.random() < KANS_EINDELEVERING
        ontvangen = timezone.make_aware(dt.datetime.combine(
            min(tot, s["datum"] + dt.timedelta(days=int(rng.integers(0, 3)))),
            dt.time(int(rng.integers(8, 18)), int(rng.integers(0, 60)))))
        adres = {} if (met_bsn and not informeel and rng.random() < 0.5) else {
            "postcode": pc, "huisnummer": str(nr), "huisnummertoevoeging": f"{letter}{toev}",
            "straatnaam": straat, "plaatsnaam": plaats}
        objecten.append(Vroegsignaal(
            partner=partners[code], extern_id=f"{code.upper()}-{s['datum']:%Y}-{n + 1:06d}",
            bedrag=bedrag, ontstaansdatum=s["datum"] - dt.timedelta(days=int(rng.integers(30, 100))),
            signaaldatum=s["datum"], crisissignaal=crisis, eindelevering=eind,
            warme_overdracht=informeel, toestemming_inwoner=informeel,
            klantnummer=f"{int(rng.integers(10000, 99999))}" if soort in (
                PartnerType.ENERGIE, PartnerType.WATER) else "",
            bsn=bsn if met_bsn else "", geboortedatum=geboren if met_bsn else None,
            geslachtsaanduiding=geslacht if met_bsn else "", voorletters=vl, voorvoegsel=vv,
            achternaam=naam, telefoonnummer=tel, email=email, ontvangen=ontvangen,
            huishoudsleutel="?", status_datum=s["datum"], **adres,
        ))
    Vroegsignaal.objects.bulk_create(objecten, batch_size=2000)
    # the monthly matching, replayed: each month's signals on the first day of the next month
    per_maand: dict[dt.date, list[int]] = {}
    for pk, ontv in Vroegsignaal.objects.filter(
        extern_id__in=[o.extern_id for o in objecten]
    ).values_list("id", "ontvangen"):
        dag = timezone.localdate(ontv)
        run = min(tot, (dag.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
        per_maand.setdefault(run, []).append(pk)
    zaken = 0
    for run in sorted(per_maand):
        zaken += services.matching().match_signalen(per_maand[run], op=run)["nieuwe_zaken"]
    context.meld(_("%(s)d signalen van het afgelopen jaar en %(z)d vroegsignaalzaken gemaakt.")
                 % {"s": len(objecten), "z": zaken})


