"""The result of the check: every amount from ``regels.service.bereken`` with its own explanation
and legal source, how to apply, what was not checked, two "what ifs", the municipality's own
schemes and where to get help nearby. Reads the configuration tables, writes nothing."""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vroeghulp.zelfcheck.antwoorden import Antwoorden
from vroeghulp.zelfcheck.huishouden import CENT, VAKANTIEGELD, bedragen, netto_huishouden, situatie
from vroeghulp.zelfcheck.models import Hulppunt, Leeftijdvoor, LokaleRegeling

TOESLAGEN = ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget")
TOESLAGEN_AANVRAGEN = "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/toeslagen"
AOW_LEEFTIJD = 67  # AOW art. 7a, 2024-2027; the rules themselves decide the norm, this only picks a sentence


@dataclass(frozen=True)
class Bron:
    titel: str
    url: str


@dataclass(frozen=True)
class Blok:
    """One regeling on the result page."""

    naam: str
    titel: str
    recht: bool
    per_maand: Decimal | None
    per_jaar: Decimal | None
    waarom: str  # one or two B1 sentences: the calculation's conclusion and its source
    stappen: tuple[str, ...]  # the calculation's whole explanation
    bronnen: tuple[Bron, ...]
    aanvragen: str
    aanvragen_link: str = ""


@dataclass(frozen=True)
class LokaalBlok:
    regeling: LokaleRegeling
    grens: Decimal
    norm: Decimal
    inkomen: Decimal


@dataclass(frozen=True)
class WatAls:
    titel: str
    uitleg: str
    voor: dict[str, Decimal]
    na: dict[str, Decimal]

    @property
    def rijen(self):
        namen = {"zorgtoeslag": _("Zorgtoeslag"), "huurtoeslag": _("Huurtoeslag"),
                 "kindgebonden_budget": _("Kindgebonden budget"), "bijstandsnorm": _("Bijstandsnorm")}
        return [(namen[k], self.voor[k], self.na[k], self.na[k] - self.voor[k]) for k in self.voor]


@dataclass
class Uitslag:
    peildatum: date
    blokken: list[Blok]
    netto_huishouden: Decimal
    lokaal: list[LokaalBlok]
    hulppunten: list[Hulppunt]
    niet_bekeken: list[str]
    wat_als: list[WatAls] = field(default_factory=list)
    rekenregels_versie: str = ""

    @property
    def totaal_toeslagen_per_maand(self) -> Decimal:
        return sum((b.per_maand for b in self.blokken if b.naam in TOESLAGEN and b.recht), Decimal(0))


def _bereken(verzoek: dict) -> dict:
    from vroeghulp.regels.service import bereken  # late import: the rules take 0.4 s to load

    return bereken(verzoek)


def _bronnen(uitkomst: dict) -> tuple[Bron, ...]:
    return tuple(Bron(b["titel"], b["url"]) for b in uitkomst.get("bronnen", ()))


def _waarom(uitkomst: dict) -> str:
    """One or two sentences of the calculation's own explanation and the law it rests on: with a
    right, the step before the final amount (how the amount comes about: the last step only rounds
    it), with the sentence before that when it starts with "Dat" (it refers back); without a right,
    the last step (the reason)."""
    stappen = list(uitkomst.get("toelichting") or [])
    bronnen = uitkomst.get("bronnen") or []
    gekozen = stappen[-1:]
    if uitkomst.get("recht") and len(stappen) >= 2:
        gekozen = stappen[-2:-1]
        if gekozen[0].startswith("Dat ") and len(stappen) >= 3:
            gekozen = stappen[-3:-1]
    zin = " ".join(gekozen)
    if bronnen:
        zin += " " + _("Dit staat in: %(bron)s.") % {"bron": bronnen[0]["titel"]}
    return zin.strip()


