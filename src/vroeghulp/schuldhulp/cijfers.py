"""Counts of schuldhulptrajecten for the monitor, done by the database (GROUP BY), never
traject rows in Python: how far the trajecten that came from vroegsignalering got, and how many
households had a new signal within 12 months after leaving schuldhulp debt-free.

The caller passes the trajecten of a period (``monitor.definities.trajecten``: ran on a day of
it); each counts in its wijk and in the buurt of the resident's address, with its state now. Per
partner type: the types of its carried-over signals (``MeegenomenSignaal``: it stays when the case
is removed after its retention period).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from vroeghulp.schuldhulp.models import Aanmeldingswijze, MeegenomenSignaal, Traject, Uitstroomreden
from vroeghulp.signalering.models import Vroegsignaal

# Uitstroom that means the household left debt-free: the traject was completed, or the resident
# settled the debts themselves (DDAS EnumUitstroomreden "Afgerond" and "Zelf").
SCHULDENVRIJ = (Uitstroomreden.AFGEROND, Uitstroomreden.ZELF)
# "Within 12 months" of the uitstroom, in days (a year; a leap year's extra day is not counted).
TERUGVAL_DAGEN = 365


@dataclass(frozen=True)
class Trajecttelling:
    partnertype: str
    wijk_id: int | None
    buurt_id: int | None
    trajecten: int
    stabilisatie: int
    regeling: int
    schuldenvrij: int


@dataclass(frozen=True)
class Gebiedstelling:
    wijk_id: int | None
    buurt_id: int | None
    aantal: int


def _gebied() -> dict:
    """Where a traject counts: its wijk and the buurt of the resident's address."""
    return {"wijk_ref": F("wijk_id"), "buurt_ref": F("inwoner__huishouden__adres__buurt_id")}


def alle_trajecttellingen(trajecten) -> list[Gebiedstelling]:
    """Per (wijk, buurt): every one of these trajecten, however it came in (walk-ins and
    self-referrals too; one GROUP BY)."""
    rijen = (trajecten.select_related(None).prefetch_related(None).order_by()
             .values(**_gebied()).annotate(n=Count("id")).order_by())
    return [Gebiedstelling(r["wijk_ref"], r["buurt_ref"], r["n"]) for r in rijen]


def _met_partnertype(trajecten, partnertype: str):
    if not partnertype:
        return trajecten
    return trajecten.filter(Exists(MeegenomenSignaal.objects.filter(traject_id=OuterRef("pk"), partnertype=partnertype)))


def trajecttellingen(trajecten, per_partnertype: bool = False) -> list[Trajecttelling]:
    """Per (wijk, buurt): those of these trajecten that came from vroegsignalering, and how far
    they got.
    Nested like the funnel: a settlement implies stabilisation was passed, debt-free implies
    a traject."""
    schuldenvrij = Q(uitstroom_datum__isnull=False, uitstroom_reden__in=SCHULDENVRIJ)
    regeling = Q(oplossing_startdatum__isnull=False) | schuldenvrij
    stabilisatie = Q(stabilisatie_startdatum__isnull=False) | regeling
    trajecten = (trajecten.select_related(None).prefetch_related(None).order_by()
                 .filter(aanmeldingswijze=Aanmeldingswijze.VROEGSIGNALERING))
    groep = _gebied()
    if per_partnertype:  # the carried-over signals' types; COUNT(DISTINCT) over that join
        groep["ptype"] = F("signalen__partnertype")
    n = partial(Count, "id", distinct=per_partnertype)
    rijen = (trajecten.values(**groep)
             .annotate(n=n(), n_stabilisatie=n(filter=stabilisatie), n_regeling=n(filter=regeling),
                       n_schuldenvrij=n(filter=schuldenvrij))
             .order_by())
    return [Trajecttelling(r.get("ptype", ""), r["wijk_ref"], r["buurt_ref"], r["n"], r["n_stabilisatie"],
                           r["n_regeling"], r["n_schuldenvrij"]) for r in rijen]


@dataclass(frozen=True)
class Terugvaltelling:
    """Trajecten (any way in) that left debt-free in a month, and how many households had a new
    signal in the 12 months after."""

    maand: date
    wijk_id: int | None
    buurt_id: int | None
    uitgestroomd: int
    nieuw_signaal: int


def terugvaltellingen(partnertype: str = "") -> list[Terugvaltelling]:
    """A new signal of the household: a signal of the resident or of a member of the traject's
    household, with a signaaldatum after the uitstroom and at most 365 days later (so far, for an
    uitstroom less than a year ago)."""
    nieuw = Vroegsignaal.objects.filter(
        Q(inwoner_id=OuterRef("inwoner_id")) | Q(inwoner__huishouden_id=OuterRef("huishouden_id")),
        signaaldatum__gt=OuterRef("uitstroom_datum"),
        signaaldatum__lte=OuterRef("terugval_tot"),
    )
    trajecten = _met_partnertype(
        Traject.objects.filter(uitstroom_datum__isnull=False, uitstroom_reden__in=SCHULDENVRIJ), partnertype)
    rijen = (trajecten
             .annotate(terugval_tot=F("uitstroom_datum") + timedelta(days=TERUGVAL_DAGEN))
             .annotate(terug=Exists(nieuw))
             .values(maand=TruncMonth("uitstroom_datum"), **_gebied())
             .annotate(n=Count("id"), n_terug=Count("id", filter=Q(terug=True)))
             .order_by())
    return [Terugvaltelling(_datum(r["maand"]), r["wijk_ref"], r["buurt_ref"], r["n"], r["n_terug"]) for r in rijen]


def _datum(waarde) -> date:
    return waarde.date() if hasattr(waarde, "date") and callable(waarde.date) else waarde
