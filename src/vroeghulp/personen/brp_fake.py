"""A stand-in for the BRP (Haal Centraal BRP Personen) answered from the local personen tables.

Used in the demo and in tests as the local backend of the BRP interface
(``vroeghulp.signalering.brp``). Answers have the shape of a Haal Centraal BRP Personen v2
``Persoon`` (naam, geslacht, geboorte.datum, leeftijd, verblijfplaats.verblijfadres,
gemeenteVanInschrijving; empty fields left out, as Haal Centraal does), plus our own keys, which
Haal Centraal does not have: ``inwoner_id``, ``wijk_id``, ``wijkcode`` and ``buurtcode``.

This module does not audit: the caller that uses the answer for a purpose records the read.
"""

import datetime
import re

from vroeghulp.common.bsn import is_valid_bsn, normalize_bsn
from vroeghulp.personen.models import Inwoner

GESLACHT = {"Man": ("M", "man"), "Vrouw": ("V", "vrouw"), "Onbekend": ("O", "onbekend")}
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
PER_QUERY = 500  # BSNs per query in a batch lookup
ADRES = "huishouden__adres__"
# One flat row per person: reading values instead of model instances keeps batch lookups fast.
VELDEN = (
    "id", "bsn", "voornamen", "voorletters", "voorvoegsel", "achternaam", "geslacht", "geboortedatum",
    ADRES + "straatnaam", ADRES + "huisnummer", ADRES + "huisletter", ADRES + "toevoeging",
    ADRES + "postcode", ADRES + "plaatsnaam", ADRES + "buurt__code", ADRES + "buurt__wijk_id",
    ADRES + "buurt__wijk__code", ADRES + "buurt__wijk__gemeente__code",
    ADRES + "buurt__wijk__gemeente__naam",
)


def zoek_persoon(bsn: str) -> dict | None:
    """The person with this BSN, or None (also for a BSN that fails the 11-proef)."""
    bsn = normalize_bsn(bsn)
    if not is_valid_bsn(bsn):
        return None
    rij = _rijen().filter(bsn=bsn).first()
    return als_persoon(rij) if rij else None


def zoek_personen(bsns) -> dict[str, dict]:
    """Batch lookup: {bsn: person} for the residents among ``bsns`` (unknown BSNs are absent)."""
    gezocht = sorted({normalize_bsn(b) for b in bsns if b})
    gevonden = {}
    for begin in range(0, len(gezocht), PER_QUERY):
        for rij in _rijen().filter(bsn__in=gezocht[begin:begin + PER_QUERY]):
            gevonden[rij["bsn"]] = als_persoon(rij)
    return gevonden


def zoek_bewoners(postcode: str, huisnummer, toevoeging: str = "") -> list[dict]:
    """Everyone registered at this address, oldest first.

    Without ``toevoeging`` all persons at the huisnummer are returned (every huisletter and
    toevoeging), as Haal Centraal does; with it, only the matching home. ``toevoeging`` may be a
    huisletter ("A"), a toevoeging ("bis", "2") or both ("A-2", "A 2").
    """
    try:
        nummer = int(str(huisnummer).strip())
    except ValueError:
        return []
    rijen = _rijen().filter(
        **{ADRES + "postcode": normalize_postcode(postcode), ADRES + "huisnummer": nummer}
    ).order_by("geboortedatum", "id")
    gewenst = _normaliseer_toevoeging(toevoeging)
    return [
        als_persoon(rij) for rij in rijen
        if not gewenst or gewenst in _varianten(rij[ADRES + "huisletter"], rij[ADRES + "toevoeging"])
    ]


def normalize_postcode(postcode: str) -> str:
    """'3563 ab' -> '3563AB'."""
    return re.sub(r"\s+", "", str(postcode)).upper()


def als_persoon(rij: dict, *, peildatum: datetime.date | None = None) -> dict:
    """A row of ``VELDEN`` as a Haal Centraal-shaped person."""
    code, omschrijving = GESLACHT.get(rij["geslacht"], GESLACHT["Onbekend"])
    geboren = rij["geboortedatum"]
    naam = {
        "voornamen": rij["voornamen"],
        "voorletters": rij["voorletters"],
        "voorvoegsel": rij["voorvoegsel"],
        "geslachtsnaam": rij["achternaam"],
        "volledigeNaam": " ".join(
            d for d in (rij["voornamen"], rij["voorvoegsel"], rij["achternaam"]) if d
        ),
    }
    verblijfadres = {
        "officieleStraatnaam": rij[ADRES + "straatnaam"],
        "korteStraatnaam": rij[ADRES + "straatnaam"],
        "huisnummer": rij[ADRES + "huisnummer"],
        "huisletter": rij[ADRES + "huisletter"],
        "huisnummertoevoeging": rij[ADRES + "toevoeging"],
        "postcode": rij[ADRES + "postcode"],
        "woonplaats": rij[ADRES + "plaatsnaam"],
    }
    return {
        "burgerservicenummer": rij["bsn"],
        "naam": _zonder_leeg(naam),
        "geslacht": {"code": code, "omschrijving": omschrijving},
        "geboorte": {"datum": {
            "type": "Datum",
            "datum": geboren.isoformat(),
            "langFormaat": f"{geboren.day} {MAANDEN[geboren.month - 1]} {geboren.year}",
        }},
        "leeftijd": _leeftijd(geboren, peildatum or datetime.date.today()),
        "verblijfplaats": {"type": "Adres", "verblijfadres": _zonder_leeg(verblijfadres)},
        "gemeenteVanInschrijving": {
            "code": rij[ADRES + "buurt__wijk__gemeente__code"],
            "omschrijving": rij[ADRES + "buurt__wijk__gemeente__naam"],
        },
        "inwoner_id": rij["id"],
        "wijk_id": rij[ADRES + "buurt__wijk_id"],
        "wijkcode": rij[ADRES + "buurt__wijk__code"],
        "buurtcode": rij[ADRES + "buurt__code"],
    }


def _rijen():
    return Inwoner.objects.values(*VELDEN)


def _zonder_leeg(velden: dict) -> dict:
    return {k: v for k, v in velden.items() if v not in ("", None)}


def _leeftijd(geboren: datetime.date, op: datetime.date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def _normaliseer_toevoeging(waarde: str) -> str:
    return re.sub(r"[\s\-]+", "", str(waarde or "")).upper()


def _varianten(huisletter: str, toevoeging: str) -> set[str]:
    """The ways a partner may write this home's addition: 'A', '2', 'A2'."""
    letter, extra = huisletter.upper(), _normaliseer_toevoeging(toevoeging)
    return {v for v in (letter, extra, letter + extra) if v}
