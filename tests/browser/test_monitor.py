"""The analist opens the monitor's funnel, switches wijk and month, downloads the CSV: the chart,
the table and the CSV show the same numbers; axe finds no serious or critical issue; and no
personal data of the test residents is on the pages."""

import re
from datetime import date

from playwright.sync_api import expect

from vroeghulp.gebieden.tests.factories import BuurtFactory, WijkFactory
from vroeghulp.monitor.bijwerken import bijwerken
from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory
from vroeghulp.signalering.models import PartnerType
from vroeghulp.zaken.models import Contactpoging
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory


def _vul():
    """Two wijken; cases matched in February and March 2025, most picked up, some contacted."""
    partner = SignaalpartnerFactory(code="energie", type=PartnerType.ENERGIE)
    wijken = {}
    for i, (naam, per_maand) in enumerate((("Noordwest", {2: 6, 3: 9}), ("Oost", {2: 11, 3: 14}))):
        wijk = WijkFactory(code=f"WK03448{i}", naam=naam, focusgebied=i == 0)
        buurt = BuurtFactory(wijk=wijk, code=f"BU034488{i}0", naam=f"{naam} Centrum")
        for maand, aantal in per_maand.items():
            for n in range(aantal):
                inwoner = InwonerFactory(huishouden=HuishoudenFactory(adres=AdresFactory(buurt=buurt)))
                dag = date(2025, maand, 2)
                zaak = ZaakFactory(inwoner=inwoner, matchingsdatum=dag, datum_opgepakt=dag,
                                   datum_afgerond=date(2025, maand, 20), resultaat="Definitief geen contact kunnen krijgen",
                                   status="afgerond")
                SignaalFactory(zaak=zaak, partner=partner, signaaldatum=dag, bsn=inwoner.bsn,
                               achternaam=inwoner.achternaam)
                Contactpoging.objects.create(zaak=zaak, soort="Telefoon", datum=date(2025, maand, 3),
                                             dagdeel="Ochtend", bereikt=n % 2 == 0)
        wijken[naam] = wijk
    bijwerken(alles=True, vandaag=date(2025, 4, 15))
    return wijken


def _tabel(page) -> dict[str, str]:
    rijen = page.locator("#tabel-trechter tbody tr")
    return {rijen.nth(i).locator("th").inner_text(): rijen.nth(i).locator("td").first.inner_text()
            for i in range(rijen.count())}


def _grafiek(page) -> list[str]:
    src = page.get_by_role("img", name=re.compile("Staafdiagram van de trechter")).get_attribute("src")
    svg = page.request.get(src).text()
    return re.findall(r'<desc class="value">([^<]*)</desc>', svg)


def _csv(page) -> dict[str, str]:
    with page.expect_download() as gedownload:
        page.get_by_role("link", name="Trechter als CSV").click()
    tekst = open(gedownload.value.path(), encoding="utf-8-sig").read()
    return dict(r.split(";")[:2] for r in tekst.splitlines()[1:])


HOOFDLIJN = ["Signalen ontvangen", "Vroegsignaalzaken", "Opgepakt", "Contact gelegd", "Hulp aangeboden",
             "Hulp aanvaard", "Schuldhulptraject", "Stabilisatie", "Regeling", "Uitstroom schuldenvrij"]


def _dezelfde(page):
    tabel, csv = _tabel(page), _csv(page)
    assert tabel == csv
    # the chart draws every step of the main line that is shown (zeros too), a hidden one not at all
    assert _grafiek(page) == [tabel[s] for s in HOOFDLIJN if tabel[s] != "x"]
    return tabel


def test_analist_funnel_wijk_month_csv(page, inloggen, axe, analist):
    wijken = _vul()
    inloggen(analist.username)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Monitor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor: van signaal tot schuldenvrij")
    assert axe(page) == []

    page.get_by_label("Periode", exact=True).select_option(label="maart 2025")
    page.get_by_role("button", name="Toon cijfers").click()
    expect(page.get_by_role("heading", name="Trechter, maart 2025")).to_be_visible()
    gemeente = _dezelfde(page)
    # March: 9 + 14 = 23 signals and cases; every case picked up (hand count of _vul)
    assert gemeente["Signalen ontvangen"] == "23" and gemeente["Vroegsignaalzaken"] == "23"
    assert gemeente["Opgepakt"] == "23"
    # reached: even n of 0..8 and 0..13 -> 5 + 7 = 12
    assert gemeente["Contact gelegd"] == "12"

    page.get_by_label("Wijk", exact=True).select_option(label="Oost")
    page.get_by_role("button", name="Toon cijfers").click()
    oost = _dezelfde(page)
    assert oost["Vroegsignaalzaken"] == "14" and oost["Contact gelegd"] == "7"
    expect(page.get_by_role("heading", name="Per buurt")).to_be_visible()
    assert axe(page) == []

    page.get_by_label("Periode", exact=True).select_option(label="februari 2025")
    page.get_by_role("button", name="Toon cijfers").click()
    februari = _dezelfde(page)
    assert februari["Vroegsignaalzaken"] == "11"
    # reached in February in Oost: even n of 0..10 -> 6, but hidden: Noordwest's 3 (even n of
    # 0..5) is hidden, and alone in its column it would be the gemeente's 9 minus Oost's 6
    assert februari["Contact gelegd"] == "x"
    assert februari["Opgepakt"] == "11"
    assert axe(page) == []

    inhoud = page.content()
    for persoon in InwonerFactory._meta.model.objects.all():
        assert persoon.bsn not in inhoud and persoon.achternaam not in inhoud
    assert wijken
