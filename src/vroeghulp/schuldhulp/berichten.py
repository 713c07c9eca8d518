"""Messages to creditors and their answer terms (issue 12, point 4).

Every outgoing message gets an answer term: 10 working days after sending unless set otherwise
(the Schuldenknooppunt's term; the network does not watch it, so we do). A message without a
reaction after its term is overdue; a reminder (``Berichtsoort.HERINNERING``) points at the
message it reminds of and gets a term of its own.

All changes check access first (``workflow.toegang``, refusals audited), then write in one
transaction with an audit event.

Also here: the daily reminders (``herinneringen_sturen``), the overdue list per creditor
(``te_laat_per_schuldeiser``), the count per traject for the worklist (``te_laat_per_traject``,
one query for the whole page) and the 120-day clock of a settlement (``klok_120``).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import OPEN_FASEN, Bericht, Berichtsoort, Kanaal, Reactie, Schuld, Traject
from vroeghulp.schuldhulp.schulden import Veldfout, controleer_bedrag
from vroeghulp.signalering.werkdagen import plus_werkdagen

STANDAARD_TERMIJN_WERKDAGEN = 10
DOEL = "Schuldhulpverlening: contact met schuldeisers (Wgs art. 3)"
# The settlement norm: the outcome of the proposal within 120 days (docs/schuldhulp.md, "The 120-day clock").
NORM_DAGEN = 120


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


def _saldo(reactie: str, saldo: Decimal | int | None) -> Decimal | None:
    """The saldo of a reaction: a ``Decimal`` (or a whole ``int``) in whole cents, checked by
    ``schulden.controleer_bedrag`` like every amount of a debt. Text is refused, not read: "1.020"
    is 1020 euros in Dutch but 1.02 to ``Decimal``, so only the callers that know their notation
    (``forms.BedragVeld``, the API, the portal import) turn text into an amount."""
    if saldo is None:
        if reactie == Reactie.SALDO:
            raise Veldfout("saldo", _("Vul het saldo in dat de schuldeiser opgeeft: meer dan 0 euro."))
        return None
    if isinstance(saldo, bool) or not isinstance(saldo, (Decimal, int)):
        raise Veldfout("saldo", _("Het saldo is geen bedrag maar %(soort)s. Geef het saldo door als bedrag "
                                  "(Decimal), bijvoorbeeld Decimal(\"1020.00\").") % {"soort": type(saldo).__name__})
    if reactie != Reactie.SALDO:
        return None  # as the form and the portal import say: a saldo counts only with the reaction saldo
    return controleer_bedrag(saldo, veld="saldo", naam=_("Het saldo"))


def reactie_vastleggen(bericht_id: int, reactie: str, *, door, ontvangen_op: date | None = None,
                       saldo: Decimal | int | None = None, toelichting: str = "") -> Bericht:
    """The creditor's answer. A saldo also becomes the debt's confirmed balance. Refused input
    raises ``OngeldigeInvoer`` (a ``schulden.Veldfout`` naming the field for the saldo); nothing
    is stored then."""
    bericht = Bericht.objects.only("id", "traject_id").get(pk=bericht_id)
    workflow.toegang(bericht.traject_id, door)
    if reactie not in Reactie.values:
        raise OngeldigeInvoer(_("Kies een reactie: saldo, akkoord, weigering of geen reactie."))
    vandaag = timezone.localdate()
    ontvangen_op = ontvangen_op or vandaag
    if ontvangen_op > vandaag:
        raise OngeldigeInvoer(_("De datum van de reactie ligt in de toekomst. Vul vandaag of eerder in."))
    saldo = _saldo(reactie, saldo)
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().get(pk=bericht_id)
        if ontvangen_op < bericht.verzonden_op:
            raise OngeldigeInvoer(_("De reactie kan niet eerder zijn dan het bericht (%(datum)s).")
                                  % {"datum": bericht.verzonden_op.strftime("%d-%m-%Y")})
        bericht.reactie, bericht.reactie_op, bericht.reactie_toelichting = reactie, ontvangen_op, toelichting
        bericht.reactie_saldo = saldo
        bericht.save(update_fields=["reactie", "reactie_op", "reactie_saldo", "reactie_toelichting"])
        # One answer settles the message and its reminders: the creditor answers the question, not each letter.
        verwant = Q(herinnering_van_id=bericht.herinnering_van_id or bericht.pk)
        if bericht.herinnering_van_id:
            verwant |= Q(pk=bericht.herinnering_van_id)
        Bericht.objects.filter(verwant, reactie="").exclude(pk=bericht.pk).update(
            reactie=reactie, reactie_op=ontvangen_op, reactie_saldo=bericht.reactie_saldo,
            reactie_toelichting=toelichting)
        if reactie == Reactie.SALDO:
            Schuld.objects.filter(pk=bericht.schuld_id).update(saldo=saldo, saldo_datum=ontvangen_op)
        audit.log(actor=door, actie=Actie.WIJZIGEN, object_type=Bericht._meta.label, object_id=bericht.pk,
                  persoon_id=_inwoner_id(bericht.traject_id), doel=DOEL,
                  toelichting=f"Reactie: {Reactie(reactie).label}")
    return bericht


def is_te_laat(bericht: Bericht, vandaag: date) -> bool:
    return not bericht.reactie and bericht.antwoord_uiterlijk is not None and bericht.antwoord_uiterlijk < vandaag


def dagen_te_laat(bericht: Bericht, vandaag: date) -> int:
    """Calendar days since the last day of the term (0 while the term runs or when answered)."""
    return (vandaag - bericht.antwoord_uiterlijk).days if is_te_laat(bericht, vandaag) else 0


# --- reminders -----------------------------------------------------------------------------

def _open_herinnering():
    """An unanswered reminder of the outer message. One is enough: it is on the overdue list itself
    when its own term passes, so a creditor who never answers is not sent a letter every two weeks."""
    return Exists(Bericht.objects.filter(herinnering_van_id=OuterRef("pk"), reactie=""))


def _te_laat(vandaag: date):
    """Unanswered outgoing messages (not reminders) past their term, of open trajecten."""
    return (Bericht.objects.filter(reactie="", antwoord_uiterlijk__lt=vandaag, traject__fase__in=OPEN_FASEN)
            .exclude(soort=Berichtsoort.HERINNERING))


@dataclass(frozen=True)
class Herinneringsronde:
    """What one run of ``herinneringen_sturen`` did."""

    vandaag: date
    verstuurd: int
    trajecten: int
    antwoord_uiterlijk: date


def herinneringen_sturen(vandaag: date | None = None, door=None) -> Herinneringsronde:
    """Record a reminder (with its own 10-working-day term) for every unanswered message past its
    term that has no open reminder yet. Idempotent: a second run on the same day finds none.
    ``door`` None is the scheduled job (audited as the system)."""
    vandaag = vandaag or timezone.localdate()
    uiterlijk = antwoord_uiterlijk(vandaag)
    with transaction.atomic():
        # lock the candidates so two runs at once cannot both remind the same message (PostgreSQL)
        kandidaten = list(_te_laat(vandaag).filter(~_open_herinnering())
                          .select_for_update(of=("self",)).order_by("traject_id", "id")
                          .values_list("id", "traject_id", "schuld_id", "kanaal", "traject__inwoner_id", named=True))
        Bericht.objects.bulk_create([
            Bericht(traject_id=k.traject_id, schuld_id=k.schuld_id, soort=Berichtsoort.HERINNERING, kanaal=k.kanaal,
                    verzonden_op=vandaag, antwoord_uiterlijk=uiterlijk, herinnering_van_id=k.id, door=door)
            for k in kandidaten], batch_size=500)
        per_traject = defaultdict(int)
        inwoners = {}
        for k in kandidaten:
            per_traject[k.traject_id] += 1
            inwoners[k.traject_id] = k.traject__inwoner_id
        for traject_id, aantal in per_traject.items():
            audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Bericht._meta.label, object_id=traject_id,
                      persoon_id=inwoners[traject_id], doel=DOEL, aantal=aantal,
                      toelichting=f"Herinnering aan {aantal} schuldeiser(s): termijn verlopen")
    return Herinneringsronde(vandaag, len(kandidaten), len(per_traject), uiterlijk)


def herinnering_sturen(bericht_id: int, *, door, verzonden_op: date | None = None) -> Bericht:
    """The button "Herinnering sturen": one reminder of one unanswered message, also before its term."""
    bericht = Bericht.objects.only("id", "traject_id", "schuld_id", "soort", "kanaal", "reactie").get(pk=bericht_id)
    workflow.toegang(bericht.traject_id, door)
    if bericht.soort == Berichtsoort.HERINNERING:
        raise OngeldigeInvoer(_("Dit is al een herinnering. Stuur de herinnering bij het eerste bericht."))
    if bericht.reactie:
        raise OngeldigeInvoer(_("De schuldeiser heeft al gereageerd. Een herinnering is niet nodig."))
    if Bericht.objects.filter(herinnering_van_id=bericht.pk, reactie="").exists():
        raise OngeldigeInvoer(_("Er staat al een herinnering open voor dit bericht."))
    return verstuur(bericht.traject_id, [bericht.schuld_id], Berichtsoort.HERINNERING, door=door,
                    verzonden_op=verzonden_op, kanaal=bericht.kanaal,
                    herinnering_van={bericht.schuld_id: bericht.pk})[0]


# --- overdue: the list per creditor and the count per traject ------------------------------

@dataclass(frozen=True)
class TeLaatBericht:
    bericht_id: int
    traject_id: int
    inwoner: str
    kenmerk: str
    soort: str
    verzonden_op: date
    antwoord_uiterlijk: date
    dagen_te_laat: int
    herinnering_op: date | None  # the latest reminder, if one was sent


@dataclass
class Schuldeisergroep:
    schuldeiser_id: int
    naam: str
    berichten: list[TeLaatBericht] = field(default_factory=list)

    @property
    def oudste_termijn(self) -> date:
        return self.berichten[0].antwoord_uiterlijk


MAX_TE_LAAT = 1000


def te_laat_per_schuldeiser(user, vandaag: date | None = None) -> list[Schuldeisergroep]:
    """Unanswered messages past their term, of the trajecten of the user's wijken, grouped per
    creditor; the creditor with the oldest term first, and within a creditor the oldest term first.
    Reads personal data: the caller audits (the screen logs one event with the number of rows)."""
    vandaag = vandaag or timezone.localdate()
    rijen = (_te_laat(vandaag).filter(traject__wijk_id__in=user.wijk_ids())
             .annotate(herinnering_op=Max("herinneringen__verzonden_op"))
             .select_related("schuld__schuldeiser", "traject__inwoner")
             .order_by("antwoord_uiterlijk", "id")[:MAX_TE_LAAT])
    groepen: dict[int, Schuldeisergroep] = {}
    for b in rijen:
        eiser = b.schuld.schuldeiser
        groep = groepen.setdefault(eiser.pk, Schuldeisergroep(eiser.pk, eiser.naam))
        groep.berichten.append(TeLaatBericht(
            b.pk, b.traject_id, b.traject.inwoner.naam, b.schuld.kenmerk, b.get_soort_display(), b.verzonden_op,
            b.antwoord_uiterlijk, (vandaag - b.antwoord_uiterlijk).days, b.herinnering_op))
    # rows came oldest term first, so the groups were created in the order of their oldest term
    return list(groepen.values())


def te_laat_per_traject(traject_ids, vandaag: date | None = None) -> dict[int, int]:
    """For the worklist: per traject the number of creditors with an overdue message, in one
    query for all rows of the page (no query per row)."""
    vandaag = vandaag or timezone.localdate()
    rijen = (_te_laat(vandaag).filter(traject_id__in=list(traject_ids)).order_by()
             .values("traject_id").annotate(n=Count("schuld__schuldeiser_id", distinct=True)))
    return {r["traject_id"]: r["n"] for r in rijen}


# --- the 120-day clock ---------------------------------------------------------------------

@dataclass(frozen=True)
class Klok120:
    """The 120-day clock of a settlement: from the first betalingsvoorstel until every creditor
    who got one has answered. Day 1 is the day after sending (a term in days starts the next day)."""

    start: date          # the first betalingsvoorstel was sent
    einde: date          # the 120th day
    dag: int             # day N of 120 (0 on the day of sending; past 120 when overdue)
    klaar_op: date | None  # every betalingsvoorstel answered on this day; the clock stopped
    norm: int = NORM_DAGEN

    @property
    def resterend(self) -> int:
        return max(self.norm - self.dag, 0)

    @property
    def verstreken(self) -> bool:
        return self.dag > self.norm


def klok_120(traject_id: int, vandaag: date | None = None) -> Klok120 | None:
    """None until a betalingsvoorstel was sent. One query."""
    vandaag = vandaag or timezone.localdate()
    r = (Bericht.objects.filter(traject_id=traject_id, soort=Berichtsoort.BETALINGSVOORSTEL)
         .aggregate(start=Min("verzonden_op"), open=Count("id", filter=Q(reactie="")), laatste=Max("reactie_op")))
    if r["start"] is None:
        return None
    klaar_op = r["laatste"] if r["open"] == 0 else None
    tot = klaar_op or vandaag
    return Klok120(start=r["start"], einde=r["start"] + timedelta(days=NORM_DAGEN),
                   dag=max((tot - r["start"]).days, 0), klaar_op=klaar_op)


def _inwoner_id(traject_id: int) -> int:
    return Traject.objects.values_list("inwoner_id", flat=True).get(pk=traject_id)
