"""Retention of schuldhulptrajecten: a finished traject is deleted with everything of it when
its term after the uitstroom has passed; anonymous counts stay.

Decision and sources: docs/adr/0003-bewaartermijn-schuldhulp.md. In short:

- The Wgs sets no period: art. 8a allows processing "voor zover noodzakelijk voor de uitvoering
  van de taak" of art. 3 lid 1 a (schuldhulpverlening); art. 7 and 8 are about identification
  and the exchange of data, not about keeping them (text 2026-01-01). AVG art. 5 lid 1 onder e:
  no longer than necessary. The VNG Selectielijst gemeenten en
  intergemeentelijke organen 2020 (Archiefwet) has the result types of schuldhulpverlening in
  procestype 8 "Voorzieningen verstrekken": 8.1.9 "Verstrekt – Schuldhulpverlening" (vernietigen,
  procestermijn bestaansduur procesobject, bewaartermijn 5 jaar) and 8.3.5 "Beëindigd –
  Schuldhulpverlening" (vernietigen, procestermijn nihil, 5 jaar); "Geweigerd" (8.2) is 5 jaar
  too. Every traject thus goes **5 years after the uitstroom** (the end of the voorziening or of
  the help): ``VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN``, default 5, at least 1 (the yearly
  DDAS delivery to CBS must still find the traject of last year).
- The limit is exact: today D, limit D minus the term; a traject whose uitstroom lies **before**
  the limit goes, one on the limit stays one more day (as ``zaken.bewaartermijnen``).
- Open trajecten never go (counted as ``nog_open`` when aangemeld before the limit).

What goes, in one transaction: the traject, its phase history (append-only: deleted here and
nowhere else), carried-over signals, checklist, debts, messages and reminders (the letters are
made from these rows, no PDF is stored), budget, calculations, collection pauses, proposals with
their lines; and its vroegsignaalzaak with the case's signals, once no other traject of that case
stays (``zaken.bewaartermijnen.verwijder_zaken_van_traject``: a case that led to help stays as
long as its traject). Kept: the creditors' address book (``Schuldeiser``, no personal data of
the resident), the resident in ``personen`` (owned there), the audit trail, and per month of the
uitstroom the ``AnoniemeTrajecttelling``. One audit event per kind of object, counts only.

Registered with ``zaken.bewaartermijnen.registreer`` in ``SchuldhulpConfig.ready``, so
``vroeghulp bewaartermijnen`` runs it after the rule of zaken.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common import instellingen
from vroeghulp.schuldhulp.models import (
    AnoniemeTrajecttelling, Bericht, Fase, Fasewijziging, Schuld, Traject,
)
from vroeghulp.zaken import bewaartermijnen as zaken_bewaartermijnen
from vroeghulp.zaken.matching.periodes import maanden_terug

# Default of VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN: VNG Selectielijst 2020, result types 8.1.9
# and 8.3.5 (Schuldhulpverlening), bewaartermijn 5 jaar (see the module docstring and ADR 0003).
STANDAARD_JAREN = 5
MINIMUM_JAREN = 1
PER_KEER = 500
DOEL = "Bewaartermijn verstreken (schuldhulptraject, Selectielijst 2020 8.1.9/8.3.5)"
_SLEUTEL = ("periode", "wijk_id", "aanmeldingswijze", "crisis", "stabilisatie", "oplossingssoort",
            "doorverwijzing", "uitstroom_reden")


def bewaartermijn_jaren() -> int:
    jaren = instellingen.geheel_getal("VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN", STANDAARD_JAREN)
    if jaren < MINIMUM_JAREN:
        raise ImproperlyConfigured(
            "VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN moet minstens 1 zijn: de jaarlevering aan het "
            "CBS (DDAS) moet de trajecten van het vorige jaar nog vinden."
        )
    return jaren


def grens_voor(vandaag: dt.date) -> dt.date:
    return maanden_terug(vandaag, 12 * bewaartermijn_jaren())


def verlopen_trajecten(grens: dt.date):
    return Traject.objects.filter(fase=Fase.UITSTROOM, uitstroom_datum__lt=grens)


@dataclass
class Resultaat:
    grens: dt.date
    trajecten: int = 0
    schulden: int = 0
    berichten: int = 0
    zaken: int = 0
    signalen: int = 0
    nog_open: int = 0
    tellingen: Counter = field(default_factory=Counter)


def _tel(resultaat: Resultaat, trajecten) -> None:
    for rij in (
        trajecten.annotate(
            maand=TruncMonth("uitstroom_datum"),
            met_crisis=~Q(bedreiging=""), met_stabilisatie=Q(stabilisatie_startdatum__isnull=False),
        )
        .values("maand", "wijk_id", "aanmeldingswijze", "met_crisis", "met_stabilisatie", "oplossingssoort",
                "doorverwijzing", "uitstroom_reden")
        .annotate(n=Count("id")).order_by()
    ):
        maand = rij["maand"]
        sleutel = (maand.date() if isinstance(maand, dt.datetime) else maand, rij["wijk_id"],
                   rij["aanmeldingswijze"], bool(rij["met_crisis"]), bool(rij["met_stabilisatie"]),
                   rij["oplossingssoort"], rij["doorverwijzing"], rij["uitstroom_reden"])
        resultaat.tellingen[sleutel] += rij["n"]


def _bewaar_tellingen(tellingen: Counter) -> None:
    """Existing cells grow, new cells are created (as ``signalering.bewaar_anonieme_tellingen``)."""
    if not tellingen:
        return
    bestaand = {tuple(getattr(t, v) for v in _SLEUTEL): t
                for t in AnoniemeTrajecttelling.objects.filter(periode__in={k[0] for k in tellingen})}
    nieuw, bijwerken = [], []
    for sleutel, aantal in tellingen.items():
        if sleutel in bestaand:
            bestaand[sleutel].aantal += aantal
            bijwerken.append(bestaand[sleutel])
        else:
            nieuw.append(AnoniemeTrajecttelling(aantal=aantal, **dict(zip(_SLEUTEL, sleutel))))
    AnoniemeTrajecttelling.objects.bulk_create(nieuw)
    if bijwerken:
        nu = timezone.now()
        for telling in bijwerken:
            telling.bijgewerkt = nu
        AnoniemeTrajecttelling.objects.bulk_update(bijwerken, ["aantal", "bijgewerkt"])


def _verwijder_trajecten(traject_ids: list[int]) -> None:
    """The phase history first: it is append-only (its manager refuses ``delete``) and protects the
    traject (PROTECT), so the retention job is the one caller that removes it, with the base
    QuerySet's delete. Everything else of the traject goes by CASCADE with it."""
    for i in range(0, len(traject_ids), PER_KEER):
        deel = traject_ids[i:i + PER_KEER]
        models.QuerySet.delete(Fasewijziging.objects.filter(traject_id__in=deel))
        Traject.objects.filter(id__in=deel).delete()


