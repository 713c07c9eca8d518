"""Messages to creditors and their answer terms (issue 12, point 4).

Every outgoing message gets an answer term: 10 working days after sending unless set otherwise
(the Schuldenknooppunt's term; the network does not watch it, so we do). A message without a
reaction after its term is overdue; a reminder (``Berichtsoort.HERINNERING``) points at the
message it reminds of and gets a term of its own.

All changes check access first (``workflow.toegang``, refusals audited), then write in one
transaction with an audit event.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import Bericht, Berichtsoort, Kanaal, Reactie, Schuld
from vroeghulp.signalering.werkdagen import plus_werkdagen

STANDAARD_TERMIJN_WERKDAGEN = 10
DOEL = "Schuldhulpverlening: contact met schuldeisers (Wgs art. 3)"


def antwoord_uiterlijk(verzonden_op: date, werkdagen: int = STANDAARD_TERMIJN_WERKDAGEN) -> date:
    """The last day of the answer term: the ``werkdagen``-th working day after sending."""
    return plus_werkdagen(verzonden_op, werkdagen)


def verstuur(traject_id: int, schuld_ids: list[int], soort: str, *, door, verzonden_op: date | None = None,
             termijn_werkdagen: int = STANDAARD_TERMIJN_WERKDAGEN, kanaal: str = Kanaal.BRIEF,
             herinnering_van: dict[int, int] | None = None) -> list[Bericht]:
    """Record one message of ``soort`` per debt, with its answer term. ``herinnering_van`` maps a
    debt to the message a reminder is about. Returns the messages in the order of ``schuld_ids``."""
    workflow.toegang(traject_id, door)
    if soort not in Berichtsoort.values:
        raise OngeldigeInvoer(_("Deze soort bericht bestaat niet."))
    if kanaal not in Kanaal.values:
        raise OngeldigeInvoer(_("Dit kanaal bestaat niet."))
    if not 1 <= termijn_werkdagen <= 60:
        raise OngeldigeInvoer(_("De reactietermijn is 1 tot en met 60 werkdagen."))
    vandaag = timezone.localdate()
    verzonden_op = verzonden_op or vandaag
    if verzonden_op > vandaag:
        raise OngeldigeInvoer(_("De verzenddatum ligt in de toekomst. Vul vandaag of eerder in."))
    uiterlijk = antwoord_uiterlijk(verzonden_op, termijn_werkdagen)
    with transaction.atomic():
        schulden = {s.pk: s for s in Schuld.objects.filter(traject_id=traject_id, pk__in=schuld_ids)}
        if len(schulden) != len(set(schuld_ids)) or not schuld_ids:
            raise OngeldigeInvoer(_("Kies een of meer schulden van dit traject."))
        berichten = Bericht.objects.bulk_create([
            Bericht(traject_id=traject_id, schuld_id=sid, soort=soort, kanaal=kanaal, verzonden_op=verzonden_op,
                    antwoord_uiterlijk=uiterlijk, herinnering_van_id=(herinnering_van or {}).get(sid), door=door)
            for sid in schuld_ids])
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Bericht._meta.label, object_id=traject_id,
                  persoon_id=_inwoner_id(traject_id), doel=DOEL, aantal=len(berichten),
                  toelichting=f"{Berichtsoort(soort).label} aan {len(berichten)} schuldeiser(s)")
    return berichten


def reactie_vastleggen(bericht_id: int, reactie: str, *, door, ontvangen_op: date | None = None,
                       saldo=None, toelichting: str = "") -> Bericht:
    """The creditor's answer. A saldo also becomes the debt's confirmed balance."""
    bericht = Bericht.objects.only("id", "traject_id").get(pk=bericht_id)
    workflow.toegang(bericht.traject_id, door)
    if reactie not in Reactie.values:
        raise OngeldigeInvoer(_("Kies een reactie: saldo, akkoord, weigering of geen reactie."))
    vandaag = timezone.localdate()
    ontvangen_op = ontvangen_op or vandaag
    if ontvangen_op > vandaag:
        raise OngeldigeInvoer(_("De datum van de reactie ligt in de toekomst. Vul vandaag of eerder in."))
    if reactie == Reactie.SALDO and (saldo is None or saldo <= 0):
        raise OngeldigeInvoer(_("Vul het saldo in dat de schuldeiser opgeeft: meer dan 0 euro."))
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().get(pk=bericht_id)
        if ontvangen_op < bericht.verzonden_op:
            raise OngeldigeInvoer(_("De reactie kan niet eerder zijn dan het bericht (%(datum)s).")
                                  % {"datum": bericht.verzonden_op.strftime("%d-%m-%Y")})
        bericht.reactie, bericht.reactie_op, bericht.reactie_toelichting = reactie, ontvangen_op, toelichting
        bericht.reactie_saldo = saldo if reactie == Reactie.SALDO else None
        bericht.save(update_fields=["reactie", "reactie_op", "reactie_saldo", "reactie_toelichting"])
        if reactie == Reactie.SALDO:
            Schuld.objects.filter(pk=bericht.schuld_id).update(saldo=saldo, saldo_datum=ontvangen_op)
        audit.log(actor=door, actie=Actie.WIJZIGEN, object_type=Bericht._meta.label, object_id=bericht.pk,
                  persoon_id=_inwoner_id(bericht.traject_id), doel=DOEL,
                  toelichting=f"Reactie: {Reactie(reactie).label}")
    return bericht


def is_te_laat(bericht: Bericht, vandaag: date) -> bool:
    return not bericht.reactie and bericht.antwoord_uiterlijk is not None and bericht.antwoord_uiterlijk < vandaag


def _inwoner_id(traject_id: int) -> int:
    from vroeghulp.schuldhulp.models import Traject

    return Traject.objects.values_list("inwoner_id", flat=True).get(pk=traject_id)
