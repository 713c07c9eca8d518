"""Validation of a settlement-offer request (docs/interfaces.md section 7) for ``aanbod``.

Every wrong field becomes one entry in ``AanbodInvoerFout.invalid_params`` (``name`` a path into
the request, ``reason`` Dutch, B1), so the command line and the API refuse the same input with
the same words. Nothing here needs a database; the texts go through gettext.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from vroeghulp.schuldhulp.aanbod import CENT, STANDAARD_LOOPTIJD, Schuld

# Far above any household, far below what could slow the exact arithmetic down.
MAX_BEDRAG = Decimal(1_000_000_000)  # euro
MAX_SCHULDEN = 1_000
MIN_LOOPTIJD, MAX_LOOPTIJD = 1, 60
MAX_ID = 100
MAX_SCHULDEISER = 200
# An amount as text: digits with an optional decimal point, as JSON writes a number ("412.50").
BEDRAG_PATROON = r"^-?[0-9]{1,15}(\.[0-9]{1,15})?$"
_BEDRAG_TEKST = re.compile(BEDRAG_PATROON.removeprefix("^").removesuffix("$"))

VELDEN = ("afloscapaciteit_per_maand", "looptijd_maanden", "schulden")
SCHULD_VELDEN = ("id", "schuldeiser", "bedrag", "preferent")


class AanbodInvoerFout(ValueError):
    """The request has wrong or missing fields; ``invalid_params`` lists them."""

    def __init__(self, invalid_params: list[dict]):
        self.invalid_params = invalid_params
        super().__init__("; ".join(f"{p['name']}: {p['reason']}" for p in invalid_params))


@dataclass(frozen=True)
class AanbodVerzoek:
    afloscapaciteit_per_maand: Decimal
    looptijd_maanden: int
    schulden: tuple[Schuld, ...]


class _Fouten:
    def __init__(self):
        self.lijst: list[dict] = []

    def add(self, naam: str, reden: str) -> None:
        self.lijst.append({"name": naam, "reason": reden})


def _bedrag(waarde, naam: str, fouten: _Fouten, *, nul_mag: bool) -> Decimal | None:
    geen_bedrag = _("Vul een bedrag in euro's in: een getal zoals 150.00 (met een punt, hoogstens twee cijfers achter de punt).")
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float, str, Decimal)):
        fouten.add(naam, geen_bedrag)
        return None
    if isinstance(waarde, int) and abs(waarde) > MAX_BEDRAG * 1000:
        bedrag = Decimal(MAX_BEDRAG * 1000 * (1 if waarde > 0 else -1))  # no need to write out 4,000 digits
    elif isinstance(waarde, str):
        if not _BEDRAG_TEKST.fullmatch(waarde):
            fouten.add(naam, geen_bedrag)
            return None
        bedrag = Decimal(waarde)
    else:
        try:
            bedrag = Decimal(repr(waarde)) if isinstance(waarde, float) else Decimal(waarde)
        except (InvalidOperation, ValueError):
            bedrag = Decimal("NaN")
    if not bedrag.is_finite():
        fouten.add(naam, geen_bedrag)
        return None
    if bedrag < 0:
        fouten.add(naam, _("Het bedrag mag niet negatief zijn."))
        return None
    if bedrag == 0 and not nul_mag:
        fouten.add(naam, _("Het bedrag moet meer dan 0 euro zijn. Laat een schuld van 0 euro weg."))
        return None
    if bedrag > MAX_BEDRAG:
        fouten.add(naam, _("Het bedrag is te groot: vul hoogstens 1.000.000.000 euro in."))
        return None
    if bedrag != bedrag.quantize(CENT):
        fouten.add(naam, _("Vul het bedrag in hele centen in: hoogstens twee cijfers achter de punt."))
        return None
    return bedrag.quantize(CENT)


def _looptijd(waarde, fouten: _Fouten) -> int:
    if waarde is None:
        return STANDAARD_LOOPTIJD
    reden = _("Vul een looptijd in van 1 tot en met 60 maanden (een heel getal). Zonder looptijd: 18 maanden.")
    geheel = isinstance(waarde, int) or (isinstance(waarde, float) and waarde.is_integer())
    if isinstance(waarde, bool) or not geheel or not MIN_LOOPTIJD <= waarde <= MAX_LOOPTIJD:
        fouten.add("looptijd_maanden", reden)
        return STANDAARD_LOOPTIJD
    return int(waarde)


def _onleesbaar(tekst: str) -> bool:
    """Control characters (also NUL) and lone surrogates: no letter, database or terminal takes them."""
    return any(unicodedata.category(teken) in ("Cc", "Cs") for teken in tekst)


def _tekst(waarde, naam: str, maximum: int, fouten: _Fouten, *, verplicht: bool) -> str | None:
    if not isinstance(waarde, str) or (verplicht and not waarde.strip()):
        fouten.add(naam, _("Vul een tekst in.") if verplicht else _("Vul een tekst in, of laat dit veld weg."))
        return None
    if len(waarde) > maximum:
        fouten.add(naam, _("Deze tekst is te lang: hoogstens %(n)s tekens.") % {"n": maximum})
        return None
    if _onleesbaar(waarde):
        fouten.add(naam, _("Deze tekst bevat tekens die we niet kunnen verwerken, zoals stuurtekens."))
        return None
    return waarde


def _onbekend(data: dict, bekend: tuple[str, ...], pad: str, fouten: _Fouten) -> None:
    for naam in data:
        if naam not in bekend:
            veld = f"{pad}.{naam}" if pad else str(naam)
            fouten.add(veld, _("Dit veld kennen we niet. Bedoelt u een van: %(velden)s?") % {"velden": ", ".join(bekend)})


def _schuld(data, i: int, eerste: dict[str, int], fouten: _Fouten) -> Schuld | None:
    pad = f"schulden[{i}]"
    if not isinstance(data, dict):
        fouten.add(pad, _("Elke schuld is een object met ten minste 'id' en 'bedrag'."))
        return None
    _onbekend(data, SCHULD_VELDEN, pad, fouten)
    if "id" not in data:
        fouten.add(f"{pad}.id", _("Geef elke schuld een eigen id, bijvoorbeeld \"cjib-1\"."))
        ident = None
    else:
        ident = _tekst(data["id"], f"{pad}.id", MAX_ID, fouten, verplicht=True)
    if ident is not None and ident in eerste:  # also when other fields of either are wrong
        fouten.add(f"{pad}.id", _(
            "Deze id staat ook bij schulden[%(eerder)s]. Geef elke schuld een eigen id."
        ) % {"eerder": eerste[ident]})
        ident = None
    elif ident is not None:
        eerste[ident] = i
    schuldeiser = ""
    if "schuldeiser" in data:
        schuldeiser = _tekst(data["schuldeiser"], f"{pad}.schuldeiser", MAX_SCHULDEISER, fouten, verplicht=False)
    if "bedrag" not in data:
        fouten.add(f"{pad}.bedrag", _("Vul het bedrag van de schuld in."))
        bedrag = None
    else:
        bedrag = _bedrag(data["bedrag"], f"{pad}.bedrag", fouten, nul_mag=False)
    preferent = data.get("preferent", False)
    if not isinstance(preferent, bool):
        fouten.add(f"{pad}.preferent", _("Vul true (preferente schuld) of false (concurrente schuld) in."))
        return None
    if ident is None or bedrag is None or schuldeiser is None:
        return None
    return Schuld(id=ident, bedrag=bedrag, preferent=preferent, schuldeiser=schuldeiser)


def valideer_aanbod(verzoek) -> AanbodVerzoek:
    """Turn a request (parsed JSON) into an AanbodVerzoek, or raise AanbodInvoerFout."""
    fouten = _Fouten()
    if not isinstance(verzoek, dict):
        raise AanbodInvoerFout([{"name": "", "reason": _(
            "Stuur één JSON-object met 'afloscapaciteit_per_maand' en 'schulden'.")}])
    _onbekend(verzoek, VELDEN, "", fouten)
    afloscapaciteit = None
    if "afloscapaciteit_per_maand" not in verzoek:
        fouten.add("afloscapaciteit_per_maand", _("Vul de afloscapaciteit per maand in euro's in (0 mag: een nul-aanbod)."))
    else:
        afloscapaciteit = _bedrag(verzoek["afloscapaciteit_per_maand"], "afloscapaciteit_per_maand", fouten, nul_mag=True)
    looptijd = _looptijd(verzoek.get("looptijd_maanden"), fouten)
    schulden_data = verzoek.get("schulden")
    schulden: list[Schuld] = []
    if not isinstance(schulden_data, list) or not schulden_data:
        fouten.add("schulden", _("Vul ten minste één schuld in: een lijst met objecten met 'id' en 'bedrag'."))
    elif len(schulden_data) > MAX_SCHULDEN:
        fouten.add("schulden", _("Vul hoogstens %(n)s schulden in.") % {"n": MAX_SCHULDEN})
    else:
        eerste: dict[str, int] = {}  # id -> where it first appears
        for i, data in enumerate(schulden_data):
            schuld = _schuld(data, i, eerste, fouten)
            if schuld is not None:
                schulden.append(schuld)
    if fouten.lijst:
        raise AanbodInvoerFout(fouten.lijst)
    return AanbodVerzoek(afloscapaciteit, looptijd, tuple(schulden))