_AANVRAGEN = {
    "zorgtoeslag": (gettext_lazy("Vraag zorgtoeslag aan bij de Dienst Toeslagen, via Mijn toeslagen met uw DigiD. "
                      "Houd uw inkomen van dit jaar en het nummer van uw zorgverzekering bij de hand."),
                    TOESLAGEN_AANVRAGEN),
    "huurtoeslag": (gettext_lazy("Vraag huurtoeslag aan bij de Dienst Toeslagen, via Mijn toeslagen met uw DigiD. "
                      "Houd uw huurcontract (de kale huur) en uw inkomen bij de hand."),
                    TOESLAGEN_AANVRAGEN),
    "kindgebonden_budget": (gettext_lazy("Krijgt u kinderbijslag? Dan krijgt u het kindgebonden budget meestal vanzelf. "
                              "Zo niet: vraag het aan bij de Dienst Toeslagen via Mijn toeslagen met uw DigiD."),
                            TOESLAGEN_AANVRAGEN),
}


def _toeslag(naam: str, titel: str, uitkomst: dict) -> Blok:
    tekst, link = _AANVRAGEN[naam]
    recht = bool(uitkomst.get("recht"))
    return Blok(naam=naam, titel=titel, recht=recht, per_maand=uitkomst.get("per_maand") if recht else Decimal(0),
                per_jaar=uitkomst.get("per_jaar"), waarom=_waarom(uitkomst),
                stappen=tuple(uitkomst.get("toelichting", ())), bronnen=_bronnen(uitkomst),
                aanvragen=str(tekst) if recht else _("Volgens deze berekening kunt u dit nu niet krijgen."),
                aanvragen_link=link if recht else "")


def _bijstand(uitkomst: dict, netto: Decimal, vermogen: Decimal) -> Blok:
    norm = uitkomst["per_maand"]
    grens = uitkomst["vermogensgrens"]
    if vermogen > grens:
        zin = _("Uw spaargeld (%(vermogen)s) is hoger dan de grens van %(grens)s. Dan krijgt u meestal geen bijstand.")
        recht = False
    elif netto < norm:
        zin = _("Uw netto inkomen (%(netto)s per maand, met vakantiegeld) is lager dan de bijstandsnorm "
                "(%(norm)s). Misschien kunt u bijstand krijgen, ook als aanvulling op uw inkomen.")
        recht = True
    else:
        zin = _("Uw netto inkomen (%(netto)s per maand, met vakantiegeld) is niet lager dan de bijstandsnorm "
                "(%(norm)s). U krijgt dan waarschijnlijk geen bijstand.")
        recht = False
    waarom = zin % {"netto": euro(netto), "norm": euro(norm), "vermogen": euro(vermogen), "grens": euro(grens, 0)}
    bronnen = _bronnen(uitkomst)
    if bronnen:
        waarom += " " + _("Dit staat in: %(bron)s.") % {"bron": bronnen[0].titel}
    return Blok(naam="bijstandsnorm", titel=_("Bijstand"), recht=recht, per_maand=norm, per_jaar=None,
                waarom=waarom, stappen=tuple(uitkomst.get("toelichting", ())), bronnen=bronnen,
                aanvragen=_("Bijstand vraagt u aan bij de gemeente. Neem uw legitimatie, bankafschriften van "
                            "de laatste 3 maanden en bewijs van uw inkomen mee. Een hulppunt hieronder helpt u graag.")
                if recht else _("U kunt altijd bij de gemeente navragen of u iets kunt krijgen."))


def _beslagvrije_voet(uitkomst: dict) -> Blok:
    per_maand = uitkomst.get("per_maand")
    return Blok(naam="beslagvrije_voet", titel=_("Beslagvrije voet"), recht=per_maand is not None,
                per_maand=per_maand, per_jaar=None, waarom=_waarom(uitkomst),
                stappen=tuple(uitkomst.get("toelichting", ())), bronnen=_bronnen(uitkomst),
                aanvragen=_("Dit bedrag moet u elke maand overhouden. Krijgt u minder? Vraag de deurwaarder of "
                            "de Belastingdienst om uw beslagvrije voet opnieuw te berekenen, of laat u helpen "
                            "door de sociaal raadslieden."),
                aanvragen_link="https://www.uwbeslagvrijevoet.nl/")


def euro(bedrag, decimalen: int = 2) -> str:
    """€ 1.401,50 (the same notation as the rules' own explanation)."""
    from vroeghulp.regels.uitkomsten._hulp import euro as regels_euro  # one notation for amounts

    return regels_euro(bedrag, decimalen)


