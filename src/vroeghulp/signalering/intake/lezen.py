"""Reading a delivery: JSON, CSV (any of ; , tab |; UTF-8 with or without BOM, UTF-16 from
Excel's "Unicode text", Windows-1252) or XLSX. Yields each signal as a ``velden.Ruwsignaal`` (the
values as sent); anything that makes the whole delivery unreadable raises ``Weigering``.

A reader yields ``(rij, waarden, fouten_vooraf)``: ``rij`` is the row number as a spreadsheet
shows it (the header is row 1) or the position in the JSON list (1-based); ``waarden`` the
``Ruwsignaal`` (only its ``extern_id`` when the row could not be split into fields, None when
not even that); ``fouten_vooraf`` is None, or a list of ``(veld, code)`` when the row could
not even be split into fields.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils.translation import gettext as _

from vroeghulp.signalering.intake.codes import Weigering
from vroeghulp.signalering.intake.velden import (
    CLIENT_VELDEN, SIGNAAL_VELDEN, VELDEN, Ruwsignaal, als_ruwsignaal, veld_voor_kop,
)

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SCHEIDINGSTEKENS = (";", ",", "\t", "|")
# A zip bomb posing as XLSX: a real export packs 5-20x (identical rows measured: 17x); refuse a
# file whose parts unpack to more than 100x its size (above 50 MB) or to more than 4 GB in all.
_XLSX_MAX_FACTOR = 100
_XLSX_VRIJ = 50 * 1024 * 1024
_XLSX_MAX_UITGEPAKT = 4 * 1024 * 1024 * 1024
_ID, _BEDRAG, _SIGNAALDATUM = VELDEN.index("ID"), VELDEN.index("bedrag"), VELDEN.index("signaaldatum")
_BSN, _POSTCODE, _HUISNUMMER = (
    VELDEN.index("burgerservicenummer"), VELDEN.index("postcode"), VELDEN.index("huisnummer"),
)
_ruw = als_ruwsignaal  # the cells picked in field order (``kolommen_uit_kop``) as a Ruwsignaal


@dataclass
class Bron:
    """A readable delivery: its rows (an iterator, read once) and what we noticed about the file."""

    rijen: object
    formaat: str
    codering: str = ""
    scheidingsteken: str = ""
    waarschuwingen: list = field(default_factory=list)
    aantal: int | None = None  # known up front for JSON


def lees(data: bytes, bestandsnaam: str = "", *, max_rijen: int = 2_000_000) -> Bron:
    naam = bestandsnaam.lower()
    if data.startswith(_OLE_MAGIC) or naam.endswith(".xls"):
        raise Weigering("xls_oud", status=415)
    if data.startswith(_XLSX_MAGIC) or naam.endswith((".xlsx", ".xlsm")):
        return lees_xlsx(data, max_rijen=max_rijen)
    begin = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if naam.endswith(".json") or begin[:1] in (b"{", b"["):
        return lees_json(data, max_rijen=max_rijen)
    return lees_csv(data, max_rijen=max_rijen)


# JSON ---------------------------------------------------------------------------------------

def signalen_uit_json(data: bytes) -> list:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        inhoud = json.loads(data)
    except json.JSONDecodeError as error:
        raise Weigering("geen_json", detail=_("fout bij regel %(regel)d, teken %(teken)d") % {
            "regel": error.lineno, "teken": error.colno}) from None
    except UnicodeDecodeError:
        raise Weigering("geen_json", detail=_("de tekst is geen geldige UTF-8")) from None
    except RecursionError:
        raise Weigering("geen_json", detail=_("de JSON is te diep genest")) from None
    except ValueError:  # e.g. a number of more than 4300 digits
        raise Weigering("geen_json", detail=_("een waarde is te groot")) from None
    if isinstance(inhoud, dict) and isinstance(inhoud.get("signalen"), list):
        return inhoud["signalen"]
    if isinstance(inhoud, list):
        return inhoud
    raise Weigering("json_vorm")


def lees_json(data: bytes, *, max_rijen: int) -> Bron:
    signalen = signalen_uit_json(data)
    if not signalen:
        raise Weigering("leeg")
    if len(signalen) > max_rijen:
        raise Weigering("te_veel_signalen", detail=f"maximaal {max_rijen}", status=413)
    return Bron(rijen=json_rijen(signalen), formaat="json", codering="utf-8", aantal=len(signalen))


def json_rijen(signalen: list):
    for positie, signaal in enumerate(signalen, start=1):
        if not isinstance(signaal, dict):
            yield positie, None, [("", "signaal_geen_object")]
            continue
        client = signaal.get("client")
        if client is None:
            client = signaal  # flat objects: client fields next to the signal fields
        elif not isinstance(client, dict):
            yield positie, Ruwsignaal(extern_id=signaal.get("ID")), [("client", "client_ongeldig")]
            continue
        get, cget = signaal.get, client.get
        yield positie, _ruw([get(v) for v in SIGNAAL_VELDEN] + [cget(v) for v in CLIENT_VELDEN]), None


# CSV ----------------------------------------------------------------------------------------

def decodeer(data: bytes) -> tuple[str, str]:
    """-> (text, name of the encoding). UTF-16 (with BOM), UTF-8 (with or without BOM),
    Windows-1252, or whatever charset-normalizer is sure of."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise Weigering("codering") from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-bom"
        except UnicodeDecodeError:
            data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    beste = from_bytes(data[:1_000_000]).best()
    if beste is None:
        raise Weigering("codering")
    try:
        return data.decode(beste.encoding), beste.encoding
    except (UnicodeDecodeError, LookupError):
        raise Weigering("codering") from None


