"""Import of a debt list (CSV, XLSX): what municipalities and residents really send, and every
kind of bad file. A file with an error stores nothing and reports every error per row and field."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import schulden, schuldenlijst
from vroeghulp.schuldhulp.models import Fase as F, Schuld, Schuldbron, Schuldeiser, Schuldeisersoort as S, Schuldstatus as St
from vroeghulp.schuldhulp.tests.factories import traject_in

pytestmark = pytest.mark.django_db
D = Decimal

GOED = (
    "Schuldeiser;Soort;Kenmerk;Bedrag;Ontstaansdatum;Status;Preferent\n"
    "CJIB;CJIB;1234 5678 9012;€ 1.250,-;15-03-2024;beslag;nee\n"
    "Woonstichting Mitros;Verhuurder;HUUR-77;1.250,50;2024-01-31;Betalingsregeling;\n"
    "Belastingdienst;belastingdienst;;1250.50;;;\n"
    "Eneco;Energieleverancier;;412;01-02-2025;In verzet;concurrent\n"
)


@pytest.fixture
def traject(consulent):
    return traject_in(F.INTAKE, consulent)


def _xlsx(rijen, *, extra_blad=False) -> bytes:
    boek = openpyxl.Workbook()
    blad = boek.active
    for rij in rijen:
        blad.append(rij)
    if extra_blad:
        boek.create_sheet("Toelichting")
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _fouten(verslag):
    return [(f.rij, f.veld, f.melding) for f in verslag.fouten]


def test_a_good_csv_is_stored_whole(traject, consulent):
    verslag = schuldenlijst.importeer(traject, GOED.encode("utf-8"), "schulden.csv", door=consulent)
    assert verslag.gelukt and (verslag.rijen, verslag.opgeslagen, verslag.formaat) == (4, 4, "csv")
    rijen = {s.schuldeiser.naam: s for s in traject.schulden.select_related("schuldeiser")}
    cjib, huur, bd, eneco = (rijen[n] for n in ("CJIB", "Woonstichting Mitros", "Belastingdienst", "Eneco"))
    # "€ 1.250,-" is 1250 whole euros; "1.250,50" and "1250.50" the same 1250.50
    assert (cjib.bedrag, huur.bedrag, bd.bedrag, eneco.bedrag) == (D("1250.00"), D("1250.50"), D("1250.50"), D("412.00"))
    assert (cjib.ontstaansdatum, huur.ontstaansdatum, bd.ontstaansdatum) == (
        datetime.date(2024, 3, 15), datetime.date(2024, 1, 31), None)
    assert (cjib.status, huur.status, bd.status, eneco.status) == (St.BESLAG, St.BETALINGSREGELING, St.OPEN, St.IN_VERZET)
    assert (cjib.schuldeiser.soort, huur.schuldeiser.soort, eneco.schuldeiser.soort) == (S.CJIB, S.VERHUURDER, S.ENERGIE)
    # empty preferent: by the kind (Belastingdienst preferent), "nee"/"concurrent": not
    assert (cjib.preferent, huur.preferent, bd.preferent, eneco.preferent) == (False, False, True, False)
    assert cjib.kenmerk == "1234 5678 9012" and {s.bron for s in rijen.values()} == {Schuldbron.IMPORT}
    assert AuditEvent.objects.filter(actie=Actie.AANMAKEN, object_type="schuldhulp.Schuld", aantal=4).exists()


@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_and_separators(traject, consulent, codering):
    tekst = ("schuldeiser,bedrag,kenmerk\n"
             '"Café De Zwaan",\"1.250,50\",€-42\n')
    verslag = schuldenlijst.importeer(traject, tekst.encode(codering), "lijst.csv", door=consulent)
    assert verslag.gelukt, _fouten(verslag)
    schuld = traject.schulden.select_related("schuldeiser").get()
    assert (schuld.schuldeiser.naam, schuld.bedrag, schuld.kenmerk, schuld.schuldeiser.soort) == (
        "Café De Zwaan", D("1250.50"), "€-42", S.OVERIG)  # no kind column: overig


def test_headers_forgive_case_spaces_and_punctuation(traject, consulent):
    tekst = " SCHULDEISER ;Bedrag (€);Ontstaans-datum;Soort schuldeiser;Onbekende kolom\nDUO;10;1-2-2020;duo;x\n"
    verslag = schuldenlijst.importeer(traject, tekst.encode(), "x.csv", door=consulent)
    assert verslag.gelukt
    assert verslag.waarschuwingen == ["Deze kolommen kennen wij niet; wij hebben ze overgeslagen: Onbekende kolom."]
    schuld = traject.schulden.select_related("schuldeiser").get()
    assert (schuld.schuldeiser.soort, schuld.ontstaansdatum) == (S.DUO, datetime.date(2020, 2, 1))


def test_an_excel_export_with_floats_and_date_cells(traject, consulent):
    data = _xlsx([
        ["Schuldeiser", "Soort", "Kenmerk", "Bedrag", "Ontstaansdatum", "Status", "Preferent"],
        ["CJIB", "CJIB", 123456789012.0, 1250.5, datetime.date(2024, 3, 15), "Beslag", "ja"],
        # binary floating point: 0.1 + 0.2 style sums come out as 300.29999999999995
        ["Eneco", "energie", None, 0.1 + 300.2, datetime.datetime(2023, 7, 1, 0, 0), None, 0],
        ["Gemeente Utrecht", "Gemeente", "G-1", 89, 45292, "", True],  # 45292: Excel's serial for 2024-01-01
        [None, None, None, None, None, None, None],  # empty rows do not count
    ], extra_blad=True)
    verslag = schuldenlijst.importeer(traject, data, "schulden.xlsx", door=consulent)
    assert verslag.gelukt, _fouten(verslag)
    assert verslag.formaat == "xlsx" and verslag.rijen == 3
    rijen = {s.schuldeiser.naam: s for s in traject.schulden.select_related("schuldeiser")}
    assert rijen["CJIB"].kenmerk == "123456789012"  # not "123456789012.0"
    assert (rijen["CJIB"].bedrag, rijen["Eneco"].bedrag, rijen["Gemeente Utrecht"].bedrag) == (
        D("1250.50"), D("300.30"), D("89.00"))
    assert (rijen["CJIB"].ontstaansdatum, rijen["Eneco"].ontstaansdatum, rijen["Gemeente Utrecht"].ontstaansdatum) == (
        datetime.date(2024, 3, 15), datetime.date(2023, 7, 1), datetime.date(2024, 1, 1))
    assert (rijen["CJIB"].preferent, rijen["Eneco"].preferent, rijen["Gemeente Utrecht"].preferent) == (True, False, True)


def test_every_error_is_reported_and_nothing_is_stored(traject, consulent):
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d-%m-%Y")
    tekst = (
        "schuldeiser;soort;bedrag;ontstaansdatum;status;preferent\n"
        "CJIB;cjib;100;;;\n"                                   # row 2: good
        ";bank;-5;31-02-2024;kwijt;misschien\n"                # row 3: six errors
        "Eneco;energie;1000000000,01;" + morgen + ";;\n"       # row 4: too high, in the future
        "Eneco;energie;12,345;;;\n"                            # row 5: more than cents
        "CJIB;cjib;100;;;\n"                                   # row 6: the same as row 2
        "Vattenfall;energie;1e308;;;;extra\n"                  # row 7: more cells than the header
        "Vattenfall;energie;99999999999999999999999999999999999999;;;\n"  # row 8: huge
    )
    verslag = schuldenlijst.importeer(traject, tekst.encode(), "fout.csv", door=consulent)
    assert not verslag.gelukt and verslag.opgeslagen == 0
    assert _fouten(verslag) == [
        (3, "schuldeiser", "De naam van de schuldeiser ontbreekt."),
        (3, "soort", "Deze soort schuldeiser kennen wij niet. Gebruik bijvoorbeeld CJIB, DUO, Belastingdienst, "
                     "verhuurder, energie, water, gemeente, deurwaarder of overig."),
        (3, "bedrag", "Het bedrag moet meer zijn dan 0 euro."),
        (3, "ontstaansdatum", "De ontstaansdatum is geen datum. Gebruik dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 31-01-2025."),
        (3, "status", "Deze status kennen wij niet. Gebruik open, betalingsregeling, beslag, in verzet, betwist of betaald."),
        (3, "preferent", "Vul bij preferent ja of nee in (of preferent / concurrent)."),
        (4, "bedrag", "Het bedrag is te hoog: hooguit 1.000.000.000 euro."),
        (4, "ontstaansdatum", "De datum van ontstaan ligt in de toekomst. Vul vandaag of eerder in."),
        (5, "bedrag", "Het bedrag heeft meer dan 2 cijfers achter de komma. Vul hele centen in."),
        (6, "", "Deze schuld staat al op regel 2 (zelfde schuldeiser, kenmerk en bedrag)."),
        (7, "", "Deze regel heeft meer kolommen dan de kopregel. Staat er een scheidingsteken in een waarde zonder "
                "aanhalingstekens?"),
        (8, "bedrag", "Het bedrag is te hoog: hooguit 1.000.000.000 euro."),
    ]
    assert not Schuld.objects.exists() and not Schuldeiser.objects.exists()


def test_a_debt_already_in_the_overview_is_a_duplicate(traject, consulent):
    schulden.toevoegen(traject, door=consulent, schuldeiser="CJIB", soort=S.CJIB, bedrag=D("100"))
    verslag = schuldenlijst.importeer(traject, b"schuldeiser;soort;bedrag\ncjib;CJIB;100,00\nDUO;duo;5\n", "x.csv",
                                      door=consulent)
    assert _fouten(verslag) == [(2, "", "Deze schuld staat al in het overzicht (zelfde schuldeiser, kenmerk en bedrag).")]
    assert traject.schulden.count() == 1


def test_odd_unicode(traject, consulent):
    tekst = ("schuldeiser;bedrag;kenmerk\n"
             "Cafe\u0301\u200b De\u00a0Zwaan;10;\u202eABC\n"      # combining accent, zero-width space, NBSP, RTL override
             "Ｅｎｅｃｏ;١٢;x\n")                                    # full-width letters; Arabic-Indic digits are no amount
    verslag = schuldenlijst.importeer(traject, tekst.encode(), "x.csv", door=consulent)
    assert _fouten(verslag) == [(3, "bedrag", "Het bedrag is geen bedrag. Gebruik bijvoorbeeld 1.250,50 of 1250.50.")]
    verslag = schuldenlijst.importeer(traject, tekst.splitlines(keepends=True)[0].encode() + tekst.splitlines(keepends=True)[1].encode(),
                                      "x.csv", door=consulent)
    assert verslag.gelukt
    schuld = traject.schulden.select_related("schuldeiser").get()
    assert (schuld.schuldeiser.naam, schuld.kenmerk) == ("Café De Zwaan", "ABC")  # composed, invisible marks gone


@pytest.mark.parametrize("data, naam, melding", [
    (b"", "leeg.csv", "Het bestand is leeg."),
    (b"  \r\n\r\n", "leeg.csv", "Het bestand is leeg."),
    (b"schuldeiser;bedrag\n", "kop.csv", "Het bestand heeft alleen een kopregel en geen schulden."),
    (b"schuldeiser;bedrag\n;;\n;\n", "kop.csv", "Het bestand heeft alleen een kopregel en geen schulden."),
    (b"naam;kenmerk\nCJIB;1\n", "x.csv", "Deze kolom ontbreekt: schuldeiser, bedrag. De kopregel moet minstens "
                                         "‘schuldeiser’ en ‘bedrag’ hebben."),
    (b"schuldeiser;bedrag;Crediteur\nA;1;B\n", "x.csv", "De kolom ‘schuldeiser’ staat er twee keer in (kolom 1 en 3)."),
    (b'schuldeiser;bedrag\n"CJIB;1\n', "x.csv", "Het CSV-bestand is beschadigd (bijvoorbeeld een aanhalingsteken dat "
                                               "niet wordt gesloten). (rij 2: een aanhalingsteken wordt niet gesloten)"),
    ("schuldeiser;bedrag\nCJIB;1\n".encode("utf-16-le"), "x.csv",
     "Dit bestand is geen tabel die wij kunnen lezen. Gebruik CSV of Excel (.xlsx)."),  # UTF-16 without its BOM
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud.xls",
     "Oude Excel-bestanden (.xls) lezen wij niet. Sla het bestand op als .xlsx of .csv."),
    (b"PK\x03\x04 kapot", "x.xlsx", "Het Excel-bestand is beschadigd of versleuteld."),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "foto.png", "Dit bestand is geen tabel die wij kunnen lezen. Gebruik CSV of Excel (.xlsx)."),
])
def test_unreadable_files_are_refused_whole(traject, consulent, data, naam, melding):
    verslag = schuldenlijst.importeer(traject, data, naam, door=consulent)
    assert (verslag.weigering, verslag.opgeslagen) == (melding, 0)
    assert not Schuld.objects.exists()


def test_utf16_with_bom_from_excel_unicode_text(traject, consulent):
    data = "schuldeiser\tbedrag\nDUO\t€ 99,99\n".encode("utf-16")
    assert schuldenlijst.importeer(traject, data, "x.txt", door=consulent).gelukt
    assert traject.schulden.get().bedrag == D("99.99")


def test_limits_on_size_and_rows(traject, consulent, monkeypatch):
    groot = b"schuldeiser;bedrag\n" + b"x" * schuldenlijst.MAX_BYTES
    assert schuldenlijst.importeer(traject, groot, "x.csv", door=consulent).weigering == "Het bestand is te groot (hooguit 5 MB)."
    monkeypatch.setattr(schuldenlijst, "MAX_RIJEN", 3)
    vier = b"schuldeiser;bedrag\n" + b"".join(b"S%d;1\n" % i for i in range(4))
    assert schuldenlijst.importeer(traject, vier, "x.csv", door=consulent).weigering == (
        "Het bestand heeft te veel regels (hooguit 1.000 schulden).")
    drie = b"schuldeiser;bedrag\n" + b"".join(b"S%d;1\n" % i for i in range(3))
    assert schuldenlijst.importeer(traject, drie, "x.csv", door=consulent).opgeslagen == 3


def test_a_zip_bomb_posing_as_xlsx_is_refused_before_unpacking(traject, consulent):
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief:
        # 200 MB of zeros packs to about 200 kB: far above 100x its size
        with archief.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as deel:
            blok = b"\x00" * (1024 * 1024)
            for _ in range(200):
                deel.write(blok)
    verslag = schuldenlijst.importeer(traject, uit.getvalue(), "bom.xlsx", door=consulent)
    assert verslag.weigering.startswith("Het Excel-bestand is beschadigd of versleuteld.")
    assert "pakt uit tot meer dan wij kunnen lezen" in verslag.weigering


def test_a_crash_halfway_leaves_nothing(traject, consulent, monkeypatch):
    echt = schulden.schuldeiser_zoeken_of_maken
    aanroepen = []

    def na_twee_kapot(naam, soort):
        aanroepen.append(naam)
        if len(aanroepen) == 3:
            raise RuntimeError("database weg")
        return echt(naam, soort)
    monkeypatch.setattr(schulden, "schuldeiser_zoeken_of_maken", na_twee_kapot)
    with pytest.raises(RuntimeError):
        schuldenlijst.importeer(traject, GOED.encode(), "x.csv", door=consulent)
    assert len(aanroepen) == 3  # two creditors were created before the crash ...
    assert not Schuldeiser.objects.exists() and not Schuld.objects.exists()  # ... and rolled back


def test_another_wijk_cannot_import(consulent, inwoner_zuid):
    from django.core.exceptions import PermissionDenied

    from vroeghulp.schuldhulp.tests.test_schulden import _zuid_traject

    traject = _zuid_traject(inwoner_zuid)
    with pytest.raises(PermissionDenied):
        schuldenlijst.importeer(traject, GOED.encode(), "x.csv", door=consulent)
    assert not Schuld.objects.exists()
