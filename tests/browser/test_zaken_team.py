"""The team lead sees overdue cases stand out, assigns work in bulk; the home screens are accessible."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from vroeghulp.zaken.models import Vroegsignaalzaak
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


def test_team_lead_sees_overdue_and_assigns(page, inloggen, axe, teamleider, consulent, wijk_overvecht):
    oud = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, inwoner__achternaam="Telaat",
                      matchingsdatum=timezone.localdate() - datetime.timedelta(days=45))
    SignaalFactory(zaak=oud)
    vers = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, inwoner__achternaam="Optijd")
    SignaalFactory(zaak=vers)

    inloggen(teamleider.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht van het team")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Team", exact=True)).to_have_count(1)
    assert axe(page) == []
    page.get_by_role("link", name="Overzicht van het team: werk per medewerker").click()
    rij = page.locator("tbody tr", has_text="Telaat")
    expect(rij).to_contain_text("Te laat")
    expect(page.locator("tbody tr", has_text="Optijd")).to_have_count(0)
    assert axe(page) == []

    # worklist: overdue first and marked; assign both to the consulent in one go
    page.goto("/zaken/")
    eerste = page.locator("tbody tr").first
    expect(eerste).to_contain_text("Telaat")
    expect(eerste).to_contain_text("Te laat")
    page.get_by_label(f"Kies zaak {oud.pk}").check()
    page.get_by_label(f"Kies zaak {vers.pk}").check()
    page.get_by_label("Toewijzen aan", exact=True).select_option(str(consulent.pk))
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("2 zaken toegewezen")
    assert set(Vroegsignaalzaak.objects.values_list("toegewezen_aan", flat=True)) == {consulent.pk}

    page.get_by_role("button", name="Uitloggen").click()
    inloggen(consulent.username)
    expect(page.get_by_role("link", name="2 op mijn naam")).to_be_visible()
    # the team overview is the teamleider's: no menu item for a consulent, and the page is refused
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Team", exact=True)).to_have_count(0)
    # "Eerst doen" is loaded by htmx from the audited worklist
    expect(page.locator("#werkvoorraad-kop ~ div tbody tr")).to_have_count(2)
    assert axe(page) == []
    assert page.goto("/zaken/team/").status == 403
