"""A DDAS delivery written as a stream of JSON text: the whole period (CLI) or one page of it
(API), with flat memory: the objects are read a page of ids at a time and written as they come.

The records of a delivery, for the paging of ``POST /gegevens``, are the objects in the order of
the file: for vroegsignalering first the vroegsignalen, then the vroegsignaalzaken (each in id
order); for schuldhulpverlening the schuldhulptrajecten. Page ``p`` of size ``n`` holds records
``(p-1)*n`` up to ``p*n`` of that sequence.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.monitor import definities
from vroeghulp.monitor.ddas import kop, schuldhulpverlening, vroegsignalering

VROEGSIGNALERING = "vroegsignalering"
SCHULDHULPVERLENING = "schuldhulpverlening"
SOORTEN = (VROEGSIGNALERING, SCHULDHULPVERLENING)
DOEL = "Levering aan CBS voor de statistiek (Wgs art. 9, DDAS)"
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

Lijst = Callable[..., Iterator[list[str]]]


@dataclass(frozen=True)
class Onderdeel:
    """One array of a delivery: its key, how many records the period has, and its items."""

    naam: str
    object_type: str
    aantal: Callable[[date, date], int]
    items: Lijst


ONDERDELEN: dict[str, tuple[Onderdeel, ...]] = {
    VROEGSIGNALERING: (
        Onderdeel("vroegsignalen", "signalering.Vroegsignaal", definities.aantal_signalen,
                  vroegsignalering.signalen_json),
        Onderdeel("vroegsignaalzaken", "zaken.Vroegsignaalzaak", definities.aantal_zaken,
                  vroegsignalering.zaken_json),
    ),
    SCHULDHULPVERLENING: (
        Onderdeel("schuldhulptrajecten", "schuldhulp.Traject", definities.aantal_trajecten,
                  schuldhulpverlening.trajecten_json),
    ),
}


@dataclass(frozen=True)
class Geschreven:
    """What one write put in: records per array, and the period's total number of records."""

    soort: str
    van: date
    tot: date
    aantallen: dict[str, int]
    totaal: int


def _organisatie(soort: str) -> dict:
    org = kop.organisatie()
    if soort == VROEGSIGNALERING:
        uit = {"naam": org.naam, "kvk-nummer": org.kvk_nummer, "contactpersonen": org.contactpersonen()}
        return {k: v for k, v in uit.items() if v}
    uit = {"(Statutaire) Naam": org.naam, "KvK-nummer": org.kvk_nummer, "gemeentecode": kop.gemeentecode_of_leeg(),
           "contactpersonen": org.contactpersonen()}
    return {k: v for k, v in uit.items() if v}


def totalen(soort: str, van: date, tot: date) -> dict[str, int]:
    return {o.naam: o.aantal(van, tot) for o in ONDERDELEN[soort]}


def schrijf(uit: Callable[[str], object], soort: str, van: date, tot: date, *, door=None,
            nu: datetime | None = None, begin: int = 0, aantal: int | None = None,
            totaal: dict[str, int] | None = None) -> Geschreven:
    """Write the delivery (or records [begin, begin+aantal) of it) through ``uit`` in pieces.

    Every read of personal data is audited: one event per array written, with its count."""
    if soort not in ONDERDELEN:
        raise ValueError(_("Onbekende soort levering: %(soort)s.") % {"soort": soort})
    totaal = totaal if totaal is not None else totalen(soort, van, tot)
    kopje = {"startdatumLevering": van.isoformat(), "einddatumLevering": tot.isoformat(),
             "aanleverdatumEnTijd": kop.tijdstip(nu), "codeGegevensleverancier": kop.code_gegevensleverancier()}
    levering_kop: dict = {"teller": 1}
    if soort == VROEGSIGNALERING:
        levering_kop["gemeentecode"] = kop.gemeentecode()
        levering_kop["aanleverendeOrganisatie"] = _organisatie(soort)
    else:
        levering_kop["aanleverende_organisatie"] = _organisatie(soort)
    uit(_dumps(kopje)[:-1] + ',"leveringen":[' + _dumps(levering_kop)[:-1])
    aantallen: dict[str, int] = {}
    positie = 0  # records before this array, in the sequence of the delivery
    for onderdeel in ONDERDELEN[soort]:
        n = totaal[onderdeel.naam]
        # this array's part of [begin, begin + aantal)
        lokaal_begin = max(0, begin - positie)
        lokaal_eind = n if aantal is None else min(n, begin + aantal - positie)
        uit(f',"{onderdeel.naam}":[')
        geschreven = 0
        if lokaal_eind > lokaal_begin:
            for stukken in onderdeel.items(van, tot, begin=lokaal_begin, aantal=lokaal_eind - lokaal_begin):
                uit(("," if geschreven else "") + ",".join(stukken))
                geschreven += len(stukken)
        uit("]")
        aantallen[onderdeel.naam] = geschreven
        positie += n
        if geschreven:
            audit.log(actor=door, actie=audit.Actie.EXPORTEREN, object_type=onderdeel.object_type, doel=DOEL,
                      toelichting=f"DDAS {soort} {van.isoformat()} t/m {tot.isoformat()}", aantal=geschreven)
    uit("}]}")
    return Geschreven(soort=soort, van=van, tot=tot, aantallen=aantallen, totaal=sum(totaal.values()))
