"""DDAS vroegsignalering v1.2: vroegsignalen and vroegsignaalzaken of a period as JSON items.

Mapping choices (schema ``standaard/vroegsignalering-v1.2/json_schema_Uitwisselmodel.json``):
- ``ID`` of a signal is our own id of it (stable across deliveries, so CBS can join a case's
  reference ``vroegsignalen[].ID`` with the signal, also one delivered in an earlier period);
- ``client``: the schema's ``oneOf`` allows, next to a ``burgerservicenummer``, nothing else
  (that branch has ``additionalProperties: false``); without a BSN it wants postcode and
  huisnummer, with geboortedatum, geslacht and toevoeging when known. So a signal with a BSN
  carries only the BSN: the least personal data the standard accepts;
- ``bedrag`` in whole euros (the schema's ``bedrag``: "in hele euros"), half a euro rounds up,
  as in ``schuldhulp.ddas`` (rounded in the read, ``signalering.ddas``);
- a zaak has no id in the schema; it refers to its signals; a value we do not have (no resultaat
  yet, not picked up) is left out: the schema allows no ``null``;
- the JSON text of each item is written directly (an f-string per object, every string value
  through json's C escaper): a dict per object and ``json.JSONEncoder.encode`` were a quarter of
  a year's export (docs/performance.md, ddas_export). The keys and their order are those of the
  schema's properties; ``tests/ddas`` validate the result against the official schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from json.encoder import encode_basestring as _s  # the C escaper json.dumps uses (ensure_ascii=False)

from vroeghulp.monitor import definities
from vroeghulp.signalering import ddas as signalering_ddas
from vroeghulp.signalering import services as signalering
from vroeghulp.zaken import ddas as zaken_ddas

PAGINA = 5000
_GESLACHTEN = {"Man", "Vrouw", "Onbekend", "Leeg"}
_BOOL = {True: "true", False: "false"}


def _client(s: signalering_ddas.DdasSignaal) -> str:
    if s.bsn:
        return '{"burgerservicenummer":' + _s(s.bsn) + "}"
    delen = ['"postcode":' + _s(s.postcode), '"huisnummer":' + _s(s.huisnummer)]
    if s.huisnummertoevoeging:
        delen.append('"huisnummertoevoeging":' + _s(s.huisnummertoevoeging))
    if s.geboortedatum:
        delen.append('"geboortedatum":"' + s.geboortedatum[:10] + '"')
    if s.geslachtsaanduiding in _GESLACHTEN:
        delen.append('"geslachtsaanduiding":"' + s.geslachtsaanduiding + '"')
    return "{" + ",".join(delen) + "}"


def signaal(s: signalering_ddas.DdasSignaal, partners: dict[int, str]) -> str:
    """One ``Vroegsignaal`` as JSON text; ``partners``: the ``signaalpartner`` object as JSON
    text by partner id."""
    ontstaan = ',"ontstaansdatum":"' + s.ontstaansdatum[:10] + '"' if s.ontstaansdatum else ""
    return (f'{{"ID":"{s.id}","crisissignaal":{_BOOL[s.crisissignaal]},'
            f'"warmeOverdracht":{_BOOL[s.warme_overdracht]},"bedrag":{s.bedrag_euro}{ontstaan},'
            f'"signaaldatum":"{s.signaaldatum[:10]}","status":{_s(s.status)},'
            f'"signaalpartner":{partners[s.partner_id]},"client":{_client(s)}}}')


def zaak(z: zaken_ddas.DdasZaak, signaal_ids: list[int], pogingen: list[zaken_ddas.DdasContactpoging]) -> str:
    """One ``Vroegsignaalzaak`` as JSON text; a value we do not have is left out (no null)."""
    delen = ['"resultaat":' + _s(z.resultaat)] if z.resultaat else []
    delen.append(f'"matchingsdatum":"{z.matchingsdatum[:10]}"')
    delen.append(f'"startdatumMatchingperiode":"{z.startdatum_matchingperiode[:10]}"')
    if z.datum_opgepakt:
        delen.append(f'"datumOpgepakt":"{z.datum_opgepakt[:10]}"')
    delen.append(f'"einddatumMatchingperiode":"{z.einddatum_matchingperiode[:10]}"')
    if signaal_ids:
        delen.append('"vroegsignalen":[' + ",".join(f'{{"ID":"{i}"}}' for i in signaal_ids) + "]")
    if pogingen:
        delen.append('"contactpogingen":[' + ",".join(
            f'{{"soort":{_s(p.soort)},"bereikt":{_BOOL[p.bereikt]},"datum":"{p.datum[:10]}"'
            + (f',"dagdeel":{_s(p.dagdeel)}' if p.dagdeel else "") + "}"
            for p in pogingen) + "]")
    return "{" + ",".join(delen) + "}"


def _na_id(queryset, begin: int) -> int:
    """The id after which the item with (0-based) position ``begin`` comes, in id order."""
    if begin <= 0:
        return 0
    return queryset.order_by("id").values_list("id", flat=True)[begin - 1]


def signalen_json(van: date, tot: date, *, begin: int = 0, aantal: int | None = None) -> Iterator[list[str]]:
    """The signals of the period (``definities.signalen``) as JSON texts, a page at a time."""
    partners = {pk: '{"type":' + _s(t) + "}" for pk, t in signalering.partnertypen().items()}
    na_id = _na_id(definities.signalen(van, tot), begin)
    over = aantal
    while over is None or over > 0:
        pagina = signalering_ddas.signaalpagina(van, tot, na_id=na_id,
                                                aantal=PAGINA if over is None else min(PAGINA, over))
        if not pagina:
            return
        yield [signaal(s, partners) for s in pagina]
        na_id = pagina[-1].id
        if over is not None:
            over -= len(pagina)


def zaken_json(van: date, tot: date, *, begin: int = 0, aantal: int | None = None) -> Iterator[list[str]]:
    """The cases of the period (``definities.zaken``) as JSON texts, a page at a time; their
    signals and contact attempts read for the page's range of case ids (na_id, last id]."""
    na_id = _na_id(definities.zaken(van, tot), begin)
    over = aantal
    while over is None or over > 0:
        pagina = zaken_ddas.zaakpagina(van, tot, na_id=na_id, aantal=PAGINA if over is None else min(PAGINA, over))
        if not pagina:
            return
        laatste = pagina[-1].id
        signalen = signalering_ddas.signaal_ids_per_zaak(na_id, laatste)
        pogingen = zaken_ddas.contactpogingen_per_zaak(na_id, laatste)
        leeg: list = []
        yield [zaak(z, signalen.get(z.id, leeg), pogingen.get(z.id, leeg)) for z in pagina]
        na_id = laatste
        if over is not None:
            over -= len(pagina)
