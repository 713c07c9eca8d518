"""The debt overview of a traject (issue 12, point 3): debts per creditor, the creditors' address
book, totals and a timeline.

Every change checks access first (``workflow.toegang``: a refusal is audited and nothing
changes), then validates everything, then writes in one transaction with an audit event. A
refusal of the input is an ``OngeldigeInvoer`` (``Veldfout`` names the field) with a Dutch message.

Amounts: ``Decimal`` in whole cents, more than 0 and at most 1,000,000,000 (the largest claim a
household debt file can sensibly hold; the column holds 12 digits). Dates: not in the future.
"""

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import (
    RIJKSINCASSO, Bericht, Berichtsoort, MeegenomenSignaal, Reactie, Schuld, Schuldbron, Schuldeiser, Schuldeisersoort,
    Schuldstatus, Traject,
)
from vroeghulp.signalering.intake.normaliseren import ongeldige_tekens

DOEL = "Schuldhulpverlening: schuldenoverzicht (Wgs art. 3)"
MAX_BEDRAG = Decimal("1000000000")
_CENT = Decimal("0.01")
_LENGTE = {"schuldeiser": 120, "kenmerk": 60, "toelichting": 500}

# DDAS EnumSignaalpartner (signalering.models.PartnerType) -> the kind of creditor. A mortgage
# lender is a bank, for which the issue names no kind: "overig".
SOORT_PER_PARTNERTYPE = {
    "Huur": Schuldeisersoort.VERHUURDER,
    "Energie": Schuldeisersoort.ENERGIE,
    "Water": Schuldeisersoort.WATER,
    "Zorg": Schuldeisersoort.ZORGVERZEKERAAR,
    "CAK Zorgverzekeringen": Schuldeisersoort.CAK,
    "CAK Eigen bijdrage": Schuldeisersoort.CAK,
    "DUO": Schuldeisersoort.DUO,
    "Belastingdienst": Schuldeisersoort.BELASTINGDIENST,
    "Dienst Toeslagen": Schuldeisersoort.DIENST_TOESLAGEN,
    "Hypotheek": Schuldeisersoort.OVERIG,
    "Overige": Schuldeisersoort.OVERIG,
}
# Preferent by law: the tax authority's voorrecht (Invorderingswet 1990 art. 21). Other kinds
# start concurrent; the consulent changes it per debt.
PREFERENT_SOORTEN = frozenset({Schuldeisersoort.BELASTINGDIENST})


class Veldfout(OngeldigeInvoer):
    """Refused input of one field (the import reports it per row and field)."""

    def __init__(self, veld: str, melding: str):
        super().__init__(melding)
        self.veld = veld


@dataclass(frozen=True)
class Schuldgegevens:
    """A debt as checked input (``controleer``), ready to be stored."""

    schuldeiser: str
    soort: str
    bedrag: Decimal
    kenmerk: str = ""
    ontstaansdatum: date | None = None
    status: str = Schuldstatus.OPEN
    preferent: bool = False
    beslag_per_maand: Decimal | None = None
    toelichting: str = ""


# --- checks of single fields (shared with the import) ---------------------------------------

def controleer_bedrag(waarde, *, veld: str = "bedrag", naam: str | None = None) -> Decimal:
    """A positive amount in whole cents, at most 1,000,000,000."""
    naam = naam or _("Het bedrag")
    if isinstance(waarde, bool) or waarde is None or waarde == "":
        raise Veldfout(veld, _("%(naam)s ontbreekt. Vul een bedrag in euro's in.") % {"naam": naam})
    try:
        getal = Decimal(repr(waarde) if isinstance(waarde, float) else str(waarde).strip())
    except (InvalidOperation, ValueError):
        raise Veldfout(veld, _("%(naam)s is geen bedrag. Vul bijvoorbeeld 1250,50 in.") % {"naam": naam}) from None
    if not getal.is_finite():
        raise Veldfout(veld, _("%(naam)s is geen bedrag. Vul bijvoorbeeld 1250,50 in.") % {"naam": naam})
    if getal <= 0:
        raise Veldfout(veld, _("%(naam)s moet meer zijn dan 0 euro.") % {"naam": naam})
    if getal > MAX_BEDRAG:
        raise Veldfout(veld, _("%(naam)s is te hoog: hooguit 1.000.000.000 euro.") % {"naam": naam})
    if getal != getal.quantize(_CENT):
        raise Veldfout(veld, _("%(naam)s heeft meer dan 2 cijfers achter de komma. Vul hele centen in.")
                       % {"naam": naam})
    return getal.quantize(_CENT)


