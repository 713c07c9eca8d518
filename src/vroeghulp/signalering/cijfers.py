"""Counts of signals for the monitor, done by the database (GROUP BY), never signal rows in
Python: signals per month, area and partner type, and the data quality per partner.

The caller passes the signals of a period (``monitor.definities.signalen``); each counts in its
wijk (set by matching) and in the buurt of its postcode (the gebieden postcode table; empty for a
postcode that is not in it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, F, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth

from vroeghulp.gebieden.models import Postcode
from vroeghulp.signalering.intake.codes import melding
from vroeghulp.signalering.models import Aanlevering, PartnerType, Signaalpartner, Vroegsignaal


@dataclass(frozen=True)
class Signaaltelling:
    wijk_id: int | None
    buurt_id: int | None
    partnertype: str
    aantal: int


def _buurt():
    return Subquery(Postcode.objects.filter(postcode=OuterRef("postcode")).values("buurt_id")[:1])


def signaaltellingen(signalen) -> list[Signaaltelling]:
    """Per (wijk, buurt, DDAS partner type): the number of these signals (a queryset of
    ``services.signalen_met_signaaldatum``)."""
    rijen = (signalen.annotate(buurt_ref=_buurt())
             .values("buurt_ref", wijk_ref=F("wijk_id"), soort=F("partner__type"))
             .annotate(n=Count("id")).order_by())
    return [Signaaltelling(r["wijk_ref"], r["buurt_ref"], r["soort"], r["n"]) for r in rijen]


def eerste_signaaldatum():
    """The earliest signaaldatum of the signals still stored (None without signals)."""
    return Vroegsignaal.objects.aggregate(d=Min("signaaldatum"))["d"]


def partnertypen_in_gebruik() -> list[str]:
    """The DDAS partner types of the partners that delivered at least one signal."""
    # per partner one index probe (uniek_signaal_per_partner), not a scan of the signals
    met_signalen = Exists(Vroegsignaal.objects.filter(partner_id=OuterRef("pk")))
    return sorted(set(Signaalpartner.objects.filter(met_signalen).values_list("type", flat=True)))


OVERIGE = PartnerType.OVERIGE


# Data quality: what a partner delivered that is missing or cannot be right. The keys are the
# measures of monitor.kwaliteit; each is a condition on one signal.
KWALITEIT = {
    "zonder_bsn": Q(bsn=""),
    "zonder_geboortedatum": Q(geboortedatum__isnull=True),
    "zonder_ontstaansdatum": Q(ontstaansdatum__isnull=True),
    "zonder_telefoon_en_email": Q(telefoonnummer="", email=""),
    "postcode_onbekend": Q(buurt_ref__isnull=True),
    "ontstaan_na_signaal": Q(ontstaansdatum__gt=F("signaaldatum")),
    "geboortedatum_onmogelijk": Q(geboortedatum__gt=F("signaaldatum")) | Q(geboortedatum__lt=date(1900, 1, 1)),
    "met_waarschuwing": ~Q(waarschuwingen=[]),
}


@dataclass(frozen=True)
class Kwaliteitstelling:
    maand: date
    partner_id: int
    maat: str
    aantal: int


def kwaliteitstellingen(vanaf: date) -> list[Kwaliteitstelling]:
    """Per (month received, partner): the signals, each quality measure, and from the deliveries
    the numbers received, refused and repeated (refused per reason: ``afwijzingen_per_reden``)."""
    uit = []
    rijen = (Vroegsignaal.objects.filter(ontvangen__date__gte=vanaf).annotate(buurt_ref=_buurt())
             .values("partner_id", maand=TruncMonth("ontvangen"))
             .annotate(signalen=Count("id"), **{m: Count("id", filter=q) for m, q in KWALITEIT.items()})
             .order_by())
    for r in rijen:
        for maat in ("signalen", *KWALITEIT):
            if r[maat]:
                uit.append(Kwaliteitstelling(_datum(r["maand"]), r["partner_id"], maat, r[maat]))
    leveringen = (Aanlevering.objects.filter(ontvangen__date__gte=vanaf)
                  .values("partner_id", maand=TruncMonth("ontvangen"))
                  .annotate(aanleveringen=Count("id"), ontvangen=Sum("aantal_ontvangen"),
                            afgewezen=Sum("aantal_afgewezen"), dubbel=Sum("aantal_dubbel")).order_by())
    for r in leveringen:
        for maat in ("aanleveringen", "ontvangen", "afgewezen", "dubbel"):
            if r[maat]:
                uit.append(Kwaliteitstelling(_datum(r["maand"]), r["partner_id"], maat, r[maat]))
    return uit


@dataclass(frozen=True)
class Afwijzingstelling:
    maand: date
    partner_id: int
    reden: str  # an error code of the intake (intake.codes.MELDINGEN)
    aantal: int


def afwijzingen_per_reden(vanaf: date) -> list[Afwijzingstelling]:
    """Per (month received, partner, error code): the refused rows of the deliveries from
    ``vanaf`` on (``Aanlevering.afgewezen_per_reden``; a row with two errors counts under both).
    Summed here over deliveries, not signals: a partner delivers a few times a day at most, and
    JSON is summed differently by SQLite and PostgreSQL. Only deliveries with a refusal are read."""
    som: dict[tuple[date, int, str], int] = {}
    for partner_id, maand, per_reden in (
            Aanlevering.objects.filter(ontvangen__date__gte=vanaf, aantal_afgewezen__gt=0)
            .values_list("partner_id", TruncMonth("ontvangen"), "afgewezen_per_reden").order_by()):
        for reden, aantal in (per_reden or {}).items():
            sleutel = (_datum(maand), partner_id, reden)
            som[sleutel] = som.get(sleutel, 0) + aantal
    return [Afwijzingstelling(m, p, r, n) for (m, p, r), n in sorted(som.items())]


def afwijzingsreden(code: str) -> str:
    """The Dutch text the intake gave the partner for this error code (one place: intake.codes)."""
    return melding(code)


@dataclass(frozen=True)
class Partner:
    id: int
    naam: str
    type: str


def partners() -> list[Partner]:
    """The signal partners (organisations), for the data quality page."""
    return [Partner(*r) for r in Signaalpartner.objects.order_by("naam").values_list("id", "naam", "type")]


def _datum(waarde) -> date:
    return waarde.date() if hasattr(waarde, "date") and callable(waarde.date) else waarde