def _titels() -> dict[str, str]:
    return {"zorgtoeslag": _("Zorgtoeslag"), "huurtoeslag": _("Huurtoeslag"),
            "kindgebonden_budget": _("Kindgebonden budget")}


def _lokaal(antwoorden: Antwoorden, norm: Decimal, netto: Decimal) -> list[LokaalBlok]:
    uit = []
    leeftijden_kinderen = antwoorden.kinderen or ()
    for regeling in LokaleRegeling.objects.filter(actief=True):
        grens = (norm * regeling.inkomensgrens_procent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        if netto > grens:
            continue
        if regeling.vermogensgrens is not None and (antwoorden.vermogen or 0) > regeling.vermogensgrens:
            continue
        van, tot = regeling.leeftijd_vanaf, regeling.leeftijd_tot

        def past(leeftijd):
            return (van is None or leeftijd >= van) and (tot is None or leeftijd < tot)

        if van is not None or tot is not None:
            if regeling.leeftijd_voor == Leeftijdvoor.KIND:
                if not any(past(k) for k in leeftijden_kinderen):
                    continue
            elif not past(antwoorden.leeftijd):
                continue
        uit.append(LokaalBlok(regeling=regeling, grens=grens, norm=norm, inkomen=netto))
    return uit


def _hulppunten(wijk: str | None) -> list[Hulppunt]:
    punten = Hulppunt.objects.filter(actief=True).select_related("wijk")
    if wijk:
        punten = [p for p in punten if p.wijk_id is None or p.wijk.code == wijk]
    else:
        punten = [p for p in punten if p.wijk_id is None] or list(punten)
    return sorted(punten, key=lambda p: (p.soort, p.wijk_id is None, p.naam))


def _niet_bekeken(antwoorden: Antwoorden) -> list[str]:
    punten = [
        _("Of er andere volwassenen bij u wonen, zoals een volwassen kind of een huisgenoot. Dan kan de "
          "bijstandsnorm lager zijn en telt hun inkomen mee voor de huurtoeslag."),
        _("Jongeren van 18 tot 21 jaar: voor hen geldt een lagere bijstandsnorm, die rekenen wij niet uit."),
        _("Wijzigingen in de loop van het jaar: wij rekenen met uw inkomen van nu, alsof het het hele jaar zo blijft."),
        _("Vakantiegeld: wij tellen 8% vakantiegeld bij uw inkomen. Krijgt u dat niet, dan is uw inkomen iets lager."),
        _("Of uw kinderen kinderbijslag krijgen en of u co-ouder bent."),
        _("Zorgverzekering: wij gaan ervan uit dat u en uw partner in Nederland verzekerd zijn."),
        _("Kinderopvangtoeslag, de AOW, de Toeslagenwet en een eigen huis (hypotheekrenteaftrek)."),
        _("Bijzondere bijstand en de kwijtschelding van gemeentelijke belastingen: vraag de gemeente."),
    ]
    eigen, van_partner = bedragen(antwoorden.inkomen), bedragen(antwoorden.inkomen_partner)
    if eigen.bruto_geschat or (antwoorden.partner and van_partner.bruto_geschat):
        punten.insert(0, _("U gaf geen bruto inkomen. De toeslagen rekenen met het bruto inkomen; wij rekenden met "
                           "het netto bedrag. Het bruto bedrag is meestal hoger, dus de toeslagen zijn dan "
                           "misschien lager."))
    if eigen.netto_geschat or (antwoorden.partner and van_partner.netto_geschat):
        punten.insert(0, _("U gaf geen netto inkomen. Voor de bijstand en de beslagvrije voet rekenden wij met het "
                           "bruto bedrag. Het netto bedrag is meestal lager."))
    if antwoorden.woning == "anders":
        punten.insert(0, _("Huurtoeslag: u huurt geen eigen woning, dus die hebben wij niet uitgerekend."))
    if not antwoorden.beslag:
        punten.append(_("De beslagvrije voet: die rekenen wij alleen uit als er beslag is."))
    return punten


def _per_maand(uitkomsten: dict) -> dict[str, Decimal]:
    uit = {naam: (uitkomsten[naam]["per_maand"] if uitkomsten[naam].get("recht") else Decimal(0)) for naam in TOESLAGEN}
    uit["bijstandsnorm"] = uitkomsten["bijstandsnorm"]["per_maand"]
    return uit


def _wat_als(antwoorden: Antwoorden, verzoek: dict, voor: dict, extra_bruto: Decimal,
             partner_bruto: Decimal) -> list[WatAls]:
    regelingen = [*TOESLAGEN, "bijstandsnorm"]
    meer = {**verzoek, "regelingen": regelingen,
            "huishouden": {**verzoek["huishouden"], "personen": [dict(p) for p in verzoek["huishouden"]["personen"]]}}
    erbij = (extra_bruto * 12 * VAKANTIEGELD).quantize(CENT, rounding=ROUND_HALF_UP)
    meer["huishouden"]["personen"][0]["toetsingsinkomen"] += float(erbij)
    lijst = [WatAls(
        titel=_("Als u meer gaat werken"),
        uitleg=_("U verdient %(bedrag)s bruto per maand meer (met vakantiegeld %(jaar)s per jaar). Dit is wat er "
                 "dan met uw toeslagen per maand gebeurt.") % {"bedrag": euro(extra_bruto), "jaar": euro(erbij)},
        voor=voor, na=_per_maand(_bereken(meer)["uitkomsten"]))]
    if not antwoorden.partner:
        samen = {**verzoek, "regelingen": regelingen,
                 "huishouden": {**verzoek["huishouden"], "personen": [dict(p) for p in verzoek["huishouden"]["personen"]]}}
        inkomen = (partner_bruto * 12 * VAKANTIEGELD).quantize(CENT, rounding=ROUND_HALF_UP)
        samen["huishouden"]["personen"].insert(1, {
            "rol": "partner", "geboortedatum": verzoek["huishouden"]["personen"][0]["geboortedatum"],
            "verzekerd": True, "toetsingsinkomen": float(inkomen),
            "netto_inkomen_per_maand": float((partner_bruto * VAKANTIEGELD).quantize(CENT))})
        lijst.append(WatAls(
            titel=_("Als er een partner bij u komt wonen"),
            uitleg=_("Uw partner is even oud als u en verdient %(bedrag)s bruto per maand. U krijgt dan samen "
                     "toeslagen en één bijstandsnorm voor twee.") % {"bedrag": euro(partner_bruto)},
            voor=voor, na=_per_maand(_bereken(samen)["uitkomsten"])))
    return lijst


def maak(antwoorden: Antwoorden, peil: date, *, extra_bruto: Decimal = Decimal("500"),
         partner_bruto: Decimal = Decimal("1500")) -> Uitslag:
    regelingen = [*TOESLAGEN, "bijstandsnorm"] + (["beslagvrije_voet"] if antwoorden.beslag else [])
    verzoek = situatie(antwoorden, peil, regelingen=regelingen)
    antwoord = _bereken(verzoek)
    uitkomsten = antwoord["uitkomsten"]
    netto = netto_huishouden(antwoorden)
    titels = _titels()
    blokken = [_toeslag(naam, titels[naam], uitkomsten[naam]) for naam in TOESLAGEN
               if not (naam == "huurtoeslag" and antwoorden.woning != "huur")]
    blokken.append(_bijstand(uitkomsten["bijstandsnorm"], netto, antwoorden.vermogen or Decimal(0)))
    if antwoorden.beslag:
        blokken.append(_beslagvrije_voet(uitkomsten["beslagvrije_voet"]))
    norm = uitkomsten["bijstandsnorm"]["per_maand"]
    return Uitslag(
        peildatum=peil, blokken=blokken, netto_huishouden=netto, lokaal=_lokaal(antwoorden, norm, netto),
        hulppunten=_hulppunten(antwoorden.wijk), niet_bekeken=_niet_bekeken(antwoorden),
        wat_als=_wat_als(antwoorden, verzoek, _per_maand(uitkomsten), extra_bruto, partner_bruto),
        rekenregels_versie=antwoord["rekenregels_versie"],
    )