def controleer_datum(waarde: date | None, *, veld: str = "ontstaansdatum") -> date | None:
    if waarde is not None and waarde > timezone.localdate():
        raise Veldfout(veld, _("De datum van ontstaan ligt in de toekomst. Vul vandaag of eerder in."))
    return waarde


def controleer_tekst(waarde, *, veld: str, verplicht: bool = False) -> str:
    # NFC: "Café" typed or pasted is one creditor; invisible format and control characters
    # (zero-width space, direction marks) go; whitespace (also tabs and no-break spaces) is one space.
    waarde = unicodedata.normalize("NFC", str(waarde or ""))
    waarde = "".join(t for t in waarde if t.isspace() or unicodedata.category(t) not in ("Cc", "Cf"))
    waarde = " ".join(waarde.split())
    labels = {"schuldeiser": _("De naam van de schuldeiser"), "kenmerk": _("Het kenmerk"),
              "toelichting": _("De toelichting")}
    if verplicht and not waarde:
        raise Veldfout(veld, _("%(naam)s ontbreekt.") % {"naam": labels[veld]})
    if ongeldige_tekens(waarde):
        raise Veldfout(veld, _("%(naam)s bevat tekens die geen geldige tekst zijn.") % {"naam": labels[veld]})
    if len(waarde) > _LENGTE[veld]:
        raise Veldfout(veld, _("%(naam)s is te lang: hooguit %(max)d tekens.")
                       % {"naam": labels[veld], "max": _LENGTE[veld]})
    return waarde


def controleer_soort(waarde) -> str:
    if waarde not in Schuldeisersoort.values:
        raise Veldfout("soort", _("Kies een soort schuldeiser uit de lijst."))
    return waarde


def controleer_status(waarde) -> str:
    if waarde not in Schuldstatus.values:
        raise Veldfout("status", _("Kies een status uit de lijst: open, betalingsregeling, beslag, in verzet, "
                                   "betwist of betaald."))
    return waarde


def controleer(*, schuldeiser, soort: str, bedrag, kenmerk="", ontstaansdatum: date | None = None,
               status: str = Schuldstatus.OPEN, preferent: bool | None = None, beslag_per_maand=None,
               toelichting="") -> Schuldgegevens:
    """Every field checked; the first refusal raises ``Veldfout``. ``preferent`` None: by the kind."""
    soort = controleer_soort(soort)
    beslag = None
    if beslag_per_maand not in (None, ""):
        beslag = controleer_bedrag(beslag_per_maand, veld="beslag_per_maand", naam=_("Het beslag per maand"))
    return Schuldgegevens(
        schuldeiser=controleer_tekst(schuldeiser, veld="schuldeiser", verplicht=True), soort=soort,
        bedrag=controleer_bedrag(bedrag), kenmerk=controleer_tekst(kenmerk, veld="kenmerk"),
        ontstaansdatum=controleer_datum(ontstaansdatum), status=controleer_status(status),
        preferent=soort in PREFERENT_SOORTEN if preferent is None else bool(preferent),
        beslag_per_maand=beslag, toelichting=controleer_tekst(toelichting, veld="toelichting"))


# --- the address book --------------------------------------------------------------------------

def schuldeiser_zoeken_of_maken(naam: str, soort: str) -> Schuldeiser:
    """The creditor with this name (case aside) and kind, created when new. Call inside a
    transaction; a colleague creating the same one at the same moment is handled (savepoint)."""
    naam = controleer_tekst(naam, veld="schuldeiser", verplicht=True)
    controleer_soort(soort)
    bestaand = Schuldeiser.objects.filter(naam__iexact=naam, soort=soort).order_by("id").first()
    if bestaand is not None:
        return bestaand
    try:
        with transaction.atomic():
            return Schuldeiser.objects.create(naam=naam, soort=soort)
    except IntegrityError:  # created by someone else since the lookup (unique naam + soort)
        return Schuldeiser.objects.get(naam=naam, soort=soort)


