"""The settlement on a traject (issue 12, point 6): afloscapaciteit, the proposal, sending, answers.

1. **Afloscapaciteit**: computed by ``regels`` (regeling ``vtlb``) or entered by the consulent with
   a reason. Both are stored as a ``Berekening`` (request, outcome, rules version; an entered amount
   has ``regeling = "handmatig"`` and the reason in its request), so a proposal shows what it was
   based on even after the rules change.
2. **Voorstel**: ``schuldhulp.aanbod.bereken_aanbod`` over the traject's debts
   (``Schuld.actueel_bedrag``, ``preferent``) × 18 months (Fw art. 349a lid 1). Debts that are
   betaald or betwist stay out, and the proposal says so. Three kinds:

   - schuldregeling: pool = afloscapaciteit × 18, paid to the creditors over the 18 months;
   - saneringskrediet: the same pool, paid at once by the credit bank against finale kwijting;
     the resident repays the credit bank over the 18 months (NVVK Gedragscode Schuldregeling,
     art. 1.1 "Saneringskrediet"; see docs/schuldhulp.md);
   - nul-aanbod: no afloscapaciteit (income not above the vtlb): 0 to everyone (NVVK, Gedragscode
     Schuldhulpverlening as amended per 1 juli 2024: the vtlb is the lower limit).

   A new proposal makes the previous concept or verzonden one ``vervallen``.
3. **Versturen**: one ``BETALINGSVOORSTEL`` message per line (``schuldhulp.berichten.verstuur``),
   linked to its line, and the letters as one PDF (``regeling_brieven``).
4. **Answers**: the creditors' reactions on those messages (and on their reminders) give the
   status per line and of the proposal (``stand``). Whether a sent proposal is aangenomen or
   afgewezen is derived on every read (``afgeleide_status``, a pure function of the answers), not
   stored: a reaction can be recorded on the messages page, the portal import or the API without
   this module, and a page that shows the status must not write (a GET writes nothing but its
   audit event). The stored status holds what the services decide: concept, verzonden, vervallen
   (and afgewezen, frozen when a refused proposal is replaced).

Every change checks ``workflow.toegang`` first (an audited refusal), then writes in one
transaction with an audit event.
"""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer, WerkstroomFout
from vroeghulp.schuldhulp import aanbod, berichten, workflow
from vroeghulp.schuldhulp.models import (
    Berekening, Bericht, Berichtsoort, Kanaal, Reactie, Schuld, Schuldstatus, Traject, Voorstel,
    Voorstelregel, Voorstelsoort, Voorstelstatus,
)

DOEL = "Schuldhulpverlening: schuldregeling met de schuldeisers (Wgs art. 3)"
HANDMATIG = "handmatig"  # Berekening.regeling of an afloscapaciteit the consulent entered
VTLB = "vtlb"
LOOPTIJD = aanbod.STANDAARD_LOOPTIJD  # 18 months, Fw art. 349a lid 1 (regelingen from 1-7-2023)
BUITEN_VOORSTEL = (Schuldstatus.BETAALD, Schuldstatus.BETWIST)
MAX_AFLOSCAPACITEIT = Decimal("100000")
OPEN_VOORSTEL = (Voorstelstatus.CONCEPT, Voorstelstatus.VERZONDEN)


# --- afloscapaciteit --------------------------------------------------------------------------

@dataclass(frozen=True)
class Huishoudinvoer:
    """What the vtlb needs of the household; the screen fills it, the rules check it again."""

    peildatum: date
    netto_inkomen_per_maand: Decimal
    toetsingsinkomen: Decimal  # per year (belastbaar inkomen, art. 475da Rv)
    woonkosten_per_maand: Decimal = Decimal(0)  # kale huur + servicekosten
    partner_geboortedatum: date | None = None
    partner_netto_inkomen_per_maand: Decimal = Decimal(0)
    partner_toetsingsinkomen: Decimal = Decimal(0)
    aantal_kinderen: int = 0
    nominale_correcties: Decimal = Decimal(0)  # Recofa corrections the consulent adds


