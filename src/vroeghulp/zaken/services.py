"""The only way other apps change zaken's data (docs/principles.md).

The case workflow's transitions are in ``zaken.workflow`` (one function per transition, used by
the zaken screens); matching (``zaken.matching``) creates and updates cases; the functions here
are what jobs outside a single case need.
"""

from __future__ import annotations

from dataclasses import dataclass

from vroeghulp.zaken.models import Vroegsignaalzaak


def verwijder_zaken(zaak_ids: list[int], *, per_keer: int = 2000) -> None:
    """Delete these cases with their history (retention, ``zaken.bewaartermijnen``); the caller
    deletes their signals first and writes the audit event with the count."""
    for i in range(0, len(zaak_ids), per_keer):
        Vroegsignaalzaak.objects.filter(id__in=zaak_ids[i:i + per_keer]).delete()


@dataclass(frozen=True)
class ZaakVoorTraject:
    """What a schuldhulptraject needs from a vroegsignaalzaak (read only; schuldhulp)."""

    zaak_id: int
    status: str
    inwoner_id: int | None
    wijk_id: int | None
    crisis: bool


def zaak_voor_traject(zaak_id: int) -> ZaakVoorTraject | None:
    rij = (Vroegsignaalzaak.objects.filter(pk=zaak_id)
           .values_list("id", "status", "inwoner_id", "wijk_id", "crisis").first())
    return ZaakVoorTraject(*rij) if rij else None


def huisstijl():
    """The municipality's letterhead (name, logo, contact details), for letters of other apps."""
    from vroeghulp.zaken.brieven import huisstijl as _huisstijl

    return _huisstijl()
