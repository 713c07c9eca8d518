"""Stabilisation (issue 12, point 5): the monthly budget, the beslagvrije voet set against what is
left after garnishment, and the collection pause.

- **Budget**: income and fixed costs per month (``Budgetpost``); totals and what is left.
- **Beslagvrije voet**: the calculation request of docs/interfaces.md section 3, built from the
  traject's resident and household (``personen``) plus what the consulent enters (belastbaar
  inkomen, netto inkomen, rent), computed by ``vroeghulp.regels.service.bereken`` and stored as a
  ``Berekening`` (request, outcome with toelichting and bronnen, rules version), so a letter can
  always show the calculation it was based on.
- **Toets**: the debtor's net income minus the garnishments (debts with status *beslag*), compared
  with the voet. Below it, the creditors must recalculate (Rv art. 475d lid 3 onder b, lid 5).
- **Incassopauze** (``Moratorium``): pauzeknop, afkoelingsperiode (Wgs art. 5 lid 1: at most six
  months) or an agreement with one creditor.

Every change checks access first (``workflow.toegang``: refusals audited), validates, then writes
in one transaction with an audit event.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.personen import services as personen
from vroeghulp.personen.models import Rol
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.brieven import euro
from vroeghulp.schuldhulp.models import (
    Berekening, Budgetpost, Moratorium, Moratoriumsoort, Postsoort, Schuld, Schuldeiser, Schuldstatus, Traject,
)

DOEL = "Schuldhulpverlening: stabilisatie (Wgs art. 3, art. 4a lid 5)"
REGELING = "beslagvrije_voet"
MAX_BEDRAG = Decimal("99999999.99")  # Budgetpost.bedrag_per_maand: 10 digits, 2 decimals
MAX_JAARINKOMEN = Decimal("10000000")

# Wgs art. 5 lid 1: "voor een periode van maximaal zes maanden" (text valid 2026-01-01, read in
# the consolidated text).
AFKOELINGSPERIODE_MAX_MAANDEN = 6
WGS_ARTIKEL_5 = "https://wetten.overheid.nl/BWBR0031331/2026-01-01#Artikel5"

# The articles a request to recalculate rests on (Rv, text valid 2026-01-01, read). There is no
# art. 475ha in that text: after 475h comes 475i.
RV = "https://wetten.overheid.nl/BWBR0001827/2026-01-01#"
BRONNEN_HERBEREKENING = (
    {"titel": "Wetboek van Burgerlijke Rechtsvordering, art. 475c (beslagvrije voet bij periodiek inkomen; "
              "rekening houden met een ander beslag)", "url": RV + "Artikel475c"},
    {"titel": "Wetboek van Burgerlijke Rechtsvordering, art. 475d lid 3 onder b en lid 5 (opnieuw vaststellen "
              "na een wijziging; een verhoging gaat direct in)", "url": RV + "Artikel475d"},
)


# --- the budget -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Budgettotalen:
    inkomen: Decimal
    vaste_lasten: Decimal

    @property
    def over(self) -> Decimal:
        """What is left each month after the fixed costs (negative: a shortfall)."""
        return self.inkomen - self.vaste_lasten


def budget(traject_id: int) -> tuple[list[Budgetpost], Budgettotalen]:
    posten = list(Budgetpost.objects.filter(traject_id=traject_id).order_by("soort", "id"))
    inkomen = sum((p.bedrag_per_maand for p in posten if p.soort == Postsoort.INKOMEN), Decimal(0))
    lasten = sum((p.bedrag_per_maand for p in posten if p.soort == Postsoort.VASTE_LAST), Decimal(0))
    return posten, Budgettotalen(inkomen, lasten)


def bedrag(waarde, *, veld: str, maximum: Decimal = MAX_BEDRAG, leeg_mag: bool = False) -> Decimal | None:
    """An amount in euros and cents, 0 or more; a Dutch message naming ``veld`` otherwise."""
    if waarde in (None, ""):
        if leeg_mag:
            return None
        raise OngeldigeInvoer(_("Vul bij ‘%(veld)s’ een bedrag in.") % {"veld": veld})
    try:
        getal = Decimal(str(waarde).strip().replace(",", ".")) if not isinstance(waarde, Decimal) else waarde
    except InvalidOperation:
        raise OngeldigeInvoer(_("Vul bij ‘%(veld)s’ een bedrag in, bijvoorbeeld 1250,00.") % {"veld": veld}) from None
    if not getal.is_finite() or getal < 0:
        raise OngeldigeInvoer(_("Vul bij ‘%(veld)s’ een bedrag in van 0 euro of meer.") % {"veld": veld})
    if getal > maximum:
        raise OngeldigeInvoer(_("Het bedrag bij ‘%(veld)s’ is te hoog.") % {"veld": veld})
    if getal != getal.quantize(Decimal("0.01")):
        raise OngeldigeInvoer(_("Vul bij ‘%(veld)s’ hooguit 2 cijfers na de komma in.") % {"veld": veld})
    return getal


def _post_gegevens(soort: str, omschrijving: str, bedrag_per_maand) -> tuple[str, str, Decimal]:
    if soort not in Postsoort.values:
        raise OngeldigeInvoer(_("Kies bij ‘soort’: inkomen of vaste last."))
    omschrijving = (omschrijving or "").strip()
    if not omschrijving:
        raise OngeldigeInvoer(_("Vul bij ‘omschrijving’ in wat het is, bijvoorbeeld ‘Huur’ of ‘Loon’."))
    if len(omschrijving) > 120:
        raise OngeldigeInvoer(_("De omschrijving is te lang: hooguit 120 tekens."))
    return soort, omschrijving, bedrag(bedrag_per_maand, veld=_("bedrag per maand"))


def _log(door, actie, obj, traject_id: int, toelichting: str) -> None:
    audit.log(actor=door, actie=actie, object_type=obj._meta.label, object_id=obj.pk,
              persoon_id=_inwoner_id(traject_id), doel=DOEL, toelichting=toelichting)


def post_toevoegen(traject_id: int, *, door, soort: str, omschrijving: str, bedrag_per_maand) -> Budgetpost:
    traject_id = workflow.toegang(traject_id, door)
    soort, omschrijving, waarde = _post_gegevens(soort, omschrijving, bedrag_per_maand)
    with transaction.atomic():
        post = Budgetpost.objects.create(traject_id=traject_id, soort=soort, omschrijving=omschrijving,
                                         bedrag_per_maand=waarde)
        _log(door, Actie.AANMAKEN, post, traject_id, f"Budget: {Postsoort(soort).label} toegevoegd")
    return post


def _post(post_id: int, door) -> Budgetpost:
    post = Budgetpost.objects.filter(pk=post_id).first()
    if post is None:
        raise OngeldigeInvoer(_("Deze budgetpost bestaat niet (meer)."))
    workflow.toegang(post.traject_id, door)
    return post


def post_wijzigen(post_id: int, *, door, soort: str, omschrijving: str, bedrag_per_maand) -> Budgetpost:
    post = _post(post_id, door)
    soort, omschrijving, waarde = _post_gegevens(soort, omschrijving, bedrag_per_maand)
    with transaction.atomic():
        Budgetpost.objects.filter(pk=post.pk).update(soort=soort, omschrijving=omschrijving, bedrag_per_maand=waarde)
        _log(door, Actie.WIJZIGEN, post, post.traject_id, "Budget: post gewijzigd")
    post.refresh_from_db()
    return post


def post_verwijderen(post_id: int, *, door) -> int:
    """Returns the traject's id (the screen goes back there)."""
    post = _post(post_id, door)
    with transaction.atomic():
        _log(door, Actie.VERWIJDEREN, post, post.traject_id, "Budget: post verwijderd")
        post.delete()
    return post.traject_id