def kies_scheidingsteken(eerste_regel: str) -> str:
    tellingen = {teken: 0 for teken in _SCHEIDINGSTEKENS}
    binnen = False
    for teken in eerste_regel:
        if teken == '"':
            binnen = not binnen
        elif not binnen and teken in tellingen:
            tellingen[teken] += 1
    beste = max(_SCHEIDINGSTEKENS, key=lambda t: tellingen[t])
    return beste if tellingen[beste] else ";"


def lees_csv(data: bytes, *, max_rijen: int) -> Bron:
    rijen, codering, teken = _csv_rijen(data, max_rijen=max_rijen)
    bron = Bron(rijen=None, formaat="csv", codering=codering, scheidingsteken=teken)
    bron.rijen = _met_kop(rijen, bron)
    return bron


def _csv_rijen(data: bytes, *, max_rijen: int):
    """-> (iterator of (row number, cells), encoding, separator)."""
    if b"\x00" in data[:100_000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Weigering("geen_tabel", detail=_("binaire inhoud"))
    tekst, codering = decodeer(data)
    if "\x00" in tekst:
        raise Weigering("geen_tabel", detail=_("binaire inhoud"))
    tekst = tekst.lstrip("\ufeff")
    if not tekst.strip():
        raise Weigering("leeg")
    eerste = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    teken = kies_scheidingsteken(eerste[:10_000])
    reader = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken, strict=True)
    rijen = _tabel_rijen(reader, fout=csv.Error, fout_code="csv_kapot", max_rijen=max_rijen, tekst_cellen=True)
    return rijen, codering, teken


# XLSX ---------------------------------------------------------------------------------------

def _controleer_zip(data: bytes) -> None:
    """Refuse a zip bomb before it is unpacked (by the sizes its directory declares)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            uitgepakt = sum(deel.file_size for deel in archief.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise Weigering("xlsx_kapot") from None
    if uitgepakt > _XLSX_MAX_UITGEPAKT or (uitgepakt > _XLSX_VRIJ and uitgepakt > _XLSX_MAX_FACTOR * len(data)):
        raise Weigering("xlsx_kapot", detail=_("het bestand pakt uit tot meer dan wij kunnen lezen")) from None


def lees_xlsx(data: bytes, *, max_rijen: int) -> Bron:
    rijen, bladen = _xlsx_rijen(data, max_rijen=max_rijen)
    bron = Bron(rijen=None, formaat="xlsx", codering="", scheidingsteken="")
    if bladen > 1:
        bron.waarschuwingen.append(
            {"code": "alleen_eerste_blad", "melding": "Wij hebben alleen het eerste werkblad gelezen."}
        )
    bron.rijen = _met_kop(rijen, bron)
    return bron


def _xlsx_rijen(data: bytes, *, max_rijen: int):
    """-> (iterator of (row number, cells) of the first sheet, number of sheets)."""
    _controleer_zip(data)
    try:
        from python_calamine import CalamineWorkbook

        werkboek = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not werkboek.sheet_names:
            raise Weigering("leeg")
        blad = werkboek.get_sheet_by_index(0)
        if blad.total_height > max_rijen + 1_000:
            raise Weigering("te_veel_signalen", detail=f"maximaal {max_rijen}", status=413)
        cellen = blad.to_python(skip_empty_area=False)
    except Weigering:
        raise
    except Exception:  # noqa: BLE001 - calamine raises its own types for broken/encrypted files
        raise Weigering("xlsx_kapot") from None
    return _tabel_rijen(iter(cellen), fout=(), fout_code="xlsx_kapot", max_rijen=max_rijen), len(werkboek.sheet_names)


def tabel_rijen(data: bytes, bestandsnaam: str = "", *, max_rijen: int) -> tuple[str, object]:
    """Another table than a delivery (a debt list): read as the intake reads a CSV or XLSX file
    (encodings, separators, broken quotes, zip bombs, row limit), header row included.
    -> (``"csv"`` or ``"xlsx"``, iterator of (row number, cells) for every non-empty row).
    Raises ``Weigering`` for a file that is no readable table."""
    naam = bestandsnaam.lower()
    if data.startswith(_OLE_MAGIC) or naam.endswith(".xls"):
        raise Weigering("xls_oud", status=415)
    if data.startswith(_XLSX_MAGIC) or naam.endswith((".xlsx", ".xlsm")):
        return "xlsx", _xlsx_rijen(data, max_rijen=max_rijen)[0]
    return "csv", _csv_rijen(data, max_rijen=max_rijen)[0]


# shared by CSV and XLSX ---------------------------------------------------------------------

def _is_leeg(cel) -> bool:
    return cel is None or cel == "" or (type(cel) is str and not cel.strip())


def _tabel_rijen(rijen, *, fout, fout_code: str, max_rijen: int, tekst_cellen: bool = False):
    """(row number, cells) for every non-empty row; a broken file raises Weigering."""
    nummer = 0
    aantal = 0
    iterator = iter(rijen)
    while True:
        try:
            cellen = next(iterator)
        except StopIteration:
            return
        except fout as error:  # type: ignore[misc]
            raise Weigering(fout_code, detail=_("rij %(rij)d: %(reden)s") % {
                "rij": nummer + 1, "reden": _csv_reden(error)}) from None
        nummer += 1
        if not any(cellen):
            continue  # empty rows (also the trailing ;;;; rows spreadsheets leave) do not count
        if tekst_cellen:
            if not "".join(cellen).strip():
                continue
        elif all(_is_leeg(cel) for cel in cellen):
            continue
        aantal += 1
        if aantal > max_rijen + 1:
            raise Weigering("te_veel_signalen", detail=f"maximaal {max_rijen}", status=413)
        yield nummer, cellen


def _csv_reden(error: Exception) -> str:
    """The csv module's English error as a Dutch reason."""
    tekst = str(error)
    if "field limit" in tekst:
        return _("een waarde is langer dan %d tekens") % csv.field_size_limit()
    if "expected after" in tekst:
        return _("tekst direct na een aanhalingsteken dat een waarde afsluit")
    if "unexpected end of data" in tekst:
        return _("een aanhalingsteken wordt niet gesloten")
    return _("de regel kan niet worden gelezen")


