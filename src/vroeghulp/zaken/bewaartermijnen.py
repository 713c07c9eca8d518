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
bewaartermijnen`` runs zaken's rules and then every registered one. A case that a row of such an
app refers to (``Traject.zaak``) is that app's to remove, whatever its result: neither rule here
touches it; the traject's rule removes it with ``verwijder_zaken_van_traject``. One owner per case.

Cases with help but without a traject, and open cases nobody works on (ADR 0004,
docs/adr/0004-bewaartermijn-hulp-zonder-traject.md). In short:

- The Wgs sets no period for them either (art. 3 lid 4 is about vreemdelingen, not about
  signals; art. 8a/8b: "voor zover noodzakelijk"). Art. 3 lid 2 ("Het college kan
  schuldhulpverlening in ieder geval weigeren in geval een inwoner al eerder gebruik heeft gemaakt
  van schuldhulpverlening") makes earlier help something the municipality needs to know later.
  VNG Selectielijst 2020: 21.1 "Verstrekt" (procestype 21 Adviseren, the advice or referral:
  vernietigen, procestermijn nihil, 5 jaar) and 8.1.9 "Verstrekt – Schuldhulpverlening" (5 jaar).
  Default **5 years** (``VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN``), at least 1 and never
  shorter than the term without help.
- The term runs from the **last activity** on the case: the later of the end of its matching
  period, its last change (closing included), and the last status change, contact attempt, note
  or received signal. A closed case with a help result, or an open case, whose last activity lies
  before ``grens`` (today minus the term) goes with its history and signals, counted first.
  Nobody worked on an open case for five years: the Selectielijst keeps an abandoned process
  ("Afgebroken", 8.4 and 21.3) 1 year; the longer term of help applies because it might have led
  to help, and the nightly "nog open" warning tells the team long before.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common import instellingen
from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.signalering.tellingen import Soort
from vroeghulp.zaken import services as zaken
from vroeghulp.zaken.matching.instellingen import terugkijken_maanden
from vroeghulp.zaken.matching.periodes import maanden_terug
from vroeghulp.zaken.models import (
    Contactpoging, Eindresultaat, Notitie, Statuswijziging, Vroegsignaalzaak, Zaakstatus,
)

HULP = {
    Eindresultaat.BUDGETADVIES, Eindresultaat.VERVOLGHULP, Eindresultaat.VERVOLGHULP_FINANCIEEL,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL, Eindresultaat.VERWIJZING_ZONDER_INWONER,
}
GESLOTEN = [Zaakstatus.AFGEROND, Zaakstatus.NIET_OPGEPAKT]
PER_KEER = 2000
DOEL = "Bewaartermijn verstreken (vroegsignalering zonder hulp)"
DOEL_NA_TRAJECT = "Bewaartermijn van het schuldhulptraject verstreken (vroegsignaalzaak van het traject)"
DOEL_MET_HULP = ("Bewaartermijn verstreken (zaak met hulp zonder traject of open zonder activiteit, "
                 "Selectielijst 2020 21.1/8.1.9)")
# Default of VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN. A judgement, not a legal term: no period
# was found in the Wgs or the read part of the Bgs (see the module docstring and ADR 0001).
STANDAARD_MAANDEN = 12
# Default of VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN: VNG Selectielijst 2020, 21.1
# "Verstrekt" (Adviseren) and 8.1.9 "Verstrekt – Schuldhulpverlening", both 5 jaar (ADR 0004).
STANDAARD_JAREN_MET_HULP = 5
# Apps whose rows go with the case (history, signals); a row of any other app keeps it (below).
_GAAN_MEE = {"zaken", "signalering"}


def bewaartermijn_maanden() -> int:
    maanden = instellingen.geheel_getal("VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN", STANDAARD_MAANDEN)
    if maanden < terugkijken_maanden():
        raise ImproperlyConfigured(
            "VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN moet minstens zo lang zijn als "
            "VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN (de matching kijkt zo ver terug)."
        )
    return maanden


def bewaartermijn_met_hulp_jaren() -> int:
    jaren = instellingen.geheel_getal("VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN", STANDAARD_JAREN_MET_HULP)
    if jaren < 1:
        raise ImproperlyConfigured(
            "VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN moet minstens 1 zijn: de jaarlevering "
            "aan het CBS (DDAS) moet de zaken van het vorige jaar nog vinden."
        )
    if 12 * jaren < bewaartermijn_maanden():
        raise ImproperlyConfigured(
            "VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN moet minstens zo lang zijn als "
            "VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN: een zaak met hulp gaat nooit eerder weg dan een "
            "zaak zonder hulp."
        )
    return jaren


@dataclass
class Resultaat:
    grens: dt.date
    zaken: int = 0
    signalen: int = 0
    nog_open: int = 0
    waarvan_open: int = 0  # of ``zaken``: open cases without activity (rule with help only)
    tellingen: Counter = field(default_factory=Counter)


def _begin(dag: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time.min))


