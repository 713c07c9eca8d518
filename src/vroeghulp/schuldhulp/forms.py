"""Forms of the schuldhulp screens; the services check everything again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.common.forms import BedragVeld  # noqa: F401 - the one amount field (common.forms)
from vroeghulp.signalering.intake.normaliseren import ongeldige_tekens

from vroeghulp.schuldhulp.models import Bedreiging, Doorverwijzing, Oplossingssoort, Uitstroomreden, Wie

DATUM_FOUT = _("Vul een geldige datum in, bijvoorbeeld 31-01-2026.")


class DatumVeld(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(input_formats=["%d-%m-%Y", "%Y-%m-%d"], error_messages={"invalid": DATUM_FOUT},
                         widget=forms.DateInput(attrs={"inputmode": "numeric", "autocomplete": "off"}), **kwargs)


class TekstVeld(forms.CharField):
    """Text a person types. NUL, lone surrogates and non-characters are refused with a Dutch
    message naming the field, by the intake's own check
    (``signalering.intake.normaliseren.ongeldige_tekens``): no database, letter or terminal takes
    them (PostgreSQL refuses NUL in text; UTF-8 cannot hold a lone surrogate)."""

    default_error_messages = {
        "ongeldig_teken": _("%(veld)s bevat een teken dat geen tekst is (bijvoorbeeld een nul-teken). "
                            "Haal het weg en probeer het opnieuw."),
    }

    def to_python(self, value):
        if isinstance(value, str) and ongeldige_tekens(value):
            raise forms.ValidationError(self.error_messages["ongeldig_teken"], code="ongeldig_teken",
                                        params={"veld": self.label or _("Dit veld")})
        return super().to_python(value)


class StartForm(forms.Form):
    aanmelddatum = DatumVeld(label=_("Datum van aanmelding"), required=False,
                             help_text=_("Leeg is vandaag. De dag dat de inwoner hulp vroeg of het aanbod aannam."))
    bedreiging = forms.ChoiceField(label=_("Dreigt er iets ernstigs?"), choices=Bedreiging.choices, required=False,
                                   help_text=_("Dan is het eerste gesprek binnen 3 werkdagen (Wgs artikel 4 lid 2)."))


class StapForm(forms.Form):
    datum = DatumVeld(label=_("Datum"), required=False, help_text=_("Leeg is vandaag."))
    verwachte_weken = forms.IntegerField(
        label=_("Verwacht aantal weken tot het resultaat"), required=False, min_value=1, max_value=260,
        help_text=_("Dit vertelt u de inwoner (Wgs artikel 4 lid 3)."),
        error_messages={"invalid": _("Vul een heel aantal weken in, bijvoorbeeld 26."),
                        "min_value": _("Vul minstens 1 week in."), "max_value": _("Vul hooguit 260 weken in.")})
    reden = forms.ChoiceField(label=_("Reden"), required=False,
                              choices=[("", "—")] + Uitstroomreden.choices + Doorverwijzing.choices)
    soort = forms.ChoiceField(label=_("Soort oplossing"), required=False,
                              choices=[("", _("Standaard"))] + Oplossingssoort.choices)
    afwijzing = forms.BooleanField(label=_("Dit is een afwijzing (afwijzingsbeschikking)"), required=False)
    toelichting = TekstVeld(label=_("Toelichting (alleen intern)"), required=False, max_length=500,
                            widget=forms.Textarea(attrs={"rows": 2}))


class ChecklistForm(forms.Form):
    omschrijving = TekstVeld(label=_("Wat is er nog nodig?"), max_length=200)
    wie = forms.ChoiceField(label=_("Wie regelt het?"), choices=Wie.choices)
