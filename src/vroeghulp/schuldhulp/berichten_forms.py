"""Forms of the messages screens (``views/berichten.py``); ``schuldhulp.berichten`` checks everything again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.schuldhulp.forms import BedragVeld, DatumVeld, TekstVeld
from vroeghulp.schuldhulp.models import Berichtsjabloon, Berichtsoort, Kanaal, Reactie

# What a consulent sends from this screen; proposals and the bailiff letter have their own screens.
TE_VERSTUREN = [(Berichtsoort.KENNISGEVING, Berichtsoort.KENNISGEVING.label),
                (Berichtsoort.SALDOVERZOEK, Berichtsoort.SALDOVERZOEK.label)]


class VersturenForm(forms.Form):
    schulden = forms.TypedMultipleChoiceField(
        label=_("Aan welke schuldeisers?"), coerce=int, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies een of meer schuldeisers."),
                        "invalid_choice": _("Kies alleen schulden van dit traject.")})
    soort = forms.ChoiceField(label=_("Soort bericht"), choices=TE_VERSTUREN,
                              help_text=_("Een kennisgeving vraagt de schuldeiser ook de incasso te pauzeren."))
    kanaal = forms.ChoiceField(label=_("Hoe verstuurt u het?"), choices=Kanaal.choices)
    termijn_werkdagen = forms.IntegerField(
        label=_("Reactietermijn in werkdagen"), initial=10, min_value=1, max_value=60,
        help_text=_("Standaard 10 werkdagen. Weekenden en feestdagen tellen niet mee."),
        error_messages={"invalid": _("Vul een heel aantal werkdagen in, bijvoorbeeld 10."),
                        "min_value": _("Vul minstens 1 werkdag in."), "max_value": _("Vul hooguit 60 werkdagen in.")})
    verzonden_op = DatumVeld(label=_("Verzonden op"), required=False, help_text=_("Leeg is vandaag."))

    def __init__(self, *args, schulden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schulden"].choices = [
            (s.pk, f"{s.schuldeiser.naam}" + (f" ({s.kenmerk})" if s.kenmerk else "")) for s in schulden]


class ReactieForm(forms.Form):
    reactie = forms.ChoiceField(label=_("Reactie"), choices=Reactie.choices)
    ontvangen_op = DatumVeld(label=_("Ontvangen op"), required=False, help_text=_("Leeg is vandaag."))
    saldo = BedragVeld(
        label=_("Saldo in euro's"), required=False,
        help_text=_("Alleen bij ‘Saldo opgegeven’. Dit wordt het bevestigde saldo van de schuld."))
    toelichting = TekstVeld(label=_("Toelichting"), required=False, max_length=500)


class ImportForm(forms.Form):
    bestand = forms.FileField(label=_("Bestand met reacties (CSV)"),
                              help_text=_("Kolommen: bericht-id of kenmerk, reactie, datum, saldo."),
                              error_messages={"required": _("Kies een CSV-bestand.")})


class SjabloonForm(forms.ModelForm):
    class Meta:
        model = Berichtsjabloon
        fields = ["onderwerp", "tekst"]
        field_classes = {"onderwerp": TekstVeld, "tekst": TekstVeld}
        widgets = {"tekst": forms.Textarea(attrs={"rows": 16})}
