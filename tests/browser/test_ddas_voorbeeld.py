"""The beheerder prepares a DDAS delivery in Chromium: menu, soort and period, the counts, a wrong
period as a form error; axe finds no serious or critical issue; no person on the page."""

from datetime import date

from playwright.sync_api import expect

from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


def test_beheerder_sees_the_counts_of_a_delivery(page, inloggen, axe, beheerder):
    # March 2026: one case with two signals, one with a BSN (hand count: 2 signals, 1 with BSN)
    zaak = ZaakFactory(matchingsdatum=date(2026, 3, 2))
    SignaalFactory(zaak=zaak, signaaldatum=date(2026, 3, 2), bsn="111222333", achternaam="Pietersen")
    SignaalFactory(zaak=zaak, signaaldatum=date(2026, 3, 9), bsn="")
    inloggen(beheerder.username)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Levering aan CBS").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Levering aan het CBS (DDAS)")
    assert axe(page) == []

    page.get_by_label("Soort levering").select_option(label="Vroegsignalering")
    page.get_by_label("Van", exact=True).fill("2026-03-01")
    page.get_by_label("Tot en met", exact=True).fill("2026-03-31")
    page.get_by_role("button", name="Toon de aantallen").click()
    def cellen(naam):
        return page.locator("tr", has=page.get_by_role("rowheader", name=naam, exact=True)).locator("td")

    expect(cellen("Vroegsignalen")).to_have_text(["2"])
    expect(cellen("Vroegsignalen met BSN")).to_have_text(["1"])
    expect(cellen("Vroegsignaalzaken")).to_have_text(["1"])
    expect(page.get_by_text("Over deze periode is nog niets geleverd.")).to_be_visible()
    assert axe(page) == []
    inhoud = page.content()
    assert "111222333" not in inhoud and "Pietersen" not in inhoud

    page.get_by_label("Tot en met", exact=True).fill("2026-02-01")
    page.get_by_role("button", name="Toon de aantallen").click()
    expect(page.get_by_role("alert")).to_contain_text("Tot en met: Deze datum ligt voor de eerste dag.")
    assert axe(page) == []
