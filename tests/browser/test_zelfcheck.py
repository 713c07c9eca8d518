"""The zelfcheck in Chromium on a phone: a single parent with two children and a low income.

The expected amounts come from ``vroeghulp bereken`` (the CLI, in a separate process) for the same
household, and one of them is worked out by hand from the law below. The same flow runs with
JavaScript disabled; axe finds no serious or critical issue on any screen.
"""

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from playwright.sync_api import expect

TELEFOON = {"width": 390, "height": 844}  # a common phone, CSS pixels
LEEFTIJD, KINDEREN, HUUR, NETTO, BRUTO = 35, (4, 9), 650, 1150, 1300


def _peildatum() -> date:
    # the check computes with today's rules, within the years the rules know (2024-2026)
    return min(date.today(), date(2026, 12, 31))


def _huishouden() -> dict:
    """The same household as a request for `vroeghulp bereken` (docs/interfaces.md section 3).

    Birth dates: any date that gives these ages on the peildatum (none is near 12, 16 or 18);
    income as the check reads it (docs/zelfcheck.md): per month × 12 plus 8% vakantiegeld, so the
    toetsingsinkomen is 1.300 × 12 × 1,08 = 16.848 and the net monthly income 1.150 × 1,08 = 1.242.
    """
    peil = _peildatum()
    return {
        "peildatum": peil.isoformat(),
        "huishouden": {
            "personen": [
                {"rol": "aanvrager", "geboortedatum": f"{peil.year - LEEFTIJD - 1}-12-31", "verzekerd": True,
                 "toetsingsinkomen": 16848, "netto_inkomen_per_maand": 1242},
                *({"rol": "kind", "geboortedatum": f"{peil.year - k - 1}-12-31"} for k in KINDEREN),
            ],
            "vermogen": 0,
            "woning": {"soort": "huur", "kale_huur_per_maand": HUUR, "servicekosten_per_maand": 0},
            "kostendelers": 1,
        },
        "regelingen": ["zorgtoeslag", "huurtoeslag", "kindgebonden_budget"],
    }


def _cli() -> dict:
    omgeving = {**os.environ, "VROEGHULP_OMGEVING": "test"}
    uit = subprocess.run([sys.executable, "-m", "vroeghulp", "bereken", "-"], input=json.dumps(_huishouden()),
                         capture_output=True, text=True, env=omgeving, check=True, timeout=120)
    return json.loads(uit.stdout)["uitkomsten"]


def _euro(bedrag) -> str:
    return "€ " + f"{int(bedrag):,}".replace(",", ".")


@pytest.fixture
def telefoon(browser, live_server):
    """A phone-sized page; ``telefoon(js=False)`` without JavaScript. Console errors, CSP
    violations and missing assets fail the test, as with the shared ``page`` fixture."""
    contexten, fouten = [], []

    def maak(js: bool = True):
        context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=TELEFOON,
                                      is_mobile=True, has_touch=True, java_script_enabled=js)
        context.set_default_timeout(15_000)
        contexten.append(context)
        page = context.new_page()
        page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: fouten.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("request", lambda r: fouten.append(f"andere host: {r.url}")
                if not r.url.startswith(live_server.url) else None)
        return page

    yield maak
    for context in contexten:
        context.close()
    assert not fouten, fouten