def ruim_op(*, vandaag: dt.date | None = None, proef: bool = False, actor=None) -> Resultaat:
    """Apply the retention period of trajecten. ``proef``: count only, delete nothing."""
    vandaag = vandaag or timezone.localdate()
    grens = grens_voor(vandaag)
    resultaat = Resultaat(grens=grens)
    resultaat.nog_open = Traject.objects.filter(aanmelddatum__lt=grens).exclude(fase=Fase.UITSTROOM).count()
    with transaction.atomic():
        verlopen = verlopen_trajecten(grens)
        traject_ids = list(verlopen.values_list("id", flat=True))
        resultaat.trajecten = len(traject_ids)
        if not traject_ids:
            return resultaat
        resultaat.schulden = Schuld.objects.filter(traject_id__in=traject_ids).count()
        resultaat.berichten = Bericht.objects.filter(traject_id__in=traject_ids).count()
        _tel(resultaat, verlopen)
        # The case goes with its last traject: not while another traject of it stays.
        zaak_ids = set(verlopen.filter(zaak__isnull=False).values_list("zaak_id", flat=True))
        zaak_ids -= set(Traject.objects.filter(zaak_id__in=zaak_ids).exclude(id__in=traject_ids)
                        .values_list("zaak_id", flat=True))
        zaken = zaken_bewaartermijnen.verwijder_zaken_van_traject(sorted(zaak_ids), grens=grens, proef=proef,
                                                                  actor=actor)
        resultaat.zaken, resultaat.signalen = zaken.zaken, zaken.signalen
        if proef:
            return resultaat
        _bewaar_tellingen(resultaat.tellingen)
        _verwijder_trajecten(traject_ids)
        toelichting = f"Uitstroom vóór {grens.isoformat()}; alleen anonieme tellingen bewaard"
        for object_type, aantal in ((Traject._meta.label, resultaat.trajecten),
                                    (Schuld._meta.label, resultaat.schulden),
                                    (Bericht._meta.label, resultaat.berichten)):
            if aantal:
                audit.log(actor=actor, actie=Actie.VERWIJDEREN, object_type=object_type, doel=DOEL,
                          toelichting=toelichting, aantal=aantal)
    return resultaat


def opruimen(*, vandaag: dt.date | None = None, proef: bool = False, actor=None) -> str:
    """The hook for ``vroeghulp bewaartermijnen``: apply the rule, say what happened."""
    resultaat = ruim_op(vandaag=vandaag, proef=proef, actor=actor)
    waarden = {"jaren": bewaartermijn_jaren(), "grens": resultaat.grens.strftime("%d-%m-%Y"),
               "trajecten": resultaat.trajecten, "zaken": resultaat.zaken, "signalen": resultaat.signalen,
               "open": resultaat.nog_open}
    if proef:
        regel = _("Proef schuldhulp (bewaartermijn %(jaren)d jaar na de uitstroom, vóór %(grens)s): "
                  "%(trajecten)d trajecten en %(zaken)d vroegsignaalzaken met %(signalen)d signalen "
                  "zouden worden verwijderd.")
    else:
        regel = _("Schuldhulp: bewaartermijn %(jaren)d jaar na de uitstroom (vóór %(grens)s): %(trajecten)d "
                  "trajecten met hun schulden, berichten, budget en voorstellen verwijderd, en %(zaken)d "
                  "vroegsignaalzaken met %(signalen)d signalen. Alleen anonieme tellingen zijn bewaard.")
    if resultaat.nog_open:
        regel += " " + _("%(open)d trajecten van vóór die datum lopen nog en blijven bewaard.")
    return regel % waarden
