"""The resident's answers: a typed record that travels in the form, signed, never stored.

``verpak`` turns the answers into one opaque hidden-field value (``django.core.signing``: a
changed value fails the signature); ``pak_uit`` reads it back and refuses anything that is not
exactly what ``verpak`` could have made, with ``OngeldigeAntwoorden`` (the view answers with a
calm Dutch message, never a 500). Nothing here touches a database, a session or a log.
"""

from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation

from django.core import signing

_SALT = "vroeghulp.zelfcheck.antwoorden"
PERIODES = ("week", "vier_weken", "maand")
WONINGEN = ("huur", "koop", "anders")
MAX_KINDEREN = 12
MAX_BEDRAG = Decimal("10000000")


class OngeldigeAntwoorden(ValueError):
    """The hidden answers were changed, cut off or made by another version."""


@dataclass(frozen=True)
class Inkomen:
    """Income as the resident knows it: net and/or gross, per week, four weeks or month."""

    netto: Decimal | None = None
    bruto: Decimal | None = None
    per: str = "maand"


@dataclass(frozen=True)
class Antwoorden:
    partner: bool | None = None
    leeftijd: int | None = None
    leeftijd_partner: int | None = None
    kinderen: tuple[int, ...] | None = None  # ages of the children under 18 living at home
    woning: str | None = None  # huur / koop / anders
    huur: Decimal | None = None  # kale huur per maand
    inkomen: Inkomen | None = None
    inkomen_partner: Inkomen | None = None
    vermogen: Decimal | None = None
    beslag: bool | None = None
    wijk: str | None = None  # CBS wijkcode, or "" for "weet ik niet"
    beantwoord: tuple[str, ...] = field(default=())  # the questions answered, in order

    def met(self, vraag: str, **waarden) -> "Antwoorden":
        beantwoord = self.beantwoord if vraag in self.beantwoord else (*self.beantwoord, vraag)
        return replace(self, beantwoord=beantwoord, **waarden)


def _bedrag_tekst(waarde: Decimal | None):
    return None if waarde is None else str(waarde)


def _naar_dict(antwoorden: Antwoorden) -> dict:
    data = asdict(antwoorden)
    for sleutel in ("huur", "vermogen"):
        data[sleutel] = _bedrag_tekst(data[sleutel])
    for sleutel in ("inkomen", "inkomen_partner"):
        if data[sleutel] is not None:
            data[sleutel] = {k: (_bedrag_tekst(v) if k != "per" else v) for k, v in data[sleutel].items()}
    data["kinderen"] = list(data["kinderen"]) if data["kinderen"] is not None else None
    data["beantwoord"] = list(data["beantwoord"])
    return {k: v for k, v in data.items() if v is not None}


def verpak(antwoorden: Antwoorden) -> str:
    return signing.dumps(_naar_dict(antwoorden), salt=_SALT, compress=True)


def _bedrag(waarde) -> Decimal | None:
    if waarde is None:
        return None
    if not isinstance(waarde, str):
        raise OngeldigeAntwoorden("bedrag")
    try:
        getal = Decimal(waarde)
    except InvalidOperation as fout:
        raise OngeldigeAntwoorden("bedrag") from fout
    if not getal.is_finite() or getal < 0 or getal > MAX_BEDRAG:
        raise OngeldigeAntwoorden("bedrag")
    return getal


def _leeftijd(waarde, *, tot: int = 121) -> int | None:
    if waarde is None:
        return None
    if type(waarde) is not int or not 0 <= waarde < tot:
        raise OngeldigeAntwoorden("leeftijd")
    return waarde


def _ja_nee(waarde) -> bool | None:
    if waarde is not None and type(waarde) is not bool:
        raise OngeldigeAntwoorden("ja/nee")
    return waarde


def _inkomen(waarde) -> Inkomen | None:
    if waarde is None:
        return None
    if not isinstance(waarde, dict) or set(waarde) - {"netto", "bruto", "per"} or waarde.get("per") not in PERIODES:
        raise OngeldigeAntwoorden("inkomen")
    return Inkomen(netto=_bedrag(waarde.get("netto")), bruto=_bedrag(waarde.get("bruto")), per=waarde["per"])


def _tekst(waarde, toegestaan=None) -> str | None:
    if waarde is None:
        return None
    if not isinstance(waarde, str) or len(waarde) > 20 or (toegestaan is not None and waarde not in toegestaan):
        raise OngeldigeAntwoorden("tekst")
    return waarde


def pak_uit(waarde: str | None) -> Antwoorden:
    """The answers in the hidden field; none yet (the first question) is an empty record."""
    if not waarde:
        return Antwoorden()
    try:
        data = signing.loads(waarde, salt=_SALT)
    except (signing.BadSignature, ValueError, UnicodeError) as fout:
        raise OngeldigeAntwoorden("handtekening") from fout
    if not isinstance(data, dict) or set(data) - {f.name for f in fields(Antwoorden)}:
        raise OngeldigeAntwoorden("vorm")
    kinderen = data.get("kinderen")
    if kinderen is not None:
        if not isinstance(kinderen, list) or len(kinderen) > MAX_KINDEREN:
            raise OngeldigeAntwoorden("kinderen")
        kinderen = tuple(_leeftijd(k, tot=18) for k in kinderen)
    beantwoord = data.get("beantwoord", [])
    if not isinstance(beantwoord, list) or not all(isinstance(v, str) and len(v) < 30 for v in beantwoord):
        raise OngeldigeAntwoorden("beantwoord")
    return Antwoorden(
        partner=_ja_nee(data.get("partner")),
        leeftijd=_leeftijd(data.get("leeftijd")),
        leeftijd_partner=_leeftijd(data.get("leeftijd_partner")),
        kinderen=kinderen,
        woning=_tekst(data.get("woning"), WONINGEN),
        huur=_bedrag(data.get("huur")),
        inkomen=_inkomen(data.get("inkomen")),
        inkomen_partner=_inkomen(data.get("inkomen_partner")),
        vermogen=_bedrag(data.get("vermogen")),
        beslag=_ja_nee(data.get("beslag")),
        wijk=_tekst(data.get("wijk")),
        beantwoord=tuple(beantwoord),
    )
