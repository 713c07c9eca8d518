"""Warm handover in Chromium: a GP practice hands over with consent; the case tops the worklist."""

import pytest
from playwright.sync_api import expect

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory
from vroeghulp.gebieden.models import Postcode
from vroeghulp.signalering.models import PartnerType, Signaalpartner, Vroegsignaal
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


@pytest.fixture
def praktijk(inwoner_overvecht):
    Postcode.objects.create(postcode="3561AB", buurt=inwoner_overvecht.huishouden.adres.buurt)
    partner = Signaalpartner.objects.create(code="huisarts", naam="Huisartsenpraktijk Overvecht",
                                            type=PartnerType.OVERIGE, informeel=True)
    return GebruikerFactory(username="praktijk", rol=Rol.KETENPARTNER, signaalpartner=partner)


def test_warm_handover_goes_to_the_top(page, inloggen, axe, praktijk, consulent, wijk_overvecht):
    eerder = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, crisis=True)
    SignaalFactory(zaak=eerder)
    inloggen(praktijk.username)
    page.goto("/zaken/warme-overdracht/")
    assert axe(page) == []
    # without consent nothing is passed on
    page.get_by_label("Voorletters").fill("B.")
    page.get_by_label("Achternaam").fill("Vertrouwen")
    page.get_by_label("Postcode").fill("3561 AB")
    page.get_by_label("Huisnummer").fill("9")
    page.get_by_label("Telefoonnummer van de inwoner").fill("0612345678")
    page.get_by_label("Hoe hoog is de achterstand ongeveer? (€)").fill("600")
    page.get_by_role("button", name="Doorgeven aan het wijkteam").click()
    expect(page.get_by_text("Zonder toestemming van de inwoner mag u dit niet doorgeven.")).to_be_visible()
    assert not Vroegsignaal.objects.filter(partner__code="huisarts").exists()
    page.get_by_label("De inwoner weet dat ik dit doorgeef").check()
    page.get_by_role("button", name="Doorgeven aan het wijkteam").click()
    expect(page.get_by_role("status")).to_contain_text("Dank u wel")
    signaal = Vroegsignaal.objects.get(partner__code="huisarts")
    expect(page.get_by_role("cell", name=signaal.extern_id)).to_be_visible()
    expect(page.get_by_role("cell", name="Nog niet opgepakt", exact=False)).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    inloggen(consulent.username)
    page.goto("/zaken/")
    eerste = page.locator("tbody tr").first
    expect(eerste).to_contain_text("Warme overdracht")
    expect(eerste).to_contain_text("Vertrouwen")
    expect(eerste).to_contain_text("Oppakken")
