"""Deadlines of a case.

- Crisis (a threatening situation: dreigende huisuitzetting, afsluiting energie/water, opzegging
  zorgverzekering): the first contact attempt within **3 working days** (Wgs art. 4 lid 2).
- Every case: an offer of help (hulpaanbod) within the municipality's norm
  (``VROEGHULP_NORM_HULPAANBOD_DAGEN`` calendar days after matching, default 28 = 4 weeks, the
  Wgs term for a first conversation after a help request, art. 4 lid 1).

Working days: Monday–Friday, minus the general holidays of the Algemene termijnenwet art. 3
(Nieuwjaarsdag, tweede paas- en pinksterdag, Hemelvaartsdag, Koningsdag, 5 mei, beide
kerstdagen). Good Friday is not one of them.

``Vroegsignaalzaak.deadline`` holds the next deadline that is still open, so the worklist sorts
on one indexed column; ``herbereken`` keeps it current after every change.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays

from vroeghulp.common.env import env_int
from vroeghulp.zaken.models import DeadlineSoort, Zaakstatus

CRISIS_WERKDAGEN = 3


def norm_hulpaanbod_dagen() -> int:
    return env_int("VROEGHULP_NORM_HULPAANBOD_DAGEN", 28)


@lru_cache(maxsize=32)
def feestdagen(jaar: int) -> frozenset[date]:
    nl = holidays.country_holidays("NL", years=jaar, language="en_US")
    dagen = {d for d, naam in nl.items() if "Good Friday" not in naam}
    dagen.add(date(jaar, 5, 5))  # Algemene termijnenwet: elk jaar
    return frozenset(dagen)


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def plus_werkdagen(start: date, aantal: int) -> date:
    dag = start
    while aantal > 0:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            aantal -= 1
    return dag


def crisis_startdatum(zaak) -> date:
    """The day the crisis became known: the earliest crisis signal received, else matching."""
    from vroeghulp.signalering.models import Vroegsignaal
    from django.utils import timezone

    eerste = (
        Vroegsignaal.objects.filter(zaak=zaak, crisissignaal=True).order_by("ontvangen")
        .values_list("ontvangen", flat=True).first()
    )
    if eerste is not None:
        return timezone.localdate(eerste)
    return zaak.matchingsdatum


def bereken(zaak, *, heeft_contactpoging: bool) -> dict:
    """The deadline fields for this case in its current state (does not save)."""
    contact = plus_werkdagen(crisis_startdatum(zaak), CRISIS_WERKDAGEN) if zaak.crisis else None
    hulpaanbod = zaak.matchingsdatum + timedelta(days=norm_hulpaanbod_dagen())
    velden = {"contact_uiterlijk": contact, "hulpaanbod_uiterlijk": hulpaanbod,
              "deadline": None, "deadline_soort": ""}
    if zaak.status in (Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT) and contact and not heeft_contactpoging:
        velden.update(deadline=contact, deadline_soort=DeadlineSoort.EERSTE_CONTACT)
    elif zaak.status in (Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD):
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
