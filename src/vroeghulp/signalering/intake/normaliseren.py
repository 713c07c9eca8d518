"""Turn the values partners send (text from CSV, typed cells from XLSX, JSON values) into clean
Python values. Every function returns ``(value, code)``: code is None when all is well.

Excel artefacts handled here: numbers for BSN/huisnummer (``123456782.0``, ``1.23456782E+08``,
lost leading zeros), dates as serial numbers (``45667``) or date cells, amounts as ``1.234,56``.

Text that is no text (issue 10): a lone surrogate (JSON ``"\\udfff"``, a file name from a broken
file system) cannot be encoded as UTF-8, so no database, response or terminal can take it; a NUL
is refused by PostgreSQL; Unicode non-characters (U+FFFE, U+FDD0, ...) are "never to be
interchanged". ``ongeldige_tekens`` finds them, so each check can refuse or clean a value before
anything is stored or answered.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from vroeghulp.common.bedragen import bedrag  # noqa: F401 - the one amount reader, here for the intake

_EXCEL_EPOCH = dt.date(1899, 12, 30)
# re.ASCII: \d is 0-9 only (not Arabic-Indic or full-width digits)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", re.ASCII)
_GETAL = re.compile(r"^\d+(\.0*)?$|^\d(\.\d+)?[eE]\+?\d+$", re.ASCII)
_POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
_HUISNUMMER_MET_TOEVOEGING = re.compile(
    r"^(\d{1,5})(?:\s*([A-Za-z][A-Za-z0-9 \-]{0,9})|\s*[\-/ ]\s*([A-Za-z0-9]{1,4}))$", re.ASCII
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_TELEFOON_WEG = str.maketrans("", "", " -().\u00a0/")
# Lone surrogates, NUL and the 66 non-characters (Unicode 15, section 23.7: U+FDD0..U+FDEF and
# the last two code points of each of the 17 planes).
_ONGELDIG = re.compile(
    "[\x00\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(vlak * 0x10000 + 0xFFFE)}{chr(vlak * 0x10000 + 0xFFFF)}" for vlak in range(17))
    + "]"
)
_datum_cache: dict = {}
_WAAR = {"ja", "j", "true", "waar", "1", "yes", "y", "1.0"}
_ONWAAR = {"nee", "n", "false", "onwaar", "0", "no", "", "0.0"}
_GESLACHT = {
    "man": "Man", "m": "Man", "male": "Man",
    "vrouw": "Vrouw", "v": "Vrouw", "f": "Vrouw", "female": "Vrouw",
    "onbekend": "Onbekend", "o": "Onbekend", "x": "Onbekend", "leeg": "Leeg",
}


def ongeldige_tekens(tekst: str) -> bool:
    """True when ``tekst`` holds a character no text may hold (see the module docstring)."""
    return _ONGELDIG.search(tekst) is not None


def zonder_ongeldige_tekens(tekst: str, vervanging: str = "") -> str:
    return _ONGELDIG.sub(vervanging, tekst)


def toonbaar(tekst: str) -> str:
    """Text as we may echo it (a report, a log line, a file name): every invalid character
    replaced by U+FFFD, the replacement character."""
    return _ONGELDIG.sub("\ufffd", tekst) if _ONGELDIG.search(tekst) else tekst


def is_leeg(waarde) -> bool:
    return waarde is None or (type(waarde) is str and not waarde.strip())


def datum(waarde):
    """-> (date | None, code). Accepts 2026-01-10, 10-01-2026 (also / or .), an ISO timestamp,
    an Excel serial number and date/datetime cells."""
    if type(waarde) is str:
        gevonden = _datum_cache.get(waarde)
        if gevonden is not None:
            return gevonden, None
        resultaat = _datum_uit_tekst(waarde.strip())
        if resultaat is None:
            return None, "datum_ongeldig"
        if len(_datum_cache) > 50_000:
            _datum_cache.clear()
        _datum_cache[waarde] = resultaat
        return resultaat, None
    if isinstance(waarde, dt.datetime):
        return waarde.date(), None
    if isinstance(waarde, dt.date):
        return waarde, None
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return _serieel(waarde), (None if _serieel(waarde) else "datum_ongeldig")
    return None, "datum_ongeldig"


def _serieel(getal):
    try:
        if getal != int(getal) or not (1 <= getal <= 2958465):
            return None
        return _EXCEL_EPOCH + dt.timedelta(days=int(getal))
    except (ValueError, OverflowError):
        return None


def _datum_uit_tekst(tekst: str):
    if len(tekst) == 10 and tekst[4] == "-":
        try:
            return dt.date.fromisoformat(tekst)
        except ValueError:
            return None
    gevonden = _DMY.match(tekst)
    if gevonden:
        try:
            return dt.date(int(gevonden[3]), int(gevonden[2]), int(gevonden[1]))
        except ValueError:
            return None
    if len(tekst) > 10 and tekst[4] == "-" and tekst[10] in "T ":
        try:
            return dt.datetime.fromisoformat(tekst).date()
        except ValueError:
            return None
    if tekst.isdigit() and 4 <= len(tekst) <= 6:  # Excel serial number exported as text
        return _serieel(int(tekst))
    return None


def boolean(waarde):
    """-> (bool, code). ja/nee, true/false, 1/0; empty is false."""
    if waarde is None or waarde is False:
        return False, None
    if waarde is True:
        return True, None
    if type(waarde) is str:
        tekst = waarde.strip().lower()
        if tekst in _ONWAAR:
            return False, None
        if tekst in _WAAR:
            return True, None
        return False, "boolean_ongeldig"
    if isinstance(waarde, (int, float)) and waarde in (0, 1):
        return bool(waarde), None
    return False, "boolean_ongeldig"


def cijfers(waarde, lengte: int):
    """A number that a spreadsheet may have turned into 123456782.0 / 1.23456782E+08 / an int,
    losing leading zeros: -> the digits, left-padded to ``lengte`` when up to 2 zeros were lost."""
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, int):
        tekst = str(waarde)
    elif isinstance(waarde, float):
        if waarde != waarde or not waarde.is_integer():
            return None
        tekst = str(int(waarde))
    elif type(waarde) is str:
        tekst = waarde.strip()
        if not tekst.isdigit():
            tekst = tekst.replace(" ", "").replace("\u00a0", "")
            if not tekst.isdigit():
                if _GETAL.match(tekst):
                    try:
                        tekst = str(int(Decimal(tekst)))
                    except (InvalidOperation, ValueError):
                        return None
                else:
                    tekst = tekst.replace(".", "")
                    if not tekst.isdigit():
                        return None
    else:
        return None
    if lengte - 2 <= len(tekst) < lengte:
        tekst = tekst.zfill(lengte)
    return tekst


def elfproef(bsn: str) -> bool:
    """The 11-proef of the BSN (Wet algemene bepalingen BSN; Besluit BRP). 9 ASCII digits."""
    if len(bsn) != 9 or bsn == "000000000":
        return False
    b = bsn.encode("ascii")
    totaal = (9 * b[0] + 8 * b[1] + 7 * b[2] + 6 * b[3] + 5 * b[4] + 4 * b[5] + 3 * b[6]
              + 2 * b[7] - b[8] - 43 * 48)
    return totaal % 11 == 0


def postcode(waarde):
    """-> (``1234AB`` | None, code)."""
    if type(waarde) is not str:
        return None, "postcode_formaat"
    tekst = waarde.replace(" ", "").upper() if not _POSTCODE.match(waarde) else waarde
    if not _POSTCODE.match(tekst) or tekst[4:] in ("SA", "SD", "SS"):
        return None, "postcode_formaat"
    return tekst, None


def huisnummer(waarde):
    """-> (nummer, afgesplitste toevoeging, code)."""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return (str(waarde), "", None) if 1 <= waarde <= 99999 else (None, "", "huisnummer_ongeldig")
    if type(waarde) is not str:
        return None, "", "huisnummer_ongeldig"
    tekst = waarde.strip()
    if tekst.isdigit() and len(tekst) <= 5 and tekst.isascii():
        return (tekst.lstrip("0") or None), "", (None if tekst.lstrip("0") else "huisnummer_ongeldig")
    if tekst.endswith(".0") and tekst[:-2].isdigit():
        return huisnummer(tekst[:-2])
    gevonden = _HUISNUMMER_MET_TOEVOEGING.match(tekst)
    if gevonden and gevonden[1].lstrip("0"):
        return gevonden[1].lstrip("0"), (gevonden[2] or gevonden[3]).strip(), "huisnummer_gesplitst"
    return None, "", "huisnummer_ongeldig"


def geslacht(waarde):
    if is_leeg(waarde):
        return "", None
    if type(waarde) is not str:
        return "", "geslacht_onbekend"
    gevonden = _GESLACHT.get(waarde.strip().lower())
    return (gevonden, None) if gevonden else ("", "geslacht_onbekend")


def telefoon(waarde):
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        waarde = cijfers(waarde, 10) or ""
    if type(waarde) is not str:
        return "", "telefoon_ongeldig"
    tekst = waarde.translate(_TELEFOON_WEG)
    plus = tekst.startswith("+")
    kern = tekst[1:] if plus else tekst
    if not kern.isdigit() or not kern.isascii() or not (8 <= len(kern) <= 15):
        return "", "telefoon_ongeldig"
    if not plus and len(kern) == 9 and kern[0] != "0":  # spreadsheet dropped the leading 0
        kern = "0" + kern
    return ("+" + kern) if plus else kern, None


def email(waarde):
    if type(waarde) is not str:
        return "", "email_ongeldig"
    tekst = waarde.strip()
    if len(tekst) > 254 or not _EMAIL.match(tekst) or not tekst.isprintable():
        return "", "email_ongeldig"
    return tekst, None


def tekst(waarde):
    """Any scalar to text; lists and objects are not text (-> None)."""
    if type(waarde) is str:
        return waarde
    if isinstance(waarde, bool) or waarde is None:
        return None if waarde is not None else ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, (int, float, Decimal)):
        return str(waarde)
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    return None
