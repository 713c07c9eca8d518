"""Issue 12 acceptance story in Chromium: from a vroegsignaalzaak to the letters to the creditors.

A consulent starts a traject from a case (its two signals appear as debts), adds a debt and a
garnishment, sees that the beslagvrije voet is violated and makes the bailiff letter, sends the
kennisgevingen, lets the answer term pass (time-machine: the whole story runs at fixed dates, and
the daily reminder job runs as the timer would) and sees the reminders and the overdue list,
computes the 18-month offer and makes the creditor letters. The PDFs are read with pdftotext.

Every expected amount is worked out by hand below, from the rule and its source, never copied
from the app's output.

The household: one adult (born 1986-01-01, no partner, no children), belastbaar inkomen 35.000 a
year, netto 2.300,00 a month, peildatum 1 March 2026.

Beslagvrije voet (Rv art. 475da lid 2 onder a, amounts of 1 January 2026; the same hand
calculation as regels/tests/scenarios/beslagvrije_voet/contract_2026.yaml, "Alleenstaande,
belastbaar inkomen 35.000 (2026)"):
  95% of the bijstandsnorm for a single adult (Participatiewet art. 21 onder a: 1.401,50)
      = 0,95 × 1.401,50 = 1.331,425
  + zorg (lid 3):  (35.000 − 29.736) / 12 × 13,73% = 5.264 / 12 × 0,1373 = 438,6667 × 0,1373 = 60,2293
  + huur (lid 4):  (35.000 − 23.425) × 27% / 12 = 11.575 × 0,27 / 12 = 3.125,25 / 12 = 260,4375
  = 1.652,0918 → € 1.652,09. The 95%-rule (art. 475dc lid 1) does not apply: 95% × 2.300 = 2.185 is more.
Garnishment 800,00 a month: left 2.300,00 − 800,00 = 1.500,00; short 1.652,09 − 1.500,00 = 152,09.

Answer term (10 working days, Algemene termijnenwet art. 3; no holiday in March 2026): sent
Monday 2 March 2026 → 3, 4, 5, 6 March (4), 9–13 March (9), Monday 16 March 2026 is the 10th.
Overdue from Tuesday 17 March. The reminder of 17 March: 18, 19, 20 (3), 23–27 (8), 30 and
31 March (10) → Tuesday 31 March 2026.

Afloscapaciteit (vtlb = the beslagvrije voet of art. 475da/475db before the 95%-rule, NVVK
Recofa-methode; regels/tests/scenarios/vtlb/vtlb_2026.yaml): 2.300,00 − 1.652,09 = 647,91 a month;
× 18 months (Fw art. 349a lid 1) = 11.662,38.

The debts in the offer (the landlord confirmed a saldo of 1.200,00; the signal said 1.150,00):
  concurrent: Woonstichting Vecht 1.200,00 + CJIB 1.250,50 + Van Dijk Gerechtsdeurwaarders 22.705,45
              = 25.155,95
  preferent:  Belastingdienst 2.000,00 (voorrecht, Invorderingswet 1990 art. 21)
Concurrent p, preferent 2p (not capped while 2p ≤ 100%): p × 25.155,95 + 2p × 2.000,00 = 11.662,38
  → p × 29.155,95 = 11.662,38 → p = 0,4 exactly (29.155,95 × 0,4 = 11.662,38). So 40,00% and 80,00%:
  Woonstichting 0,4 × 1.200,00 = 480,00; CJIB 0,4 × 1.250,50 = 500,20;
  Van Dijk 0,4 × 22.705,45 = 9.082,18; Belastingdienst 0,8 × 2.000,00 = 1.600,00;
  together 480,00 + 500,20 + 9.082,18 + 1.600,00 = 11.662,38 (the pool; whole cents, no rounding).
"""

import datetime as dt
import re
import subprocess
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import expect

from vroeghulp.schuldhulp.models import Bericht, Berichtsoort, Schuld, Traject, Voorstel
from vroeghulp.signalering.models import PartnerType
from vroeghulp.zaken.models import Zaakstatus
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MAANDAG_2_MAART = dt.datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)
DINSDAG_17_MAART = dt.datetime(2026, 3, 17, 8, 0, tzinfo=AMSTERDAM)
DEURWAARDER = "Van Dijk Gerechtsdeurwaarders"


def pdf_tekst(download, tmp_path, naam: str) -> str:
    """The text of a downloaded PDF by pdftotext (poppler), whitespace collapsed to one space."""
    pad = tmp_path / naam
    download.save_as(pad)
    assert pad.read_bytes().startswith(b"%PDF-")
    uit = subprocess.run(["pdftotext", "-layout", str(pad), "-"], capture_output=True, text=True, check=True)
    return " ".join(uit.stdout.split())


