"""DDAS vroegsignalering v1.2: vroegsignalen and vroegsignaalzaken of a period as JSON items.

Mapping choices (schema ``standaard/vroegsignalering-v1.2/json_schema_Uitwisselmodel.json``):
- ``ID`` of a signal is our own id of it (stable across deliveries, so CBS can join a case's
  reference ``vroegsignalen[].ID`` with the signal, also one delivered in an earlier period);
- ``client``: the schema's ``oneOf`` allows, next to a ``burgerservicenummer``, nothing else
  (that branch has ``additionalProperties: false``); without a BSN it wants postcode and
  huisnummer, with geboortedatum, geslacht and toevoeging when known. So a signal with a BSN
  carries only the BSN: the least personal data the standard accepts;
- ``bedrag`` in whole euros (the schema's ``bedrag``: "in hele euros"), half a euro rounds up,
  as in ``schuldhulp.ddas``;
- a zaak has no id in the schema; it refers to its signals; a value we do not have (no resultaat
  yet, not picked up) is left out: the schema allows no ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from vroeghulp.monitor import definities
from vroeghulp.signalering import services as signalering
from vroeghulp.zaken import services as zaken

PAGINA = 5000
_GESLACHTEN = {"Man", "Vrouw", "Onbekend", "Leeg"}
_EEN = Decimal("1")
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _d(waarde) -> str | None:
    if waarde is None:
        return None
    return waarde.isoformat() if isinstance(waarde, date) else str(waarde)[:10]


def euro(bedrag) -> int:
    if not isinstance(bedrag, Decimal):  # a float from a raw SQLite read: via its shortest text
        bedrag = Decimal(str(bedrag))
    return int(bedrag.quantize(_EEN, rounding=ROUND_HALF_UP))


def signaal(s: signalering.DdasSignaal, partnertypen: dict[int, str]) -> dict:
    if s.bsn:
        client = {"burgerservicenummer": s.bsn}
    else:
        client = {"postcode": s.postcode, "huisnummer": s.huisnummer}
        if s.huisnummertoevoeging:
            client["huisnummertoevoeging"] = s.huisnummertoevoeging
        if s.geboortedatum:
            client["geboortedatum"] = _d(s.geboortedatum)
        if s.geslachtsaanduiding in _GESLACHTEN:
            client["geslachtsaanduiding"] = s.geslachtsaanduiding
    uit = {"ID": str(s.id), "crisissignaal": bool(s.crisissignaal), "warmeOverdracht": bool(s.warme_overdracht),
           "bedrag": euro(s.bedrag)}
    if s.ontstaansdatum:
        uit["ontstaansdatum"] = _d(s.ontstaansdatum)
    uit["signaaldatum"] = _d(s.signaaldatum)
    uit["status"] = s.status
    uit["signaalpartner"] = {"type": partnertypen[s.partner_id]}
    uit["client"] = client
    return uit


def zaak(z: zaken.DdasZaak, signaal_ids: list[int], pogingen: list[zaken.DdasContactpoging]) -> dict:
    uit: dict = {}
    if z.resultaat:
        uit["resultaat"] = z.resultaat
    uit["matchingsdatum"] = _d(z.matchingsdatum)
    uit["startdatumMatchingperiode"] = _d(z.startdatum_matchingperiode)
    if z.datum_opgepakt:
        uit["datumOpgepakt"] = _d(z.datum_opgepakt)
    uit["einddatumMatchingperiode"] = _d(z.einddatum_matchingperiode)
    if signaal_ids:
        uit["vroegsignalen"] = [{"ID": str(i)} for i in signaal_ids]
    if pogingen:
        uit["contactpogingen"] = [
            {"soort": p.soort, "bereikt": bool(p.bereikt), "datum": _d(p.datum), **({"dagdeel": p.dagdeel} if p.dagdeel else {})}
            for p in pogingen
        ]
    return uit


def _na_id(queryset, begin: int) -> int:
    """The id after which the item with (0-based) position ``begin`` comes, in id order."""
    if begin <= 0:
        return 0
    return queryset.order_by("id").values_list("id", flat=True)[begin - 1]


def signalen_json(van: date, tot: date, *, begin: int = 0, aantal: int | None = None) -> Iterator[list[str]]:
    """The signals of the period (``definities.signalen``) as JSON texts, a page at a time."""
    typen = signalering.partnertypen()
    na_id = _na_id(definities.signalen(van, tot), begin)
    over = aantal
    while over is None or over > 0:
        pagina = signalering.ddas_signaalpagina(van, tot, na_id=na_id, aantal=PAGINA if over is None else min(PAGINA, over))
        if not pagina:
            return
        yield [_dumps(signaal(s, typen)) for s in pagina]
        na_id = pagina[-1].id
        if over is not None:
            over -= len(pagina)


def zaken_json(van: date, tot: date, *, begin: int = 0, aantal: int | None = None) -> Iterator[list[str]]:
    """The cases of the period (``definities.zaken``) as JSON texts, a page at a time."""
    na_id = _na_id(definities.zaken(van, tot), begin)
    over = aantal
    while over is None or over > 0:
        pagina = zaken.ddas_zaakpagina(van, tot, na_id=na_id, aantal=PAGINA if over is None else min(PAGINA, over))
        if not pagina:
            return
        ids = [z.id for z in pagina]
        signalen = signalering.signaal_ids_per_zaak(ids)
        pogingen = zaken.contactpogingen_per_zaak(ids)
        yield [_dumps(zaak(z, signalen.get(z.id, []), pogingen.get(z.id, []))) for z in pagina]
        na_id = pagina[-1].id
        if over is not None:
            over -= len(pagina)
