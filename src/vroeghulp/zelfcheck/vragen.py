"""The questions of the check, one per screen, in order, and which ones apply.

Each ``Vraag`` has a form, a test whether it applies to the answers so far, and how its cleaned
data goes into ``Antwoorden``. Only what the rules need is asked (docs/zelfcheck.md lists what
is not asked and why). At most ten questions, so with the start and the result at most 12 screens.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.zelfcheck.antwoorden import Antwoorden, Inkomen
from vroeghulp.zelfcheck.velden import MAX_BEDRAG, LeeftijdenVeld, bedragveld

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


def _ja_nee(label, help_text=""):
    return forms.ChoiceField(label=label, choices=JA_NEE, widget=forms.RadioSelect, help_text=help_text,
                             error_messages={"required": _("Kies ja of nee.")})


class PartnerForm(forms.Form):
    partner = _ja_nee(_("Woont u samen met een partner?"),
                      _("Een partner is uw man, vrouw of vaste vriend(in) met wie u samenwoont. "
                        "Ook als u niet getrouwd bent."))


class LeeftijdForm(forms.Form):
    leeftijd = forms.IntegerField(
        label=_("Hoe oud bent u?"), min_value=18, max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Vul uw leeftijd in jaren in."), "invalid": _("Vul uw leeftijd in jaren in, bijvoorbeeld 35."),
                        "min_value": _("De zelfcheck is voor mensen van 18 jaar en ouder."),
                        "max_value": _("Vul een leeftijd in van hooguit 120 jaar.")})
    leeftijd_partner = forms.IntegerField(
        label=_("Hoe oud is uw partner?"), min_value=18, max_value=120, required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Vul de leeftijd van uw partner in."),
                        "invalid": _("Vul de leeftijd van uw partner in jaren in, bijvoorbeeld 35."),
                        "min_value": _("Vul een leeftijd in van 18 jaar of ouder."),
                        "max_value": _("Vul een leeftijd in van hooguit 120 jaar.")})

    def __init__(self, *args, partner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if partner:
            self.fields["leeftijd_partner"].required = True
        else:
            del self.fields["leeftijd_partner"]


class KinderenForm(forms.Form):
    kinderen = _ja_nee(_("Wonen er kinderen jonger dan 18 jaar bij u?"))
    leeftijden = LeeftijdenVeld(
        label=_("Hoe oud zijn de kinderen?"), required=False, max_length=60,
        help_text=_("Vul de leeftijd van elk kind in, met een komma ertussen. Bijvoorbeeld: 4, 9."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}))

    def clean(self):
        data = super().clean()
        if data.get("kinderen") == "ja" and not data.get("leeftijden") and "leeftijden" not in self.errors:
            self.add_error("leeftijden", _("Vul de leeftijd van elk kind in, bijvoorbeeld 4, 9."))
        return data


class WoningForm(forms.Form):
    woning = forms.ChoiceField(
        label=_("Hoe woont u?"), widget=forms.RadioSelect,
        choices=[("huur", _("Ik huur een huis of kamer")), ("koop", _("Ik woon in een koophuis")),
                 ("anders", _("Anders, bijvoorbeeld inwonend bij familie"))],
        error_messages={"required": _("Kies hoe u woont.")})


class HuurForm(forms.Form):
    huur = bedragveld(
        label=_("Hoeveel kale huur betaalt u per maand?"),
        help_text=_("Kale huur is de huur zonder servicekosten, water en energie. U vindt het bedrag in uw "
                    "huurcontract of in de brief over de huurverhoging."))


_PERIODE = forms.ChoiceField(
    label=_("Hoe vaak krijgt u dit bedrag?"), widget=forms.RadioSelect, initial="maand",
    choices=[("maand", _("Per maand")), ("vier_weken", _("Per 4 weken")), ("week", _("Per week"))],
    error_messages={"required": _("Kies hoe vaak u dit bedrag krijgt.")})


class InkomenForm(forms.Form):
    netto = bedragveld(
        label=_("Netto: wat u op uw bankrekening krijgt"), required=False,
        help_text=_("Loon, uitkering of pensioen, zonder vakantiegeld. U vindt het op uw bankafschrift "
                    "of loonstrook. Geen inkomen? Vul 0 in."))
    bruto = bedragveld(
        label=_("Bruto: het bedrag vóór belasting (als u het weet)"), required=False,
        help_text=_("Dit staat op uw loonstrook of de brief over uw uitkering, zonder vakantiegeld. "
                    "Weet u het niet? Laat het leeg."))
    per = _PERIODE

    def clean(self):
        data = super().clean()
        if data.get("netto") is None and data.get("bruto") is None and not ({"netto", "bruto"} & set(self.errors)):
            self.add_error("netto", _("Vul uw netto of bruto inkomen in. Geen inkomen? Vul 0 in."))
        return data


class InkomenPartnerForm(InkomenForm):
    pass


class VermogenForm(forms.Form):
    vermogen = bedragveld(
        label=_("Hoeveel spaargeld heeft u (samen met uw partner)?"), max_bedrag=MAX_BEDRAG * 100,
        help_text=_("Geld op uw spaarrekening en betaalrekening en bezit zoals aandelen. Uw eigen huis en "
                    "uw auto tellen hier niet mee. Geen spaargeld? Vul 0 in."))


class BeslagForm(forms.Form):
    beslag = _ja_nee(_("Is er beslag op uw loon of uitkering?"),
                     _("Dat betekent: u krijgt minder loon of uitkering, omdat een deurwaarder of de "
                       "Belastingdienst elke maand een deel inhoudt."))


class WijkForm(forms.Form):
    wijk = forms.ChoiceField(
        label=_("In welke wijk woont u?"), required=False,
        help_text=_("Dan laten we zien waar u in uw buurt terechtkunt voor hulp."))

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("Weet ik niet"))] + list(wijken)


def _ja(tekst) -> bool:
    return tekst == "ja"


def _inkomen(data) -> Inkomen:
    return Inkomen(netto=data["netto"], bruto=data["bruto"], per=data["per"])


def _inkomen_initieel(inkomen: Inkomen | None) -> dict:
    if inkomen is None:
        return {"per": "maand"}
    return {"netto": _tekst(inkomen.netto), "bruto": _tekst(inkomen.bruto), "per": inkomen.per}


def _tekst(bedrag):
    return None if bedrag is None else f"{bedrag:.2f}".replace(".", ",")


def _ja_nee_tekst(waarde: bool | None):
    return None if waarde is None else ("ja" if waarde else "nee")


@dataclass(frozen=True)
class Vraag:
    naam: str
    form: type[forms.Form]
    # applies to these answers; a question that depends on one not answered yet counts (so the
    # progress "question 3 of 10" only ever shrinks)
    geldt: Callable[[Antwoorden], bool]
    zet: Callable[[Antwoorden, dict], Antwoorden]  # cleaned data -> new answers
    initieel: Callable[[Antwoorden], dict]
    titel: str = ""


def _altijd(_antwoorden) -> bool:
    return True


VRAGEN: tuple[Vraag, ...] = (
    Vraag("partner", PartnerForm, _altijd,
          lambda a, d: a.met("partner", partner=_ja(d["partner"]),
                             leeftijd_partner=a.leeftijd_partner if _ja(d["partner"]) else None),
          lambda a: {"partner": _ja_nee_tekst(a.partner)}, _("Uw partner")),
    Vraag("leeftijd", LeeftijdForm, _altijd,
          lambda a, d: a.met("leeftijd", leeftijd=d["leeftijd"], leeftijd_partner=d.get("leeftijd_partner")),
          lambda a: {"leeftijd": a.leeftijd, "leeftijd_partner": a.leeftijd_partner}, _("Leeftijd")),
    Vraag("kinderen", KinderenForm, _altijd,
          lambda a, d: a.met("kinderen", kinderen=d["leeftijden"] if _ja(d["kinderen"]) else ()),
          lambda a: {} if a.kinderen is None else {
              "kinderen": "ja" if a.kinderen else "nee", "leeftijden": ", ".join(str(k) for k in a.kinderen)},
          _("Kinderen")),
    Vraag("woning", WoningForm, _altijd, lambda a, d: a.met("woning", woning=d["woning"]),
          lambda a: {"woning": a.woning}, _("Wonen")),
    Vraag("huur", HuurForm, lambda a: a.woning in (None, "huur"), lambda a, d: a.met("huur", huur=d["huur"]),
          lambda a: {"huur": _tekst(a.huur)}, _("Huur")),
    Vraag("inkomen", InkomenForm, _altijd, lambda a, d: a.met("inkomen", inkomen=_inkomen(d)),
          lambda a: _inkomen_initieel(a.inkomen), _("Uw inkomen")),
    Vraag("inkomen_partner", InkomenPartnerForm, lambda a: a.partner is not False,
          lambda a, d: a.met("inkomen_partner", inkomen_partner=_inkomen(d)),
          lambda a: _inkomen_initieel(a.inkomen_partner), _("Inkomen van uw partner")),
    Vraag("vermogen", VermogenForm, _altijd, lambda a, d: a.met("vermogen", vermogen=d["vermogen"]),
          lambda a: {"vermogen": _tekst(a.vermogen)}, _("Spaargeld")),
    Vraag("beslag", BeslagForm, _altijd, lambda a, d: a.met("beslag", beslag=_ja(d["beslag"])),
          lambda a: {"beslag": _ja_nee_tekst(a.beslag)}, _("Beslag")),
    Vraag("wijk", WijkForm, _altijd, lambda a, d: a.met("wijk", wijk=d["wijk"]),
          lambda a: {"wijk": a.wijk}, _("Uw wijk")),
)
PER_NAAM = {v.naam: v for v in VRAGEN}


def van_toepassing(antwoorden: Antwoorden) -> list[Vraag]:
    return [v for v in VRAGEN if v.geldt(antwoorden)]


def ontbrekend(antwoorden: Antwoorden) -> Vraag | None:
    """The first question that applies and has no answer yet (None: the check is complete)."""
    return next((v for v in van_toepassing(antwoorden) if v.naam not in antwoorden.beantwoord), None)


def na(vraag: Vraag, antwoorden: Antwoorden) -> Vraag | None:
    """The question after ``vraag`` in order (shown with its earlier answer, if any); after the
    last one the first that is still open; None when everything is answered."""
    lijst = van_toepassing(antwoorden)
    namen = [v.naam for v in lijst]
    start = namen.index(vraag.naam) + 1 if vraag.naam in namen else 0
    return lijst[start] if start < len(lijst) else ontbrekend(antwoorden)


def voor(vraag: Vraag, antwoorden: Antwoorden) -> Vraag | None:
    """The question before ``vraag`` (for the "back" button)."""
    lijst = van_toepassing(antwoorden)
    namen = [v.naam for v in lijst]
    if vraag.naam not in namen or namen.index(vraag.naam) == 0:
        return None
    return lijst[namen.index(vraag.naam) - 1]