def vtlb_verzoek(inwoner, invoer: Huishoudinvoer) -> dict:
    """The calculation request (docs/interfaces.md section 3) for the vtlb of this resident.

    The vtlb counts children, not their ages (``aantal_kinderen``), so a child is sent with an
    age under 18 on the peildatum; that date is not stored anywhere else."""
    personen = [{"rol": "aanvrager", "geboortedatum": inwoner.geboortedatum.isoformat(),
                 "toetsingsinkomen": invoer.toetsingsinkomen, "netto_inkomen_per_maand": invoer.netto_inkomen_per_maand}]
    if invoer.partner_geboortedatum is not None:
        personen.append({"rol": "partner", "geboortedatum": invoer.partner_geboortedatum.isoformat(),
                         "toetsingsinkomen": invoer.partner_toetsingsinkomen,
                         "netto_inkomen_per_maand": invoer.partner_netto_inkomen_per_maand})
    kind = invoer.peildatum.replace(year=invoer.peildatum.year - 10, day=1).isoformat()
    personen += [{"rol": "kind", "geboortedatum": kind} for _i in range(invoer.aantal_kinderen)]
    huishouden = {"personen": personen, "vermogen": 0,
                  "woning": {"soort": "huur" if invoer.woonkosten_per_maand else "geen",
                             "kale_huur_per_maand": invoer.woonkosten_per_maand, "servicekosten_per_maand": 0},
                  "kostendelers": 1, "vtlb_nominale_correcties": invoer.nominale_correcties}
    return {"peildatum": invoer.peildatum.isoformat(), "huishouden": huishouden, "regelingen": [VTLB]}


def _json(waarde):
    """Decimals and dates as strings, as a JSONField can store them."""
    return json.loads(json.dumps(waarde, cls=DjangoJSONEncoder))


def vtlb_berekenen(traject_id: int, invoer: Huishoudinvoer, *, door) -> Berekening:
    """Compute the vtlb and afloscapaciteit with ``regels`` and store the calculation."""
    from vroeghulp.regels import service

    workflow.toegang(traject_id, door)
    inwoner = Traject.objects.select_related("inwoner").get(pk=traject_id).inwoner
    verzoek = vtlb_verzoek(inwoner, invoer)
    try:
        antwoord = service.bereken(verzoek)
    except service.InvoerFout as fout:
        redenen = "; ".join(f["reason"] for f in fout.args[0]) if fout.args and isinstance(fout.args[0], list) else str(fout)
        raise OngeldigeInvoer(_("De gegevens kloppen niet voor de berekening: %(redenen)s") % {"redenen": redenen})
    except service.PeildatumBuitenBereik as fout:
        raise OngeldigeInvoer(_("Peildatum: %(fout)s") % {"fout": fout})
    uitkomst = antwoord["uitkomsten"][VTLB]
    if not uitkomst.get("berekend"):
        raise OngeldigeInvoer(" ".join(uitkomst.get("toelichting") or [_("Het vtlb kan voor deze datum niet.")]))
    with transaction.atomic():
        berekening = Berekening.objects.create(
            traject_id=traject_id, regeling=VTLB, peildatum=invoer.peildatum, verzoek=_json(verzoek),
            uitkomst=_json(uitkomst), rekenregels_versie=antwoord["rekenregels_versie"], door=door)
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Berekening._meta.label, object_id=berekening.pk,
                  persoon_id=inwoner.pk, doel=DOEL, toelichting="Vtlb en afloscapaciteit berekend")
    return berekening


