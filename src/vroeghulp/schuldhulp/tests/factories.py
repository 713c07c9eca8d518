"""Trajecten for tests, built through the workflow itself (no shortcut past the services)."""

from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import Aanmeldingswijze, Doorverwijzing, Fase as F, Uitstroomreden as U

PAD = {
    F.AANMELDING: [],
    F.INTAKE: [(F.INTAKE, {})],
    F.STABILISATIE: [(F.INTAKE, {}), (F.STABILISATIE, {})],
    F.PLAN_VAN_AANPAK: [(F.INTAKE, {}), (F.PLAN_VAN_AANPAK, {"verwachte_weken": 26})],
    F.SCHULDREGELING: [(F.INTAKE, {}), (F.PLAN_VAN_AANPAK, {"verwachte_weken": 26}), (F.SCHULDREGELING, {})],
    F.SANERINGSKREDIET: [(F.INTAKE, {}), (F.PLAN_VAN_AANPAK, {"verwachte_weken": 26}), (F.SANERINGSKREDIET, {})],
    F.BETALINGSREGELING: [(F.INTAKE, {}), (F.PLAN_VAN_AANPAK, {"verwachte_weken": 26}), (F.BETALINGSREGELING, {})],
    F.NAZORG: [(F.INTAKE, {}), (F.PLAN_VAN_AANPAK, {"verwachte_weken": 26}), (F.SCHULDREGELING, {}), (F.NAZORG, {})],
    F.DOORVERWIJZING: [(F.INTAKE, {}), (F.DOORVERWIJZING, {"reden": Doorverwijzing.WSNP})],
    F.UITSTROOM: [(F.UITSTROOM, {"reden": U.NIET_VERSCHENEN})],
}


def inwoner_in(wijk, **kwargs):
    from vroeghulp.gebieden.tests.factories import BuurtFactory

    buurt = wijk.buurten.first() or BuurtFactory(wijk=wijk)
    return InwonerFactory(huishouden=HuishoudenFactory(adres=AdresFactory(buurt=buurt)), **kwargs)


def traject_in(fase, door, *, inwoner=None, **kwargs):
    """A traject of a new resident in the consulent's wijk, moved to ``fase`` by the services."""
    inwoner = inwoner or inwoner_in(door.teams.first().wijken.first())
    traject = workflow.aanmelden(inwoner.pk, door=door, aanmeldingswijze=kwargs.pop("wijze", Aanmeldingswijze.INLOOP),
                                 **kwargs)
    for naar, extra in PAD[fase]:
        traject = workflow.overgang(traject, naar, door=door, **extra)
    assert traject.fase == fase
    return traject
