"""Data quality per signal partner: what is missing or cannot be right in what it delivered, so
the municipality knows whom to call. Counts per organisation over whole months, no area and no
person, read from the monitor's cells (``Kwaliteitscel``, made by ``bijwerken``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.monitor.bijwerken import _maand_na
from vroeghulp.monitor.models import Kwaliteitscel
from vroeghulp.signalering import cijfers as signalering_cijfers

MATEN = {
    "zonder_bsn": _("Zonder BSN"),
    "zonder_geboortedatum": _("Zonder geboortedatum"),
    "zonder_ontstaansdatum": _("Zonder ontstaansdatum"),
    "zonder_telefoon_en_email": _("Zonder telefoon en e-mail"),
    "postcode_onbekend": _("Postcode niet in de gemeente bekend"),
    "ontstaan_na_signaal": _("Ontstaan na de signaaldatum (onmogelijk)"),
    "geboortedatum_onmogelijk": _("Geboortedatum onmogelijk"),
    "met_waarschuwing": _("Met een waarschuwing bij ontvangst"),
}
KEUZES_MAANDEN = (1, 3, 6, 12)


@dataclass(frozen=True)
class Meting:
    aantal: int
    percentage: float | None


@dataclass(frozen=True)
class Partnerrij:
    naam: str
    type: str
    signalen: int
    metingen: list[Meting]
    ontvangen: int
    afgewezen: int
    afgewezen_percentage: float | None
    dubbel: int


@dataclass(frozen=True)
class Afwijzingsrij:
    """Refused rows of one partner with one reason; a row with two errors counts under both."""

    partner: str
    code: str
    reden: str  # the Dutch text the intake sent the partner
    aantal: int
    percentage: float | None  # of the rows the partner delivered


@dataclass
class Kwaliteitsoverzicht:
    maanden: int
    vanaf: date
    maten: list[str]
    rijen: list[Partnerrij]
    overige_percentage: float | None
    afwijzingen: list[Afwijzingsrij] = field(default_factory=list)
    keuzes: tuple = KEUZES_MAANDEN


def _pct(teller: int, noemer: int) -> float | None:
    return round(100 * teller / noemer, 1) if noemer else None


def overzicht(maanden: str | None = None) -> Kwaliteitsoverzicht:
    n = int(maanden) if maanden and maanden.isdigit() and int(maanden) in KEUZES_MAANDEN else 3
    deze = timezone.localdate().replace(day=1)
    vanaf = _maand_na(deze, -(n - 1))
    tellingen: dict[int, dict[str, int]] = {}
    redenen: dict[int, dict[str, int]] = {}
    for partner_id, maat, reden, aantal in (Kwaliteitscel.objects.filter(maand__gte=vanaf)
                                            .values("partner_id", "maat", "reden").annotate(n=Sum("aantal"))
                                            .values_list("partner_id", "maat", "reden", "n").order_by()):
        if maat == Kwaliteitscel.AFGEWEZEN_REDEN:
            redenen.setdefault(partner_id, {})[reden] = aantal
        else:
            tellingen.setdefault(partner_id, {})[maat] = aantal
    rijen, afwijzingen, overige, totaal = [], [], 0, 0
    for p in signalering_cijfers.partners():
        t = tellingen.get(p.id)
        if not t:
            continue
        signalen = t.get("signalen", 0)
        totaal += signalen
        overige += signalen if p.type == signalering_cijfers.OVERIGE else 0
        rijen.append(Partnerrij(
            p.naam, p.type, signalen, [Meting(t.get(m, 0), _pct(t.get(m, 0), signalen)) for m in MATEN],
            t.get("ontvangen", 0), t.get("afgewezen", 0), _pct(t.get("afgewezen", 0), t.get("ontvangen", 0)),
            t.get("dubbel", 0)))
        # the most frequent reason first: that is the one to call the partner about
        for code, aantal in sorted(redenen.get(p.id, {}).items(), key=lambda r: (-r[1], r[0])):
            afwijzingen.append(Afwijzingsrij(p.naam, code, signalering_cijfers.afwijzingsreden(code), aantal,
                                             _pct(aantal, t.get("ontvangen", 0))))
    return Kwaliteitsoverzicht(n, vanaf, [str(v) for v in MATEN.values()], rijen, _pct(overige, totaal),
                               afwijzingen)
