"""DDAS ``schulden``, ``moratoria`` and ``voorlopigeVoorzieningen`` from the debt overview and the
collection pauses of a traject (Detail_Model_Schuldhulpverlening.md: Schuld, Schuldeiser,
EnumSchuldensoort, Moratorium, VoorlopigeVoorziening).

- Every debt of the overview is one ``Schuld`` ("Per schuldeiser kunnen er meerdere openstaande
  schulden zijn. Deze afzonderlijk meenemen"). ``bedrag`` is what the debt is when established:
  the balance the creditor confirmed, else the claim, in whole euros; ``peildatum`` ("het moment
  dat de vaststelling door de schuldhulpverlener ... is gedaan") is the day of the confirmed
  balance, else the day the debt entered the overview.
- ``zakelijkeSchuld`` is left out: the overview does not record whether a debt is a business debt.
- ``schuldeiser``: ``naam`` and ``Naam`` both (VraagEnAntwoord.md); ``postcode`` when the postal
  address holds a Dutch one; ``privepersoon`` false for every kind of creditor that is an
  organisation by definition, left out for *overig* (it may be a person).
- ``moratoria`` is the court's moratorium (Fw art. 287b; "verzoek ... ingediend bij de rechter",
  at most six months): our *afkoelingsperiode* (Wgs art. 5, through the court). The pauzeknop and
  an afspraak with a creditor are ``voorlopigeVoorzieningen`` ("Tijdelijke betalingsregelingen met
  schuldeisers", "tijdelijke opschorting van afbetalingen"). We record start and last day, not the
  dates of the request and the approval, so those are left out.
"""

import re

from django.utils import timezone

from vroeghulp.schuldhulp.ddas.waarden import datum, euro, zonder_leeg
from vroeghulp.schuldhulp.models import Moratorium, Moratoriumsoort, Schuld, Schuldeisersoort as S

# EnumSchuldensoort: Zorg (premiums, eigen bijdragen, uninsured care), Publiek (public bodies),
# Nuts (organisations that work with meter readings), Overig (the rest).
SCHULDSOORT = {
    S.ZORGVERZEKERAAR: "Zorg", S.CAK: "Zorg",
    S.ENERGIE: "Nuts", S.WATER: "Nuts",
    S.CJIB: "Publiek", S.DUO: "Publiek", S.UWV: "Publiek", S.SVB: "Publiek", S.BELASTINGDIENST: "Publiek",
    S.DIENST_TOESLAGEN: "Publiek", S.GEMEENTE: "Publiek",
}
_POSTCODE = re.compile(r"\b([1-9][0-9]{3}) ?([A-Z]{2})\b")


def _schuldeiser(schuld: Schuld) -> dict:
    eiser = schuld.schuldeiser
    postcode = _POSTCODE.search(eiser.postadres or "")
    return zonder_leeg({
        "naam": eiser.naam, "Naam": eiser.naam,
        "postcode": "".join(postcode.groups()) if postcode else None,
        "privepersoon": None if eiser.soort == S.OVERIG else False,
    })


def schuld(s: Schuld) -> dict:
    vastgesteld = s.saldo_datum if s.saldo is not None else timezone.localdate(s.aangemaakt)
    return zonder_leeg({
        "bedrag": euro(s.actueel_bedrag), "peildatum": datum(vastgesteld),
        "schuldsoort": SCHULDSOORT.get(s.schuldeiser.soort, "Overig"), "schuldeiser": _schuldeiser(s),
    })


def _periode(m: Moratorium) -> dict:
    return {"startdatum": datum(m.startdatum), "einddatum": datum(m.einddatum)}


def moratoria(pauzes: list[Moratorium]) -> list[dict]:
    return [_periode(m) for m in pauzes if m.soort == Moratoriumsoort.AFKOELINGSPERIODE]


def voorlopige_voorzieningen(pauzes: list[Moratorium]) -> list[dict]:
    return [_periode(m) for m in pauzes if m.soort != Moratoriumsoort.AFKOELINGSPERIODE]