def _niet_van_hoger(zaken_qs):
    """Without the cases a row of an app above zaken refers to (a schuldhulptraject through
    ``Traject.zaak``): that app's retention removes them (ADR 0003), so each case has one owner.
    Found through the model's relations because zaken may not import those apps; a new app that
    refers to cases is covered without a change here."""
    for relatie in Vroegsignaalzaak._meta.related_objects:
        model = relatie.related_model
        if model._meta.app_label not in _GAAN_MEE:
            zaken_qs = zaken_qs.filter(~Exists(model._base_manager.filter(**{relatie.field.name: OuterRef("pk")})))
    return zaken_qs


def verlopen_zaken(grens: dt.date):
    return _niet_van_hoger(
        Vroegsignaalzaak.objects.filter(
            status__in=GESLOTEN, einddatum_matchingperiode__lt=grens, gewijzigd__lt=_begin(grens),
        ).exclude(resultaat__in=HULP)
    )


def stil_sinds(grens: dt.date):
    """The cases with no activity on or after ``grens``: matching period, last change (every
    transition and assignment sets ``gewijzigd``), closing date, and no status change, contact
    attempt, note or received signal since. The history rows are checked themselves: a note on a
    closed case does not touch the case row."""
    begin = _begin(grens)
    zaak = OuterRef("pk")
    return Vroegsignaalzaak.objects.filter(
        Q(datum_afgerond__isnull=True) | Q(datum_afgerond__lt=grens),
        ~Exists(Statuswijziging.objects.filter(zaak=zaak, tijdstip__gte=begin)),
        ~Exists(Contactpoging.objects.filter(Q(datum__gte=grens) | Q(vastgelegd__gte=begin), zaak=zaak)),
        ~Exists(Notitie.objects.filter(zaak=zaak, tijdstip__gte=begin)),
        ~Exists(Vroegsignaal.objects.filter(zaak=zaak, ontvangen__gte=begin)),
        einddatum_matchingperiode__lt=grens, gewijzigd__lt=begin,
    )


def verlopen_zaken_met_hulp(grens: dt.date):
    """Closed with help (``HULP``) or still open, without activity since ``grens`` and without a
    traject. Closed without help is the rule above (12 months); with a traject, ADR 0003."""
    met_hulp_of_open = Q(status__in=GESLOTEN, resultaat__in=HULP) | ~Q(status__in=GESLOTEN)
    return _niet_van_hoger(stil_sinds(grens).filter(met_hulp_of_open))


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


def ruim_op_met_hulp(*, vandaag: dt.date | None = None, proef: bool = False, actor=None) -> Resultaat:
    """Apply the term of cases with help but without a traject and of open cases without activity
    (ADR 0004). ``proef``: count only, delete nothing."""
    vandaag = vandaag or timezone.localdate()
    grens = maanden_terug(vandaag, 12 * bewaartermijn_met_hulp_jaren())
    resultaat = Resultaat(grens=grens)
    with transaction.atomic():
        rijen = list(verlopen_zaken_met_hulp(grens).values_list("id", "status"))
        zaak_ids = [zaak_id for zaak_id, _status in rijen]
        resultaat.waarvan_open = sum(status not in GESLOTEN for _zaak_id, status in rijen)
        # dt.date.min: only the signals of these cases (loose signals are the rule above)
        signaal_ids = signalering.verlopen_signaal_ids(dt.date.min, zaak_ids)
        _verwijder(resultaat, zaak_ids, signaal_ids, proef=proef, actor=actor, doel=DOEL_MET_HULP)
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