# --- changes -----------------------------------------------------------------------------------

def _inwoner_id(traject_id: int) -> int:
    return Traject.objects.values_list("inwoner_id", flat=True).get(pk=traject_id)


def _nieuwe_schuld(traject_id: int, g: Schuldgegevens, *, bron: str, door, schuldeisers: dict) -> Schuld:
    sleutel = (g.schuldeiser.casefold(), g.soort)
    if sleutel not in schuldeisers:
        schuldeisers[sleutel] = schuldeiser_zoeken_of_maken(g.schuldeiser, g.soort)
    return Schuld(traject_id=traject_id, schuldeiser=schuldeisers[sleutel], kenmerk=g.kenmerk, bedrag=g.bedrag,
                  ontstaansdatum=g.ontstaansdatum, status=g.status, preferent=g.preferent,
                  beslag_per_maand=g.beslag_per_maand, toelichting=g.toelichting, bron=bron, door=door)


def opslaan(traject, gegevens: list[Schuldgegevens], *, door, bron: str = Schuldbron.HANDMATIG,
            toelichting: str = "") -> list[Schuld]:
    """Store checked debts, all or nothing, with one audit event."""
    return _opslaan(workflow.toegang(traject, door), gegevens, door=door, bron=bron, toelichting=toelichting)


def _opslaan(traject_id: int, gegevens: list[Schuldgegevens], *, door, bron: str, toelichting: str = "") -> list[Schuld]:
    with transaction.atomic():
        schuldeisers: dict = {}
        schulden = Schuld.objects.bulk_create(
            [_nieuwe_schuld(traject_id, g, bron=bron, door=door, schuldeisers=schuldeisers) for g in gegevens])
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Schuld._meta.label, object_id=traject_id,
                  persoon_id=_inwoner_id(traject_id), doel=DOEL, aantal=len(schulden),
                  toelichting=toelichting or f"{len(schulden)} schuld(en) toegevoegd ({bron})")
    return schulden


def toevoegen(traject, *, door, **velden) -> Schuld:
    """One debt entered by the consulent (the fields of ``controleer``)."""
    traject_id = workflow.toegang(traject, door)  # first: a refusal is audited whatever was filled in
    return _opslaan(traject_id, [controleer(**velden)], door=door, bron=Schuldbron.HANDMATIG)[0]


def _schuld_van(schuld_id: int, door) -> Schuld:
    try:
        schuld = Schuld.objects.only("id", "traject_id").get(pk=schuld_id)
    except Schuld.DoesNotExist:
        raise OngeldigeInvoer(_("Deze schuld bestaat niet (meer).")) from None
    workflow.toegang(schuld.traject_id, door)
    return schuld


def wijzigen(schuld_id: int, *, door, **velden) -> Schuld:
    """Change a debt; fields not given keep their value. A new name or kind of creditor links the
    debt to that creditor (found or created); the old creditor stays in the address book."""
    schuld = _schuld_van(schuld_id, door)
    with transaction.atomic():
        schuld = Schuld.objects.select_for_update().select_related("schuldeiser").get(pk=schuld.pk)
        huidig = {"schuldeiser": schuld.schuldeiser.naam, "soort": schuld.schuldeiser.soort, "bedrag": schuld.bedrag,
                  "kenmerk": schuld.kenmerk, "ontstaansdatum": schuld.ontstaansdatum, "status": schuld.status,
                  "preferent": schuld.preferent, "beslag_per_maand": schuld.beslag_per_maand,
                  "toelichting": schuld.toelichting}
        onbekend = set(velden) - set(huidig)
        if onbekend:
            raise OngeldigeInvoer(_("Dit veld bestaat niet bij een schuld: %(veld)s.") % {"veld": ", ".join(sorted(onbekend))})
        g = controleer(**{**huidig, **velden})
        if (g.schuldeiser, g.soort) != (schuld.schuldeiser.naam, schuld.schuldeiser.soort):
            schuld.schuldeiser = schuldeiser_zoeken_of_maken(g.schuldeiser, g.soort)
        for naam in ("kenmerk", "bedrag", "ontstaansdatum", "status", "preferent", "beslag_per_maand", "toelichting"):
            setattr(schuld, naam, getattr(g, naam))
        schuld.door = door
        schuld.save()
        audit.log(actor=door, actie=Actie.WIJZIGEN, object_type=Schuld._meta.label, object_id=schuld.pk,
                  persoon_id=_inwoner_id(schuld.traject_id), doel=DOEL,
                  toelichting="Schuld gewijzigd: " + ", ".join(sorted(velden)))
    return schuld


