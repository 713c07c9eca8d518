"""Forms of the case screens. Labels and messages in Dutch (B1)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.zaken import logo, workflow
from vroeghulp.zaken.models import Briefsjabloon, Contactsoort, Dagdeel, Huisstijl

# The channels caseworkers use most first; DDAS "Onbekend" is for imports, not for people.
SOORTEN = [
    (s.value, s.label) for s in (
        Contactsoort.TELEFOON, Contactsoort.HUISBEZOEK, Contactsoort.SMS_WHATSAPP, Contactsoort.BRIEF,
        Contactsoort.KAARTJE, Contactsoort.MAIL, Contactsoort.AFSPRAAK_OP_LOCATIE,
        Contactsoort.ADMINISTRATIEF, Contactsoort.OVERIGE,
    )
]


class NLDSMixin:
    """Give every widget the NL Design System (Utrecht) class it needs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            w = veld.widget
            if isinstance(w, forms.RadioSelect):
                w.attrs.setdefault("class", "utrecht-radio-button")
            elif isinstance(w, forms.CheckboxInput):
                w.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
            elif isinstance(w, forms.Select):
                w.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")
            elif isinstance(w, forms.Textarea):
                w.attrs.setdefault("class", "utrecht-textarea utrecht-textarea--html-textarea")
                w.attrs.setdefault("rows", 3)
            elif not isinstance(w, (forms.HiddenInput, forms.FileInput)):
                w.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ContactpogingForm(NLDSMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Hoe zocht u contact?"), choices=SOORTEN)
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    dagdeel = forms.ChoiceField(
        label=_("Dagdeel"), required=False, widget=forms.RadioSelect,
        choices=[("", _("Niet van toepassing (brief, kaartje, mail)"))] + list(Dagdeel.choices),
    )
    bereikt = forms.TypedChoiceField(
        label=_("Heeft u de inwoner bereikt?"), widget=forms.RadioSelect, coerce=lambda v: v == "ja",
        choices=[("nee", _("Nee")), ("ja", _("Ja"))],
    )
    notitie = forms.CharField(label=_("Korte notitie (mag leeg blijven)"), required=False, max_length=500,
                              widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()


class StapForm(NLDSMixin, forms.Form):
    """Hulp aanbieden, afronden or niet oppakken: the result choices follow the transition table."""

    resultaat = forms.ChoiceField(label=_("Resultaat"), required=False)
    toelichting = forms.CharField(label=_("Toelichting (alleen voor collega’s)"), required=False,
                                  max_length=500, widget=forms.Textarea)

    def __init__(self, *args, overgang: workflow.Overgang, **kwargs):
        super().__init__(*args, **kwargs)
        self.overgang = overgang
        if overgang.resultaten:
            self.fields["resultaat"].required = True
            self.fields["resultaat"].choices = [("", _("Kies een resultaat"))] + [
                (r.value, r.label) for r in overgang.resultaten]
        else:
            del self.fields["resultaat"]


class ToewijzenForm(NLDSMixin, forms.Form):
    aan = forms.ModelChoiceField(label=_("Toewijzen aan"), queryset=None, required=False,
                                 empty_label=_("Niemand (terug naar de wijk)"))

    def __init__(self, *args, collegas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aan"].queryset = collegas
        self.fields["aan"].label_from_instance = lambda g: g.get_full_name() or g.get_username()


class NotitieForm(NLDSMixin, forms.Form):
    use_required_attribute = False  # an empty note box is not an error until someone saves it
    tekst = forms.CharField(label=_("Notitie"), max_length=2000, widget=forms.Textarea)


class BriefForm(NLDSMixin, forms.Form):
    sjabloon = forms.ModelChoiceField(label=_("Brief of kaartje"), queryset=Briefsjabloon.objects.none(),
                                      empty_label=None)
    vastleggen = forms.BooleanField(label=_("Leg vast als contactpoging (brief of kaartje, vandaag)"),
                                    required=False, initial=True)

    def __init__(self, *args, sjablonen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sjabloon"].queryset = sjablonen


class WarmeOverdrachtForm(NLDSMixin, forms.Form):
    voorletters = forms.CharField(label=_("Voorletters"), max_length=20)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=120)
    geboortedatum = forms.DateField(label=_("Geboortedatum (als u die weet)"), required=False, widget=DatumInput())
    postcode = forms.CharField(label=_("Postcode"), max_length=7)
    huisnummer = forms.CharField(label=_("Huisnummer"), max_length=10)
    toevoeging = forms.CharField(label=_("Toevoeging (als die er is)"), max_length=10, required=False)
    telefoon = forms.CharField(label=_("Telefoonnummer van de inwoner"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mailadres van de inwoner"), required=False)
    bedrag = forms.DecimalField(label=_("Hoe hoog is de achterstand ongeveer? (€)"),
                                help_text=_("Weet u het niet precies? Vul een schatting in."),
                                min_value=1, max_digits=10, decimal_places=2)
    crisis = forms.BooleanField(
        label=_("Er is haast: de inwoner moet bijna uit huis, of gas, licht, water of de zorgverzekering "
                "wordt bijna stopgezet"), required=False)
    toelichting = forms.CharField(
        label=_("Wat moet het wijkteam weten? (kort, mag leeg blijven)"), required=False, max_length=1000,
        widget=forms.Textarea, help_text=_("Schrijf alleen op wat nodig is om de inwoner te helpen."))
    toestemming = forms.BooleanField(
        label=_("De inwoner weet dat ik dit doorgeef en heeft daar toestemming voor gegeven"),
        error_messages={"required": _("Zonder toestemming van de inwoner mag u dit niet doorgeven.")})


class HuisstijlForm(NLDSMixin, forms.ModelForm):
    logo_bestand = forms.FileField(
        label=_("Nieuw logo (PNG of JPEG, hooguit 300 kB)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}))
    logo_weg = forms.BooleanField(label=_("Logo weghalen"), required=False)

    class Meta:
        model = Huisstijl
        fields = ["gemeentenaam", "afdeling", "adres", "telefoon", "email", "website", "ondertekening"]

    def clean_logo_bestand(self):
        bestand = self.cleaned_data.get("logo_bestand")
        if not bestand:
            return None
        try:
            return logo.als_data_url(bestand)
        except logo.LogoGeweigerd as fout:
            raise forms.ValidationError(fout.melding) from None

    def save(self, commit=True):
        stijl = super().save(commit=False)
        if self.cleaned_data.get("logo_weg"):
            stijl.logo = ""
        elif self.cleaned_data.get("logo_bestand"):
            stijl.logo = self.cleaned_data["logo_bestand"]
        if commit:
            stijl.save()
        return stijl


class BriefsjabloonForm(NLDSMixin, forms.ModelForm):
    class Meta:
        model = Briefsjabloon
        fields = ["naam", "soort", "onderwerp", "tekst", "actief"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 16})}