def afloscapaciteit_invoeren(traject_id: int, bedrag, reden: str, *, door) -> Berekening:
    """An afloscapaciteit the consulent sets (e.g. a vtlb-calculator outcome), with its reason."""
    workflow.toegang(traject_id, door)
    try:
        bedrag = Decimal(str(bedrag))
    except (InvalidOperation, ValueError):
        raise OngeldigeInvoer(_("Afloscapaciteit: vul een bedrag in euro's in, bijvoorbeeld 125,50."))
    if not bedrag.is_finite() or bedrag < 0 or bedrag > MAX_AFLOSCAPACITEIT or bedrag != bedrag.quantize(aanbod.CENT):
        raise OngeldigeInvoer(_("Afloscapaciteit: vul een bedrag van 0 tot 100.000 euro in, in hele centen."))
    reden = (reden or "").strip()
    if not reden:
        raise OngeldigeInvoer(_("Reden: schrijf op waarom u de afloscapaciteit zelf invult."))
    if len(reden) > 500:
        raise OngeldigeInvoer(_("Reden: schrijf hooguit 500 tekens."))
    bedrag = bedrag.quantize(aanbod.CENT)
    with transaction.atomic():
        inwoner_id = Traject.objects.values_list("inwoner_id", flat=True).get(pk=traject_id)
        berekening = Berekening.objects.create(
            traject_id=traject_id, regeling=HANDMATIG, peildatum=timezone.localdate(),
            verzoek={"reden": reden}, rekenregels_versie=HANDMATIG, door=door,
            uitkomst={"afloscapaciteit_per_maand": f"{bedrag:.2f}", "berekend": True, "toelichting": [reden],
                      "bronnen": []})
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Berekening._meta.label, object_id=berekening.pk,
                  persoon_id=inwoner_id, doel=DOEL, toelichting="Afloscapaciteit ingevoerd")
    return berekening


def afloscapaciteit_van(berekening: Berekening) -> Decimal:
    return Decimal(str(berekening.uitkomst["afloscapaciteit_per_maand"])).quantize(aanbod.CENT)


def berekeningen(traject_id: int):
    return Berekening.objects.filter(traject_id=traject_id, regeling__in=(VTLB, HANDMATIG))


# --- the proposal ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Weggelaten:
    """A debt of the traject that is not in the proposal, and why."""

    schuld: Schuld
    reden: str


def _reden_weggelaten(schuld: Schuld) -> str | None:
    if schuld.status == Schuldstatus.BETAALD:
        return _("Betaald")
    if schuld.status == Schuldstatus.BETWIST:
        return _("Betwist: eerst uitzoeken of de schuld klopt")
    if schuld.actueel_bedrag is None or schuld.actueel_bedrag <= 0:
        return _("Saldo is 0")
    return None


def weggelaten(traject_id: int, voorstel: Voorstel | None = None) -> list[Weggelaten]:
    """The traject's debts left out of ``voorstel`` (or out of a new one), with the reason."""
    schulden = Schuld.objects.filter(traject_id=traject_id).select_related("schuldeiser")
    if voorstel is not None:
        erin = set(voorstel.regels.values_list("schuld_id", flat=True))
        return [Weggelaten(s, _reden_weggelaten(s) or _("Later toegevoegd of gewijzigd"))
                for s in schulden if s.pk not in erin]
    return [Weggelaten(s, reden) for s in schulden if (reden := _reden_weggelaten(s))]


