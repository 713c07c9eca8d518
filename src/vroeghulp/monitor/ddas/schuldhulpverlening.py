"""DDAS schuldhulpverlening v1.0: the schuldhulptrajecten of a period as JSON items, each mapped
by ``schuldhulp.ddas.schuldhulptraject`` (the schuldhulp app owns that mapping and its schema,
``schuldhulp/ddas/json_schema_Uitwisselmodel.json``).

Overlapping deliveries (Q&A "Overlap in de schuldhulptrajecten"): a traject is delivered in every
period it ran (``definities.trajecten``) with the same dates, and CBS joins overlapping parts
into one. Unknown gemeentecode (Q&A): "Onbekend", never an empty or missing field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from vroeghulp.monitor import definities
from vroeghulp.monitor.ddas import kop
from vroeghulp.schuldhulp import ddas as schuldhulp_ddas

PAGINA = 500
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def traject(t) -> dict:
    uit = schuldhulp_ddas.schuldhulptraject(t)
    if not uit.get("gemeentecode"):
        uit["gemeentecode"] = kop.ONBEKEND
    return uit


def _paginas(van: date, tot: date, begin: int, aantal: int | None) -> Iterator[list]:
    """The trajecten of the period (model instances) [begin, begin + aantal), a page at a time."""
    qs = definities.trajecten(van, tot)
    na_id = 0 if begin <= 0 else qs.order_by("id").values_list("id", flat=True)[begin - 1]
    over = aantal
    while over is None or over > 0:
        pagina = list(qs.filter(id__gt=na_id).order_by("id")[:PAGINA if over is None else min(PAGINA, over)])
        if not pagina:
            return
        yield pagina
        na_id = pagina[-1].id
        if over is not None:
            over -= len(pagina)


def trajecten(van: date, tot: date) -> Iterator[dict]:
    """Every traject of the period as the delivery writes it (for counting: ``voorbeeld``)."""
    for pagina in _paginas(van, tot, 0, None):
        yield from (traject(t) for t in pagina)


def trajecten_json(van: date, tot: date, *, begin: int = 0, aantal: int | None = None) -> Iterator[list[str]]:
    for pagina in _paginas(van, tot, begin, aantal):
        yield [_dumps(traject(t)) for t in pagina]