def verwijderen(schuld_id: int, *, door) -> None:
    """Remove a debt entered by mistake. Not once messages were sent about it or it is in a
    proposal: that contact with the creditor stays on record (set the status to betaald)."""
    schuld = _schuld_van(schuld_id, door)
    with transaction.atomic():
        schuld = Schuld.objects.select_for_update().get(pk=schuld.pk)
        if schuld.berichten.exists() or schuld.voorstelregels.exists():
            raise OngeldigeInvoer(_("Over deze schuld is al contact met de schuldeiser. Verwijderen kan niet meer; "
                                    "zet de status op ‘Betaald’ als de schuld er niet meer is."))
        traject_id = schuld.traject_id
        schuld.delete()
        audit.log(actor=door, actie=Actie.VERWIJDEREN, object_type=Schuld._meta.label, object_id=schuld_id,
                  persoon_id=_inwoner_id(traject_id), doel=DOEL, toelichting="Schuld verwijderd")


# --- pre-fill from the signals of the vroegsignaalzaak ----------------------------------------------

def uit_signalen(traject: Traject, *, door) -> list[Schuld]:
    """Each carried-over signal (``MeegenomenSignaal``) becomes a debt, once: creditor = the
    signal's partner with the kind of its DDAS partnertype, bedrag = the arrears, ontstaansdatum =
    the signal's (else its signal date). Called by ``workflow.start_vanuit_zaak`` inside its
    transaction, so a traject and its debts are stored together or not at all."""
    al = set(Schuld.objects.filter(traject=traject, signaal__isnull=False).values_list("signaal_id", flat=True))
    vandaag = timezone.localdate()
    schuldeisers: dict = {}
    nieuw = []
    for s in MeegenomenSignaal.objects.filter(traject=traject).order_by("signaaldatum", "id"):
        if s.pk in al:
            continue
        eisersoort = SOORT_PER_PARTNERTYPE.get(s.partnertype, Schuldeisersoort.OVERIG)
        naam = " ".join(s.partner.split())[:120] or s.partnertype
        sleutel = (naam.casefold(), eisersoort)
        if sleutel not in schuldeisers:
            schuldeisers[sleutel] = schuldeiser_zoeken_of_maken(naam, eisersoort)
        nieuw.append(Schuld(
            traject=traject, schuldeiser=schuldeisers[sleutel], bedrag=s.bedrag,
            ontstaansdatum=min(s.ontstaansdatum or s.signaaldatum, vandaag), preferent=eisersoort in PREFERENT_SOORTEN,
            bron=Schuldbron.SIGNAAL, signaal=s, door=door))
    schulden = Schuld.objects.bulk_create(nieuw)
    if schulden:
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=Schuld._meta.label, object_id=traject.pk,
                  persoon_id=traject.inwoner_id, doel=DOEL, aantal=len(schulden),
                  toelichting=f"{len(schulden)} schuld(en) uit de signalen van de zaak")
    return schulden


# --- reading: the overview, totals and timeline ---------------------------------------------------

def schulden_van(traject_id: int) -> list[Schuld]:
    """The debts of a traject, oldest first (no origin date last). Access is the caller's
    (``workflow.traject_voor``)."""
    schulden = list(Schuld.objects.filter(traject_id=traject_id).select_related("schuldeiser", "signaal"))
    schulden.sort(key=lambda s: (s.ontstaansdatum is None, s.ontstaansdatum or date.min, s.pk))
    return schulden