def voorstel_maken(traject_id: int, soort: str, *, berekening_id: int, door) -> Voorstel:
    """A new proposal of ``soort`` from the afloscapaciteit of ``berekening_id``; the previous
    concept or verzonden one becomes vervallen."""
    workflow.toegang(traject_id, door)
    if soort not in Voorstelsoort.values:
        raise OngeldigeInvoer(_("Soort regeling: kies schuldregeling, saneringskrediet of nul-aanbod."))
    berekening = berekeningen(traject_id).filter(pk=berekening_id).first()
    if berekening is None:
        raise OngeldigeInvoer(_("Afloscapaciteit: bereken of vul eerst de afloscapaciteit in."))
    per_maand = afloscapaciteit_van(berekening)
    if soort == Voorstelsoort.NUL_AANBOD and per_maand > 0:
        raise OngeldigeInvoer(_("Soort regeling: een nul-aanbod kan alleen zonder afloscapaciteit. "
                                "Deze inwoner kan %(bedrag)s per maand aflossen.") % {"bedrag": _euro(per_maand)})
    if soort != Voorstelsoort.NUL_AANBOD and per_maand == 0:
        raise OngeldigeInvoer(_("Soort regeling: er is geen afloscapaciteit. Kies het nul-aanbod."))
    with transaction.atomic():
        traject = Traject.objects.select_for_update().only("id", "inwoner_id").get(pk=traject_id)
        # the outcome of the open proposals, from their answers (the status is derived, see ``stand``)
        open_ = {v.pk: stand(v).status for v in Voorstel.objects.filter(
            traject_id=traject_id, status__in=(*OPEN_VOORSTEL, Voorstelstatus.AANGENOMEN))}
        if Voorstelstatus.AANGENOMEN in open_.values():
            raise WerkstroomFout(_("Alle schuldeisers hebben een voorstel al aangenomen. Een nieuw voorstel kan niet."))
        schulden = [s for s in Schuld.objects.filter(traject_id=traject_id).select_related("schuldeiser")
                    if _reden_weggelaten(s) is None]
        if not schulden:
            raise OngeldigeInvoer(_("Schulden: dit traject heeft geen schulden die in een voorstel kunnen. "
                                    "Betaalde en betwiste schulden tellen niet mee."))
        uitkomst = aanbod.bereken_aanbod(per_maand, LOOPTIJD, [
            aanbod.Schuld(str(s.pk), s.actueel_bedrag, s.preferent, s.schuldeiser.naam) for s in schulden])
        # a refused proposal keeps "afgewezen" in its history; a concept or a sent one still waiting is vervallen
        afgewezen = [pk for pk, status in open_.items() if status == Voorstelstatus.AFGEWEZEN]
        Voorstel.objects.filter(pk__in=afgewezen).update(status=Voorstelstatus.AFGEWEZEN)
        Voorstel.objects.filter(pk__in=open_.keys() - set(afgewezen)).update(status=Voorstelstatus.VERVALLEN)
        voorstel = Voorstel.objects.create(
            traject_id=traject_id, soort=soort, afloscapaciteit_per_maand=per_maand, looptijd_maanden=LOOPTIJD,
            pool=uitkomst.pool, totaal_schulden=uitkomst.totaal_schulden,
            percentage_concurrent=uitkomst.percentage_concurrent, percentage_preferent=uitkomst.percentage_preferent,
            berekening=berekening, door=door)
        Voorstelregel.objects.bulk_create([
            Voorstelregel(voorstel=voorstel, schuld=s, schuldbedrag=s.actueel_bedrag, bedrag=r.bedrag,
                          percentage=r.percentage, preferent=r.preferent)
            for s, r in zip(schulden, uitkomst.regels)])
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Voorstel._meta.label, object_id=voorstel.pk,
                  persoon_id=traject.inwoner_id, doel=DOEL,
                  toelichting=f"{Voorstelsoort(soort).label}: {uitkomst.totaal_aanbod} aan {len(schulden)} schuldeiser(s)")
    return voorstel


# --- sending -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verzending:
    voorstel: Voorstel
    berichten: tuple[Bericht, ...]
    pdf: bytes


