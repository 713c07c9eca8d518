"""The phases of a schuldhulptraject as data: a transition table and one service per transition.

Every service: checks access (a refusal is audited), locks the traject (``select_for_update``),
checks the transition table and the date, guards the write with ``UPDATE … WHERE fase = <van>``,
appends a ``Fasewijziging``, recomputes the Wgs deadlines and writes an audit event, in one
transaction.

    aanmelding ─► intake ─► stabilisatie ─► plan van aanpak ─► schuldregeling ──┐
                    │            ▲  │         ▲      │          saneringskrediet ├─► nazorg ─► uitstroom
                    │            │  │         │      │          betalingsregeling┘
                    └────────────┼──┴─────────┘      │
                         doorverwijzing (beschermingsbewind, Wsnp) ◄── intake … oplossing
    every open phase ─► uitstroom (with a DDAS reason; "Afgerond" only after an oplossing or nazorg)
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vroeghulp.accounts.permissions import may_see_wijk
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.personen.models import Inwoner
from vroeghulp.schuldhulp import termijnen
from vroeghulp.schuldhulp.models import (
    OPLOSSINGSFASEN, Aanmeldingswijze, Bedreiging, Beschikkingssoort, ChecklistItem, Doorverwijzing,
    Fase as F, Fasewijziging, MeegenomenSignaal, Oplossingssoort as O, Traject, Uitstroomreden as U, Wie,
)
from vroeghulp.signalering import services as signalering
from vroeghulp.zaken import services as zaken
from vroeghulp.zaken.models import Zaakstatus
from vroeghulp.common.werkstroom import OngeldigeInvoer, OvergangNietToegestaan, WerkstroomFout  # noqa: F401 (re-exported)

DOEL = "Schuldhulpverlening (Wgs art. 3 tot en met 4a)"

REDENEN_ZONDER_RESULTAAT = tuple(r for r in U.values if r != U.AFGEROND)
ALLE_REDENEN = tuple(U.values)
# Which DDAS Oplossingssoort a solution phase may have.
OPLOSSINGEN = {
    F.SCHULDREGELING: (O.SCHULDBEMIDDELING, O.NUL_AANBOD),
    F.SANERINGSKREDIET: (O.SANERINGSKREDIET,),
    F.BETALINGSREGELING: (O.BETALINGSREGELING, O.HERFINANCIERING),
}
STANDAARD_CHECKLIST = (
    (gettext_lazy("Identiteitsbewijs"), Wie.INWONER),
    (gettext_lazy("Inkomen: loonstroken of uitkeringsspecificaties van de laatste 3 maanden"), Wie.INWONER),
    (gettext_lazy("Bankafschriften van de laatste 3 maanden"), Wie.INWONER),
    (gettext_lazy("Vaste lasten: huur, energie, zorgverzekering"), Wie.INWONER),
    (gettext_lazy("Brieven van schuldeisers en deurwaarders (ook ongeopend)"), Wie.INWONER),
    (gettext_lazy("Vorderingenoverzicht Rijk opvragen"), Wie.CONSULENT),
    (gettext_lazy("Beslagvrije voet nagaan"), Wie.CONSULENT),
)


@dataclass(frozen=True)
class Overgang:
    van: str
    naar: str
    actie: str
    label: str
    redenen: tuple = ()


def _o(van, naar, actie, label, redenen=()):
    return Overgang(van, naar, actie, label, redenen)


_UITSTROMEN = gettext_lazy("Traject beëindigen")
_DOORVERWIJZEN = gettext_lazy("Doorverwijzen")
OVERGANGEN: tuple[Overgang, ...] = (
    _o(F.AANMELDING, F.INTAKE, "eerste_gesprek", gettext_lazy("Eerste gesprek gehouden")),
    _o(F.AANMELDING, F.UITSTROOM, "uitstromen", _UITSTROMEN, REDENEN_ZONDER_RESULTAAT),
    _o(F.INTAKE, F.STABILISATIE, "stabilisatie_starten", gettext_lazy("Stabilisatie starten")),
    _o(F.INTAKE, F.PLAN_VAN_AANPAK, "plan_van_aanpak", gettext_lazy("Plan van aanpak vastgesteld")),
    _o(F.INTAKE, F.DOORVERWIJZING, "doorverwijzen", _DOORVERWIJZEN),
    _o(F.INTAKE, F.UITSTROOM, "uitstromen", _UITSTROMEN, REDENEN_ZONDER_RESULTAAT),
    _o(F.STABILISATIE, F.PLAN_VAN_AANPAK, "plan_van_aanpak", gettext_lazy("Plan van aanpak vastgesteld")),
    _o(F.STABILISATIE, F.DOORVERWIJZING, "doorverwijzen", _DOORVERWIJZEN),
    _o(F.STABILISATIE, F.UITSTROOM, "uitstromen", _UITSTROMEN, REDENEN_ZONDER_RESULTAAT),
    *(_o(F.PLAN_VAN_AANPAK, fase, "oplossing_starten", gettext_lazy("Oplossing starten")) for fase in OPLOSSINGSFASEN),
    _o(F.PLAN_VAN_AANPAK, F.DOORVERWIJZING, "doorverwijzen", _DOORVERWIJZEN),
    _o(F.PLAN_VAN_AANPAK, F.NAZORG, "nazorg_starten", gettext_lazy("Nazorg starten")),
    _o(F.PLAN_VAN_AANPAK, F.UITSTROOM, "uitstromen", _UITSTROMEN, REDENEN_ZONDER_RESULTAAT),
    *(_o(fase, F.NAZORG, "nazorg_starten", gettext_lazy("Oplossing afgerond: nazorg starten")) for fase in OPLOSSINGSFASEN),
    *(_o(fase, F.DOORVERWIJZING, "doorverwijzen", _DOORVERWIJZEN) for fase in OPLOSSINGSFASEN),
    *(_o(fase, F.UITSTROOM, "uitstromen", _UITSTROMEN, ALLE_REDENEN) for fase in OPLOSSINGSFASEN),
    _o(F.NAZORG, F.UITSTROOM, "uitstromen", _UITSTROMEN, ALLE_REDENEN),
    _o(F.DOORVERWIJZING, F.STABILISATIE, "verder_na_doorverwijzing", gettext_lazy("Verder met stabilisatie")),
    _o(F.DOORVERWIJZING, F.UITSTROOM, "uitstromen", _UITSTROMEN, REDENEN_ZONDER_RESULTAAT),
)
TABEL: dict[tuple[str, str], Overgang] = {(o.van, o.naar): o for o in OVERGANGEN}


def mogelijke_overgangen(fase: str) -> list[Overgang]:
    return [o for o in OVERGANGEN if o.van == fase]


# --- access and reading -------------------------------------------------------------------

def _weiger(door, obj, wijk_id, persoon_id):
    if door is not None and not may_see_wijk(door, wijk_id):
        audit.log_denied(door, obj, doel=DOEL, persoon_id=persoon_id)
        raise PermissionDenied(_("U heeft geen toegang tot trajecten in deze wijk."))


def traject_voor(door, traject_id: int) -> Traject:
    """The traject, if this user may see it (the read is audited); else PermissionDenied (audited)."""
    traject = Traject.objects.select_related("inwoner", "consulent", "wijk").get(pk=traject_id)
    _weiger(door, traject, traject.wijk_id, traject.inwoner_id)
    audit.log_read(door, traject, doel=DOEL, persoon_id=traject.inwoner_id)
    return traject


def _traject_id(traject) -> int:
    return traject.pk if isinstance(traject, Traject) else int(traject)


def toegang(traject, door) -> int:
    """The traject's id if ``door`` may work on it, else PermissionDenied (audited). Every change
    to a traject or its debts, messages, budget and proposals checks this before its transaction,
    so a refusal is audited and nothing changes."""
    traject_id = _traject_id(traject)
    rij = Traject.objects.only("id", "wijk_id", "inwoner_id").get(pk=traject_id)
    _weiger(door, rij, rij.wijk_id, rij.inwoner_id)
    return traject_id


def _datum(datum: date | None, *, na: date | None, veld: str) -> date:
    vandaag = timezone.localdate()
    datum = datum or vandaag
    if datum > vandaag:
        raise OngeldigeInvoer(_("%(veld)s ligt in de toekomst. Vul een datum in van vandaag of eerder.")
                              % {"veld": veld})
    if na is not None and datum < na:
        raise OngeldigeInvoer(_("%(veld)s ligt vóór de vorige stap (%(na)s). Vul %(na)s of later in.")
                              % {"veld": veld, "na": na.strftime("%d-%m-%Y")})
    return datum


def _laatste_datum(traject: Traject) -> date:
    laatste = traject.fasewijzigingen.order_by("-datum").values_list("datum", flat=True).first()
    return laatste or traject.aanmelddatum


# --- starting a traject -----------------------------------------------------------------------

def _nieuw(*, inwoner: Inwoner, wijk_id: int, wijze: str, datum: date | None, bedreiging: str,
           door, zaak_id: int | None = None, signalen=()) -> Traject:
    if wijze not in Aanmeldingswijze.values:
        raise OngeldigeInvoer(_("Kies hoe de inwoner zich aanmeldde."))
    if bedreiging not in Bedreiging.values:
        raise OngeldigeInvoer(_("Kies een bedreigende situatie uit de lijst, of ‘Geen’."))
    datum = _datum(datum, na=None, veld=_("De datum van aanmelding"))
    if Traject.objects.filter(inwoner=inwoner).exclude(fase=F.UITSTROOM).exists():
        raise OngeldigeInvoer(_("Deze inwoner heeft al een lopend traject. Ga verder in dat traject."))
    t = termijnen.bereken(aanmelddatum=datum, bedreiging=bool(bedreiging), datum_eerste_gesprek=None,
                          beschikkingsdatum=None, open_=True)
    try:
        with transaction.atomic():
            traject = Traject.objects.create(
                inwoner=inwoner, huishouden_id=inwoner.huishouden_id, wijk_id=wijk_id, zaak_id=zaak_id,
                aanmeldingswijze=wijze, bedreiging=bedreiging, aanmelddatum=datum, consulent=door,
                eerste_gesprek_uiterlijk=t.eerste_gesprek_uiterlijk, deadline=t.deadline,
                deadline_soort=t.deadline_soort,
            )
    except IntegrityError:  # a colleague started one at the same moment (unique open traject)
        raise OngeldigeInvoer(_("Deze inwoner heeft al een lopend traject. Ga verder in dat traject.")) from None
    Fasewijziging.objects.create(traject=traject, van="", naar=F.AANMELDING, datum=datum, door=door,
                                 reden=wijze)
    MeegenomenSignaal.objects.bulk_create(
        MeegenomenSignaal(traject=traject, signaal_id=s.signaal_id, partner=s.partner, partnertype=s.partnertype,
                          bedrag=s.bedrag, signaaldatum=s.signaaldatum, ontstaansdatum=s.ontstaansdatum,
                          crisissignaal=s.crisissignaal) for s in signalen)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(traject=traject, omschrijving=str(tekst), wie=wie, volgorde=i)
        for i, (tekst, wie) in enumerate(STANDAARD_CHECKLIST))
    audit.log(actor=door, actie=Actie.AANMAKEN, object_type=traject._meta.label, object_id=traject.pk,
              persoon_id=inwoner.pk, doel=DOEL, toelichting=f"Traject gestart ({wijze})")
    return traject


def start_vanuit_zaak(zaak_id: int, *, door, aanmelddatum: date | None = None, bedreiging: str | None = None) -> Traject:
    """One call from a vroegsignaalzaak: its person, household and signals come along. Without
    ``bedreiging`` a crisis signal of a landlord, energy or water company or health insurer sets it.
    An open case is closed in the same transaction with "Vervolghulp en/of verwijzing financieel"
    (``zaken.services.schuldhulp_gestart``); its page links to the traject (``vervolg``)."""
    zaak = zaken.zaak_voor_traject(zaak_id)
    if zaak is None:
        raise OngeldigeInvoer(_("Deze zaak bestaat niet (meer)."))
    if zaak.wijk_id is None or zaak.inwoner_id is None:
        raise OngeldigeInvoer(_("Aan deze zaak is nog geen inwoner gekoppeld. Koppel eerst de inwoner."))
    if door is not None and not may_see_wijk(door, zaak.wijk_id):
        audit.log(actor=door, actie=Actie.GEWEIGERD, object_type="zaken.Vroegsignaalzaak", object_id=zaak_id,
                  persoon_id=zaak.inwoner_id, doel=DOEL, toelichting="Geen toegang tot deze wijk")
        raise PermissionDenied(_("U heeft geen toegang tot zaken in deze wijk."))
    if zaak.status in (Zaakstatus.NIEUW, Zaakstatus.NIET_OPGEPAKT):
        raise OngeldigeInvoer(_("Pak de zaak eerst op en spreek de inwoner. Daarna kunt u schuldhulp starten."))
    signalen = signalering.signalen_van_zaak(zaak_id)
    if bedreiging is None:
        bedreiging = _bedreiging_uit_signalen(signalen)
    inwoner = Inwoner.objects.get(pk=zaak.inwoner_id)
    from vroeghulp.schuldhulp import schulden  # here: schulden imports this module

    with transaction.atomic():
        traject = _nieuw(inwoner=inwoner, wijk_id=zaak.wijk_id, wijze=Aanmeldingswijze.VROEGSIGNALERING,
                         datum=aanmelddatum, bedreiging=bedreiging, door=door, zaak_id=zaak_id,
                         signalen=signalen)
        schulden.uit_signalen(traject, door=door)  # the signals become the first debts
        # the case's outreach ends: "Vervolghulp en/of verwijzing financieel" (unless already closed)
        zaken.schuldhulp_gestart(zaak_id, door=door, traject_id=traject.pk)
        return traject


# A crisis signal of these partners is one of the bedreigende situaties of Wgs art. 4 lid 2.
_BEDREIGING_PER_PARTNER = {
    "Huur": Bedreiging.HUISUITZETTING, "Energie": Bedreiging.ENERGIE, "Water": Bedreiging.WATER,
    "Zorg": Bedreiging.ZORGVERZEKERING, "CAK Zorgverzekeringen": Bedreiging.ZORGVERZEKERING,
}


def voorgestelde_bedreiging(zaak_id: int) -> str:
    """What the start screen proposes; the consulent can change it."""
    return _bedreiging_uit_signalen(signalering.signalen_van_zaak(zaak_id))


def _bedreiging_uit_signalen(signalen) -> str:
    for signaal in signalen:
        if signaal.crisissignaal and signaal.partnertype in _BEDREIGING_PER_PARTNER:
            return _BEDREIGING_PER_PARTNER[signaal.partnertype]
    return ""


def aanmelden(inwoner_id: int, *, door, aanmeldingswijze: str, aanmelddatum: date | None = None,
              bedreiging: str = "") -> Traject:
    """A walk-in at an inlooppunt or a self-referral of a resident in the register."""
    if aanmeldingswijze == Aanmeldingswijze.VROEGSIGNALERING:
        raise OngeldigeInvoer(_("Start een traject vanuit vroegsignalering op de pagina van de zaak."))
    inwoner = Inwoner.objects.select_related("huishouden__adres__buurt").get(pk=inwoner_id)
    wijk_id = inwoner.huishouden.adres.buurt.wijk_id
    if door is not None and not may_see_wijk(door, wijk_id):
        audit.log_denied(door, inwoner, doel=DOEL, persoon_id=inwoner.pk)
        raise PermissionDenied(_("U heeft geen toegang tot inwoners in deze wijk."))
    with transaction.atomic():
        return _nieuw(inwoner=inwoner, wijk_id=wijk_id, wijze=aanmeldingswijze, datum=aanmelddatum,
                      bedreiging=bedreiging, door=door)


# --- the one place where ``fase`` changes ------------------------------------------------------

def _overgang(traject, naar: str, *, door, datum: date | None, reden: str = "", toelichting: str = "",
              velden=None) -> Traject:
    """Call inside ``transaction.atomic`` after ``_toegang``. ``velden(traject, datum)`` gives the
    DDAS dates this step fills in."""
    traject_id = _traject_id(traject)
    traject = Traject.objects.select_for_update().get(pk=traject_id)
    van = traject.fase
    overgang = TABEL.get((van, naar))
    if overgang is None:
        raise OvergangNietToegestaan(_("Deze stap kan niet: het traject staat op ‘%(van)s’.")
                                     % {"van": F(van).label})
    if overgang.redenen and reden not in overgang.redenen:
        raise OngeldigeInvoer(_("Kies een reden voor het einde die bij deze fase past."))
    datum = _datum(datum, na=_laatste_datum(traject), veld=_("De datum"))
    wijzigingen = {"fase": naar, **(velden(traject, datum) if velden else {})}
    for naam, waarde in wijzigingen.items():
        setattr(traject, naam, waarde)
    wijzigingen.update(termijnen.velden(traject), gewijzigd=timezone.now())
    # Guard: even if the lock were bypassed, only one writer moves the traject out of ``van``.
    if Traject.objects.filter(pk=traject_id, fase=van).update(**wijzigingen) != 1:
        raise OvergangNietToegestaan(_("Iemand anders heeft dit traject net gewijzigd. Laad de pagina opnieuw."))
    for naam, waarde in wijzigingen.items():
        setattr(traject, naam, waarde)
    Fasewijziging.objects.create(traject=traject, van=van, naar=naar, datum=datum, reden=reden,
                                 toelichting=toelichting.strip()[:500], door=door)
    audit.log(actor=door, actie=Actie.WIJZIGEN, object_type=traject._meta.label, object_id=traject.pk,
              persoon_id=traject.inwoner_id, doel=DOEL, toelichting=f"Fase {van} → {naar}")
    return traject


def _stap(traject, naar, *, door, datum=None, reden="", toelichting="", velden=None) -> Traject:
    traject_id = toegang(traject, door)
    with transaction.atomic():
        return _overgang(traject_id, naar, door=door, datum=datum, reden=reden, toelichting=toelichting,
                         velden=velden)


# --- one service per transition ---------------------------------------------------------------

def _verwachte_weken(weken) -> int | None:
    if weken in (None, ""):
        return None
    if isinstance(weken, bool) or not isinstance(weken, int) or not 1 <= weken <= 260:
        raise OngeldigeInvoer(_("Vul bij ‘verwacht aantal weken’ een heel getal in van 1 tot en met 260."))
    return weken


def eerste_gesprek(traject, *, door, datum: date | None = None, verwachte_weken: int | None = None,
                   toelichting: str = "") -> Traject:
    """aanmelding → intake: the first conversation (Wgs art. 4 lid 1); starts the beschikking term.
    The expected number of weeks to the result (art. 4 lid 3) can be recorded here."""
    weken = _verwachte_weken(verwachte_weken)

    def velden(t, d):
        return {"aanmelding_einddatum": d, "datum_eerste_gesprek": d,
                **({"verwachte_weken": weken} if weken else {})}
    return _stap(traject, F.INTAKE, door=door, datum=datum, toelichting=toelichting, velden=velden)


def _einde_fase(t: Traject, d: date) -> dict:
    """The DDAS einddatum of the phase the traject leaves."""
    return {
        F.AANMELDING: {"aanmelding_einddatum": d},
        F.INTAKE: {"intake_einddatum": d},
        F.STABILISATIE: {"stabilisatie_einddatum": d},
        F.SCHULDREGELING: {"oplossing_einddatum": d},
        F.SANERINGSKREDIET: {"oplossing_einddatum": d},
        F.BETALINGSREGELING: {"oplossing_einddatum": d},
        F.NAZORG: {"nazorg_einddatum": d},
    }.get(t.fase, {})


def stabilisatie_starten(traject, *, door, datum: date | None = None, toelichting: str = "") -> Traject:
    """intake → stabilisatie (or back after a doorverwijzing): income and costs in balance first."""
    return _stap(traject, F.STABILISATIE, door=door, datum=datum, toelichting=toelichting,
                 velden=lambda t, d: {**_einde_fase(t, d), "stabilisatie_startdatum": t.stabilisatie_startdatum or d,
                                      "stabilisatie_einddatum": None})


def verder_na_doorverwijzing(traject, *, door, datum: date | None = None, toelichting: str = "") -> Traject:
    """doorverwijzing → stabilisatie: e.g. beschermingsbewind is arranged and the help goes on."""
    return stabilisatie_starten(traject, door=door, datum=datum, toelichting=toelichting)


def plan_van_aanpak(traject, *, door, datum: date | None = None, verwachte_weken: int | None = None,
                    toelichting: str = "") -> Traject:
    """intake / stabilisatie → plan van aanpak: the toelatingsbeschikking (Wgs art. 4a lid 1)."""
    weken = _verwachte_weken(verwachte_weken)

    def velden(t, d):
        if not (weken or t.verwachte_weken):
            raise OngeldigeInvoer(_("Vul in hoeveel weken het naar verwachting duurt tot het resultaat. "
                                    "Dat vertelt u de inwoner (Wgs artikel 4 lid 3)."))
        return {**_einde_fase(t, d), "intake_einddatum": t.intake_einddatum or d, "beschikkingsdatum": d,
                "beschikkingssoort": Beschikkingssoort.TOELATING, "plan_van_aanpak_datum": d,
                "verwachte_weken": weken or t.verwachte_weken}
    return _stap(traject, F.PLAN_VAN_AANPAK, door=door, datum=datum, toelichting=toelichting, velden=velden)


def oplossing_starten(traject, fase: str, *, door, soort: str | None = None, datum: date | None = None,
                      toelichting: str = "") -> Traject:
    """plan van aanpak → schuldregeling | saneringskrediet | betalingsregeling (DDAS Oplossing)."""
    if fase not in OPLOSSINGEN:
        raise OngeldigeInvoer(_("Kies schuldregeling, saneringskrediet of betalingsregeling."))
    soort = soort or OPLOSSINGEN[fase][0]
    if soort not in OPLOSSINGEN[fase]:
        raise OngeldigeInvoer(_("Deze soort oplossing past niet bij de gekozen regeling."))
    return _stap(traject, fase, door=door, datum=datum, toelichting=toelichting,
                 velden=lambda t, d: {"oplossingssoort": soort, "oplossing_startdatum": d})


def nazorg_starten(traject, *, door, datum: date | None = None, toelichting: str = "") -> Traject:
    """plan van aanpak / oplossing → nazorg (Wgs art. 1: nazorg is part of schuldhulpverlening)."""
    return _stap(traject, F.NAZORG, door=door, datum=datum, toelichting=toelichting,
                 velden=lambda t, d: {**_einde_fase(t, d), "nazorg_startdatum": d})


def doorverwijzen(traject, *, door, naar: str, datum: date | None = None, toelichting: str = "") -> Traject:
    """To beschermingsbewind or the Wsnp (e.g. after a refused settlement)."""
    if naar not in Doorverwijzing.values:
        raise OngeldigeInvoer(_("Kies waarheen u doorverwijst: beschermingsbewind of Wsnp."))
    return _stap(traject, F.DOORVERWIJZING, door=door, datum=datum, reden=naar, toelichting=toelichting,
                 velden=lambda t, d: {**_einde_fase(t, d), "doorverwijzing": naar, "doorverwijzing_datum": d})


def uitstromen(traject, *, door, reden: str, datum: date | None = None, afwijzing: bool = False,
               beeindigingsbeschikking: date | None = None, toelichting: str = "") -> Traject:
    """Any open phase → uitstroom with its DDAS reason.

    ``afwijzing``: the traject ends with a refusal after the first conversation (an
    Afwijzingsbeschikking, Wgs art. 4a lid 1). Ending help early otherwise needs a
    beëindigingsbeschikking (art. 4a lid 6), not when the resident gives up (lid 2)."""
    if reden == U.OVERIG and not toelichting.strip():
        raise OngeldigeInvoer(_("Schrijf kort op waarom het traject eindigt."))

    def velden(t, d):
        if afwijzing and t.fase not in (F.INTAKE, F.STABILISATIE):
            raise OngeldigeInvoer(_("Een afwijzing kan alleen na het eerste gesprek en vóór het plan van aanpak."))
        if beeindigingsbeschikking is not None and beeindigingsbeschikking > timezone.localdate():
            raise OngeldigeInvoer(_("De datum van de beëindigingsbeschikking ligt in de toekomst."))
        extra = {"beschikkingsdatum": d, "beschikkingssoort": Beschikkingssoort.AFWIJZING,
                 "intake_einddatum": t.intake_einddatum or d} if afwijzing else {}
        return {**_einde_fase(t, d), **extra, "uitstroom_datum": d, "uitstroom_reden": reden,
                "uitstroom_omschrijving": toelichting.strip()[:500],
                "datum_beeindigingsbeschikking": beeindigingsbeschikking}
    return _stap(traject, F.UITSTROOM, door=door, datum=datum, reden=reden, toelichting=toelichting,
                 velden=velden)


def overgang(traject, naar: str, *, door, datum: date | None = None, reden: str = "", toelichting: str = "",
             **extra) -> Traject:
    """Generic entry point (the exhaustive transition test, the screens)."""
    acties = {
        F.INTAKE: lambda: eerste_gesprek(traject, door=door, datum=datum, toelichting=toelichting,
                                         verwachte_weken=extra.get("verwachte_weken")),
        F.STABILISATIE: lambda: stabilisatie_starten(traject, door=door, datum=datum, toelichting=toelichting),
        F.PLAN_VAN_AANPAK: lambda: plan_van_aanpak(traject, door=door, datum=datum, toelichting=toelichting,
                                                   verwachte_weken=extra.get("verwachte_weken")),
        F.NAZORG: lambda: nazorg_starten(traject, door=door, datum=datum, toelichting=toelichting),
        F.DOORVERWIJZING: lambda: doorverwijzen(traject, door=door, naar=reden, datum=datum, toelichting=toelichting),
        F.UITSTROOM: lambda: uitstromen(traject, door=door, reden=reden, datum=datum, toelichting=toelichting,
                                        afwijzing=extra.get("afwijzing", False)),
        **{fase: (lambda fase=fase: oplossing_starten(traject, fase, door=door, soort=extra.get("soort"),
                                                      datum=datum, toelichting=toelichting))
           for fase in OPLOSSINGSFASEN},
    }
    if naar not in acties:
        raise OvergangNietToegestaan(_("Een traject kan niet terug naar de aanmelding."))
    return acties[naar]()


# --- changes that are not a transition: the checklist (never a gate) -------------------------------

def _checklist_item(item_id: int, door) -> ChecklistItem:
    item = ChecklistItem.objects.select_related("traject").get(pk=item_id)
    _weiger(door, item.traject, item.traject.wijk_id, item.traject.inwoner_id)
    return item


def checklist_afvinken(item_id: int, *, door, gedaan: bool) -> ChecklistItem:
    item = _checklist_item(item_id, door)
    with transaction.atomic():
        ChecklistItem.objects.filter(pk=item.pk).update(
            gedaan=gedaan, gedaan_op=timezone.localdate() if gedaan else None, gedaan_door=door if gedaan else None)
        audit.log(actor=door, actie=Actie.WIJZIGEN, object_type=item._meta.label, object_id=item.pk,
                  persoon_id=item.traject.inwoner_id, doel=DOEL,
                  toelichting="Checklist: geregeld" if gedaan else "Checklist: nog niet geregeld")
    item.refresh_from_db()
    return item


def checklist_toevoegen(traject, *, door, omschrijving: str, wie: str = Wie.INWONER) -> ChecklistItem:
    omschrijving = omschrijving.strip()
    if not omschrijving:
        raise OngeldigeInvoer(_("Vul bij ‘omschrijving’ in wat er nog nodig is."))
    if len(omschrijving) > 200:
        raise OngeldigeInvoer(_("De omschrijving is te lang: hooguit 200 tekens."))
    if wie not in Wie.values:
        raise OngeldigeInvoer(_("Kies wie het regelt: de inwoner of de consulent."))
    traject_id = toegang(traject, door)
    with transaction.atomic():
        traject = Traject.objects.select_for_update().get(pk=traject_id)
        volgorde = traject.checklist.count()
        item = ChecklistItem.objects.create(traject=traject, omschrijving=omschrijving, wie=wie, volgorde=volgorde)
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=item._meta.label, object_id=item.pk,
                  persoon_id=traject.inwoner_id, doel=DOEL, toelichting="Checklist: punt toegevoegd")
    return item


def vervolg_van_zaak(zaak_id: int) -> list:
    """The trajecten started from this case, as links for the case page (``zaken.services``
    ``registreer_vervolg``; the case page itself is audited and checks the wijk)."""
    from django.urls import reverse

    return [zaken.Vervolg(label=_("Schuldhulptraject %(nr)s (%(fase)s)") % {"nr": pk, "fase": F(fase).label},
                          url=reverse("schuldhulp:detail", kwargs={"pk": pk}))
            for pk, fase in Traject.objects.filter(zaak_id=zaak_id).order_by("id").values_list("id", "fase")]
