"""Form fields of the check that read what people type.

Amounts go through the one Dutch amount reader of the project, the intake's
``signalering.intake.normaliseren.bedrag`` (the reader behind ``schuldhulp.forms.BedragVeld``,
which this app may not import: schuldhulp and zelfcheck are sibling layers). What is added here
is only what a resident types and a delivery never holds: "€ 1250,-" and 0 for "nothing".
"""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.signalering.intake.normaliseren import bedrag as lees_bedrag

_STREEPJE = re.compile(r"[.,]-{1,2}$")  # € 1.250,- and € 1.250,--
_NUL = re.compile(r"0+([.,]0{1,2})?")


class BedragVeld(forms.Field):
    """1.250,50 / 1250 / € 1250,- / 1250.50 -> Decimal in cents (0 allowed), or None when empty."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
    default_error_messages = {
        "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 1250 of 1.250,50."),
        "negatief": _("Vul een bedrag in van 0 euro of meer."),
        "te_hoog": _("Dit bedrag is te hoog. Kijk het nog eens na."),
        "required": _("Vul een bedrag in. Is het niets? Vul dan 0 in."),
    }

    def __init__(self, *, max_bedrag: Decimal = Decimal("1000000"), **kwargs):
        self.max_bedrag = max_bedrag
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        tekst = _STREEPJE.sub("", str(value).replace("\u00a0", " ").strip()).replace("€", "").replace(" ", "")
        if tekst.startswith("-"):
            raise forms.ValidationError(self.error_messages["negatief"], code="negatief")
        if _NUL.fullmatch(tekst):
            return Decimal("0.00")
        getal, code = lees_bedrag(tekst)
        if code == "bedrag_te_hoog" or (getal is not None and getal > self.max_bedrag):
            raise forms.ValidationError(self.error_messages["te_hoog"], code="te_hoog")
        if code:  # also more than two decimals: the reader refuses them
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return getal.quantize(Decimal("0.01"))


class LeeftijdenVeld(forms.CharField):
    """Ages as people write them: "4, 9", "4 en 9", "4 9" -> (4, 9)."""

    default_error_messages = {
        "invalid": _("Vul alleen leeftijden in hele jaren in, bijvoorbeeld 4, 9."),
        "te_oud": _("Vul alleen kinderen jonger dan 18 jaar in."),
        "te_veel": _("Vul hooguit 12 kinderen in."),
    }

    def to_python(self, value):
        tekst = super().to_python(value) or ""
        delen = [d for d in re.split(r"[\s,;/+&]+|\ben\b", tekst.lower()) if d]
        if not all(d.isascii() and d.isdigit() and len(d) <= 3 for d in delen):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        leeftijden = tuple(int(d) for d in delen)
        if any(leeftijd >= 18 for leeftijd in leeftijden):
            raise forms.ValidationError(self.error_messages["te_oud"], code="te_oud")
        if len(leeftijden) > 12:
            raise forms.ValidationError(self.error_messages["te_veel"], code="te_veel")
        return leeftijden