def versturen(voorstel_id: int, door, *, verzonden_op: date | None = None,
              termijn_werkdagen: int = berichten.STANDAARD_TERMIJN_WERKDAGEN, kanaal: str = Kanaal.BRIEF) -> Verzending:
    """Send a concept proposal: one betalingsvoorstel message per line, and the letters as one PDF.
    The letters are made inside the transaction: when they cannot be made, nothing is sent."""
    from vroeghulp.schuldhulp import regeling_brieven

    traject_id = Voorstel.objects.values_list("traject_id", flat=True).get(pk=voorstel_id)
    workflow.toegang(traject_id, door)
    with transaction.atomic():
        voorstel = Voorstel.objects.select_for_update().get(pk=voorstel_id)
        if voorstel.status != Voorstelstatus.CONCEPT:
            raise WerkstroomFout(_("Dit voorstel is al verstuurd of vervangen (%(status)s).")
                                 % {"status": voorstel.get_status_display()})
        regels = list(voorstel.regels.all())
        nieuw = berichten.verstuur(traject_id, [r.schuld_id for r in regels], Berichtsoort.BETALINGSVOORSTEL,
                                   door=door, verzonden_op=verzonden_op, termijn_werkdagen=termijn_werkdagen,
                                   kanaal=kanaal)
        for regel, bericht in zip(regels, nieuw, strict=True):
            regel.bericht = bericht
        Voorstelregel.objects.bulk_update(regels, ["bericht"])
        voorstel.status, voorstel.verzonden_op = Voorstelstatus.VERZONDEN, nieuw[0].verzonden_op
        voorstel.save(update_fields=["status", "verzonden_op"])
        pdf = regeling_brieven.pdf(voorstel, door=door)
    return Verzending(voorstel, tuple(nieuw), pdf)


def brieven_opnieuw(voorstel_id: int, door) -> bytes:
    """The letters of a sent proposal again (e.g. a second download). Each letter is audited."""
    from vroeghulp.schuldhulp import regeling_brieven

    voorstel = Voorstel.objects.get(pk=voorstel_id)
    workflow.toegang(voorstel.traject_id, door)
    if voorstel.verzonden_op is None:
        raise WerkstroomFout(_("Dit voorstel is nog niet verstuurd: er zijn nog geen brieven."))
    return regeling_brieven.pdf(voorstel, door=door)


# --- answers -----------------------------------------------------------------------------------

class Antwoord:
    """The answer of one creditor on its line."""

    NIET_VERSTUURD = "niet_verstuurd"
    OPEN = "open"
    TE_LAAT = "te_laat"  # term passed without an answer
    AKKOORD = Reactie.AKKOORD.value
    WEIGERING = Reactie.WEIGERING.value
    GEEN_REACTIE = Reactie.GEEN_REACTIE.value  # recorded "no reaction": not an akkoord

    LABELS = {NIET_VERSTUURD: gettext_lazy("Nog niet verstuurd"), OPEN: gettext_lazy("Wacht op antwoord"),
              TE_LAAT: gettext_lazy("Antwoord te laat"), AKKOORD: gettext_lazy("Akkoord"),
              WEIGERING: gettext_lazy("Weigering"), GEEN_REACTIE: gettext_lazy("Geen reactie")}


@dataclass(frozen=True)
class Regelstand:
    regel: Voorstelregel
    antwoord: str  # one of Antwoord
    op: date | None  # when the answer came
    toelichting: str
    antwoord_uiterlijk: date | None

    @property
    def label(self) -> str:
        return str(Antwoord.LABELS[self.antwoord])


@dataclass(frozen=True)
class Voorstelstand:
    status: str  # Voorstelstatus
    regels: tuple[Regelstand, ...]

    def aantal(self, antwoord: str) -> int:
        return sum(1 for r in self.regels if r.antwoord == antwoord)

    @property
    def status_label(self) -> str:
        return Voorstelstatus(self.status).label


