"""The Wgs deadlines of a traject, in one place.

- Wgs art. 4 lid 1: the first conversation within **four weeks** after the resident asked for
  help (or accepted the offer after a signal): the aanmelddatum + 28 days.
- Wgs art. 4 lid 2: in a bedreigende situatie (eviction; cut-off of gas, electricity, district
  heating or water; termination of the health insurance) within **three working days**.
- Wgs art. 4a lid 3: the beschikking (plan van aanpak or refusal) within the term of the
  municipal ordinance, at most **eight weeks** after the first conversation. The term is the
  setting ``VROEGHULP_WGS_BESCHIKKING_WEKEN`` (default 8); above 8 is refused in Dutch.
- Algemene termijnenwet art. 1 lid 1: a term that ends on a Saturday, Sunday or algemeen erkende
  feestdag runs on to the next day that is none of these.

Working days and holidays come from ``signalering.werkdagen`` (the calendar of the whole app).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from vroeghulp.common import instellingen
from vroeghulp.signalering.werkdagen import CRISIS_WERKDAGEN, is_werkdag, plus_werkdagen

EERSTE_GESPREK_WEKEN = 4
BESCHIKKING_MAX_WEKEN = 8


def beschikking_weken() -> int:
    """The municipality's term for the beschikking, in weeks (at most 8, Wgs art. 4a lid 3)."""
    weken = instellingen.geheel_getal("VROEGHULP_WGS_BESCHIKKING_WEKEN", BESCHIKKING_MAX_WEKEN)
    if not 1 <= weken <= BESCHIKKING_MAX_WEKEN:
        raise ImproperlyConfigured(_(
            "VROEGHULP_WGS_BESCHIKKING_WEKEN is %(weken)s. De Wgs (artikel 4a lid 3) staat hooguit "
            "8 weken toe. Kies 1 tot en met 8.") % {"weken": weken})
    return weken


def niet_in_weekend_of_feestdag(dag: date) -> date:
    """Algemene termijnenwet art. 1 lid 1."""
    while not is_werkdag(dag):
        dag += timedelta(days=1)
    return dag


def eerste_gesprek_uiterlijk(aanmelddatum: date, *, bedreiging: bool) -> date:
    if bedreiging:
        return plus_werkdagen(aanmelddatum, CRISIS_WERKDAGEN)
    return niet_in_weekend_of_feestdag(aanmelddatum + timedelta(weeks=EERSTE_GESPREK_WEKEN))


def beschikking_uiterlijk(datum_eerste_gesprek: date, *, weken: int | None = None) -> date:
    weken = beschikking_weken() if weken is None else weken
    return niet_in_weekend_of_feestdag(datum_eerste_gesprek + timedelta(weeks=weken))


@dataclass(frozen=True)
class Termijnen:
    eerste_gesprek_uiterlijk: date
    beschikking_uiterlijk: date | None
    deadline: date | None
    deadline_soort: str


def bereken(*, aanmelddatum: date, bedreiging: bool, datum_eerste_gesprek: date | None,
            beschikkingsdatum: date | None, open_: bool) -> Termijnen:
    """The deadline fields of a traject from plain values (does not save)."""
    gesprek = eerste_gesprek_uiterlijk(aanmelddatum, bedreiging=bedreiging)
    beschikking = beschikking_uiterlijk(datum_eerste_gesprek) if datum_eerste_gesprek else None
    if open_ and datum_eerste_gesprek is None:
        return Termijnen(gesprek, beschikking, gesprek, "eerste_gesprek")
    if open_ and beschikking is not None and beschikkingsdatum is None:
        return Termijnen(gesprek, beschikking, beschikking, "beschikking")
    return Termijnen(gesprek, beschikking, None, "")


def velden(traject) -> dict:
    t = bereken(aanmelddatum=traject.aanmelddatum, bedreiging=traject.crisis,
                datum_eerste_gesprek=traject.datum_eerste_gesprek,
                beschikkingsdatum=traject.beschikkingsdatum, open_=traject.is_open)
    return {"eerste_gesprek_uiterlijk": t.eerste_gesprek_uiterlijk,
            "beschikking_uiterlijk": t.beschikking_uiterlijk,
            "deadline": t.deadline, "deadline_soort": t.deadline_soort}


def is_te_laat(traject, vandaag: date) -> bool:
    return traject.deadline is not None and traject.deadline < vandaag
