"""A stand-in for the BRP (Haal Centraal BRP Personen) answered from the local personen tables.

Used in the demo and in tests as the local backend of the BRP interface. Answers look like
Haal Centraal persons, simplified: ``geboorte.datum`` is an ISO date string and
``verblijfplaats`` is flat. ``inwoner_id`` is our internal id (not part of Haal Centraal).

This module does not audit: the caller that uses the answer for a purpose records the read.
"""

import datetime
import re

from vroeghulp.common.bsn import is_valid_bsn, normalize_bsn
from vroeghulp.personen.models import Inwoner

GESLACHT = {"Man": ("M", "man"), "Vrouw": ("V", "vrouw"), "Onbekend": ("O", "onbekend")}


def zoek_persoon(bsn: str) -> dict | None:
    """The person with this BSN, or None (also for a BSN that fails the 11-proef)."""
    bsn = normalize_bsn(bsn)
    if not is_valid_bsn(bsn):
        return None
    inwoner = _personen().filter(bsn=bsn).first()
    return als_persoon(inwoner) if inwoner else None


def zoek_bewoners(postcode: str, huisnummer, toevoeging: str = "") -> list[dict]:
    """Everyone registered at this address, oldest first.

    Without ``toevoeging`` all persons at the huisnummer are returned (every huisletter and
    toevoeging), as Haal Centraal does; with it, only the matching home. ``toevoeging`` may be a
    huisletter ("A"), a toevoeging ("bis", "2") or both ("A-2", "A 2").
    """
    postcode = normalize_postcode(postcode)
    try:
        nummer = int(str(huisnummer).strip())
    except ValueError:
        return []
    personen = _personen().filter(
        huishouden__adres__postcode=postcode, huishouden__adres__huisnummer=nummer
    )
    gewenst = _normaliseer_toevoeging(toevoeging)
    uitkomst = []
    for inwoner in personen.order_by("geboortedatum", "pk"):
        adres = inwoner.huishouden.adres
        if gewenst and gewenst not in _varianten(adres.huisletter, adres.toevoeging):
            continue
        uitkomst.append(als_persoon(inwoner))
    return uitkomst


def normalize_postcode(postcode: str) -> str:
    """'3563 ab' -> '3563AB'."""
    return re.sub(r"\s+", "", str(postcode)).upper()


def als_persoon(inwoner: Inwoner, *, peildatum: datetime.date | None = None) -> dict:
    adres = inwoner.huishouden.adres
    code, omschrijving = GESLACHT.get(inwoner.geslacht, GESLACHT["Onbekend"])
    delen = [inwoner.voornamen, inwoner.voorvoegsel, inwoner.achternaam]
    return {
        "burgerservicenummer": inwoner.bsn,
        "naam": {
            "voornamen": inwoner.voornamen,
            "voorletters": inwoner.voorletters,
            "voorvoegsel": inwoner.voorvoegsel,
            "geslachtsnaam": inwoner.achternaam,
            "volledigeNaam": " ".join(d for d in delen if d),
        },
        "geslacht": {"code": code, "omschrijving": omschrijving},
        "geboorte": {"datum": inwoner.geboortedatum.isoformat()},
        "leeftijd": _leeftijd(inwoner.geboortedatum, peildatum or datetime.date.today()),
        "verblijfplaats": {
            "straat": adres.straatnaam,
            "huisnummer": adres.huisnummer,
            "huisletter": adres.huisletter,
            "huisnummertoevoeging": adres.toevoeging,
            "postcode": adres.postcode,
            "woonplaats": adres.plaatsnaam,
            "buurtcode": adres.buurt.code,
            "wijkcode": adres.buurt.wijk.code,
        },
        "gemeenteVanInschrijving": {
            "code": adres.buurt.wijk.gemeente.code,
            "omschrijving": adres.buurt.wijk.gemeente.naam,
        },
        "inwoner_id": inwoner.pk,
    }


def _personen():
    return Inwoner.objects.select_related("huishouden__adres__buurt__wijk__gemeente")


def _leeftijd(geboren: datetime.date, op: datetime.date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def _normaliseer_toevoeging(waarde: str) -> str:
    return re.sub(r"[\s\-]+", "", str(waarde or "")).upper()


def _varianten(huisletter: str, toevoeging: str) -> set[str]:
    """The ways a partner may write this home's addition: 'A', '2', 'A2'."""
    letter, extra = huisletter.upper(), _normaliseer_toevoeging(toevoeging)
    return {v for v in (letter, extra, letter + extra) if v}


