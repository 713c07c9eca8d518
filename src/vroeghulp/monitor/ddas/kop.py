"""What both deliveries say about the supplier and the municipality, following the Q&A of the
DDAS schuldhulpverlening standard (``VraagEnAntwoord.md``), which vroegsignalering has no own of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from django.conf import settings

import vroeghulp

ONBEKEND = "Onbekend"


def code_gegevensleverancier() -> str:
    """Q&A "Wat moet worden opgegeven bij 'code gegevensleverancier'?": "'naam
    softwareleverancier' + 'versienummer-software'", so CBS can tell suppliers and versions apart.
    The same value as ``schuldhulp.ddas`` writes."""
    return f"Vroeghulp {vroeghulp.__version__}"


def gemeentecode() -> str:
    """The municipality responsible, or "Onbekend": Q&A "Wat te doen als de gemeentecode onbekend
    is ...": "In dergelijke gevallen kan bij de trajecten in het veld gemeentecode de waarde
    “Onbekend” worden opgenomen" (never an empty string, never a guess from an address)."""
    return (settings.GEMEENTECODE or "").strip() or ONBEKEND


def gemeentecode_of_leeg() -> str:
    """For ``aanleverende_organisatie``: Q&A "Wat vul ik in bij gemeentecode?": filled when the
    supplying organisation is a municipality, "in andere gevallen is deze waarde leeg"; we are
    the municipality, so it is its code when known and left out otherwise."""
    return (settings.GEMEENTECODE or "").strip()


@dataclass(frozen=True)
class Organisatie:
    naam: str
    kvk_nummer: str
    contact_naam: str
    contact_email: str
    contact_telefoon: str
    contact_functie: str

    def contactpersonen(self) -> list[dict]:
        """Q&A: CBS sends the 'op-orde-rapport' to this e-mail address; without one no contact."""
        if not self.contact_email:
            return []
        persoon = {"naam": self.contact_naam, "email": self.contact_email,
                   "telefoonnummer": self.contact_telefoon, "functietitel": self.contact_functie}
        return [{k: v for k, v in persoon.items() if v}]


def organisatie() -> Organisatie:
    """The supplying organisation from the settings (README, table of settings)."""
    return Organisatie(
        naam=getattr(settings, "VROEGHULP_DDAS_ORGANISATIE", "") or "Gemeente",
        kvk_nummer=getattr(settings, "VROEGHULP_DDAS_KVK", ""),
        contact_naam=getattr(settings, "VROEGHULP_DDAS_CONTACT_NAAM", ""),
        contact_email=getattr(settings, "VROEGHULP_DDAS_CONTACT_EMAIL", ""),
        contact_telefoon=getattr(settings, "VROEGHULP_DDAS_CONTACT_TELEFOON", ""),
        contact_functie=getattr(settings, "VROEGHULP_DDAS_CONTACT_FUNCTIE", ""),
    )


def tijdstip(nu: datetime | None = None) -> str:
    """``aanleverdatumEnTijd``: "YYYY-MM-DDTHH:MM:SSZ" in UTC."""
    nu = (nu or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return nu.strftime("%Y-%m-%dT%H:%M:%SZ")