def _doorloop(page, controle=None):
    """Answer every question as a resident would, by the visible labels."""
    stappen = [
        lambda: page.get_by_label("Nee").check(),
        lambda: page.get_by_label("Hoe oud bent u?").fill(str(LEEFTIJD)),
        lambda: (page.get_by_label("Ja").check(), page.get_by_label("Hoe oud zijn de kinderen?").fill("4 en 9")),
        lambda: page.get_by_label("Ik huur een huis of kamer").check(),
        lambda: page.get_by_label("Hoeveel kale huur betaalt u per maand?").fill("€ 650,-"),
        lambda: (page.get_by_label("Netto: wat u op uw bankrekening krijgt").fill("1.150"),
                 page.get_by_label("Bruto: het bedrag vóór belasting (als u het weet)").fill("1300,00")),
        lambda: page.get_by_label("Hoeveel spaargeld heeft u (samen met uw partner)?").fill("0"),
        lambda: page.get_by_label("Nee").check(),
        lambda: page.get_by_label("In welke wijk woont u?").select_option(label="Overvecht"),
    ]
    page.goto("/zelfcheck/")
    if controle:
        controle(page)
    page.get_by_role("button", name="Begin de check").click()
    for nummer, stap in enumerate(stappen, start=1):
        expect(page.get_by_text(f"Vraag {nummer} van ")).to_be_visible()
        if controle:
            controle(page)
        stap()
        page.get_by_role("button", name="Bekijk de uitkomst" if nummer == len(stappen) else "Volgende").click()
    expect(page.get_by_role("heading", name="Uw uitkomst", level=1)).to_be_visible()
    if controle:
        controle(page)


def _controleer_bedragen(page):
    verwacht = _cli()
    for naam, titel in (("kindgebonden_budget", "Kindgebonden budget"), ("zorgtoeslag", "Zorgtoeslag"),
                        ("huurtoeslag", "Huurtoeslag")):
        uitkomst = verwacht[naam]
        assert uitkomst["recht"], (naam, uitkomst)
        blok = page.locator("section", has=page.get_by_role("heading", name=titel, exact=True))
        expect(blok.locator(".zc-bedrag")).to_contain_text(f"{_euro(uitkomst['per_maand'])} per maand")
        # the explanation: the calculation's own conclusion and source, and all its steps
        expect(blok).to_contain_text(uitkomst["toelichting"][-1])
        expect(blok).to_contain_text(uitkomst["bronnen"][0]["titel"])
        for stap in uitkomst["toelichting"]:
            assert stap in blok.inner_text() or stap in blok.locator("details").text_content()
    # By hand, from the law: kindgebonden budget 2026 (Wet op het kindgebonden budget art. 2, text
    # valid 2026-01-01): € 2.580 per child, no age supplement (4 and 9 are under 12), plus the
    # alleenstaande-ouderkop € 3.416: 2 × 2.580 + 3.416 = € 8.576 a year. Toetsingsinkomen € 16.848
    # is below the drempel of € 29.736 (art. 2 lid 6: no afbouw). Awir art. 14: rounded to whole
    # euros € 8.576; per month ⌊8.576 / 12⌋ = ⌊714,67⌋ = € 714.
    assert verwacht["kindgebonden_budget"]["per_maand"] == 714
    expect(page.locator("section", has=page.get_by_role("heading", name="Kindgebonden budget", exact=True))
           ).to_contain_text("€ 714 per maand")


def test_single_parent_sees_the_amounts_of_vroeghulp_bereken(telefoon, axe, wijk_overvecht):
    page = telefoon()
    _doorloop(page, controle=lambda p: (None if axe(p) == [] else pytest.fail(f"axe: {axe(p)}")))
    _controleer_bedragen(page)
    # the page fits the phone: no horizontal scrolling (WCAG 1.4.10)
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]
    # the help request screen
    page.get_by_role("button", name="Ik wil hulp").click()
    expect(page.get_by_role("heading", name="Wat gebeurt er met uw gegevens?")).to_be_visible()
    assert axe(page) == []


def test_the_same_flow_without_javascript(telefoon, wijk_overvecht):
    page = telefoon(js=False)
    _doorloop(page)
    _controleer_bedragen(page)
    # the "what if" form and the back button work without JavaScript too
    page.get_by_label("Hoeveel bruto per maand meer?").fill("2000")
    page.get_by_role("button", name="Reken opnieuw").click()
    expect(page.get_by_text("U verdient € 2.000,00 bruto per maand meer")).to_be_visible()
    cookies = page.context.cookies()
    assert {c["name"] for c in cookies} == {"csrftoken"}
