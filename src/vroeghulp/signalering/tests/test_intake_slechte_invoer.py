"""The bad-input suite (issue 4): well over 100 deliveries in every shape partners produce.

Each delivery gets the right answer per row (status and codes) or is refused as a whole with the
right code, and nothing else is stored: exactly the accepted signals, one Aanlevering and one
audit event, or nothing at all when the delivery is refused.
"""

import io
import json
import zipfile
from dataclasses import dataclass

import pytest

from vroeghulp.audit.models import AuditEvent
from vroeghulp.signalering.intake import Weigering, verwerk_bestand
from vroeghulp.signalering.intake.velden import VELDEN
from vroeghulp.signalering.models import Aanlevering, Vroegsignaal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_instellingen", "vaste_dag")]

GOED = {
    "ID": "E-1", "bedrag": "412,50", "ontstaansdatum": "2025-12-03", "signaaldatum": "2026-01-10",
    "crisissignaal": "nee", "warmeOverdracht": "nee", "eindelevering": "nee", "klantnummer": "88812",
    "burgerservicenummer": "123456782", "postcode": "3563 AB", "huisnummer": "12",
    "huisnummertoevoeging": "bis", "geboortedatum": "1980-01-01", "geslachtsaanduiding": "Vrouw",
    "voorletters": "A.", "voorvoegsel": "van", "achternaam": "Dijk", "straatnaam": "Eikstraat",
    "plaatsnaam": "Utrecht", "telefoonnummer": "0612345678", "email": "a@example.nl",
}
OK = ("geaccepteerd", set(), set())


def ok(*waarschuwingen):
    return ("geaccepteerd", set(), set(waarschuwingen))


def af(*fouten, waarschuwingen=()):
    return ("afgewezen", set(fouten), set(waarschuwingen))


@dataclass
class Geval:
    naam: str
    data: bytes
    bestandsnaam: str
    verwacht: object  # a refusal code (str) or a list of (status, fouten, waarschuwingen) per row
    opgeslagen: dict | None = None  # field -> value expected on the (single) stored signal
    opties: dict | None = None


def csv_bytes(rijen, *, kop=None, teken=";", codering="utf-8", eol="\n", bom=False, quote=False):
    kop = kop or list(VELDEN)
    regels = []
    for rij in [kop] + [[r.get(k, "") for k in VELDEN] if isinstance(r, dict) else r for r in rijen]:
        cellen = [f'"{c}"' if quote else str(c) for c in rij]
        regels.append(teken.join(cellen))
    tekst = eol.join(regels) + eol
    data = tekst.encode(codering)
    return (b"\xef\xbb\xbf" + data) if bom else data


def rij(**overschrijf):
    waarden = dict(GOED)
    waarden.update(overschrijf)
    return waarden


def veld(naam, waarde, verwacht, opgeslagen=None):
    """One CSV row with one field changed."""
    return Geval(f"veld {naam}={waarde!r}", csv_bytes([rij(**{naam: waarde})]), "s.csv", [verwacht], opgeslagen)


def xlsx_bytes(rijen, *, bladen=1, kop=None):
    from openpyxl import Workbook

    werkboek = Workbook()
    blad = werkboek.active
    blad.append(kop or list(VELDEN))
    for r in rijen:
        blad.append([r.get(k) for k in VELDEN] if isinstance(r, dict) else r)
    for i in range(1, bladen):
        werkboek.create_sheet(f"Blad{i + 1}").append(["iets"])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


def json_bytes(signalen, omhulsel=True):
    return json.dumps({"signalen": signalen} if omhulsel else signalen).encode()


def json_signaal(**overschrijf):
    client_velden = VELDEN[8:]
    data = {k: v for k, v in GOED.items() if k not in client_velden}
    data.update({"crisissignaal": False, "warmeOverdracht": False, "eindelevering": False, "bedrag": 412.5})
    data["client"] = {k: v for k, v in GOED.items() if k in client_velden}
    for k, v in overschrijf.items():
        if k in client_velden:
            data["client"][k] = v
        else:
            data[k] = v
    return data


NAAM_MET_ACCENTEN = "Çelik-Ëlsmann"


def json_ruw(vervang: bytes, **overschrijf) -> bytes:
    """A JSON file whose bedrag is written as ``vervang`` literally (1e309, NaN, Infinity)."""
    return json_bytes([json_signaal(bedrag="__BEDRAG__", **overschrijf)]).replace(b'"__BEDRAG__"', vervang)


