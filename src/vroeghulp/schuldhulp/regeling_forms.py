"""Forms of the settlement screen (``views/regeling.py``); ``schuldhulp.regeling`` checks everything again."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.schuldhulp.forms import BedragVeld, DatumVeld, TekstVeld
from vroeghulp.schuldhulp.models import Kanaal, Reactie, Voorstelsoort


def bedrag(label, *, required=True, help_text="", max_value=1_000_000):
    """The one amount field (``forms.BedragVeld``: 1.250,50, € 1.250,-, 2.300), 0 allowed."""
    return BedragVeld(label=label, required=required, help_text=help_text, nul_mag=True,
                      max_bedrag=Decimal(max_value), error_messages={"required": _("Vul een bedrag in (0 mag ook).")})


class VtlbForm(forms.Form):
    peildatum = DatumVeld(label=_("Peildatum"), required=False, help_text=_("Leeg is vandaag."))
    netto_inkomen_per_maand = bedrag(_("Netto inkomen per maand (€)"),
                                     help_text=_("Met vakantiegeld per maand erbij."))
    toetsingsinkomen = bedrag(_("Belastbaar inkomen per jaar (€)"), max_value=10_000_000)
    woonkosten_per_maand = bedrag(_("Huur per maand (€)"), required=False,
                                  help_text=_("Kale huur en servicekosten. Leeg of 0: geen huur."))
    partner_geboortedatum = DatumVeld(label=_("Geboortedatum partner"), required=False,
                                      help_text=_("Leeg: geen partner."))
    partner_netto_inkomen_per_maand = bedrag(_("Netto inkomen partner per maand (€)"), required=False)
    partner_toetsingsinkomen = bedrag(_("Belastbaar inkomen partner per jaar (€)"), required=False,
                                      max_value=10_000_000)
    aantal_kinderen = forms.IntegerField(
        label=_("Aantal thuiswonende kinderen"), required=False, min_value=0, max_value=15,
        error_messages={"invalid": _("Vul een heel aantal kinderen in."), "min_value": _("Vul 0 of meer in."),
                        "max_value": _("Vul hooguit 15 in.")})
    nominale_correcties = bedrag(_("Correcties per maand (€)"), required=False,
                                 help_text=_("Extra bedragen volgens de vtlb-rekenmethode, bijvoorbeeld reiskosten."))


class AfloscapaciteitForm(forms.Form):
    afloscapaciteit = bedrag(_("Afloscapaciteit per maand (€)"), max_value=100_000)
    reden = TekstVeld(label=_("Reden"), max_length=500,
                      help_text=_("Bijvoorbeeld: uitkomst van de vtlb-calculator. Dit komt in de brief."),
                      error_messages={"required": _("Schrijf op waarom u de afloscapaciteit zelf invult.")},
                      widget=forms.Textarea(attrs={"rows": 2}))


class VoorstelForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort regeling"), choices=Voorstelsoort.choices,
                              error_messages={"required": _("Kies een soort regeling."),
                                              "invalid_choice": _("Kies een soort regeling uit de lijst.")})
    berekening = forms.TypedChoiceField(label=_("Met welke afloscapaciteit?"), coerce=int,
                                        error_messages={"required": _("Bereken of vul eerst de afloscapaciteit in."),
                                                        "invalid_choice": _("Kies een afloscapaciteit uit de lijst.")})

    def __init__(self, *args, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berekening"].choices = list(keuzes)


class VersturenForm(forms.Form):
    kanaal = forms.ChoiceField(label=_("Hoe verstuurt u het?"), choices=Kanaal.choices)
    termijn_werkdagen = forms.IntegerField(
        label=_("Reactietermijn in werkdagen"), initial=10, min_value=1, max_value=60,
        error_messages={"invalid": _("Vul een heel aantal werkdagen in, bijvoorbeeld 10."),
                        "required": _("Vul de reactietermijn in."),
                        "min_value": _("Vul minstens 1 werkdag in."), "max_value": _("Vul hooguit 60 werkdagen in.")})
    verzonden_op = DatumVeld(label=_("Verzonden op"), required=False, help_text=_("Leeg is vandaag."))


ANTWOORDEN = [(Reactie.AKKOORD, Reactie.AKKOORD.label), (Reactie.WEIGERING, Reactie.WEIGERING.label),
              (Reactie.GEEN_REACTIE, Reactie.GEEN_REACTIE.label)]


class AntwoordForm(forms.Form):
    reactie = forms.ChoiceField(label=_("Antwoord"), choices=ANTWOORDEN,
                                error_messages={"required": _("Kies een antwoord."),
                                                "invalid_choice": _("Kies akkoord, weigering of geen reactie.")})
    ontvangen_op = DatumVeld(label=_("Ontvangen op"), required=False, help_text=_("Leeg is vandaag."))
    toelichting = TekstVeld(label=_("Toelichting"), required=False, max_length=500)