def stand(voorstel: Voorstel, vandaag: date | None = None) -> Voorstelstand:
    """The answer per line and the proposal's status. A line's answer is the latest reaction on
    its message or on a reminder of it, so a weigering followed by an akkoord is resolved.
    All akkoord: aangenomen; any weigering: afgewezen; otherwise still verzonden."""
    vandaag = vandaag or timezone.localdate()
    regels = list(voorstel.regels.select_related("schuld__schuldeiser", "bericht"))
    bericht_ids = [r.bericht_id for r in regels if r.bericht_id]
    laatste: dict[int, Bericht] = {}
    for b in (Bericht.objects.filter(pk__in=bericht_ids) | Bericht.objects.filter(herinnering_van_id__in=bericht_ids))\
            .exclude(reactie="").order_by("reactie_op", "id"):
        laatste[b.herinnering_van_id if b.herinnering_van_id in bericht_ids else b.pk] = b
    standen = []
    for r in regels:
        b = laatste.get(r.bericht_id)
        if r.bericht_id is None:
            antwoord = Antwoord.NIET_VERSTUURD
        elif b is not None and b.reactie in (Antwoord.AKKOORD, Antwoord.WEIGERING, Antwoord.GEEN_REACTIE):
            antwoord = b.reactie
        elif r.bericht.antwoord_uiterlijk is not None and r.bericht.antwoord_uiterlijk < vandaag:
            antwoord = Antwoord.TE_LAAT
        else:
            antwoord = Antwoord.OPEN  # no answer, or only a saldo
        standen.append(Regelstand(r, antwoord, b.reactie_op if b else None, b.reactie_toelichting if b else "",
                                  r.bericht.antwoord_uiterlijk if r.bericht_id else None))
    return Voorstelstand(afgeleide_status(voorstel.status, [s.antwoord for s in standen]), tuple(standen))


def afgeleide_status(opgeslagen: str, antwoorden) -> str:
    """The proposal's status from its stored status and the answers of its lines (pure: no query).
    A concept or a replaced proposal stays what it is; a sent one is aangenomen when every creditor
    agreed, afgewezen when one refused (until that refusal is resolved by a later akkoord), else
    verzonden."""
    if opgeslagen in (Voorstelstatus.CONCEPT, Voorstelstatus.VERVALLEN):
        return opgeslagen
    antwoorden = set(antwoorden)
    if antwoorden == {Antwoord.AKKOORD}:
        return Voorstelstatus.AANGENOMEN
    if Antwoord.WEIGERING in antwoorden:
        return Voorstelstatus.AFGEWEZEN
    return Voorstelstatus.VERZONDEN


def antwoord_vastleggen(regel_id: int, reactie: str, *, door, ontvangen_op: date | None = None,
                        toelichting: str = "") -> Voorstelstand:
    """A creditor's answer to the proposal (akkoord, weigering, geen reactie) on its message,
    through ``berichten.reactie_vastleggen``; returns the proposal's stand with its (derived) status."""
    regel = Voorstelregel.objects.select_related("voorstel").get(pk=regel_id)
    workflow.toegang(regel.voorstel.traject_id, door)
    if reactie not in (Reactie.AKKOORD, Reactie.WEIGERING, Reactie.GEEN_REACTIE):
        raise OngeldigeInvoer(_("Antwoord: kies akkoord, weigering of geen reactie."))
    if regel.bericht_id is None:
        raise WerkstroomFout(_("Dit voorstel is nog niet verstuurd. Verstuur het eerst."))
    if regel.voorstel.status == Voorstelstatus.VERVALLEN:
        raise WerkstroomFout(_("Dit voorstel is vervangen door een nieuw voorstel."))
    with transaction.atomic():
        berichten.reactie_vastleggen(regel.bericht_id, reactie, door=door, ontvangen_op=ontvangen_op,
                                     toelichting=toelichting)
    return stand(regel.voorstel)


# --- reading -----------------------------------------------------------------------------------

def huidig_voorstel(traject_id: int) -> Voorstel | None:
    """The proposal that counts now: the newest one that is not vervallen."""
    return (Voorstel.objects.filter(traject_id=traject_id).exclude(status=Voorstelstatus.VERVALLEN)
            .select_related("berekening").first())


def _euro(bedrag: Decimal) -> str:
    from vroeghulp.schuldhulp.brieven import euro

    return euro(bedrag)
