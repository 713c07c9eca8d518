"""Forms of the result page ("what if") and of the help request; the questions are in vragen.py."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.zelfcheck.models import Hulppunt, LokaleRegeling
from vroeghulp.zelfcheck.velden import bedragveld


class WatAlsForm(forms.Form):
    extra = bedragveld(label=_("Hoeveel bruto per maand meer?"), required=False, max_bedrag=Decimal("20000"))
    partner_inkomen = bedragveld(label=_("Wat verdient uw partner bruto per maand?"), required=False,
                                 max_bedrag=Decimal("20000"))


class HulpForm(forms.Form):
    voorletters = forms.CharField(label=_("Uw voorletters of voornaam"), max_length=20,
                                  widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
                                  error_messages={"required": _("Vul uw voorletters of voornaam in.")})
    achternaam = forms.CharField(label=_("Uw achternaam"), max_length=120,
                                 widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
                                 error_messages={"required": _("Vul uw achternaam in.")})
    postcode = forms.CharField(label=_("Uw postcode"), max_length=7,
                               widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
                               error_messages={"required": _("Vul uw postcode in, bijvoorbeeld 3561 AB.")})
    huisnummer = forms.CharField(label=_("Uw huisnummer"), max_length=10,
                                 widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                                 error_messages={"required": _("Vul uw huisnummer in.")})
    toevoeging = forms.CharField(label=_("Toevoeging (als die er is)"), max_length=10, required=False,
                                 widget=forms.TextInput(attrs={"autocomplete": "off"}))
    telefoon = forms.CharField(label=_("Uw telefoonnummer"), max_length=20,
                               widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
                               help_text=_("Hierop belt een medewerker u."),
                               error_messages={"required": _("Vul uw telefoonnummer in, dan kunnen wij u bellen.")})
    email = forms.EmailField(label=_("Uw e-mailadres (als u wilt)"), required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                             error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")})
    bedrag = bedragveld(label=_("Hoeveel rekeningen staan er ongeveer open? (als u wilt)"),
                        max_bedrag=Decimal("10000000"), required=False,
                        help_text=_("Een schatting is goed. Weet u het niet, of staat er niets open maar maakt u "
                                    "zich wel zorgen over geld? Laat het dan leeg of vul 0 in."))
    delen = forms.BooleanField(label=_("Stuur mijn antwoorden en de uitkomst van de check mee"), required=False,
                               help_text=_("Dan hoeft u alles niet opnieuw te vertellen."))
    toestemming = forms.BooleanField(
        label=_("Ik geef toestemming: de gemeente mag mijn gegevens gebruiken om mij te bellen over hulp bij geld"),
        error_messages={"required": _("Zonder uw toestemming kunnen wij u niet bellen. Zet een vinkje als u dat goed vindt.")})
    kenmerk = forms.CharField(widget=forms.HiddenInput, max_length=16)

    def clean_postcode(self):
        postcode = "".join(self.cleaned_data["postcode"].split()).upper()
        if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", postcode):
            raise forms.ValidationError(_("Vul een postcode in zoals 3561 AB."))
        return postcode


class LokaleRegelingForm(forms.ModelForm):
    link = forms.URLField(label=_("link naar de aanvraag"), required=False, assume_scheme="https")

    class Meta:
        model = LokaleRegeling
        fields = ["naam", "omschrijving", "inkomensgrens_procent", "vermogensgrens", "leeftijd_voor",
                  "leeftijd_vanaf", "leeftijd_tot", "aanvragen", "link", "actief"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3}), "aanvragen": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        van, tot = data.get("leeftijd_vanaf"), data.get("leeftijd_tot")
        if van is not None and tot is not None and tot <= van:
            self.add_error("leeftijd_tot", _("De leeftijd 'tot' moet hoger zijn dan 'vanaf'."))
        return data


class HulppuntForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Hulppunt
        fields = ["soort", "naam", "wijk", "adres", "openingstijden", "telefoon", "website", "actief"]
