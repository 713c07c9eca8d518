"""Retention: delete signals and cases that did not lead to help, keep anonymous counts.

Decision and sources (with the exact Dutch text): docs/adr/0001-bewaartermijnen.md. In short:

- No statutory period was found. The Wgs (BWBR0031331; texts 2021-01-01, 2026-01-01 and
  2026-07-01 read) sets none: art. 8b lid 1 allows processing "voor zover die gegevens
  noodzakelijk zijn voor de uitvoering van de taak, bedoeld in artikel 3, eerste lid, onderdeel b"
  (the offer after a signal); art. 5 is the afkoelingsperiode, not a destruction rule. The Besluit
  gemeentelijke schuldhulpverlening (Stb. 2020, 240) rests on Wgs art. 3 lid 1 b, 5 lid 2-3 and
  8 lid 1-2 and has no period in the part read (up to art. 2); the rest of its § 2 and the AP
  "Handreiking Wgs" § 7.6 Bewaartermijnen could not be read here (open point in the ADR).
  AVG art. 5 lid 1 onder e: no longer than necessary.
- Necessary for: the 6-month look-back of matching (opeenvolgend) and the DDAS delivery to CBS
  (Wgs art. 9), which may be yearly. Default: **12 months**, a documented judgement, not a legal
  term (``VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN``), never less than the look-back
  (``VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN``).

What expires (``vandaag`` minus the term = ``grens``):
- a case that is closed (``afgerond`` or ``niet_opgepakt``) without help — its result is not one
  of "(Budget)advies en/of quick fix", "Vervolghulp en/of verwijzing (financieel / niet
  financieel)" or "Verwijzing zonder tussenkomst inwoner" — whose matching period ended before
  ``grens`` and that has not changed since ``grens``: the case, its history (contact attempts,
  notes, status changes) and all its signals are deleted;
- a signal without a case (not a resident, deceased, never matched) with a signaaldatum before
  ``grens``.
Kept: open cases (still being worked on; counted as "nog open" so the team can close them), cases
that led to help and their signals (they fall under the retention of the help itself).

Before deleting, the numbers go into ``AnoniemeTelling`` (month, partner type, wijk, matchsoort,
outcome, crisis). Each run writes audit events (actie ``verwijderen``) with counts only.

Here in zaken, the layer above signalering: this job decides over cases and their signals. Each
owner deletes its own rows (``zaken.services.verwijder_zaken``, ``signalering.services``:
``verwijder_signalen``, ``bewaar_anonieme_tellingen``), all in one transaction.

The apps above zaken (schuldhulp: trajecten, ADR 0003) register their own retention here with
``registreer`` in their ``AppConfig.ready`` (zaken may not import them); ``vroeghulp
bewaartermijnen`` runs zaken's rule and then every registered one. A case that led to a traject
stays as long as the traject: the traject's rule removes it with ``verwijder_zaken_van_traject``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common import instellingen
from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.tellingen import Soort
from vroeghulp.zaken import services as zaken
from vroeghulp.zaken.matching.instellingen import terugkijken_maanden
from vroeghulp.zaken.matching.periodes import maanden_terug
from vroeghulp.zaken.models import Eindresultaat, Vroegsignaalzaak, Zaakstatus

HULP = {
    Eindresultaat.BUDGETADVIES, Eindresultaat.VERVOLGHULP, Eindresultaat.VERVOLGHULP_FINANCIEEL,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL, Eindresultaat.VERWIJZING_ZONDER_INWONER,
}
GESLOTEN = [Zaakstatus.AFGEROND, Zaakstatus.NIET_OPGEPAKT]
PER_KEER = 2000
DOEL = "Bewaartermijn verstreken (vroegsignalering zonder hulp)"
DOEL_NA_TRAJECT = "Bewaartermijn van het schuldhulptraject verstreken (vroegsignaalzaak van het traject)"
# Default of VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN. A judgement, not a legal term: no period
# was found in the Wgs or the read part of the Bgs (see the module docstring and ADR 0001).
STANDAARD_MAANDEN = 12


def bewaartermijn_maanden() -> int:
    maanden = instellingen.geheel_getal("VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN", STANDAARD_MAANDEN)
    if maanden < terugkijken_maanden():
        raise ImproperlyConfigured(
            "VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN moet minstens zo lang zijn als "
            "VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN (de matching kijkt zo ver terug)."
        )
    return maanden


@dataclass
class Resultaat:
    grens: dt.date
    zaken: int = 0
    signalen: int = 0
    nog_open: int = 0
    tellingen: Counter = field(default_factory=Counter)


def verlopen_zaken(grens: dt.date):
    begin_grens = timezone.make_aware(dt.datetime.combine(grens, dt.time.min))
    return (
        Vroegsignaalzaak.objects.filter(
            status__in=GESLOTEN, einddatum_matchingperiode__lt=grens, gewijzigd__lt=begin_grens,
        ).exclude(resultaat__in=HULP)
    )


def _tel_zaken(resultaat: Resultaat, zaken_qs) -> None:
    for rij in (
        zaken_qs.annotate(maand=TruncMonth("startdatum_matchingperiode"))
        .values("maand", "wijk_id", "matchsoort", "resultaat", "crisis")
        .annotate(n=Count("id")).order_by()
    ):
        sleutel = (rij["maand"], Soort.ZAAK, "", rij["wijk_id"], rij["matchsoort"],
                   rij["resultaat"], rij["crisis"])
        resultaat.tellingen[sleutel] += rij["n"]


def _verwijder(resultaat: Resultaat, zaak_ids: list[int], signaal_ids: list[int], *, proef: bool, actor,
               doel: str) -> None:
    """Count these cases and signals into the anonymous counts, then delete them with an audit
    event per kind (counts only). Call inside a transaction."""
    resultaat.zaken, resultaat.signalen = len(zaak_ids), len(signaal_ids)
    for i in range(0, max(len(zaak_ids), len(signaal_ids)), PER_KEER):
        signalering.tel_signalen(resultaat.tellingen, signaal_ids[i:i + PER_KEER])
        _tel_zaken(resultaat, Vroegsignaalzaak.objects.filter(id__in=zaak_ids[i:i + PER_KEER]))
    if proef:
        return
    signalering.bewaar_anonieme_tellingen(resultaat.tellingen)
    signalering.verwijder_signalen(signaal_ids, per_keer=PER_KEER)  # first: they refer to the cases
    zaken.verwijder_zaken(zaak_ids, per_keer=PER_KEER)
    toelichting = f"Ouder dan {resultaat.grens.isoformat()}; alleen anonieme tellingen bewaard"
    if signaal_ids:
        audit.log(actor=actor, actie=Actie.VERWIJDEREN, object_type="signalering.Vroegsignaal",
                  doel=doel, toelichting=toelichting, aantal=len(signaal_ids))
    if zaak_ids:
        audit.log(actor=actor, actie=Actie.VERWIJDEREN, object_type="zaken.Vroegsignaalzaak",
                  doel=doel, toelichting=toelichting, aantal=len(zaak_ids))


def ruim_op(*, vandaag: dt.date | None = None, proef: bool = False, actor=None) -> Resultaat:
    """Apply the retention period. ``proef``: count only, delete nothing."""
    vandaag = vandaag or timezone.localdate()
    grens = maanden_terug(vandaag, bewaartermijn_maanden())
    resultaat = Resultaat(grens=grens)
    resultaat.nog_open = Vroegsignaalzaak.objects.filter(
        einddatum_matchingperiode__lt=grens).exclude(status__in=GESLOTEN).count()
    with transaction.atomic():
        zaak_ids = list(verlopen_zaken(grens).values_list("id", flat=True))
        signaal_ids = signalering.verlopen_signaal_ids(grens, zaak_ids)
        _verwijder(resultaat, zaak_ids, signaal_ids, proef=proef, actor=actor, doel=DOEL)
    return resultaat


def verwijder_zaken_van_traject(zaak_ids: list[int], *, grens: dt.date, proef: bool = False,
                                actor=None) -> Resultaat:
    """The cases whose schuldhulptraject reached the end of its own retention period (the caller,
    ``schuldhulp.bewaartermijnen``, decides which): the closed ones among them go with all their
    signals, counted first like the others. An open case stays for the rule above. Call inside
    the caller's transaction."""
    resultaat = Resultaat(grens=grens)
    gesloten = list(Vroegsignaalzaak.objects.filter(id__in=zaak_ids, status__in=GESLOTEN)
                    .values_list("id", flat=True))
    # dt.date.min: only the signals of these cases, none of the loose signals without a case
    signaal_ids = signalering.verlopen_signaal_ids(dt.date.min, gesloten)
    _verwijder(resultaat, gesloten, signaal_ids, proef=proef, actor=actor, doel=DOEL_NA_TRAJECT)
    return resultaat


# --- the retention of the apps above zaken ---------------------------------------------------

# ``opruimen(vandaag=..., proef=..., actor=...)`` applies an app's own rule and returns what the
# command prints: one Dutch sentence with the counts (never a BSN).
Opruiming = Callable[..., str]
_ANDERE: dict[str, Opruiming] = {}


def registreer(naam: str, opruimen: Opruiming) -> None:
    """Called once by the app's ``AppConfig.ready`` (schuldhulp)."""
    _ANDERE[naam] = opruimen


def andere_opruimingen() -> list[Opruiming]:
    return [_ANDERE[naam] for naam in sorted(_ANDERE)]
