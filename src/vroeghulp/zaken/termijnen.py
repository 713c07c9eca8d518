"""Deadlines of a case.

- Crisis (a threatening situation: dreigende huisuitzetting, afsluiting energie/water, opzegging
  zorgverzekering): the first contact attempt within **3 working days** (Wgs art. 4 lid 2).
- Every case: an offer of help (hulpaanbod) within the municipality's norm
  (``VROEGHULP_NORM_HULPAANBOD_DAGEN`` calendar days after matching, default 28 = 4 weeks, the
  Wgs term for a first conversation after a help request, art. 4 lid 1).

Working days and the crisis term come from ``signalering.werkdagen`` (Algemene termijnenwet
art. 3, Goede Vrijdag included): one calendar for matching and the workflow.

``Vroegsignaalzaak.deadline`` holds the next deadline that is still open, so the worklist sorts
on one indexed column; ``herbereken`` keeps it current after every change.
"""

from datetime import date, timedelta

from django.utils import timezone

from vroeghulp.common.env import env_int
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.signalering.werkdagen import crisis_deadline
from vroeghulp.zaken.models import DeadlineSoort, Zaakstatus


def norm_hulpaanbod_dagen() -> int:
    return env_int("VROEGHULP_NORM_HULPAANBOD_DAGEN", 28)


def crisis_startdatum(zaak) -> date:
    """The day the crisis became known: the earliest crisis signal received, else matching."""
    eerste = (
        Vroegsignaal.objects.filter(zaak=zaak, crisissignaal=True).order_by("ontvangen")
        .values_list("ontvangen", flat=True).first()
    )
    if eerste is not None:
        return timezone.localdate(eerste)
    return zaak.matchingsdatum


def bereken(zaak, *, heeft_contactpoging: bool) -> dict:
    """The deadline fields for this case in its current state (does not save)."""
    return termijnvelden(
        status=zaak.status,
        contact_uiterlijk=crisis_deadline(crisis_startdatum(zaak)) if zaak.crisis else None,
        matchingsdatum=zaak.matchingsdatum,
        heeft_contactpoging=heeft_contactpoging,
    )


def termijnvelden(*, status, contact_uiterlijk, matchingsdatum, heeft_contactpoging: bool,
                  hulpaanbod_uiterlijk: date | None = None) -> dict:
    """The deadline fields from plain values: the one rule, used by the workflow and by matching."""
    contact = contact_uiterlijk
    hulpaanbod = hulpaanbod_uiterlijk or matchingsdatum + timedelta(days=norm_hulpaanbod_dagen())
    velden = {"contact_uiterlijk": contact, "hulpaanbod_uiterlijk": hulpaanbod,
              "deadline": None, "deadline_soort": ""}
    if status in (Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT) and contact and not heeft_contactpoging:
        velden.update(deadline=contact, deadline_soort=DeadlineSoort.EERSTE_CONTACT)
    elif status in (Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD):
        velden.update(deadline=hulpaanbod, deadline_soort=DeadlineSoort.HULPAANBOD)
    return velden


def herbereken(zaak, *, opslaan: bool = True) -> None:
    velden = bereken(zaak, heeft_contactpoging=zaak.contactpogingen.exists())
    for naam, waarde in velden.items():
        setattr(zaak, naam, waarde)
    if opslaan and zaak.pk:
        type(zaak).objects.filter(pk=zaak.pk).update(**velden)


def is_te_laat(zaak, vandaag: date) -> bool:
    return zaak.deadline is not None and zaak.deadline < vandaag
