"""Form fields of the check that read what people type.

Amounts: the project's one amount field, ``common.forms.BedragVeld`` (the field of the schuldhulp
screens too, read by the intake's reader ``common.bedragen.bedrag``). ``bedragveld`` only sets what
the check wants of it: 0 is an answer ("nothing"), at most € 1.000.000 unless said otherwise,
and messages worded for residents (B1) instead of for staff.
"""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.common.forms import BedragVeld

MAX_BEDRAG = Decimal("1000000")
_ONGELDIG = _("Vul een bedrag in euro's in, bijvoorbeeld 1250 of 1.250,50.")
MELDINGEN = {
    "invalid": _ONGELDIG,
    "centen": _ONGELDIG,
    "negatief": _("Vul een bedrag in van 0 euro of meer."),
    "te_hoog": _("Dit bedrag is te hoog. Kijk het nog eens na."),
    "required": _("Vul een bedrag in. Is het niets? Vul dan 0 in."),
}


def bedragveld(*, max_bedrag: Decimal = MAX_BEDRAG, error_messages: dict | None = None, **kwargs) -> BedragVeld:
    """1.250,50 / 1250 / € 1250,- / 1250.50 -> Decimal in cents (0 allowed), or None when empty."""
    return BedragVeld(nul_mag=True, max_bedrag=max_bedrag, error_messages={**MELDINGEN, **(error_messages or {})},
                      **kwargs)


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
