"""Form fields every app uses. One amount field for every screen (schuldhulp, zelfcheck, and any
other form that asks for euros), read by the project's one amount reader
(``common.bedragen.bedrag``, the intake's reader too), so a form, a delivery and a debt list
understand the same amounts."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.common.bedragen import bedrag as lees_bedrag

_NUL = re.compile(r"0+([.,]0{1,2})?")
_STREEPJE = re.compile(r"[.,]-{1,2}$")  # € 1.250,- and € 1.250,--
_CENTEN = re.compile(r"[0-9.]*[.,][0-9]{3,}")
_DUIZENDTALLEN = re.compile(r"\d{1,3}(\.\d{3})+")


class BedragVeld(forms.Field):
    """An amount as people write it: 1.250,50 / 1250,50 / 1250.50 / € 1.250,- / 2.300 ->
    Decimal in whole cents, or None when empty.

    ``nul_mag``: 0 is an answer ("nothing"), else it is refused. ``max_bedrag``: the highest
    amount (the message says it). An app may word the messages for its own readers through
    ``error_messages`` (the zelfcheck speaks to residents); the reading stays the same."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
    default_error_messages = {
        "invalid": _("Vul een bedrag in, bijvoorbeeld 1250,00."),
        "negatief": _("Vul een bedrag in van 0 euro of meer."),
        "nul": _("Vul een bedrag in van meer dan 0 euro."),
        "te_hoog": _("Dit bedrag is te hoog: hooguit %(max)s euro."),
        "centen": _("Vul hooguit 2 cijfers na de komma in."),
        "required": _("Vul een bedrag in."),
    }

    def __init__(self, *, nul_mag: bool = False, max_bedrag: Decimal = Decimal("1000000000"), **kwargs):
        self.nul_mag, self.max_bedrag = nul_mag, Decimal(max_bedrag)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        tekst = _STREEPJE.sub("", str(value).replace("€", "").replace("\u00a0", " ").strip()).replace(" ", "")
        if tekst.startswith("-"):
            raise forms.ValidationError(self.error_messages["negatief" if self.nul_mag else "nul"], code="negatief")
        if _NUL.fullmatch(tekst):
            if self.nul_mag:
                return Decimal("0.00")
            raise forms.ValidationError(self.error_messages["nul"], code="nul")
        getal, code = lees_bedrag(tekst)
        if code == "bedrag_te_hoog" or (getal is not None and getal > self.max_bedrag):
            raise forms.ValidationError(self.error_messages["te_hoog"], code="te_hoog",
                                        params={"max": bedrag_tekst(self.max_bedrag)})
        if code and _CENTEN.fullmatch(tekst) and not _DUIZENDTALLEN.fullmatch(tekst):
            raise forms.ValidationError(self.error_messages["centen"], code="centen")
        if code:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if getal != getal.quantize(Decimal("0.01")):
            raise forms.ValidationError(self.error_messages["centen"], code="centen")
        return getal.quantize(Decimal("0.01"))


def bedrag_tekst(bedrag: Decimal) -> str:
    """1000000000 -> "1.000.000.000", 99999999.99 -> "99.999.999,99" (the message says the limit)."""
    heel, _punt, centen = f"{bedrag:,.2f}".partition(".")
    heel = heel.replace(",", ".")
    return heel if centen == "00" else f"{heel},{centen}"