@pytest.fixture
def reis():
    with time_machine.travel(MAANDAG_2_MAART, tick=True) as reis:
        yield reis


@pytest.fixture
def zaak(reis, inwoner_overvecht):
    inwoner_overvecht.geboortedatum = dt.date(1986, 1, 1)
    inwoner_overvecht.save(update_fields=["geboortedatum"])
    zaak = ZaakFactory(inwoner=inwoner_overvecht, status=Zaakstatus.CONTACT_GELEGD, totaal_bedrag=3150)
    verhuurder = SignaalpartnerFactory(code="woonstichting-vecht", naam="Woonstichting Vecht", type=PartnerType.HUUR)
    fiscus = SignaalpartnerFactory(code="belastingdienst", naam="Belastingdienst", type=PartnerType.BELASTINGDIENST)
    SignaalFactory(zaak=zaak, partner=verhuurder, bedrag=Decimal("1150.00"), signaaldatum=dt.date(2026, 2, 16))
    SignaalFactory(zaak=zaak, partner=fiscus, bedrag=Decimal("2000.00"), signaaldatum=dt.date(2026, 2, 20))
    return zaak


def test_consulent_from_case_to_creditor_letters(page, inloggen, axe, consulent, zaak, reis, tmp_path):
    naam = zaak.inwoner.naam
    inloggen(consulent.username)

    # --- start the traject from the case: its signals come along as debts -----------------------
    page.goto(f"/zaken/{zaak.pk}/")
    page.get_by_role("link", name="Schuldhulp starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schuldhulp starten")
    assert axe(page) == []
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(naam)
    traject = Traject.objects.get(inwoner=zaak.inwoner)
    assert page.url.endswith(f"/schuldhulp/{traject.pk}/")
    assert axe(page) == []

    onderdelen = page.get_by_role("navigation", name="Onderdelen van het traject")
    onderdelen.get_by_role("link", name="Schulden").click()
    tabel = page.get_by_role("table", name="Alle schulden, de oudste eerst")
    woonstichting = tabel.get_by_role("row", name=re.compile("Woonstichting Vecht"))
    expect(woonstichting).to_contain_text("(uit een signaal)")
    expect(woonstichting).to_contain_text("€ 1.150,00")
    belastingdienst = tabel.get_by_role("row", name=re.compile("^Belastingdienst"))
    expect(belastingdienst).to_contain_text("€ 2.000,00")
    expect(belastingdienst).to_contain_text("Preferent")

    # --- add a debt, and a garnishment, as people write amounts ------------------------------------
    toevoegen = page.get_by_role("region", name="Schuld toevoegen")
    toevoegen.get_by_label("Schuldeiser", exact=True).fill("CJIB")
    toevoegen.get_by_label("Soort schuldeiser").select_option(label="CJIB")
    toevoegen.get_by_label("Kenmerk van de schuldeiser").fill("CJIB-2025-778")
    toevoegen.get_by_label("Bedrag in euro's").fill("1.250,50")
    toevoegen.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text("De schuld bij CJIB is toegevoegd.")

    toevoegen = page.get_by_role("region", name="Schuld toevoegen")
    toevoegen.get_by_label("Schuldeiser", exact=True).fill(DEURWAARDER)
    toevoegen.get_by_label("Soort schuldeiser").select_option(label="Gerechtsdeurwaarder")
    toevoegen.get_by_label("Kenmerk van de schuldeiser").fill("VD-2024-0456")
    toevoegen.get_by_label("Bedrag in euro's").fill("€ 22.705,45")
    toevoegen.get_by_label("Status", exact=True).select_option(label="Beslag")
    toevoegen.get_by_label("Beslag per maand (bij status beslag)").fill("€ 800,-")
    toevoegen.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text(f"De schuld bij {DEURWAARDER} is toegevoegd.")
    # total 1.150,00 + 2.000,00 + 1.250,50 + 22.705,45 = 27.105,95; preferent 2.000,00;
    # concurrent 27.105,95 − 2.000,00 = 25.105,95
    expect(page.locator('[data-totaal="totaal"]')).to_have_text("€ 27.105,95 (4 schulden)")
    expect(page.locator('[data-totaal="preferent"]')).to_have_text("€ 2.000,00")
    expect(page.locator('[data-totaal="concurrent"]')).to_have_text("€ 25.105,95")
    expect(page.get_by_role("table", name="Alle schulden, de oudste eerst").get_by_role(
        "row", name=re.compile(DEURWAARDER))).to_contain_text("(€ 800,00 per maand)")
    assert axe(page) == []

    # --- stabilisation: the beslagvrije voet against what the garnishment leaves -----------------
    onderdelen.get_by_role("link", name="Stabilisatie").click()
    bvv = page.get_by_role("region", name="Beslagvrije voet")
    bvv.get_by_label("Peildatum").fill("01-03-2026")
    bvv.get_by_label("Belastbaar inkomen per jaar").fill("35.000")
    bvv.get_by_label("Netto inkomen per maand").fill("2.300,00")
    bvv.get_by_role("button", name="Berekenen").click()
    bvv = page.get_by_role("region", name="Beslagvrije voet")
    expect(bvv.locator(".vh-toets")).to_contain_text("Het beslag is te hoog")
    cijfers = bvv.get_by_role("table", name="Inkomen, beslag en beslagvrije voet per maand")
    expect(cijfers.get_by_role("row", name=re.compile("^Beslagvrije voet"))).to_contain_text("€ 1.652,09")
    expect(cijfers.get_by_role("row", name=re.compile("^Over na beslag"))).to_contain_text("€ 1.500,00")
    expect(cijfers.get_by_role("row", name=re.compile("^Tekort"))).to_contain_text("€ 152,09")
    assert axe(page) == []
    with page.expect_download() as gedownload:
        bvv.get_by_role("button", name="Brief aan de beslaglegger maken (PDF)").click()
    brief = pdf_tekst(gedownload.value, tmp_path, "beslagvrije-voet.pdf")
    assert DEURWAARDER in brief and "VD-2024-0456" in brief
    for bedrag in ("€ 2.300,00", "€ 800,00", "€ 1.500,00", "€ 1.652,09", "€ 152,09"):
        assert bedrag in brief, bedrag
    assert "475d" in brief  # the legal source of the voet and of the recalculation is in the letter
    assert "16 maart 2026" in brief  # answer within 10 working days

    # --- kennisgevingen to every creditor, their letters as one PDF ---------------------------------
    onderdelen.get_by_role("link", name="Berichten aan schuldeisers").click()
    versturen = page.get_by_role("region", name="Bericht versturen")
    for schuldeiser in ("Woonstichting Vecht", "Belastingdienst", "CJIB", DEURWAARDER):
        versturen.get_by_label(re.compile(f"^{re.escape(schuldeiser)}")).check()
    versturen.get_by_label("Soort bericht").select_option(label="Kennisgeving")
    versturen.get_by_label("Hoe verstuurt u het?").select_option(label="Brief")
    expect(versturen.get_by_label("Reactietermijn in werkdagen")).to_have_value("10")
    versturen.get_by_role("button", name="Vastleggen als verstuurd").click()
    expect(page.get_by_role("status").first).to_contain_text("4 berichten vastgelegd")
    assert Bericht.objects.filter(traject=traject, soort=Berichtsoort.KENNISGEVING,
                                  antwoord_uiterlijk=dt.date(2026, 3, 16)).count() == 4
    assert axe(page) == []
    for vinkje in page.get_by_label("Kennisgeving van 2 maart 2026 in de PDF").all():
        vinkje.check()
    with page.expect_download() as gedownload:
        page.get_by_role("button", name="Gekozen brieven als één PDF").click()
    kennisgevingen = pdf_tekst(gedownload.value, tmp_path, "kennisgevingen.pdf")
    for schuldeiser, bedrag in [("Woonstichting Vecht", "€ 1.150,00"), ("Belastingdienst", "€ 2.000,00"),
                                ("CJIB", "€ 1.250,50"), (DEURWAARDER, "€ 22.705,45")]:
        assert schuldeiser in kennisgevingen and bedrag in kennisgevingen, schuldeiser

    # the landlord phones the same day: the balance is 1.200,00 (one more month of arrears)
    page.goto(f"/schuldhulp/{traject.pk}/berichten/")
    bij_verhuurder = page.get_by_role("table", name="Berichten aan Woonstichting Vecht")
    bij_verhuurder.get_by_text("Reactie vastleggen").click()
    bij_verhuurder.get_by_label("Reactie", exact=True).select_option(label="Saldo opgegeven")
    bij_verhuurder.get_by_label("Saldo in euro's").fill("€ 1.200,-")
    bij_verhuurder.get_by_role("button", name="Reactie opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("De reactie is vastgelegd.")
    assert Schuld.objects.get(traject=traject, schuldeiser__naam="Woonstichting Vecht").saldo == Decimal("1200.00")

    # --- the term passes: on Tuesday 17 March the daily job records the reminders ------------------
    reis.move_to(DINSDAG_17_MAART)
    call_command("schuldhulp_herinneringen")
    # unanswered and past 16 March: Belastingdienst, CJIB, and the bailiff's kennisgeving and
    # recalculation request (both sent 2 March) → 4 reminders, for 3 creditors
    assert Bericht.objects.filter(traject=traject, soort=Berichtsoort.HERINNERING,
                                  verzonden_op=dt.date(2026, 3, 17), antwoord_uiterlijk=dt.date(2026, 3, 31)).count() == 4
    inloggen(consulent.username)  # a new working day: the session of 2 March has ended
    page.goto("/schuldhulp/")
    rij = page.locator(f'tr[data-traject="{traject.pk}"]')
    expect(rij).to_contain_text("3 schuldeisers te laat")
    assert axe(page) == []
    page.goto("/schuldhulp/berichten/te-laat/")
    for schuldeiser in ("Belastingdienst", "CJIB", DEURWAARDER):
        te_laat = page.get_by_role("table", name=f"Te laat: {schuldeiser}")
        expect(te_laat).to_contain_text("16 maart 2026")  # the last day of the term
        expect(te_laat).to_contain_text("17 maart 2026")  # the reminder
    expect(page.get_by_role("table", name="Te laat: Woonstichting Vecht")).to_have_count(0)
    assert axe(page) == []
    page.goto(f"/schuldhulp/{traject.pk}/berichten/")
    bij_cjib = page.get_by_role("table", name="Berichten aan CJIB")
    expect(bij_cjib.get_by_role("row", name=re.compile("Kennisgeving"))).to_contain_text("1 dag te laat")
    expect(bij_cjib.get_by_role("row", name=re.compile("Herinnering"))).to_contain_text("dinsdag 31 maart 2026")

    # --- the 18-month offer and the letters to the creditors -----------------------------------------
    onderdelen.get_by_role("link", name="Schuldregeling").click()
    vtlb = page.locator(f'form[action="/schuldhulp/{traject.pk}/regeling/vtlb/"]')
    vtlb.get_by_label("Peildatum").fill("01-03-2026")
    vtlb.get_by_label("Netto inkomen per maand (€)").fill("2.300,00")
    vtlb.get_by_label("Belastbaar inkomen per jaar (€)").fill("35.000")
    vtlb.get_by_role("button", name="Berekenen").click()
    expect(page.locator('[data-afloscapaciteit]')).to_contain_text("€ 647,91 per maand")
    page.get_by_label("Soort regeling").select_option(label="Schuldregeling (18 maanden aflossen)")
    page.get_by_role("button", name="Voorstel maken").click()
    expect(page.locator("[data-pool]")).to_have_attribute("data-pool", "11662.38")
    aanbod = page.get_by_role("table", name="Aanbod per schuldeiser")
    for schuldeiser, schuld, bedrag, procent in [
            ("Woonstichting Vecht", "1200.00", "480.00", "40,00%"), ("Belastingdienst", "2000.00", "1600.00", "80,00%"),
            ("CJIB", "1250.50", "500.20", "40,00%"), (DEURWAARDER, "22705.45", "9082.18", "40,00%")]:
        regel = aanbod.get_by_role("row", name=re.compile(f"^{re.escape(schuldeiser)}"))
        expect(regel.locator("[data-bedrag]")).to_have_attribute("data-bedrag", bedrag)
        expect(regel).to_contain_text(procent)
    expect(page.locator("[data-totaal-aanbod]")).to_have_attribute("data-totaal-aanbod", "11662.38")
    assert axe(page) == []

    page.get_by_label("Hoe verstuurt u het?").select_option(label="Brief")
    with page.expect_download() as gedownload:
        page.get_by_role("button", name="Versturen en brieven maken").click()
    brieven = pdf_tekst(gedownload.value, tmp_path, "voorstel.pdf")
    voorstel = Voorstel.objects.get(traject=traject, status="verzonden")
    assert voorstel.regels.count() == 4
    assert {"€ 480,00", "€ 1.600,00", "€ 500,20", "€ 9.082,18", "€ 11.662,38", "€ 647,91"} <= set(
        re.findall(r"€ [\d.]+,\d\d", brieven))
    assert "40,00%" in brieven and "80,00%" in brieven and "18" in brieven
    for schuldeiser in ("Woonstichting Vecht", "Belastingdienst", "CJIB", DEURWAARDER):
        assert brieven.count(schuldeiser) >= 2, schuldeiser  # its own letter and the appendix with the offer
    # each creditor's letter names its own offer: the letter to CJIB offers 500,20 on 1.250,50
    assert re.search(r"€ 500,20.{0,200}€ 1.250,50|€ 1.250,50.{0,200}€ 500,20", brieven)
    assert Bericht.objects.filter(traject=traject, soort=Berichtsoort.BETALINGSVOORSTEL,
                                  verzonden_op=dt.date(2026, 3, 17)).count() == 4
