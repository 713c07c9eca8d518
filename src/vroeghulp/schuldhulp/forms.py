"""Forms of the schuldhulp screens; the services check everything again."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.signalering.intake.normaliseren import bedrag as lees_bedrag
from vroeghulp.signalering.intake.normaliseren import ongeldige_tekens

from vroeghulp.schuldhulp.models import Bedreiging, Doorverwijzing, Oplossingssoort, Uitstroomreden, Wie

DATUM_FOUT = _("Vul een geldige datum in, bijvoorbeeld 31-01-2026.")


class DatumVeld(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(input_formats=["%d-%m-%Y", "%Y-%m-%d"], error_messages={"invalid": DATUM_FOUT},
                         widget=forms.DateInput(attrs={"inputmode": "numeric", "autocomplete": "off"}), **kwargs)


class BedragVeld(forms.Field):
    """An amount as people write it: 1.250,50 / 1250,50 / 1250.50 / € 1.250,- / 2.300. Read by
    the intake's own amount reader (``signalering.intake.normaliseren.bedrag``), so a form and a
    delivery or a debt list understand the same amounts. -> Decimal in whole cents, or None."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Vul een bedrag in, bijvoorbeeld 1250,00."),
        "negatief": _("Vul een bedrag in van 0 euro of meer."),
        "nul": _("Vul een bedrag in van meer dan 0 euro."),
        "te_hoog": _("Dit bedrag is te hoog: hooguit %(max)s euro."),
        "centen": _("Vul hooguit 2 cijfers na de komma in."),
        "required": _("Vul een bedrag in."),
    }
    _NUL = re.compile(r"0+([.,]0{1,2})?")
    _STREEPJE = re.compile(r"[.,]-{1,2}$")  # € 1.250,- and € 1.250,--

    def __init__(self, *, nul_mag: bool = False, max_bedrag: Decimal = Decimal("1000000000"), **kwargs):
        self.nul_mag, self.max_bedrag = nul_mag, Decimal(max_bedrag)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        tekst = self._STREEPJE.sub("", str(value).replace("€", "").replace("\u00a0", " ").strip()).replace(" ", "")
        if tekst.startswith("-"):
            raise forms.ValidationError(self.error_messages["negatief" if self.nul_mag else "nul"], code="negatief")
        if self._NUL.fullmatch(tekst):
            if self.nul_mag:
                return Decimal("0.00")
            raise forms.ValidationError(self.error_messages["nul"], code="nul")
        getal, code = lees_bedrag(tekst)
        if code == "bedrag_te_hoog" or (getal is not None and getal > self.max_bedrag):
            raise forms.ValidationError(self.error_messages["te_hoog"], code="te_hoog",
                                        params={"max": _bedrag_tekst(self.max_bedrag)})
        if code and re.fullmatch(r"[0-9.]*[.,][0-9]{3,}", tekst) and not re.fullmatch(r"\d{1,3}(\.\d{3})+", tekst):
            raise forms.ValidationError(self.error_messages["centen"], code="centen")
        if code:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if getal != getal.quantize(Decimal("0.01")):
            raise forms.ValidationError(self.error_messages["centen"], code="centen")
        return getal.quantize(Decimal("0.01"))


def _bedrag_tekst(bedrag: Decimal) -> str:
    """1000000000 -> "1.000.000.000", 99999999.99 -> "99.999.999,99" (the message says the limit)."""
    heel, _punt, centen = f"{bedrag:,.2f}".partition(".")
    heel = heel.replace(",", ".")
    return heel if centen == "00" else f"{heel},{centen}"


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
