"""The vroegsignaalzaken and their contact attempts as the DDAS vroegsignalering delivery reads
them (``monitor.ddas``), a page at a time, dates as ISO text: the ORM's query (the period is
``services.zaken_lopend_in``: one place for that rule) with the conversion done in SQL and the
rows read from the cursor, and a page's contact attempts by a range of case ids instead of an
``IN`` list of 5,000 ids (why: ``signalering.ddas``, docs/performance.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import CharField, F
from django.db.models.functions import Cast

from vroeghulp.zaken.models import Contactpoging
from vroeghulp.zaken.services import zaken_lopend_in


@dataclass(frozen=True, slots=True)
class DdasZaak:
    id: int
    resultaat: str
    matchingsdatum: str  # JJJJ-MM-DD
    startdatum_matchingperiode: str
    einddatum_matchingperiode: str
    datum_opgepakt: str | None


@dataclass(frozen=True, slots=True)
class DdasContactpoging:
    soort: str
    bereikt: bool
    datum: str
    dagdeel: str


def _tekst(veld: str):
    return Cast(F(veld), CharField())


def _rijen(queryset) -> list[tuple]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def zaakpagina(van: date, tot: date, *, na_id: int, aantal: int) -> list[DdasZaak]:
    """At most ``aantal`` cases open in [van, tot] with id > ``na_id``, in id order."""
    qs = (zaken_lopend_in(van, tot).filter(id__gt=na_id).order_by("id")
          .annotate(_m=_tekst("matchingsdatum"), _s=_tekst("startdatum_matchingperiode"),
                    _e=_tekst("einddatum_matchingperiode"), _o=_tekst("datum_opgepakt"))
          .values_list("id", "resultaat", "_m", "_s", "_e", "_o")[:aantal])
    return [DdasZaak(*r) for r in _rijen(qs)]


def contactpogingen_per_zaak(na_zaak_id: int, tot_zaak_id: int) -> dict[int, list[DdasContactpoging]]:
    """The contact attempts of each case with na_zaak_id < id <= tot_zaak_id, in date order; a
    case without is absent."""
    qs = (Contactpoging.objects.filter(zaak_id__gt=na_zaak_id, zaak_id__lte=tot_zaak_id)
          .order_by("zaak_id", "datum", "id").annotate(_d=_tekst("datum"))
          .values_list("zaak_id", "soort", "bereikt", "_d", "dagdeel"))
    uit: dict[int, list[DdasContactpoging]] = {}
    for zaak_id, soort, bereikt, datum, dagdeel in _rijen(qs):
        uit.setdefault(zaak_id, []).append(DdasContactpoging(soort, bereikt is True or bereikt == 1, datum, dagdeel))
    return uit


def tellingen(van: date, tot: date, *, sinds=None) -> dict[str, int]:
    """Counts for the beheerder's preview: the contact attempts of the cases of the period and,
    with ``sinds`` (a moment), how many of those cases changed after it and how many attempts
    were recorded after it."""
    zaken = zaken_lopend_in(van, tot)
    pogingen = Contactpoging.objects.filter(zaak__in=zaken.values("id"))
    uit = {"contactpogingen": pogingen.count()}
    if sinds is not None:
        uit["zaken_gewijzigd_sinds"] = zaken.filter(gewijzigd__gt=sinds).count()
        uit["contactpogingen_sinds"] = pogingen.filter(vastgelegd__gt=sinds).count()
    return uit