@dataclass(frozen=True)
class Deeltotaal:
    sleutel: str
    label: str
    aantal: int
    bedrag: Decimal


@dataclass(frozen=True)
class Totalen:
    """Over the debts that are not paid (``actueel_bedrag``: the confirmed balance when known),
    except ``per_status``, which shows every status, paid included."""

    aantal: int
    totaal: Decimal
    preferent: Decimal
    concurrent: Decimal
    rijksincasso: Decimal
    rijksincasso_aandeel: Decimal | None  # percentage of the total, one decimal; None without debts
    per_status: tuple[Deeltotaal, ...]
    per_soort: tuple[Deeltotaal, ...]


def _deeltotalen(groepen: dict, labels) -> tuple[Deeltotaal, ...]:
    return tuple(Deeltotaal(k, str(labels(k).label), len(groepen[k]), sum(groepen[k], Decimal("0.00")))
                 for k in (k for k in labels.values if k in groepen))


def totalen(schulden: list[Schuld]) -> Totalen:
    per_status, per_soort = defaultdict(list), defaultdict(list)
    open_ = [s for s in schulden if s.status != Schuldstatus.BETAALD]
    for s in schulden:
        per_status[s.status].append(s.actueel_bedrag)
    for s in open_:
        per_soort[s.schuldeiser.soort].append(s.actueel_bedrag)
    nul = Decimal("0.00")
    totaal = sum((s.actueel_bedrag for s in open_), nul)
    rijk = sum((s.actueel_bedrag for s in open_ if s.schuldeiser.soort in RIJKSINCASSO), nul)
    preferent = sum((s.actueel_bedrag for s in open_ if s.preferent), nul)
    aandeel = (rijk * 100 / totaal).quantize(Decimal("0.1")) if totaal else None
    return Totalen(aantal=len(open_), totaal=totaal, preferent=preferent, concurrent=totaal - preferent,
                   rijksincasso=rijk, rijksincasso_aandeel=aandeel,
                   per_status=_deeltotalen(per_status, Schuldstatus), per_soort=_deeltotalen(per_soort, Schuldeisersoort))


@dataclass(frozen=True)
class Tijdlijnregel:
    datum: date
    soort: str  # "schuld", "signaal", "bericht", "reactie"
    wat: str
    schuldeiser: str
    bedrag: Decimal | None = None


def tijdlijn(traject_id: int, schulden: list[Schuld] | None = None) -> list[Tijdlijnregel]:
    """What happened, by date: debts by origin date, the signals of the case, the messages to the
    creditors and their reactions. Debts without an origin date are left out (the table shows them)."""
    schulden = schulden_van(traject_id) if schulden is None else schulden
    regels = [Tijdlijnregel(s.ontstaansdatum, "schuld", _("Schuld ontstaan"), s.schuldeiser.naam, s.bedrag)
              for s in schulden if s.ontstaansdatum]
    regels += [Tijdlijnregel(s.signaaldatum, "signaal", _("Signaal (%(soort)s)") % {"soort": s.partnertype},
                             s.partner, s.bedrag)
               for s in MeegenomenSignaal.objects.filter(traject_id=traject_id)]
    # labels looked up once (get_FOO_display builds the choices again for every message)
    soorten = {k: str(v) for k, v in Berichtsoort.choices}
    reacties = {k: _("Reactie: %(reactie)s") % {"reactie": v} for k, v in Reactie.choices}
    for b in Bericht.objects.filter(traject_id=traject_id).select_related("schuld__schuldeiser"):
        naam = b.schuld.schuldeiser.naam
        regels.append(Tijdlijnregel(b.verzonden_op, "bericht", soorten.get(b.soort, b.soort), naam))
        if b.reactie_op:
            regels.append(Tijdlijnregel(b.reactie_op, "reactie", reacties.get(b.reactie, b.reactie), naam, b.reactie_saldo))
    volgorde = {"schuld": 0, "signaal": 1, "bericht": 2, "reactie": 3}
    regels.sort(key=lambda r: (r.datum, volgorde[r.soort], r.schuldeiser))
    return regels
