"""The steps of the funnel and the other values a monitor cell counts, in one place.

Each step counts vroegsignaalzaken (from ``zaken``) or schuldhulptrajecten (from ``schuldhulp``)
of the month in which the case was matched: the cohort of that month, so the conversion from one
step to the next is the share of the same cases. ``SIGNALEN`` counts the signals of the month.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stap(models.TextChoices):
    SIGNALEN = "signalen", _("Signalen ontvangen")
    ZAKEN = "zaken", _("Vroegsignaalzaken")
    ENKELVOUDIG = "enkelvoudig", _("waarvan enkelvoudig")
    MEERVOUDIG = "meervoudig", _("waarvan meervoudig")
    OPEENVOLGEND = "opeenvolgend", _("waarvan opeenvolgend")
    OPGEPAKT = "opgepakt", _("Opgepakt")
    CONTACT = "contact", _("Contact gelegd")
    AANGEBODEN = "aangeboden", _("Hulp aangeboden")
    AANVAARD = "aanvaard", _("Hulp aanvaard")
    TRAJECT = "traject", _("Schuldhulptraject")
    STABILISATIE = "stabilisatie", _("Stabilisatie")
    REGELING = "regeling", _("Regeling")
    SCHULDENVRIJ = "schuldenvrij", _("Uitstroom schuldenvrij")


# The main line of the funnel (the "waarvan" rows split ZAKEN and are no step of their own);
# each step's conversion is against the step before it on this line.
HOOFDLIJN = (
    Stap.SIGNALEN, Stap.ZAKEN, Stap.OPGEPAKT, Stap.CONTACT, Stap.AANGEBODEN, Stap.AANVAARD,
    Stap.TRAJECT, Stap.STABILISATIE, Stap.REGELING, Stap.SCHULDENVRIJ,
)
SOORTEN = (Stap.ENKELVOUDIG, Stap.MEERVOUDIG, Stap.OPEENVOLGEND)


class Trajecten(models.TextChoices):
    """Next to the funnel, no step of it: every schuldhulptraject that ran on a day of the period
    (``monitor.definities.trajecten``), however the resident came in (walk-in, self-referral,
    referral or vroegsignalering), as in the DDAS schuldhulpverlening delivery. The funnel's
    ``Stap.TRAJECT`` counts only those from vroegsignalering. A walk-in traject has no partner
    type, so it is counted for all partner types together only."""

    ALLE = "trajecten_alle", _("Schuldhulptrajecten in de periode (alle aanmeldingen)")


class Duur(models.TextChoices):
    EERSTE_POGING = "eerste_poging", _("Dagen van matching tot de eerste contactpoging")
    RESULTAAT = "resultaat", _("Dagen van matching tot het resultaat")


class Terugval(models.TextChoices):
    """Households that left schuldhulp, by month of the uitstroom, and how many of them had a
    new signal within 12 months after it."""

    UITGESTROOMD = "uitgestroomd", _("Uitgestroomd uit schuldhulp")
    NIEUW_SIGNAAL = "nieuw_signaal", _("waarvan binnen 12 maanden een nieuw signaal")


TERUGVAL_MAANDEN = 12
