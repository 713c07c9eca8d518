"""The only way other apps change zaken's data (docs/principles.md).

The case workflow's transitions are in ``zaken.workflow`` (one function per transition, used by
the zaken screens); matching (``zaken.matching``) creates and updates cases; the functions here
are what jobs outside a single case need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from vroeghulp.signalering import services as signalering
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


def schuldhulp_gestart(zaak_id: int, *, door, traject_id: int) -> bool:
    """A schuldhulptraject started from this case: the case ends with "Vervolghulp en/of
    verwijzing financieel" (``workflow.schuldhulp_gestart``; False when it was already closed)."""
    from vroeghulp.zaken import workflow  # here: the workflow imports the zaken modules this one serves

    return workflow.schuldhulp_gestart(zaak_id, door=door, traject_id=traject_id) is not None


@dataclass(frozen=True)
class Vervolg:
    """Where the help of a case went on in an app above zaken (the schuldhulptraject), shown on
    the case page as a link."""

    label: str
    url: str


# Registered by the apps above zaken (``SchuldhulpConfig.ready``): zaak id -> its follow-ups.
_vervolg: list[Callable[[int], list[Vervolg]]] = []


def registreer_vervolg(haak: Callable[[int], list[Vervolg]]) -> None:
    if haak not in _vervolg:
        _vervolg.append(haak)


def vervolg_van_zaak(zaak_id: int) -> list[Vervolg]:
    return [v for haak in _vervolg for v in haak(zaak_id)]


def zaak_voor_traject(zaak_id: int) -> ZaakVoorTraject | None:
    rij = (Vroegsignaalzaak.objects.filter(pk=zaak_id)
           .values_list("id", "status", "inwoner_id", "wijk_id", "crisis").first())
    return ZaakVoorTraject(*rij) if rij else None


def huisstijl():
    """The municipality's letterhead (name, logo, contact details), for letters of other apps."""
    from vroeghulp.zaken.brieven import huisstijl as _huisstijl

    return _huisstijl()


# --- reads for the DDAS delivery and the monitor (monitor.definities says which period; the
# delivery's pages: zaken.ddas) ------------------------------------------------------------------


def zaken_lopend_in(van: date, tot: date):
    """The cases that were open on at least one day of [van, tot]: created by matching on or
    before ``tot`` (matchingsdatum) and not closed before ``van`` (datum_afgerond, set when a
    case is afgerond or niet opgepakt). Not a case of self-referrals only: that is no
    vroegsignaalzaak (``signalering.services.vroegsignalen`` says why)."""
    return (Vroegsignaalzaak.objects.filter(matchingsdatum__lte=tot)
            .filter(Q(datum_afgerond__isnull=True) | Q(datum_afgerond__gte=van))
            .exclude(id__in=signalering.zaken_met_alleen_zelfmeldingen()))