def zip_bom(uitgepakt_mb: int = 60) -> bytes:
    """A file posing as XLSX whose worksheet unpacks from ~60 KB to 60 MB of zeros (ratio ~1000)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("xl/worksheets/sheet1.xml", bytes(uitgepakt_mb * 1024 * 1024))
    return buffer.getvalue()


def zip_zonder_werkblad() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("leesmij.txt", "geen werkblad")
    return buffer.getvalue()


def utf16_met_losse_surrogaat() -> bytes:
    data = csv_bytes([rij(achternaam="DIJK")], codering="utf-16")
    return data.replace("DIJK".encode("utf-16-le"), "DI".encode("utf-16-le") + b"\x00\xd8")


def xlsx_rare_cellen() -> bytes:
    """What an Excel export can hold in a cell: a formula without a value (#DEEL/0!), a time, a
    duration, a boolean or a float of 1e308 where an amount or date belongs."""
    return xlsx_bytes([
        {**GOED, "ID": "X1", "bedrag": "=1/0"},
        {**GOED, "ID": "X2", "signaaldatum": __import__("datetime").time(12, 30)},
        {**GOED, "ID": "X3", "geboortedatum": __import__("datetime").timedelta(days=2)},
        {**GOED, "ID": "X4", "bedrag": True},
        {**GOED, "ID": "X5", "bedrag": 1e308},
        {**GOED, "ID": "X6", "signaaldatum": __import__("datetime").datetime(9999, 12, 31)},
        {**GOED, "ID": "X7", "huisnummer": -12.0, "burgerservicenummer": None},
        {**GOED, "ID": "X8"},
    ])


# Issue 10: input that gave a 500 (or would): numbers out of range, text that is no text (lone
# surrogates, NUL, non-characters), wrong encodings, a zip bomb, odd Excel cells. Each refuses
# its own signal (or cleans a contact detail, with a warning naming the field) or the file.
SURROGAAT, NIET_TEKEN = "\udfff", "\ufffe"
GEEN_500 = [
    # amounts: the column holds 12 digits, 2 after the point (max 9,999,999,999.99)
    Geval("json bedrag 1e30", json_bytes([json_signaal(bedrag=1e30)]), "a.json", [af("bedrag_te_hoog")]),
    Geval("json bedrag -1e30", json_bytes([json_signaal(bedrag=-1e30)]), "a.json", [af("bedrag_niet_positief")]),
    Geval("json bedrag 1e309 (oneindig)", json_ruw(b"1e309"), "a.json", [af("bedrag_ongeldig")]),
    Geval("json bedrag NaN", json_ruw(b"NaN"), "a.json", [af("bedrag_ongeldig")]),
    Geval("json bedrag Infinity", json_ruw(b"Infinity"), "a.json", [af("bedrag_ongeldig")]),
    Geval("json bedrag -Infinity", json_ruw(b"-Infinity"), "a.json", [af("bedrag_ongeldig")]),
    Geval("json bedrag 1e30 als tekst", json_bytes([json_signaal(bedrag="1e30")]), "a.json", [af("bedrag_ongeldig")]),
    Geval("json bedrag negatief", json_bytes([json_signaal(bedrag=-412.5)]), "a.json", [af("bedrag_niet_positief")]),
    # 1e-30 euro is 0.00 in cents
    Geval("json bedrag 1e-30", json_bytes([json_signaal(bedrag=1e-30)]), "a.json", [af("bedrag_niet_positief")]),
    Geval("json bedrag 10000000000 (past niet in de kolom)", json_bytes([json_signaal(bedrag=10_000_000_000)]),
          "a.json", [af("bedrag_te_hoog")]),
    Geval("json bedrag 9999999999.99 (past precies)", json_bytes([json_signaal(bedrag=9_999_999_999.99)]),
          "a.json", [OK], {"bedrag": "9999999999.99"}),
    Geval("json bedrag 9999999999.996", json_bytes([json_signaal(bedrag=9_999_999_999.996)]), "a.json",
          [af("bedrag_te_hoog")]),
    Geval("json bedrag van 400 cijfers", json_ruw(b"1" * 400), "a.json", [af("bedrag_te_hoog")]),
    Geval("json bedrag van 5000 cijfers", json_ruw(b"1" * 5000), "a.json", "geen_json"),
    # the ID: refused (an ID is what the partner matches our answer on; we do not change it)
    Geval("json ID met losse surrogaat", json_bytes([json_signaal(ID="SURRESP" + SURROGAAT)]), "a.json",
          [af("id_ongeldig")]),
    Geval("json ID met NUL", json_bytes([json_signaal(ID="a\x00b")]), "a.json", [af("id_ongeldig")]),
    Geval("json ID met non-character", json_bytes([json_signaal(ID="E-1" + NIET_TEKEN)]), "a.json",
          [af("id_ongeldig")]),
    # free text: the characters removed, with a warning naming the field; stored what is left
    Geval("json achternaam met losse surrogaat", json_bytes([json_signaal(achternaam="Dijk" + SURROGAAT)]),
          "a.json", [ok("client.achternaam")], {"achternaam": "Dijk"}),
    Geval("json straatnaam is alleen een surrogaat", json_bytes([json_signaal(straatnaam="\ud800")]), "a.json",
          [ok("client.straatnaam")], {"straatnaam": ""}),
    Geval("json plaatsnaam met NUL", json_bytes([json_signaal(plaatsnaam="Utre\x00cht")]), "a.json",
          [ok("client.plaatsnaam")], {"plaatsnaam": "Utrecht"}),
    Geval("json voorletters met U+FDD0", json_bytes([json_signaal(voorletters="A.\ufdd0")]), "a.json",
          [ok("client.voorletters")], {"voorletters": "A."}),
    Geval("json voorvoegsel met U+10FFFF", json_bytes([json_signaal(voorvoegsel="van\U0010ffff")]), "a.json",
          [ok("client.voorvoegsel")], {"voorvoegsel": "van"}),
    Geval("json klantnummer met surrogaat", json_bytes([json_signaal(klantnummer="88812" + SURROGAAT)]), "a.json",
          [ok("klantnummer")], {"klantnummer": "88812"}),
    Geval("json toevoeging met surrogaat", json_bytes([json_signaal(huisnummertoevoeging="bis" + SURROGAAT)]),
          "a.json", [ok("client.huisnummertoevoeging")], {"huisnummertoevoeging": "bis"}),
    Geval("json achternaam met emoji (geldige tekst)", json_bytes([json_signaal(achternaam="Dijk \U0001f600")]),
          "a.json", [OK], {"achternaam": "Dijk \U0001f600"}),
    # contact details with a fixed form: not valid, left empty with a warning (as before)
    Geval("json e-mail met surrogaat", json_bytes([json_signaal(email="a" + SURROGAAT + "@example.nl")]), "a.json",
          [ok("client.email")], {"email": ""}),
    Geval("json e-mail met NUL", json_bytes([json_signaal(email="a\x00@example.nl")]), "a.json",
          [ok("client.email")], {"email": ""}),
    Geval("json telefoon met surrogaat", json_bytes([json_signaal(telefoonnummer="0612345678" + SURROGAAT)]),
          "a.json", [ok("client.telefoonnummer")], {"telefoonnummer": ""}),
    Geval("json geslacht met surrogaat", json_bytes([json_signaal(geslachtsaanduiding="Vrouw" + SURROGAAT)]),
          "a.json", [ok("client.geslachtsaanduiding")], {"geslachtsaanduiding": ""}),
    Geval("json geboortedatum met NUL", json_bytes([json_signaal(geboortedatum="1980-01-01\x00")]), "a.json",
          [ok("client.geboortedatum")], {"geboortedatum": None}),
    # fields that decide about the signal: refused
    Geval("json postcode met surrogaat", json_bytes([json_signaal(postcode="3563AB" + SURROGAAT)]), "a.json",
          [af("postcode_formaat")]),
    Geval("json huisnummer met surrogaat", json_bytes([json_signaal(huisnummer="12" + SURROGAAT)]), "a.json",
          [af("huisnummer_ongeldig")]),
    Geval("json BSN met surrogaat", json_bytes([json_signaal(burgerservicenummer="12345678" + SURROGAAT)]),
          "a.json", [af("bsn_elfproef")]),
    Geval("json signaaldatum met surrogaat", json_bytes([json_signaal(signaaldatum="2026-01-10" + SURROGAAT)]),
          "a.json", [af("datum_ongeldig")]),
    Geval("json huisnummer met Arabische cijfers en toevoeging", json_bytes([json_signaal(huisnummer="١٢a")]),
          "a.json", [af("huisnummer_ongeldig")]),
    # encodings of files
    Geval("utf-16 met NUL-teken", csv_bytes([rij(achternaam="Di\x00jk")], codering="utf-16"), "a.csv", "geen_tabel"),
    Geval("utf-16 met losse surrogaat", utf16_met_losse_surrogaat(), "a.csv", "codering"),
    # 0xED 0xBF 0xBF (a surrogate in CESU-8) is no UTF-8; as Windows-1252 it reads í ¿ ¿
    Geval("utf-8 met gecodeerde surrogaat valt terug op 1252",
          csv_bytes([rij(achternaam="Dijk")]).replace(b"Dijk", b"Dijk\xed\xbf\xbf"), "a.csv", [OK],
          {"achternaam": "Dijk\xed\xbf\xbf"}),
    Geval("json-bestand met ongeldige UTF-8", b'{"signalen": [{"ID": "\xff"}]}', "a.json", "geen_json"),
    Geval("json-bestand in UTF-16", json.dumps({"signalen": [json_signaal()]}).encode("utf-16"), "a.json", [OK]),
    # things posing as XLSX, and what Excel puts in cells
    Geval("zip-bom als xlsx", zip_bom(), "a.xlsx", "xlsx_kapot"),
    Geval("zip zonder werkblad als xlsx", zip_zonder_werkblad(), "a.xlsx", "xlsx_kapot"),
    Geval("xlsx met rare cellen", xlsx_rare_cellen(), "a.xlsx", [
        af("bedrag_verplicht"), af("datum_ongeldig"), ok("client.geboortedatum"), af("bedrag_ongeldig"),
        af("bedrag_te_hoog"), af("datum_in_toekomst"), af("huisnummer_ongeldig"), OK,
    ]),
]

GEVALLEN = [
    # encodings ----------------------------------------------------------------------------
    Geval("utf-8", csv_bytes([rij(achternaam=NAAM_MET_ACCENTEN)]), "a.csv", [OK], {"achternaam": NAAM_MET_ACCENTEN}),
    Geval("utf-8 met BOM", csv_bytes([rij(achternaam=NAAM_MET_ACCENTEN)], bom=True), "a.csv", [OK],
          {"achternaam": NAAM_MET_ACCENTEN}),
    Geval("windows-1252", csv_bytes([rij(achternaam=NAAM_MET_ACCENTEN)], codering="cp1252"), "a.csv", [OK],
          {"achternaam": NAAM_MET_ACCENTEN}),
    Geval("windows-1252 met euroteken", csv_bytes([rij(bedrag="€ 412,50")], codering="cp1252"), "a.csv", [OK],
          {"bedrag": "412.50"}),
    Geval("utf-16 (Excel Unicode-tekst, tab)", csv_bytes([rij(achternaam=NAAM_MET_ACCENTEN)], teken="\t", codering="utf-16"),
          "a.txt", [OK], {"achternaam": NAAM_MET_ACCENTEN}),
    Geval("utf-16 met puntkomma", csv_bytes([rij()], codering="utf-16"), "a.csv", [OK]),
    Geval("utf-8 BOM en CRLF", csv_bytes([rij(), rij(ID="E-2")], bom=True, eol="\r\n"), "a.csv", [OK, OK]),
    Geval("alleen CR als regeleinde", csv_bytes([rij(), rij(ID="E-2")], eol="\r"), "a.csv", [OK, OK]),
    Geval("geen regeleinde aan het eind", csv_bytes([rij()]).rstrip(b"\n"), "a.csv", [OK]),
    Geval("utf-8 BOM met kapotte bytes daarna (valt terug op 1252)",
          b"\xef\xbb\xbf" + csv_bytes([rij(achternaam="M\xfcller")], codering="cp1252"), "a.csv", [OK],
          {"achternaam": "Müller"}),
    # delimiters and quoting ---------------------------------------------------------------
    Geval("komma", csv_bytes([rij(bedrag="412.50")], teken=","), "a.csv", [OK], {"bedrag": "412.50"}),
    Geval("komma met aanhalingstekens en komma in bedrag", csv_bytes([rij(bedrag="412,50")], teken=",", quote=True),
          "a.csv", [OK], {"bedrag": "412.50"}),
    Geval("tab", csv_bytes([rij()], teken="\t"), "a.tsv", [OK]),
    Geval("pipe", csv_bytes([rij()], teken="|"), "a.csv", [OK]),
    Geval("puntkomma met aanhalingstekens", csv_bytes([rij()], quote=True), "a.csv", [OK]),
    Geval("puntkomma in een waarde tussen aanhalingstekens",
          csv_bytes([rij(straatnaam='"Eik;straat"')]), "a.csv", [OK], {"straatnaam": "Eik;straat"}),
    Geval("regeleinde in een waarde tussen aanhalingstekens",
          csv_bytes([rij(straatnaam='"Eik\nstraat"')]), "a.csv", [ok("client.straatnaam")]),
    # headers ------------------------------------------------------------------------------
    Geval("kolomnamen in hoofdletters met client.-voorvoegsel",
          csv_bytes([rij()], kop=[("CLIENT." + k.upper()) if k in VELDEN[8:] else k.upper() for k in VELDEN]),
          "a.csv", [OK]),
    Geval("aliassen (bsn, huisnr, toevoeging, bedrag achterstand)",
          csv_bytes([["E-1", "412", "2025-12-03", "2026-01-10", "123456782", "3563AB", "12", "a"]],
                    kop=["Kenmerk", "Bedrag achterstand", "datum_ontstaan", "Datum signaal", "BSN", "PC",
                         "Huisnr", "Toevoeging"]),
          "a.csv", [OK], {"huisnummertoevoeging": "a"}),
    Geval("kolommen in andere volgorde",
          csv_bytes([["3563AB", "12", "E-1", "2026-01-10", "412", "2025-12-03"]],
                    kop=["postcode", "huisnummer", "ID", "signaaldatum", "bedrag", "ontstaansdatum"]),
          "a.csv", [OK], {"postcode": "3563AB", "bsn": ""}),
    Geval("onbekende kolom wordt overgeslagen",
          csv_bytes([list(GOED.values()) + ["x"]], kop=list(VELDEN) + ["Opmerking"]), "a.csv", [OK]),
    Geval("warme_overdracht met underscore",
          csv_bytes([["E-1", "412", "2025-12-03", "2026-01-10", "ja", "123456782"]],
                    kop=["ID", "bedrag", "ontstaansdatum", "signaaldatum", "warme_overdracht", "bsn"]),
          "a.csv", [OK], {"warme_overdracht": True}),
    Geval("kolom ID ontbreekt", csv_bytes([["412", "2026-01-10", "123456782"]], kop=["bedrag", "signaaldatum", "bsn"]),
          "a.csv", "kolom_ontbreekt"),
    Geval("kolom bedrag ontbreekt", csv_bytes([["E-1", "2026-01-10", "123456782"]], kop=["ID", "signaaldatum", "bsn"]),
          "a.csv", "kolom_ontbreekt"),
    Geval("geen BSN- en geen adreskolommen", csv_bytes([["E-1", "412", "2026-01-10"]], kop=["ID", "bedrag", "signaaldatum"]),
          "a.csv", "kolom_ontbreekt"),
    Geval("alleen postcode zonder huisnummerkolom",
          csv_bytes([["E-1", "412", "2026-01-10", "3563AB"]], kop=["ID", "bedrag", "signaaldatum", "postcode"]),
          "a.csv", "kolom_ontbreekt"),
    Geval("kolom twee keer (bsn en burgerservicenummer)",
          csv_bytes([["E-1", "412", "2026-01-10", "123456782", "123456782"]],
                    kop=["ID", "bedrag", "signaaldatum", "bsn", "burgerservicenummer"]), "a.csv", "kolom_dubbel"),
    Geval("alleen een kopregel", csv_bytes([]), "a.csv", "leeg"),
    Geval("kopregel met alleen lege regels", csv_bytes([[""] * 21, [""] * 21]), "a.csv", "leeg"),
    Geval("leeg bestand", b"", "a.csv", "leeg"),
    Geval("alleen witruimte", b"  \n\n \r\n", "a.csv", "leeg"),
    Geval("tekst zonder kolommen", "Hallo gemeente,\ndit is een brief.\n".encode(), "a.txt", "kolom_ontbreekt"),
    # broken rows and Excel leftovers -------------------------------------------------------
    Geval("aanhalingsteken niet gesloten", csv_bytes([rij(achternaam='"Dijk')]), "a.csv", "csv_kapot"),
    Geval("tekst na gesloten aanhalingsteken", csv_bytes([rij(achternaam='"Dijk"x')]), "a.csv", "csv_kapot"),
    Geval("regel met te veel kolommen (scheidingsteken in naam)",
          csv_bytes([rij(), list(GOED.values())[:16] + ["Dijk;van der"] + list(GOED.values())[17:]]).replace(
              b"Dijk;van der", b"Dijk;van der"), "a.csv", [OK, af("kolommen_teveel")]),
    Geval("regel met te weinig kolommen (lege staart weggelaten)",
          csv_bytes([list(GOED.values())[:11]]), "a.csv", [ok()]),
    Geval("lege regels achteraan (;;;;)", csv_bytes([rij(), [""] * 21, [""] * 21, [" "] * 21]), "a.csv", [OK]),
    Geval("lege regel in het midden", csv_bytes([rij(), [], rij(ID="E-2")]), "a.csv", [OK, OK]),
    Geval("lege kolommen achteraan de kopregel",
          csv_bytes([list(GOED.values()) + ["", ""]], kop=list(VELDEN) + ["", ""]), "a.csv", [OK]),
    Geval("extra lege cellen achter een regel", csv_bytes([list(GOED.values()) + ["", ""]]), "a.csv", [OK]),
    # BSN ----------------------------------------------------------------------------------
    veld("burgerservicenummer", "123456789", af("bsn_elfproef")),
    veld("burgerservicenummer", "12345678", af("bsn_elfproef")),
    veld("burgerservicenummer", "12345672", OK, {"bsn": "012345672"}),  # Excel dropped the 0
    veld("burgerservicenummer", "1.23456782E+08", OK, {"bsn": "123456782"}),
    veld("burgerservicenummer", "123456782.0", OK, {"bsn": "123456782"}),
    veld("burgerservicenummer", "123 456 782", OK, {"bsn": "123456782"}),
    veld("burgerservicenummer", "123.456.782", OK, {"bsn": "123456782"}),
    veld("burgerservicenummer", "12345678A", af("bsn_elfproef")),
    veld("burgerservicenummer", "1234567820", af("bsn_elfproef")),
    veld("burgerservicenummer", "000000000", af("bsn_elfproef")),
    veld("burgerservicenummer", "١٢٣٤٥٦٧٨٢", af("bsn_elfproef")),  # non-ASCII digits
    Geval("geen BSN, wel adres", csv_bytes([rij(burgerservicenummer="")]), "a.csv", [OK], {"bsn": ""}),
    Geval("geen BSN en geen huisnummer", csv_bytes([rij(burgerservicenummer="", huisnummer="")]), "a.csv",
          [af("bsn_of_adres_verplicht")]),
    Geval("geen BSN, postcode en huisnummer", csv_bytes([rij(burgerservicenummer="", postcode="", huisnummer="")]),
          "a.csv", [af("bsn_of_adres_verplicht")]),
    # postcode, huisnummer -------------------------------------------------------------------
    veld("postcode", "3563ab", OK, {"postcode": "3563AB"}),
    veld("postcode", " 3563  AB ", OK, {"postcode": "3563AB"}),
    veld("postcode", "3563", af("postcode_formaat")),
    veld("postcode", "0563AB", af("postcode_formaat")),
    veld("postcode", "3563SS", af("postcode_formaat")),
    veld("postcode", "AB3563", af("postcode_formaat")),
    veld("postcode", "1011AB", af("postcode_buiten_gemeente")),
    veld("postcode", "3456AB", af("postcode_buiten_gemeente")),
    veld("postcode", "3451AA", OK),
    veld("huisnummer", "12a", ok("client.huisnummer"), {"huisnummer": "12", "huisnummertoevoeging": "bis"}),
    Geval("huisnummer met toevoeging en lege toevoegingskolom", csv_bytes([rij(huisnummer="12-3", huisnummertoevoeging="")]),
          "a.csv", [ok("client.huisnummer")], {"huisnummer": "12", "huisnummertoevoeging": "3"}),
    veld("huisnummer", "12.0", OK, {"huisnummer": "12"}),
    veld("huisnummer", "0", af("huisnummer_ongeldig")),
    veld("huisnummer", "abc", af("huisnummer_ongeldig")),
    veld("huisnummer", "123456", af("huisnummer_ongeldig")),
    veld("huisnummertoevoeging", "x" * 11, ok("client.huisnummertoevoeging"), {"huisnummertoevoeging": ""}),
    # dates --------------------------------------------------------------------------------
    veld("signaaldatum", "10-01-2026", OK, {"signaaldatum": "2026-01-10"}),
    veld("signaaldatum", "10/01/2026", OK, {"signaaldatum": "2026-01-10"}),
    veld("signaaldatum", "10.01.2026", OK, {"signaaldatum": "2026-01-10"}),
    veld("signaaldatum", "46032", OK, {"signaaldatum": "2026-01-10"}),  # Excel serial number
    veld("signaaldatum", "2026-01-10T09:30:00", OK, {"signaaldatum": "2026-01-10"}),
    veld("signaaldatum", "2026-01-10 00:00:00", OK, {"signaaldatum": "2026-01-10"}),
    veld("signaaldatum", "2026-13-01", af("datum_ongeldig")),
    veld("signaaldatum", "31-02-2026", af("datum_ongeldig")),
    veld("signaaldatum", "gisteren", af("datum_ongeldig")),
    veld("signaaldatum", "", af("datum_verplicht")),
    veld("signaaldatum", "2026-03-01", af("datum_in_toekomst")),
    veld("ontstaansdatum", "2026-01-11", af("ontstaansdatum_na_signaaldatum")),
    veld("ontstaansdatum", "2027-01-01", af("datum_in_toekomst")),
    veld("ontstaansdatum", "01-13-2025", af("datum_ongeldig")),
    veld("ontstaansdatum", "", ok("ontstaansdatum"), {"ontstaansdatum": None}),
    veld("geboortedatum", "2030-01-01", ok("client.geboortedatum"), {"geboortedatum": None}),
    veld("geboortedatum", "1-1-80", ok("client.geboortedatum"), {"geboortedatum": None}),
    veld("geboortedatum", "29256", OK, {"geboortedatum": "1980-02-05"}),
    # amounts ------------------------------------------------------------------------------
    veld("bedrag", "412", OK, {"bedrag": "412.00"}),
    veld("bedrag", "1.234,56", OK, {"bedrag": "1234.56"}),
    veld("bedrag", "1234.56", OK, {"bedrag": "1234.56"}),
    veld("bedrag", "1,234.56", OK, {"bedrag": "1234.56"}),
    veld("bedrag", "1.234", OK, {"bedrag": "1234.00"}),
    veld("bedrag", "€ 1.234,56", OK, {"bedrag": "1234.56"}),
    veld("bedrag", "12.345.678,90", OK, {"bedrag": "12345678.90"}),
    veld("bedrag", "-50", af("bedrag_niet_positief")),
    veld("bedrag", "0", af("bedrag_niet_positief")),
    veld("bedrag", "0,00", af("bedrag_niet_positief")),
    veld("bedrag", "abc", af("bedrag_ongeldig")),
    veld("bedrag", "12,345,67", af("bedrag_ongeldig")),
    veld("bedrag", "1e5", af("bedrag_ongeldig")),
    veld("bedrag", "412,505", af("bedrag_ongeldig")),
    veld("bedrag", "NaN", af("bedrag_ongeldig")),
    veld("bedrag", "99999999999", af("bedrag_te_hoog")),
    veld("bedrag", "", af("bedrag_verplicht")),
    veld("bedrag", "49,99", af("onder_drempelbedrag")),
    veld("bedrag", "50", OK),
    # booleans -----------------------------------------------------------------------------
    veld("crisissignaal", "ja", OK, {"crisissignaal": True}),
    veld("crisissignaal", "TRUE", OK, {"crisissignaal": True}),
    veld("crisissignaal", "1", OK, {"crisissignaal": True}),
    veld("crisissignaal", "0", OK, {"crisissignaal": False}),
    veld("crisissignaal", "", OK, {"crisissignaal": False}),
    veld("crisissignaal", "misschien", af("boolean_ongeldig")),
    veld("eindelevering", "ja", OK, {"eindelevering": True}),
    # covenant windows (partner type Energie: at least 30 days) -----------------------------
    veld("ontstaansdatum", "2025-12-20", af("termijn_te_kort")),
    veld("ontstaansdatum", "2025-12-11", OK),  # exactly 30 days
    Geval("crisissignaal mag eerder", csv_bytes([rij(ontstaansdatum="2026-01-01", crisissignaal="ja")]), "a.csv", [OK]),
    Geval("crisissignaal onder drempelbedrag", csv_bytes([rij(bedrag="10", crisissignaal="ja")]), "a.csv", [OK]),
    # text, injection, control characters --------------------------------------------------
    veld("achternaam", '=HYPERLINK("http://kwaad.example","Klik")', ok("client.achternaam"),
         {"achternaam": '=HYPERLINK("http://kwaad.example","Klik")'}),
    veld("straatnaam", "@SUM(1+1)*cmd|' /C calc'!A0", ok("client.straatnaam")),
    veld("plaatsnaam", "+31-Utrecht", ok("client.plaatsnaam")),
    veld("voorletters", "-A.", ok("client.voorletters")),
    veld("klantnummer", "=1+1", ok("klantnummer"), {"klantnummer": "=1+1"}),
    veld("ID", "=HYPERLINK(\"x\")", af("id_ongeldig")),
    veld("ID", "@1", af("id_ongeldig")),
    veld("ID", "+1", af("id_ongeldig")),
    veld("ID", "x" * 101, af("id_te_lang")),
    veld("ID", "", af("id_verplicht")),
    veld("ID", "ENERGIE/2026/000123", OK, {"extern_id": "ENERGIE/2026/000123"}),
    veld("achternaam", "\"Robert'); DROP TABLE signalering_vroegsignaal;--\"", OK,
         {"achternaam": "Robert'); DROP TABLE signalering_vroegsignaal;--"}),
    veld("straatnaam", "<script>alert(1)</script>", OK, {"straatnaam": "<script>alert(1)</script>"}),
    veld("achternaam", "Dijk\x07\x1b", ok("client.achternaam"), {"achternaam": "Dijk"}),
    veld("achternaam", "D" * 121, ok("client.achternaam"), {"achternaam": ""}),
    veld("achternaam", "van\u00a0Dijk", OK, {"achternaam": "van Dijk"}),
    veld("email", '=HYPERLINK("mailto:x")', ok("client.email"), {"email": ""}),
    veld("email", "geen-email", ok("client.email"), {"email": ""}),
    veld("telefoonnummer", "+31 6 1234 5678", OK, {"telefoonnummer": "+31612345678"}),
    veld("telefoonnummer", "612345678", OK, {"telefoonnummer": "0612345678"}),  # Excel dropped the 0
    veld("telefoonnummer", "=cmd|' /C calc'!A0", ok("client.telefoonnummer"), {"telefoonnummer": ""}),
    veld("geslachtsaanduiding", "M", OK, {"geslachtsaanduiding": "Man"}),
    veld("geslachtsaanduiding", "onzijdig", ok("client.geslachtsaanduiding"), {"geslachtsaanduiding": ""}),
    Geval("NUL-bytes (binair bestand)", b"ID;bedrag\x00\x00;x\n", "a.csv", "geen_tabel"),
    Geval("PNG-plaatje", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "foto.png", "geen_tabel"),
    # several rows: each its own answer ------------------------------------------------------
    Geval("goede en foute regels door elkaar",
          csv_bytes([rij(ID="E-1"), rij(ID="E-2", bedrag="x"), rij(ID="E-3", burgerservicenummer="1"),
                     rij(ID="E-4"), rij(ID="E-1")]),
          "a.csv", [OK, af("bedrag_ongeldig"), af("bsn_elfproef"), OK, ("dubbel", set(), set())]),
    Geval("meerdere fouten in één regel",
          csv_bytes([rij(bedrag="-1", signaaldatum="x", postcode="1011AB", crisissignaal="?")]),
          "a.csv", [af("bedrag_niet_positief", "datum_ongeldig", "postcode_buiten_gemeente", "boolean_ongeldig")]),
    # XLSX ---------------------------------------------------------------------------------
    Geval("xlsx met getallen, datums en verloren nullen",
          xlsx_bytes([{**GOED, "burgerservicenummer": 12345672, "bedrag": 412.5, "huisnummer": 12.0,
                       "signaaldatum": __import__("datetime").datetime(2026, 1, 10),
                       "ontstaansdatum": 45994, "klantnummer": 88812, "telefoonnummer": 612345678,
                       "crisissignaal": False, "warmeOverdracht": 0}]),
          "a.xlsx", [OK], {"bsn": "012345672", "bedrag": "412.50", "huisnummer": "12", "signaaldatum": "2026-01-10",
                           "ontstaansdatum": "2025-12-03", "klantnummer": "88812", "telefoonnummer": "0612345678"}),
    Geval("xlsx met lege regels achteraan", xlsx_bytes([GOED, {}, {}, [None] * 21]), "a.xlsx", [OK]),
    Geval("xlsx met twee werkbladen", xlsx_bytes([GOED], bladen=2), "a.xlsx", [OK]),
    Geval("xlsx met foute regel", xlsx_bytes([GOED, {**GOED, "ID": "E-2", "bedrag": "veel"}]), "a.xlsx",
          [OK, af("bedrag_ongeldig")]),
    Geval("xlsx zonder verplichte kolom", xlsx_bytes([["E-1", 412]], kop=["ID", "bedrag"]), "a.xlsx", "kolom_ontbreekt"),
    Geval("xlsx alleen kopregel", xlsx_bytes([]), "a.xlsx", "geen_kopregel" if False else "leeg"),
    Geval("xlsx afgekapt", xlsx_bytes([GOED])[:500], "a.xlsx", "xlsx_kapot"),
    Geval("xlsx-naam maar onzin erin", b"PK\x03\x04" + b"onzin" * 50, "a.xlsx", "xlsx_kapot"),
    Geval("oud .xls-bestand", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "a.xls", "xls_oud"),
    # JSON files ---------------------------------------------------------------------------
    Geval("json object", json_bytes([json_signaal()]), "a.json", [OK], {"bedrag": "412.50"}),
    Geval("json met BOM", b"\xef\xbb\xbf" + json_bytes([json_signaal()]), "a.json", [OK]),
    Geval("json kale lijst", json_bytes([json_signaal()], omhulsel=False), "a.json", [OK]),
    Geval("json plat (client-velden naast het signaal)", json.dumps({"signalen": [GOED]}).encode(), "a.json", [OK]),
    Geval("json ID als getal", json_bytes([json_signaal(ID=123)]), "a.json", [OK], {"extern_id": "123"}),
    Geval("json signaal is tekst", json_bytes(["hallo", json_signaal()]), "a.json",
          [af("signaal_geen_object"), OK]),
    Geval("json client is tekst", json_bytes([json_signaal(), {**json_signaal(ID="E-2"), "client": "Dijk"}]), "a.json",
          [OK, af("client_ongeldig")]),
    Geval("json bedrag is een lijst", json_bytes([json_signaal(bedrag=[412])]), "a.json", [af("waarde_type")]),
    Geval("json bedrag is true", json_bytes([json_signaal(bedrag=True)]), "a.json", [af("bedrag_ongeldig")]),
    Geval("json bedrag als tekst", json_bytes([json_signaal(bedrag="1.234,56")]), "a.json", [OK], {"bedrag": "1234.56"}),
    Geval("json ID is object", json_bytes([json_signaal(ID={"a": 1})]), "a.json", [af("waarde_type")]),
    Geval("json achternaam is lijst", json_bytes([json_signaal(achternaam=["Dijk"])]), "a.json",
          [ok("client.achternaam")], {"achternaam": ""}),
    Geval("json boolean als tekst", json_bytes([json_signaal(crisissignaal="ja")]), "a.json", [OK], {"crisissignaal": True}),
    Geval("json datum als getal", json_bytes([json_signaal(signaaldatum=20260110)]), "a.json", [af("datum_ongeldig")]),
    Geval("json kapot", b'{"signalen": [', "a.json", "geen_json"),
    Geval("json verkeerde vorm", b'{"signaal": {}}', "a.json", "json_vorm"),
    Geval("json lege lijst", b'{"signalen": []}', "a.json", "leeg"),
    Geval("json heel diep genest", b"[" * 100_000 + b"]" * 100_000, "a.json", "geen_json"),
    # sizes --------------------------------------------------------------------------------
    Geval("bestand groter dan toegestaan", csv_bytes([rij(ID=f"E-{i}") for i in range(50)]), "a.csv", "te_groot",
          opties={"max_bytes": 1000}),
    Geval("meer regels dan toegestaan", csv_bytes([rij(ID=f"E-{i}") for i in range(11)]), "a.csv", "te_veel_signalen",
          opties={"max_rijen": 10}),
    Geval("json met meer signalen dan toegestaan", json_bytes([json_signaal(ID=f"E-{i}") for i in range(11)]), "a.json",
          "te_veel_signalen", opties={"max_rijen": 10}),
    Geval("één cel van 200.000 tekens", csv_bytes([rij(achternaam="x" * 200_000)]), "a.csv", "csv_kapot"),
    *GEEN_500,
]


def test_suite_is_big_enough():
    assert len(GEVALLEN) >= 100
    assert len({g.naam for g in GEVALLEN}) == len(GEVALLEN)


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_slechte_invoer(geval, energie):
    opties = geval.opties or {}
    if isinstance(geval.verwacht, str):
        with pytest.raises(Weigering) as fout:
            verwerk_bestand(energie, geval.data, bestandsnaam=geval.bestandsnaam, kanaal="bestand", **opties)
        assert fout.value.code == geval.verwacht
        assert not Vroegsignaal.objects.exists()
        assert not Aanlevering.objects.exists()
        assert not AuditEvent.objects.filter(object_type="signalering.Aanlevering").exists()
        return
    rapport = verwerk_bestand(energie, geval.data, bestandsnaam=geval.bestandsnaam, kanaal="bestand", **opties)
    uitkomst = rapport.als_dict()
    gekregen = [
        (r["status"], {f["code"] for f in r["fouten"]}, {w["veld"] for w in r.get("waarschuwingen", [])})
        for r in uitkomst["resultaten"]
    ]
    verwacht = [
        (status, fouten, waarschuwingen) for status, fouten, waarschuwingen in geval.verwacht
    ]
    # warnings are compared by field (the code is in the message table); errors by code
    assert [(s, f) for s, f, _w in gekregen] == [(s, f) for s, f, _w in verwacht]
    assert [w for _s, _f, w in gekregen] == [w for _s, _f, w in verwacht]
    geaccepteerd = {r["ID"] for r in uitkomst["resultaten"] if r["status"] == "geaccepteerd"}
    assert set(Vroegsignaal.objects.values_list("extern_id", flat=True)) == geaccepteerd
    assert Aanlevering.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="signalering.Aanlevering").count() == 1
    for fout in (f for r in uitkomst["resultaten"] for f in r["fouten"]):
        assert fout["melding"] and fout["melding"] != fout["code"]
    assert "123456782" not in json.dumps(uitkomst)  # never echo a BSN
    if geval.opgeslagen:
        signaal = Vroegsignaal.objects.get()
        for naam, waarde in geval.opgeslagen.items():
            gevonden = getattr(signaal, naam)
            if hasattr(gevonden, "isoformat"):
                gevonden = gevonden.isoformat()
            elif gevonden is not None and not isinstance(gevonden, (str, bool)):
                gevonden = str(gevonden)
            assert gevonden == waarde, naam


# A sample of the suite through the second reading process (intake.parallel, used for large
# files): every kind of refusal raised while reading, and per-row answers in each format.
IN_TWEEDE_PROCES = {
    "kolom ID ontbreekt", "kolom twee keer (bsn en burgerservicenummer)", "alleen een kopregel",
    "aanhalingsteken niet gesloten", "NUL-bytes (binair bestand)", "xlsx afgekapt", "oud .xls-bestand",
    "json kapot", "json verkeerde vorm", "meer regels dan toegestaan", "één cel van 200.000 tekens",
    "windows-1252 met euroteken", "utf-16 (Excel Unicode-tekst, tab)", "goede en foute regels door elkaar",
    "xlsx met getallen, datums en verloren nullen", "json plat (client-velden naast het signaal)",
    "veld achternaam='=HYPERLINK(\"http://kwaad.example\",\"Klik\")'",
    # issue 10: the same rule in the reading process
    "json bedrag 1e30", "json bedrag NaN", "json ID met losse surrogaat", "json achternaam met losse surrogaat",
    "json e-mail met surrogaat", "utf-16 met NUL-teken", "utf-16 met losse surrogaat", "zip-bom als xlsx",
    "xlsx met rare cellen", "json-bestand met ongeldige UTF-8",
}


def test_steekproef_is_compleet():
    assert IN_TWEEDE_PROCES <= {g.naam for g in GEVALLEN}


@pytest.mark.slow
@pytest.mark.parametrize("geval", [g for g in GEVALLEN if g.naam in IN_TWEEDE_PROCES],
                         ids=lambda g: g.naam)
def test_slechte_invoer_in_tweede_proces(geval, energie, settings, monkeypatch):
    from vroeghulp.signalering.intake import parallel

    settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = "0"
    gestart = []

    class Bijgehouden(parallel.ParalleleBron):
        def __init__(self, *args, **kwargs):
            gestart.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ParalleleBron", Bijgehouden)
    test_slechte_invoer(geval, energie)
    assert gestart == [1]


# --- the three channels (issue 10): no 500, no traceback, never an error after the commit ------

def _goed_en_slecht(**slecht) -> bytes:
    """Two signals, a good one and one with ``slecht``; ensure_ascii keeps lone surrogates as the
    escapes a partner's JSON would have (``"\\udfff"``)."""
    return json.dumps({"signalen": [json_signaal(ID="GOED-1"), json_signaal(**{"ID": "SLECHT-2", **slecht})]}).encode()


KANAALGEVALLEN = {
    "bedrag 1e30": (_goed_en_slecht(bedrag=1e30), "afgewezen", "bedrag", "bedrag_te_hoog"),
    "ID met losse surrogaat": (_goed_en_slecht(ID="SURRESP" + SURROGAAT), "afgewezen", "ID", "id_ongeldig"),
    "achternaam met losse surrogaat": (_goed_en_slecht(achternaam="X" + SURROGAAT), "geaccepteerd",
                                       "client.achternaam", "tekens_ongeldig"),
    "e-mail met NUL": (_goed_en_slecht(email="a\x00@example.nl"), "geaccepteerd", "client.email", "email_ongeldig"),
}


def _controleer_antwoord(data: dict, status: str, veld: str, code: str) -> None:
    goed, slecht = data["resultaten"]
    assert goed["status"] == "geaccepteerd" and slecht["status"] == status
    meldingen = slecht["fouten"] + slecht.get("waarschuwingen", [])
    assert [(m["veld"], m["code"]) for m in meldingen] == [(veld, code)]
    assert all(m["melding"] for m in meldingen)
    assert data["geaccepteerd"] == Vroegsignaal.objects.count()


@pytest.mark.django_db(transaction=True)  # real commits: an error after one would show
@pytest.mark.parametrize("naam", KANAALGEVALLEN)
def test_api_antwoordt_per_signaal(naam, client, partner_token, energie):
    body, status, veld, code = KANAALGEVALLEN[naam]
    antwoord = client.post("/api/v1/signalen", data=body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {partner_token}")
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/json"
    data = json.loads(antwoord.content.decode("utf-8"))
    _controleer_antwoord(data, status, veld, code)
    if naam == "ID met losse surrogaat":
        assert data["resultaten"][1]["ID"] == "SURRESP\ufffd"  # echoed with the replacement character


@pytest.mark.django_db(transaction=True)
def test_api_antwoord_wordt_voor_de_commit_gemaakt(client, partner_token, energie, monkeypatch):
    """When building the answer fails, nothing is stored: the partner's retry is then right."""
    from vroeghulp.signalering.intake.opslag import Rapport

    def stuk(self, **kwargs):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "test")

    monkeypatch.setattr(Rapport, "als_dict", stuk)
    client.raise_request_exception = False
    antwoord = client.post("/api/v1/signalen", data=_goed_en_slecht(), content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {partner_token}")
    assert antwoord.status_code == 500
    assert not Vroegsignaal.objects.exists() and not Aanlevering.objects.exists()


def _importeer(pad, partner="energie"):
    from django.core.management import call_command

    uit, fout = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("signalen_importeer", str(pad), "--partner", partner, stdout=uit, stderr=fout)
    except SystemExit as einde:
        code = einde.code
    return code, uit.getvalue(), fout.getvalue()


@pytest.mark.parametrize("naam", KANAALGEVALLEN)
def test_opdrachtregel_antwoordt_per_signaal(naam, tmp_path, energie):
    body, status, veld, code = KANAALGEVALLEN[naam]
    pad = tmp_path / "levering.json"
    pad.write_bytes(body)
    afloop, uit, fout = _importeer(pad)
    assert afloop == 0 and "Traceback" not in fout
    _controleer_antwoord(json.loads(uit), status, veld, code)


@pytest.mark.parametrize(("naam", "inhoud", "code"), [
    ("NUL-bytes", b"ID;bedrag\x00\x00;x\n", "geen_tabel"),
    ("utf-16 met NUL-teken", csv_bytes([rij(achternaam="Di\x00jk")], codering="utf-16"), "geen_tabel"),
    ("utf-16 met losse surrogaat", utf16_met_losse_surrogaat(), "codering"),
    ("zip-bom", zip_bom(), "xlsx_kapot"),
    ("onzin als xlsx", b"PK\x03\x04" + bytes(range(256)) * 4, "xlsx_kapot"),
])
def test_opdrachtregel_weigert_bestand_met_code_2(naam, inhoud, code, tmp_path, energie):
    pad = tmp_path / ("levering.xlsx" if code == "xlsx_kapot" else "levering.csv")
    pad.write_bytes(inhoud)
    afloop, uit, fout = _importeer(pad)
    assert afloop == 2
    assert json.loads(uit)["code"] == code
    assert fout.startswith("Het bestand is geweigerd:") and "Traceback" not in fout
    assert not Vroegsignaal.objects.exists() and not Aanlevering.objects.exists()


def test_opdrachtregel_zonder_traceback_bij_een_fout(tmp_path, energie, monkeypatch, caplog):
    from vroeghulp.signalering.intake import opslag

    def stuk(*args, **kwargs):
        raise RuntimeError("123456782 in een foutmelding")

    monkeypatch.setattr(opslag._Schrijver, "schrijf_gecontroleerd", stuk)
    pad = tmp_path / "levering.json"
    pad.write_bytes(_goed_en_slecht())
    afloop, uit, fout = _importeer(pad)
    assert afloop == 1
    assert json.loads(uit)["code"] == "verwerking_mislukt" and "niets opgeslagen" in fout
    assert "Traceback" not in fout and "123456782" not in fout + uit + caplog.text
    assert not Vroegsignaal.objects.exists() and not Aanlevering.objects.exists()


def test_opdrachtregel_met_surrogaat_in_naam_van_bestand_en_partner(tmp_path, energie):
    import os

    pad = os.fsdecode(bytes(tmp_path) + b"/lev\xff.json")  # a name that is no UTF-8: "lev\udcff.json"
    with open(pad, "wb") as bestand:
        bestand.write(_goed_en_slecht())
    afloop, uit, _fout = _importeer(pad)
    assert afloop == 0
    assert Aanlevering.objects.get().bestandsnaam == "lev\ufffd.json"
    from django.core.management import CommandError

    with pytest.raises(CommandError) as fout:
        _importeer(pad, partner="energie" + SURROGAAT)
    assert fout.value.returncode == 2 and "energie\ufffd" in str(fout.value)


def _upload(client, inhoud: bytes, naam: str, partner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/signalen/aanleveren/", {"partner": partner.pk, "bestand": SimpleUploadedFile(naam, inhoud)},
                       headers={"HX-Request": "true"})


@pytest.mark.parametrize("naam", KANAALGEVALLEN)
def test_scherm_antwoordt_per_signaal(naam, client, teamleider, energie):
    body, status, veld, code = KANAALGEVALLEN[naam]
    client.force_login(teamleider)
    antwoord = _upload(client, body, "levering.json", energie)
    assert antwoord.status_code == 200
    html = antwoord.content.decode("utf-8")
    assert "2 signalen ontvangen" in html and veld in html
    assert Vroegsignaal.objects.count() == 1 + (status == "geaccepteerd")


def test_scherm_geeft_formulierfout_bij_zip_bom_en_bij_een_fout(client, teamleider, energie, monkeypatch):
    client.force_login(teamleider)
    antwoord = _upload(client, zip_bom(), "levering.xlsx", energie)
    assert antwoord.status_code == 200 and "Het bestand is niet ingelezen" in antwoord.content.decode()
    from vroeghulp.signalering.intake import opslag

    def stuk(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(opslag._Schrijver, "schrijf_gecontroleerd", stuk)
    antwoord = _upload(client, _goed_en_slecht(), "levering.json", energie)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Het bestand is niet ingelezen" in html and "Er is niets opgeslagen" in html
    assert not Vroegsignaal.objects.exists() and not Aanlevering.objects.exists()


# --- repeats inside one delivery (issue 10 point 6): the counts say what was stored -------------

def _herhaald_body(aantal: int, bedragen) -> list:
    """``aantal`` signals with two IDs (R-0, R-1) taking turns; ``bedragen(i)`` per signal."""
    return [json_signaal(ID=f"R-{i % 2}", bedrag=bedragen(i), huisnummer=str(i % 2 + 1)) for i in range(aantal)]


@pytest.mark.parametrize("stijgend", [False, True], ids=["zelfde bedrag", "stijgend bedrag"])
def test_tienduizend_signalen_met_twee_ids_via_api(stijgend, client, partner_token, energie):
    # 10,000 rows, two IDs: two signals are stored, so 2 geaccepteerd and 9,998 dubbel. Rising
    # amounts (100 + i euro): the stored signal has the last row's data (R-0: row 9,999 with
    # 100 + 9,998 = 10,098 euro; R-1: row 10,000 with 10,099), and only those rows are accepted.
    signalen = _herhaald_body(10_000, (lambda i: 100 + i) if stijgend else (lambda i: 412))
    antwoord = client.post("/api/v1/signalen", data=json.dumps({"signalen": signalen}),
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {partner_token}")
    data = antwoord.json()
    assert (data["ontvangen"], data["geaccepteerd"], data["dubbel"], data["afgewezen"]) == (10_000, 2, 9_998, 0)
    geaccepteerd = [(r["rij"], r["ID"]) for r in data["resultaten"] if r["status"] == "geaccepteerd"]
    assert geaccepteerd == ([(9_999, "R-0"), (10_000, "R-1")] if stijgend else [(1, "R-0"), (2, "R-1")])
    opgeslagen = dict(Vroegsignaal.objects.values_list("extern_id", "bedrag"))
    assert opgeslagen == ({"R-0": 10_098, "R-1": 10_099} if stijgend else {"R-0": 412, "R-1": 412})
    aanlevering = Aanlevering.objects.get()
    assert (aanlevering.aantal_geaccepteerd, aanlevering.aantal_dubbel) == (2, 9_998)


def test_herhaling_in_een_bestand_over_blokken_heen(energie):
    # A file of 12,000 rows (three blocks of 5,000): E-0 at rows 1 and 12,000. Row 12,000 has
    # the higher amount (500 > 412.50), so it replaces row 1's data: 11,999 signals stored,
    # row 12,000 geaccepteerd as a repeat (vorig_bedrag 412.50), row 1 dubbel.
    rijen = [rij(ID=f"E-{i}") for i in range(11_999)] + [rij(ID="E-0", bedrag="500")]
    rapport = verwerk_bestand(energie, csv_bytes(rijen), bestandsnaam="a.csv", kanaal="bestand").als_dict()
    assert (rapport["ontvangen"], rapport["geaccepteerd"], rapport["dubbel"]) == (12_000, 11_999, 1)
    eerste, laatste = rapport["resultaten"][0], rapport["resultaten"][-1]
    assert (eerste["rij"], eerste["status"]) == (2, "dubbel")  # row 1 is the header
    assert (laatste["status"], laatste.get("herhaling")) == ("geaccepteerd", True)
    assert Vroegsignaal.objects.count() == 11_999
    signaal = Vroegsignaal.objects.get(extern_id="E-0")
    assert (str(signaal.bedrag), str(signaal.vorig_bedrag), signaal.herhaling) == ("500.00", "412.50", True)


def test_herhaling_van_een_eerdere_aanlevering_en_in_dezelfde(energie):
    # E-1 stored at 412.50; then one file with E-1 at 450 and at 600: the commit holds 600 with
    # vorig_bedrag 450 (as two deliveries after each other would), so row 3 is geaccepteerd as a
    # repeat and row 2 dubbel; one signal stored.
    verwerk_bestand(energie, csv_bytes([rij(ID="E-1")]), bestandsnaam="a.csv", kanaal="bestand")
    rapport = verwerk_bestand(energie, csv_bytes([rij(ID="E-1", bedrag="450"), rij(ID="E-1", bedrag="600")]),
                              bestandsnaam="b.csv", kanaal="bestand").als_dict()
    assert [(r["status"], r.get("herhaling", False)) for r in rapport["resultaten"]] == [
        ("dubbel", False), ("geaccepteerd", True)]
    assert (rapport["geaccepteerd"], rapport["dubbel"]) == (1, 1)
    signaal = Vroegsignaal.objects.get()
    assert (str(signaal.bedrag), str(signaal.vorig_bedrag)) == ("600.00", "450.00")
