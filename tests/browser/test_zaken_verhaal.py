"""Issue 5 acceptance story in Chromium: a consulent works a crisis case from worklist to result.

Filter the worklist to crisis cases, pick one up, log a failed phone attempt and a successful
house visit (one click on the suggestion), offer help, close with "Vervolghulp en/of verwijzing
financieel"; the partner's status API then says "Opgepakt" and the audit trail shows every read
of the person.
"""

import re

import pytest
from playwright.sync_api import expect

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.signalering import tokens
from vroeghulp.zaken.models import Eindresultaat, Vroegsignaalzaak, Zaakstatus
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


@pytest.fixture
def zaken(inwoner_overvecht, wijk_overvecht):
    crisis = ZaakFactory(inwoner=inwoner_overvecht, crisis=True)
    signaal = SignaalFactory(zaak=crisis, crisissignaal=True, telefoonnummer="0612345678", extern_id="ENERGIE-2026-000123")
    gewoon = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, inwoner__achternaam="Zonderhaast")
    SignaalFactory(zaak=gewoon)
    return crisis, signaal, gewoon


def test_consulent_works_a_crisis_case(page, inloggen, axe, consulent, beheerder, zaken, live_server):
    crisis, signaal, gewoon = zaken
    naam = crisis.inwoner.naam
    inloggen(consulent.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werkvoorraad")

    # the worklist, filtered to crisis cases (htmx swaps the table; the URL follows)
    page.goto("/zaken/")
    expect(page.get_by_role("link", name=naam)).to_be_visible()
    expect(page.get_by_role("link", name=gewoon.inwoner.naam)).to_be_visible()
    page.get_by_label("Crisis", exact=True).select_option("ja")
    expect(page.get_by_role("link", name=gewoon.inwoner.naam)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"crisis=ja"))
    assert axe(page) == []
    page.get_by_role("link", name=naam).click()

    # the case file: pick it up
    expect(page.get_by_role("heading", level=1)).to_have_text(naam)
    assert axe(page) == []
    page.get_by_role("button", name="Oppakken").click()
    expect(page.get_by_role("status")).to_contain_text("opgepakt")

    # a failed phone call in the morning
    poging = page.get_by_role("region", name="Contactpoging vastleggen")
    poging.get_by_label("Hoe zocht u contact?").select_option("Telefoon")
    poging.get_by_label("Ochtend (voor 12 uur)").check()
    poging.get_by_label("Nee").check()
    poging.get_by_label("Korte notitie").fill("Geen gehoor, voicemail ingesproken")
    poging.get_by_role("button", name="Poging vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("niet bereikt")

    # the screen suggests another channel and time of day: a house visit in the evening
    expect(page.get_by_role("heading", name=re.compile("Volgende poging: Huisbezoek, avond"))).to_be_visible()
    page.get_by_role("button", name="Huisbezoek, avond: bereikt").click()
    expect(page.get_by_role("status")).to_contain_text("bereikt")
    expect(page.get_by_text("Contact gelegd").first).to_be_visible()

    # offer help, then close with a DDAS result
    page.get_by_role("button", name="Hulp aangeboden").click()
    expect(page.get_by_role("status")).to_contain_text("Hulp aangeboden")
    page.get_by_label("Resultaat", exact=True).select_option(Eindresultaat.VERVOLGHULP_FINANCIEEL)
    page.get_by_role("button", name="Afronden").click()
    expect(page.get_by_role("status")).to_contain_text("Afgerond")

    crisis = Vroegsignaalzaak.objects.get(pk=crisis.pk)
    assert crisis.status == Zaakstatus.AFGEROND
    assert crisis.resultaat == Eindresultaat.VERVOLGHULP_FINANCIEEL
    assert [(p.soort, p.dagdeel, p.bereikt) for p in crisis.contactpogingen.all()] == [
        ("Telefoon", "Ochtend", False), ("Huisbezoek", "Avond", True)]

    # the partner's status API
    _, token = tokens.nieuwe_token(signaal.partner)
    antwoord = page.request.get(f"{live_server.url}/api/v1/signalen/{signaal.extern_id}/status",
                                headers={"Authorization": f"Bearer {token}"})
    assert antwoord.status == 200
    assert antwoord.json()["status"] == "Opgepakt"
    assert set(antwoord.json()) == {"ID", "status", "datum"}

    # the audit trail: every view of the case file read the person (6 views above)
    reads = AuditEvent.objects.filter(actie=Actie.LEZEN, persoon_id=crisis.inwoner_id,
                                      gebruikersnaam=consulent.username)
    assert reads.count() == 6
    page.get_by_role("button", name="Uitloggen").click()
    inloggen(beheerder.username)
    page.goto(f"/audit/?persoon={crisis.inwoner_id}&actie=lezen")
    rijen = page.locator("tbody tr")
    expect(rijen).to_have_count(6)
    expect(rijen.first).to_contain_text(consulent.username)
