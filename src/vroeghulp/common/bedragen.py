"""The one Dutch amount reader of the project: what partners deliver, what staff type in a
form and what a resident types in the zelfcheck are read by this function
(``signalering.intake`` for deliveries, ``common.forms.BedragVeld`` for every form).

``bedrag(waarde)`` returns ``(Decimal | None, code)``; code is None when all is well, else one
of ``bedrag_ongeldig``, ``bedrag_niet_positief``, ``bedrag_te_hoog``, ``waarde_type`` (the intake's
codes, docs/signalering.md). A dot followed by exactly three digits groups thousands ("2.300" is
two thousand three hundred); a comma is the decimal sign; more than two decimals is refused.
Lives in ``common`` so that every layer may use it (it needs nothing of Django).
"""

import re
from decimal import Decimal

# re.ASCII: \d is 0-9 only (not Arabic-Indic or full-width digits)
_DUIZENDTALLEN = re.compile(r"^-?\d{1,3}(\.\d{3})+$", re.ASCII)
_BEDRAG = re.compile(r"^-?\d+(\.\d{1,2})?$", re.ASCII)
MAX_BEDRAG = Decimal("9999999999.99")  # DecimalField(max_digits=12, decimal_places=2)
_MAX_BEDRAG_FLOAT = float(MAX_BEDRAG)
_CENT = Decimal("0.01")


def bedrag(waarde):
    """-> (Decimal | None, code). 412 / 412,50 / 1.234,56 / 1234.56 / € 412 / numbers."""
    if type(waarde) is str:
        tekst = waarde.strip()
        if tekst.isdigit() and len(tekst) <= 10 and tekst.isascii():
            getal = Decimal(tekst)
            return (getal, None) if getal else (None, "bedrag_niet_positief")
        tekst = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "").replace("EUR", "")
        if "," in tekst:
            if "." in tekst:
                if tekst.rfind(",") > tekst.rfind("."):
                    tekst = tekst.replace(".", "").replace(",", ".")
                else:
                    tekst = tekst.replace(",", "")
            elif tekst.count(",") == 1:
                tekst = tekst.replace(",", ".")
            else:
                return None, "bedrag_ongeldig"
        elif _DUIZENDTALLEN.match(tekst):
            tekst = tekst.replace(".", "")
        if not _BEDRAG.match(tekst):
            return None, "bedrag_ongeldig"
        getal = Decimal(tekst)
    elif isinstance(waarde, bool) or waarde is None:
        return None, "bedrag_ongeldig"
    elif isinstance(waarde, int):
        getal = Decimal(waarde)
    elif isinstance(waarde, float):
        if waarde != waarde or waarde in (float("inf"), float("-inf")):
            return None, "bedrag_ongeldig"
        # range first: quantize raises InvalidOperation from 1e26 on (28 digits of precision)
        if waarde <= 0:
            return None, "bedrag_niet_positief"
        if waarde > _MAX_BEDRAG_FLOAT:
            return None, "bedrag_te_hoog"
        getal = Decimal(repr(waarde)).quantize(_CENT)  # Excel floats: 412.4999999 -> 412.50
    elif isinstance(waarde, Decimal):
        if not waarde.is_finite():
            return None, "bedrag_ongeldig"
        if waarde <= 0:
            return None, "bedrag_niet_positief"
        if waarde > MAX_BEDRAG:
            return None, "bedrag_te_hoog"
        getal = waarde.quantize(_CENT)
    else:
        return None, "waarde_type"
    if getal <= 0:
        return None, "bedrag_niet_positief"
    if getal > MAX_BEDRAG:
        return None, "bedrag_te_hoog"
    return getal, None
