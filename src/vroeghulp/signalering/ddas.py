"""The signals as the DDAS vroegsignalering delivery reads them (``monitor.ddas``), a page at a
time, in the form the delivery writes: dates as ISO text, ``bedrag`` in whole euros.

A year's delivery reads a million signals. Through the ORM, turning each value back into a date,
Decimal or bool (``apply_converters``, ``parse_date``) and building the ``IN (...)`` of 5,000 case
ids per page was half of the export's time (docs/performance.md, ddas_export). So the query is the
ORM's own (the period is ``services.signalen_met_signaaldatum``: one place for that rule) with
the conversion done in SQL (``CAST(... AS text)``, ``ROUND``), executed on the cursor; and the
signals of a page of cases are read by a range of case ids, not a list.

``bedrag`` in whole euros: the DDAS schema's ``bedrag`` is "in hele euros"; ``ROUND`` rounds a
half away from zero, which for amounts (never negative) is half a euro up, exactly, since an
amount has two decimals and x.50 is exact in binary floating point too (SQLite's REAL).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from django.db import connection
from django.db.models import BigIntegerField, CharField, Count, F, Q
from django.db.models.functions import Cast, Round

from vroeghulp.signalering.services import signalen_met_signaaldatum, vroegsignalen


class DdasSignaal(NamedTuple):
    """One signal as the delivery needs it (a NamedTuple: a year reads a million of them)."""

    id: int
    partner_id: int
    bedrag_euro: int
    ontstaansdatum: str | None  # JJJJ-MM-DD
    signaaldatum: str
    crisissignaal: bool
    warme_overdracht: bool
    status: str
    bsn: str
    postcode: str
    huisnummer: str
    huisnummertoevoeging: str
    geboortedatum: str | None
    geslachtsaanduiding: str


def _tekst(veld: str):
    return Cast(F(veld), CharField())


_VELDEN = {
    "id": F("id"), "partner_id": F("partner_id"), "bedrag_euro": Cast(Round(F("bedrag")), BigIntegerField()),
    "ontstaansdatum": _tekst("ontstaansdatum"), "signaaldatum": _tekst("signaaldatum"),
    "crisissignaal": F("crisissignaal"), "warme_overdracht": F("warme_overdracht"), "status": F("status"),
    "bsn": F("bsn"), "postcode": F("postcode"), "huisnummer": F("huisnummer"),
    "huisnummertoevoeging": F("huisnummertoevoeging"), "geboortedatum": _tekst("geboortedatum"),
    "geslachtsaanduiding": F("geslachtsaanduiding"),
}
assert tuple(_VELDEN) == DdasSignaal._fields


def rijen(queryset) -> list[tuple]:
    """The rows of a ``values_list`` queryset straight from the cursor, without the ORM's
    per-value converters (the values are already what the caller wants: see the casts)."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _bool(waarde) -> bool:
    return waarde is True or waarde == 1


def signaalpagina(van: date, tot: date, *, na_id: int, aantal: int) -> list[DdasSignaal]:
    """At most ``aantal`` signals with signaaldatum in [van, tot] and id > ``na_id``, in id
    order (keyset paging over the primary key: every page is one range scan)."""
    qs = (signalen_met_signaaldatum(van, tot).filter(id__gt=na_id).order_by("id")
          .annotate(**{f"_{k}": v for k, v in _VELDEN.items() if k != "id"})
          .values_list("id", *(f"_{k}" for k in _VELDEN if k != "id"))[:aantal])
    maak = DdasSignaal._make
    uit = [maak(r) for r in rijen(qs)]
    if uit and not isinstance(uit[0].crisissignaal, bool):  # a driver that gives 0/1
        uit = [s._replace(crisissignaal=_bool(s.crisissignaal), warme_overdracht=_bool(s.warme_overdracht))
               for s in uit]
    return uit


def signaal_ids_per_zaak(na_zaak_id: int, tot_zaak_id: int) -> dict[int, list[int]]:
    """The ids of the vroegsignalen (no self-referral: ``services.vroegsignalen``) of each case
    with na_zaak_id < id <= tot_zaak_id (in id order); a case without signals is absent. A
    range of the index on zaak_id, not a list of ids."""
    qs = (vroegsignalen().filter(zaak_id__gt=na_zaak_id, zaak_id__lte=tot_zaak_id)
          .order_by("zaak_id", "id").values_list("zaak_id", "id"))
    uit: dict[int, list[int]] = {}
    for zaak_id, signaal_id in rijen(qs):
        lijst = uit.get(zaak_id)
        if lijst is None:
            uit[zaak_id] = [signaal_id]
        else:
            lijst.append(signaal_id)
    return uit


def tellingen(van: date, tot: date, *, sinds=None) -> dict[str, int]:
    """Counts for the beheerder's preview of the delivery: the signals of the period, with and
    without a BSN (the two kinds of ``client`` in the delivery), and, with ``sinds`` (a moment),
    how many of them were received after it."""
    qs = signalen_met_signaaldatum(van, tot)
    uit = qs.aggregate(vroegsignalen=Count("id"), met_bsn=Count("id", filter=~Q(bsn="")))
    uit["zonder_bsn"] = uit["vroegsignalen"] - uit["met_bsn"]
    if sinds is not None:
        uit["ontvangen_sinds"] = qs.filter(ontvangen__gt=sinds).count()
    return uit