# --- the household for regels and the beslagvrije voet ----------------------------------------

@dataclass(frozen=True)
class Invoer:
    """What the consulent enters for the calculation (the rest comes from ``personen``).

    ``belastbaar_inkomen``: the debtor's belastbaar inkomen herleid tot jaarinkomen (Rv art.
    475d lid 1: from the most recent monthly income in the polisadministratie); ``netto_inkomen``:
    net per month incl. vakantiebijslag (the 95% rule of art. 475dc and the check below use it).
    The partner's amounts only count when the household has a partner."""

    peildatum: date
    belastbaar_inkomen: Decimal
    netto_inkomen: Decimal
    belastbaar_inkomen_partner: Decimal = Decimal(0)
    netto_inkomen_partner: Decimal = Decimal(0)
    kale_huur: Decimal | None = None  # per month; only a high rent changes the voet (art. 475da lid 5)


def _getal(bedrag_: Decimal) -> float | int:
    return int(bedrag_) if bedrag_ == bedrag_.to_integral_value() else float(bedrag_)


def verzoek(traject: Traject, invoer: Invoer) -> dict:
    """The calculation request (docs/interfaces.md section 3): the resident is the aanvrager (the
    debtor), the housemates keep their role in the register (a second adult is a medebewoner)."""
    inwoner = traject.inwoner
    huisgenoten = list(personen.huisgenoten(inwoner))
    mensen = [{"rol": "aanvrager", "geboortedatum": inwoner.geboortedatum.isoformat(),
               "toetsingsinkomen": _getal(invoer.belastbaar_inkomen),
               "netto_inkomen_per_maand": _getal(invoer.netto_inkomen)}]
    partner_gezien = False
    for persoon in huisgenoten:
        if persoon.rol == Rol.PARTNER and not partner_gezien:
            partner_gezien = True
            mensen.append({"rol": "partner", "geboortedatum": persoon.geboortedatum.isoformat(),
                           "toetsingsinkomen": _getal(invoer.belastbaar_inkomen_partner),
                           "netto_inkomen_per_maand": _getal(invoer.netto_inkomen_partner)})
        elif persoon.rol == Rol.KIND:
            mensen.append({"rol": "kind", "geboortedatum": persoon.geboortedatum.isoformat()})
        else:
            mensen.append({"rol": "medebewoner", "geboortedatum": persoon.geboortedatum.isoformat()})
    huishouden = {"personen": mensen, "vermogen": 0}
    if invoer.kale_huur is not None:
        huishouden["woning"] = {"soort": "huur", "kale_huur_per_maand": _getal(invoer.kale_huur),
                                "servicekosten_per_maand": 0}
    return {"peildatum": invoer.peildatum.isoformat(), "huishouden": huishouden, "regelingen": [REGELING]}


