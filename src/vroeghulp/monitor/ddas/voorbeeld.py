"""What a DDAS delivery of a period holds, counted per object type, and what changed since the last
complete delivery of the same soort and period: the beheerder's preview (``scherm``) and the log
each complete delivery writes (``vastleggen``, ``models.Ddaslevering``).

Counts only. The kinds of objects are those of the delivery:

- vroegsignalering: the vroegsignalen and vroegsignaalzaken of ``definities`` (the same counts the
  delivery and the monitor's funnel use), the signals' clients by BSN or by address, and the
  contact attempts of the cases;
- schuldhulpverlening: the schuldhulptrajecten of ``definities`` and, in them, every list of the
  standard (client, schulden, moratoria, ...) and every phase (intake, stabilisatie, ...), counted
  on the very objects the delivery writes (``schuldhulpverlening.trajecten``): a municipality has
  thousands of trajecten, not millions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext_lazy as _

from vroeghulp.monitor import definities
from vroeghulp.monitor.ddas import schuldhulpverlening
from vroeghulp.monitor.models import Ddaslevering, Kanaal
from vroeghulp.signalering import ddas as signalering_ddas
from vroeghulp.zaken import ddas as zaken_ddas

LABELS = {
    "vroegsignalen": _("Vroegsignalen"),
    "met_bsn": _("Vroegsignalen met BSN"),
    "zonder_bsn": _("Vroegsignalen met adres (zonder BSN)"),
    "vroegsignaalzaken": _("Vroegsignaalzaken"),
    "contactpogingen": _("Contactpogingen"),
    "schuldhulptrajecten": _("Schuldhulptrajecten"),
    "client": _("Cliënten (inwoner en partner)"),
    "crisisinterventies": _("Crisisinterventies"),
    "schulden": _("Schulden"),
    "moratoria": _("Moratoria (afkoelingsperiode)"),
    "voorlopigeVoorzieningen": _("Voorlopige voorzieningen"),
    "begeleiding": _("Begeleiding (beschermingsbewind)"),
    "aanmelding": _("Fase aanmelding"),
    "intake": _("Fase intake"),
    "stabilisatie": _("Fase stabilisatie"),
    "planVanAanpak": _("Plan van aanpak"),
    "oplossing": _("Fase oplossing"),
    "schuldregeling": _("Schuldregeling"),
    "nazorg": _("Fase nazorg"),
    "uitstroom": _("Uitstroom"),
}
SINDS = {
    "ontvangen_sinds": _("Vroegsignalen ontvangen na de vorige levering"),
    "zaken_gewijzigd_sinds": _("Vroegsignaalzaken gewijzigd na de vorige levering"),
    "contactpogingen_sinds": _("Contactpogingen vastgelegd na de vorige levering"),
}


@dataclass(frozen=True)
class Regel:
    """One object type: its name in the standard, its label, the count now and in the last delivery."""

    naam: str
    label: str
    aantal: int
    vorige: int | None = None

    @property
    def verschil(self) -> int | None:
        return None if self.vorige is None else self.aantal - self.vorige


@dataclass(frozen=True)
class Voorbeeld:
    soort: str
    van: date
    tot: date
    regels: list[Regel]
    vorige: Ddaslevering | None
    sinds: list[Regel]  # changed after the last delivery (empty without one)


def _trajecttellingen(van: date, tot: date) -> dict[str, int]:
    tellingen: Counter = Counter()
    for traject in schuldhulpverlening.trajecten(van, tot):
        tellingen["schuldhulptrajecten"] += 1
        for sleutel, waarde in traject.items():
            if isinstance(waarde, list):
                tellingen[sleutel] += len(waarde)
            elif isinstance(waarde, dict) and waarde:
                tellingen[sleutel] += 1
    tellingen.setdefault("schuldhulptrajecten", 0)
    return dict(tellingen)


def aantallen(soort: str, van: date, tot: date) -> dict[str, int]:
    """The count per object type of the delivery of this soort and period."""
    if soort == "schuldhulpverlening":
        return _trajecttellingen(van, tot)
    signalen = signalering_ddas.tellingen(van, tot)
    return {"vroegsignalen": signalen["vroegsignalen"], "met_bsn": signalen["met_bsn"],
            "zonder_bsn": signalen["zonder_bsn"], "vroegsignaalzaken": definities.aantal_zaken(van, tot),
            "contactpogingen": zaken_ddas.tellingen(van, tot)["contactpogingen"]}


def laatste(soort: str, van: date, tot: date) -> Ddaslevering | None:
    return Ddaslevering.objects.filter(soort=soort, van=van, tot=tot).order_by("-geleverd", "-id").first()


def _sinds(soort: str, van: date, tot: date, moment: datetime) -> list[Regel]:
    if soort != "vroegsignalering":
        return []
    tellingen = {**signalering_ddas.tellingen(van, tot, sinds=moment), **zaken_ddas.tellingen(van, tot, sinds=moment)}
    return [Regel(naam, str(label), tellingen[naam]) for naam, label in SINDS.items()]


def voorbeeld(soort: str, van: date, tot: date) -> Voorbeeld:
    nu = aantallen(soort, van, tot)
    vorige = laatste(soort, van, tot)
    oud = vorige.aantallen if vorige is not None else {}
    namen = list(nu) + [n for n in oud if n not in nu]  # a type that is gone shows as 0
    regels = [Regel(n, str(LABELS.get(n, n)), nu.get(n, 0), (oud.get(n, 0) if vorige is not None else None))
              for n in namen]
    return Voorbeeld(soort=soort, van=van, tot=tot, regels=regels, vorige=vorige,
                     sinds=_sinds(soort, van, tot, vorige.geleverd) if vorige is not None else [])


def vastleggen(soort: str, van: date, tot: date, *, kanaal: str, door: str = "") -> Ddaslevering:
    """Log a complete delivery (the CLI after its file, the API after the last page)."""
    if kanaal not in Kanaal.values:
        raise ValueError(kanaal)
    return Ddaslevering.objects.create(soort=soort, van=van, tot=tot, aantallen=aantallen(soort, van, tot),
                                       kanaal=kanaal, door=door[:120])