def kolommen_uit_kop(kop: list) -> tuple[list[int | None], list[str]]:
    """Map each column to a field; refuse duplicate or missing required columns."""
    toewijzing = []
    gezien = {}
    onbekend = []
    for positie, naam in enumerate(kop):
        veld = veld_voor_kop(naam)
        if veld is None:
            naam_tekst = "" if _is_leeg(naam) else str(naam).strip()
            if naam_tekst:
                # Never echo something that may be data instead of a name (a BSN in a header cell).
                cijfers = sum(ch.isdigit() for ch in naam_tekst)
                onbekend.append(naam_tekst[:60] if cijfers < 5 else f"kolom {positie + 1}")
        elif veld in gezien:
            raise Weigering("kolom_dubbel", detail=f"{VELDEN[veld]} (kolom {gezien[veld] + 1} en {positie + 1})")
        else:
            gezien[veld] = positie
        toewijzing.append(veld)
    ontbrekend = [VELDEN[v] for v in (_ID, _BEDRAG, _SIGNAALDATUM) if v not in gezien]
    if _BSN not in gezien and not (_POSTCODE in gezien and _HUISNUMMER in gezien):
        ontbrekend.append("burgerservicenummer of postcode en huisnummer")
    if ontbrekend:
        raise Weigering("kolom_ontbreekt", detail=", ".join(ontbrekend))
    return toewijzing, onbekend


def _met_kop(rijen, bron: Bron):
    try:
        kop_nummer, kop = next(rijen)
    except StopIteration:
        raise Weigering("geen_kopregel") from None
    toewijzing, onbekend = kolommen_uit_kop(kop)
    if onbekend:
        bron.waarschuwingen.append({
            "code": "onbekende_kolommen",
            "melding": "Deze kolommen kennen wij niet; wij hebben ze overgeslagen: " + ", ".join(onbekend),
        })
    breedte = len(kop)
    # Every field takes the cell of its column; a field without a column takes the padding cell.
    posities = [breedte] * len(VELDEN)
    for positie, veld in enumerate(toewijzing):
        if veld is not None:
            posities[veld] = positie
    pak = itemgetter(*posities)
    opvulling = [""] * (breedte + 1)
    id_positie = posities[_ID]
    for nummer, cellen in rijen:
        lengte = len(cellen)
        if lengte == breedte:
            cellen = list(cellen)
            cellen.append("")
        elif lengte < breedte:
            cellen = list(cellen) + opvulling[: breedte + 1 - lengte]
        else:
            if any(not _is_leeg(cel) for cel in cellen[breedte:]):
                yield nummer, Ruwsignaal(extern_id=cellen[id_positie]), [("", "kolommen_teveel")]
                continue
            cellen = list(cellen[:breedte])
            cellen.append("")
        yield nummer, _ruw(pak(cellen)), None