def heeft_partner(traject: Traject) -> bool:
    return any(persoon.rol == Rol.PARTNER for persoon in personen.huisgenoten(traject.inwoner))


def _json(waarde):
    """The outcome as JSON can store it: amounts as numbers (they have two decimals)."""
    if isinstance(waarde, Decimal):
        return _getal(waarde)
    if isinstance(waarde, dict):
        return {k: _json(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_json(v) for v in waarde]
    return waarde


# The request's field names, as the consulent knows them (for the Dutch message of a refusal).
_VELDNAMEN = {
    "peildatum": "peildatum",
    "huishouden.personen[0].toetsingsinkomen": "belastbaar inkomen per jaar",
    "huishouden.personen[0].netto_inkomen_per_maand": "netto inkomen per maand",
    "huishouden.woning.kale_huur_per_maand": "kale huur per maand",
}


def beslagvrije_voet_berekenen(traject_id: int, invoer: Invoer, *, door) -> Berekening:
    """Compute the voet with ``regels`` and store it. A refusal of ``regels`` becomes one Dutch
    message; nothing is stored then."""
    from vroeghulp.regels import service

    traject_id = workflow.toegang(traject_id, door)
    vandaag = timezone.localdate()
    if invoer.peildatum > vandaag + timedelta(days=366):
        raise OngeldigeInvoer(_("De peildatum ligt te ver in de toekomst. Kies een datum binnen een jaar."))
    for veld, waarde in ((_("belastbaar inkomen per jaar"), invoer.belastbaar_inkomen),
                         (_("belastbaar inkomen van de partner"), invoer.belastbaar_inkomen_partner)):
        bedrag(waarde, veld=veld, maximum=MAX_JAARINKOMEN)
    for veld, waarde in ((_("netto inkomen per maand"), invoer.netto_inkomen),
                         (_("netto inkomen van de partner"), invoer.netto_inkomen_partner)):
        bedrag(waarde, veld=veld)
    if invoer.kale_huur is not None:
        bedrag(invoer.kale_huur, veld=_("kale huur per maand"))
    traject = Traject.objects.select_related("inwoner").get(pk=traject_id)
    aanvraag = verzoek(traject, invoer)
    try:
        antwoord = service.bereken(aanvraag)
    except service.PeildatumBuitenBereik as fout:
        raise OngeldigeInvoer(str(fout)) from None
    except service.InvoerFout as fout:
        delen = [f"{_VELDNAMEN.get(p['name'], p['name'])}: {p['reason']}" for p in fout.invalid_params]
        raise OngeldigeInvoer(_("De berekening kan niet met deze gegevens. %(fouten)s")
                              % {"fouten": " ".join(delen)}) from None
    with transaction.atomic():
        berekening = Berekening.objects.create(
            traject_id=traject_id, regeling=REGELING, peildatum=invoer.peildatum, verzoek=aanvraag,
            uitkomst=_json(antwoord["uitkomsten"][REGELING]), rekenregels_versie=antwoord["rekenregels_versie"],
            door=door)
        _log(door, Actie.AANMAKEN, berekening, traject_id, "Beslagvrije voet berekend")
    return berekening


def laatste_berekening(traject_id: int) -> Berekening | None:
    return Berekening.objects.filter(traject_id=traject_id, regeling=REGELING).order_by("-tijdstip", "-id").first()


def invoer_uit(berekening: Berekening) -> dict:
    """The consulent's earlier input, to fill the form again."""
    mensen = berekening.verzoek["huishouden"]["personen"]
    aanvrager = next(p for p in mensen if p["rol"] == "aanvrager")
    partner = next((p for p in mensen if p["rol"] == "partner"), {})
    woning = berekening.verzoek["huishouden"].get("woning")
    return {
        "belastbaar_inkomen": Decimal(str(aanvrager.get("toetsingsinkomen", 0))),
        "netto_inkomen": Decimal(str(aanvrager.get("netto_inkomen_per_maand", 0))),
        "belastbaar_inkomen_partner": Decimal(str(partner.get("toetsingsinkomen", 0))),
        "netto_inkomen_partner": Decimal(str(partner.get("netto_inkomen_per_maand", 0))),
        "kale_huur": Decimal(str(woning["kale_huur_per_maand"])) if woning else None,
    }


# --- the check: what is left after garnishment against the voet ---------------------------------

@dataclass(frozen=True)
class Beslag:
    schuld_id: int
    schuldeiser: str
    kenmerk: str
    per_maand: Decimal | None  # None: the amount is not known yet


@dataclass(frozen=True)
class Toets:
    """The beslagvrije voet check of a traject, from its latest calculation and current debts."""

    berekening: Berekening
    voet: Decimal | None  # None: regels could not compute it for this peildatum
    inkomen: Decimal  # the debtor's net income per month, as in the calculation
    beslag: Decimal  # all garnishments per month together
    beslagen: tuple[Beslag, ...]
    over_na_beslag: Decimal
    tekort: Decimal  # how much the voet is above what is left (0 when respected)
    geschonden: bool
    uitleg: tuple[str, ...]  # Dutch (B1), for the screen and the letter

    @property
    def toelichting(self) -> list[str]:
        return list(self.berekening.uitkomst.get("toelichting", []))

    @property
    def bronnen(self) -> list[dict]:
        return list(self.berekening.uitkomst.get("bronnen", []))


def beslagen(traject_id: int) -> tuple[Beslag, ...]:
    schulden = (Schuld.objects.filter(traject_id=traject_id, status=Schuldstatus.BESLAG)
                .select_related("schuldeiser").order_by("id"))
    return tuple(Beslag(s.pk, s.schuldeiser.naam, s.kenmerk, s.beslag_per_maand) for s in schulden)


def toets(traject_id: int, berekening: Berekening | None = None) -> Toets | None:
    """None until the voet has been calculated for this traject."""
    berekening = berekening or laatste_berekening(traject_id)
    if berekening is None:
        return None
    uitkomst = berekening.uitkomst
    voet = Decimal(str(uitkomst["per_maand"])) if uitkomst.get("per_maand") is not None else None
    inkomen = invoer_uit(berekening)["netto_inkomen"]
    lijst = beslagen(traject_id)
    totaal = sum((b.per_maand or Decimal(0) for b in lijst), Decimal(0))
    over = inkomen - totaal
    tekort = max(voet - over, Decimal(0)) if voet is not None else Decimal(0)
    geschonden = voet is not None and tekort > 0
    uitleg = [_("Netto inkomen per maand: %(bedrag)s.") % {"bedrag": euro(inkomen)}]
    if not lijst:
        uitleg.append(_("Er ligt geen beslag. Zet bij de schulden de status op ‘Beslag’ als er beslag ligt."))
    else:
        uitleg.append(_("Beslag per maand, samen: %(bedrag)s.") % {"bedrag": euro(totaal)})
        onbekend = [b.schuldeiser for b in lijst if b.per_maand is None]
        if onbekend:
            uitleg.append(_("Van %(wie)s weten wij nog niet hoeveel beslag er per maand is. Dat telt nu als 0 euro.")
                          % {"wie": ", ".join(onbekend)})
    uitleg.append(_("Na het beslag blijft over: %(bedrag)s per maand.") % {"bedrag": euro(over)})
    if voet is None:
        uitleg.append(_("De beslagvrije voet kon niet worden berekend. Lees de toelichting hieronder."))
    elif geschonden:
        uitleg.append(_("Dat is %(tekort)s minder dan de beslagvrije voet van %(voet)s. Het beslag is te hoog. "
                        "Vraag de schuldeiser de beslagvrije voet opnieuw te berekenen.")
                      % {"tekort": euro(tekort), "voet": euro(voet)})
    else:
        uitleg.append(_("Dat is niet minder dan de beslagvrije voet van %(voet)s. Het beslag laat genoeg over.")
                      % {"voet": euro(voet)})
    return Toets(berekening, voet, inkomen, totaal, lijst, over, tekort, geschonden, tuple(uitleg))


# --- the collection pause ------------------------------------------------------------------

def plus_maanden(dag: date, maanden: int) -> date:
    """The same day ``maanden`` months later; the last day of that month when it is shorter."""
    maand = dag.month - 1 + maanden
    jaar, maand = dag.year + maand // 12, maand % 12 + 1
    return date(jaar, maand, min(dag.day, calendar.monthrange(jaar, maand)[1]))


def laatste_dag_afkoelingsperiode(startdatum: date) -> date:
    """The last day of six months from ``startdatum`` (both days count): 1 March → 31 August,
    15 January → 14 July. When the month six months later is too short for the start day,
    the period ends on its last day (31 August → 28 February, or 29 in a leap year)."""
    zelfde_dag = plus_maanden(startdatum, AFKOELINGSPERIODE_MAX_MAANDEN)
    if zelfde_dag.day != startdatum.day:  # that day does not exist: the month's last day
        return zelfde_dag
    return zelfde_dag - timedelta(days=1)


def moratorium_registreren(traject_id: int, *, door, soort: str, startdatum: date | None, einddatum: date | None,
                           schuldeiser_id: int | None = None, toelichting: str = "") -> Moratorium:
    traject_id = workflow.toegang(traject_id, door)
    if soort not in Moratoriumsoort.values:
        raise OngeldigeInvoer(_("Kies bij ‘soort’: pauzeknop, afkoelingsperiode of afspraak."))
    if startdatum is None:
        raise OngeldigeInvoer(_("Vul bij ‘startdatum’ in wanneer de pauze begint."))
    if einddatum is None:
        raise OngeldigeInvoer(_("Vul bij ‘einddatum’ in wanneer de pauze eindigt."))
    if einddatum < startdatum:
        raise OngeldigeInvoer(_("De einddatum ligt vóór de startdatum. Vul een einddatum in op of na %(start)s.")
                              % {"start": startdatum.strftime("%d-%m-%Y")})
    toelichting = (toelichting or "").strip()
    if len(toelichting) > 500:
        raise OngeldigeInvoer(_("De toelichting is te lang: hooguit 500 tekens."))
    if soort == Moratoriumsoort.AFKOELINGSPERIODE:
        uiterlijk = laatste_dag_afkoelingsperiode(startdatum)
        if einddatum > uiterlijk:
            raise OngeldigeInvoer(_(
                "Een afkoelingsperiode duurt hooguit 6 maanden (Wet gemeentelijke schuldhulpverlening, "
                "artikel 5). Vul een einddatum in van uiterlijk %(uiterlijk)s.") % {"uiterlijk": uiterlijk.strftime("%d-%m-%Y")})
    if soort == Moratoriumsoort.AFSPRAAK and schuldeiser_id is None:
        raise OngeldigeInvoer(_("Kies bij ‘schuldeiser’ met wie de afspraak is."))
    with transaction.atomic():
        Traject.objects.select_for_update().filter(pk=traject_id).first()  # one writer at a time: the overlap check
        if schuldeiser_id is not None and not Schuld.objects.filter(
                traject_id=traject_id, schuldeiser_id=schuldeiser_id).exists():
            raise OngeldigeInvoer(_("Kies bij ‘schuldeiser’ een schuldeiser van een schuld in dit traject."))
        if soort == Moratoriumsoort.AFKOELINGSPERIODE and Moratorium.objects.filter(
                traject_id=traject_id, soort=soort, startdatum__lte=einddatum, einddatum__gte=startdatum).exists():
            # Back to back periods would stretch the legal maximum: the court decides on one period.
            raise OngeldigeInvoer(_("In deze periode loopt al een afkoelingsperiode. Een afkoelingsperiode duurt "
                                    "samen hooguit 6 maanden (Wet gemeentelijke schuldhulpverlening, artikel 5)."))
        pauze = Moratorium.objects.create(traject_id=traject_id, soort=soort, schuldeiser_id=schuldeiser_id,
                                          startdatum=startdatum, einddatum=einddatum, toelichting=toelichting,
                                          door=door)
        _log(door, Actie.AANMAKEN, pauze, traject_id, f"Incassopauze: {Moratoriumsoort(soort).label}")
    return pauze


def moratorium_beeindigen(moratorium_id: int, *, door, per: date | None = None) -> Moratorium:
    """End a pause early: its last day becomes ``per`` (today when empty)."""
    pauze = Moratorium.objects.filter(pk=moratorium_id).first()
    if pauze is None:
        raise OngeldigeInvoer(_("Deze pauze bestaat niet (meer)."))
    workflow.toegang(pauze.traject_id, door)
    per = per or timezone.localdate()
    if per < pauze.startdatum:
        raise OngeldigeInvoer(_("De pauze kan niet eindigen vóór de startdatum (%(start)s).")
                              % {"start": pauze.startdatum.strftime("%d-%m-%Y")})
    if per >= pauze.einddatum:
        raise OngeldigeInvoer(_("De pauze eindigt al op %(einde)s.") % {"einde": pauze.einddatum.strftime("%d-%m-%Y")})
    with transaction.atomic():
        Moratorium.objects.filter(pk=pauze.pk).update(einddatum=per)
        _log(door, Actie.WIJZIGEN, pauze, pauze.traject_id, "Incassopauze eerder beëindigd")
    pauze.refresh_from_db()
    return pauze


def moratoria(traject_id: int) -> list[Moratorium]:
    return list(Moratorium.objects.filter(traject_id=traject_id).select_related("schuldeiser")
                .order_by("startdatum", "id"))


def is_actief(pauze: Moratorium, op: date) -> bool:
    return pauze.startdatum <= op <= pauze.einddatum


def actieve_moratoria(traject_id: int, op: date | None = None) -> list[Moratorium]:
    op = op or timezone.localdate()
    return [p for p in moratoria(traject_id) if is_actief(p, op)]


def schuldeisers(traject_id: int) -> list[Schuldeiser]:
    """The creditors of this traject's debts (for a pause with one creditor)."""
    return list(Schuldeiser.objects.filter(schulden__traject_id=traject_id).distinct().order_by("naam", "id"))


def _inwoner_id(traject_id: int) -> int:
    return Traject.objects.values_list("inwoner_id", flat=True).get(pk=traject_id)
