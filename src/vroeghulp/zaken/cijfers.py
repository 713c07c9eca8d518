"""Counts of vroegsignaalzaken for the monitor, done by the database (GROUP BY), never case rows
in Python. The monitor reads these (its import contract forbids it our models); what a step
means is written here once, next to the workflow that sets the fields.

The caller passes the cases of a period (``monitor.definities.zaken``: open on a day of it); each
counts in its wijk and the buurt of the resident's address (empty when the household is not in
the BRP), with its state now. With ``per_partnertype`` the counts are per DDAS partner type of the
case's signals instead (a case with signals of two types counts under both): one GROUP BY over
the join with the signals, COUNT(DISTINCT case), instead of one query per type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from django.db import models
from django.db.models import Count, Exists, F, Min, OuterRef, Q, Subquery, Sum

from vroeghulp.zaken.models import Contactpoging, Eindresultaat, Matchsoort, Statuswijziging, Zaakstatus

# The DDAS results that mean the resident accepted help (advice, a quick fix, or further help);
# "Verwijzing zonder tussenkomst inwoner" is a referral without the resident, not an acceptance.
HULP_AANVAARD = (
    Eindresultaat.BUDGETADVIES, Eindresultaat.VERVOLGHULP, Eindresultaat.VERVOLGHULP_FINANCIEEL,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL,
)


class Dagen(models.Func):
    """Whole days from ``begin`` to ``eind`` (two dates), on SQLite and PostgreSQL."""

    output_field = models.IntegerField()

    def __init__(self, eind, begin):
        super().__init__(eind, begin)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(julianday(%(expressions)s) AS INTEGER)",
                           arg_joiner=") - julianday(", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra)


@dataclass(frozen=True)
class Zaaktelling:
    """The cases of one wijk and buurt (and partner type, when asked) per funnel step."""

    partnertype: str
    wijk_id: int | None
    buurt_id: int | None
    zaken: int
    enkelvoudig: int
    meervoudig: int
    opeenvolgend: int
    opgepakt: int
    contact: int
    aangeboden: int
    aanvaard: int
    met_eerste_poging: int
    dagen_eerste_poging: int
    met_resultaat: int
    dagen_resultaat: int


def _groep(per_partnertype: bool, pad: str = "") -> dict:
    groep = {"wijk_ref": F(f"{pad}wijk_id"), "buurt_ref": F(f"{pad}inwoner__huishouden__adres__buurt_id")}
    if per_partnertype:
        groep["ptype"] = F(f"{pad}signalen__partner__type")
    return groep


def _aantal(per_partnertype: bool, **kwargs) -> Count:
    return Count("id", distinct=per_partnertype, **kwargs)


def zaaktellingen(zaken, per_partnertype: bool = False) -> list[Zaaktelling]:
    """Per (wijk, buurt[, partner type]): these cases and how far they got. The steps are nested
    by construction (a later step implies the earlier ones), so the funnel never widens: a case
    with an accepted result was offered help, one offered help was contacted. The durations
    (sums of days) only without ``per_partnertype``: the join would count a case once per signal."""
    n = partial(_aantal, per_partnertype)
    aanvaard = Q(resultaat__in=HULP_AANVAARD)
    aangeboden = Q(datum_hulp_aangeboden__isnull=False) | aanvaard
    contact = Q(contact_via_status=True) | Q(contact_via_poging=True) | aangeboden
    opgepakt = Q(datum_opgepakt__isnull=False) | contact
    met_resultaat = ~Q(resultaat="") & Q(datum_afgerond__isnull=False)
    rijen = (
        zaken
        .annotate(
            contact_via_status=Exists(Statuswijziging.objects.filter(zaak_id=OuterRef("pk"),
                                                                     naar=Zaakstatus.CONTACT_GELEGD)),
            contact_via_poging=Exists(Contactpoging.objects.filter(zaak_id=OuterRef("pk"), bereikt=True)),
            eerste_poging=Subquery(Contactpoging.objects.filter(zaak_id=OuterRef("pk")).order_by()
                                   .values("zaak_id").annotate(d=Min("datum")).values("d")[:1]),
        )
        .values(**_groep(per_partnertype))
        .annotate(
            n_zaken=n(),
            n_enkelvoudig=n(filter=Q(matchsoort=Matchsoort.ENKELVOUDIG)),
            n_meervoudig=n(filter=Q(matchsoort=Matchsoort.MEERVOUDIG)),
            n_opeenvolgend=n(filter=Q(matchsoort=Matchsoort.OPEENVOLGEND)),
            n_opgepakt=n(filter=opgepakt),
            n_contact=n(filter=contact),
            n_aangeboden=n(filter=aangeboden),
            n_aanvaard=n(filter=aanvaard),
            **({} if per_partnertype else {
                "n_met_eerste_poging": Count("eerste_poging"),
                "n_dagen_eerste_poging": Sum(Dagen(F("eerste_poging"), F("matchingsdatum"))),
                "n_met_resultaat": Count("id", filter=met_resultaat),
                "n_dagen_resultaat": Sum(Dagen(F("datum_afgerond"), F("matchingsdatum")), filter=met_resultaat),
            }),
        )
        .order_by()
    )
    return [
        Zaaktelling(
            partnertype=r.get("ptype", ""), wijk_id=r["wijk_ref"], buurt_id=r["buurt_ref"], zaken=r["n_zaken"],
            enkelvoudig=r["n_enkelvoudig"], meervoudig=r["n_meervoudig"], opeenvolgend=r["n_opeenvolgend"],
            opgepakt=r["n_opgepakt"], contact=r["n_contact"], aangeboden=r["n_aangeboden"],
            aanvaard=r["n_aanvaard"], met_eerste_poging=r.get("n_met_eerste_poging", 0),
            dagen_eerste_poging=r.get("n_dagen_eerste_poging") or 0, met_resultaat=r.get("n_met_resultaat", 0),
            dagen_resultaat=r.get("n_dagen_resultaat") or 0,
        )
        for r in rijen
    ]


@dataclass(frozen=True)
class Resultaattelling:
    partnertype: str
    wijk_id: int | None
    buurt_id: int | None
    resultaat: str
    aantal: int


def resultaattellingen(zaken, per_partnertype: bool = False) -> list[Resultaattelling]:
    """Per (wijk, buurt[, partner type], DDAS eindresultaat): these cases with that result."""
    rijen = (zaken.exclude(resultaat="").values(uitkomst=F("resultaat"), **_groep(per_partnertype))
             .annotate(n=_aantal(per_partnertype)).order_by())
    return [Resultaattelling(r.get("ptype", ""), r["wijk_ref"], r["buurt_ref"], r["uitkomst"], r["n"]) for r in rijen]


@dataclass(frozen=True)
class Contacttelling:
    partnertype: str
    wijk_id: int | None
    buurt_id: int | None
    soort: str
    dagdeel: str
    pogingen: int
    bereikt: int


def contacttellingen(zaken, van: date, tot: date, per_partnertype: bool = False) -> list[Contacttelling]:
    """Per (wijk, buurt[, partner type], DDAS Contactsoort, dagdeel): the attempts on these cases
    dated in [van, tot], and how many reached the resident."""
    n = partial(_aantal, per_partnertype)
    rijen = (Contactpoging.objects.filter(zaak__in=zaken.values("pk"), datum__gte=van, datum__lte=tot)
             .values(kanaal=F("soort"), deel=F("dagdeel"), **_groep(per_partnertype, "zaak__"))
             .annotate(n=n(), n_bereikt=n(filter=Q(bereikt=True))).order_by())
    return [Contacttelling(r.get("ptype", ""), r["wijk_ref"], r["buurt_ref"], r["kanaal"], r["deel"], r["n"],
                           r["n_bereikt"]) for r in rijen]


# Every DDAS eindresultaat, in the standard's order, for the monitor's distribution.
RESULTATEN = {r.value: r.label for r in Eindresultaat}
