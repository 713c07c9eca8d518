"""The bad-input suite (issue 4): well over 100 deliveries in every shape partners produce.

Each delivery gets the right answer per row (status and codes) or is refused as a whole with the
right code, and nothing else is stored: exactly the accepted signals, one Aanlevering and one
audit event, or nothing at all when the delivery is refused.
"""

import io
import json
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
