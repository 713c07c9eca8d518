"""Foundation in a real browser: login per role, Dutch errors, keyboard-only use, axe-core."""

import re

import pytest
from playwright.sync_api import expect

from vroeghulp.personen.tests.factories import InwonerFactory

HOMES = {
    "consulent": "Mijn werkvoorraad",
    "teamleider": "Overzicht van het team",
    "analist": "Cijfers en monitor",
    "beheerder": "Beheer",
}


@pytest.mark.parametrize("rol", list(HOMES))
def test_each_role_logs_in_to_its_own_home(request, page, inloggen, rol):
    gebruiker = request.getfixturevalue(rol)
    inloggen(gebruiker.username)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(HOMES[rol])
    expect(page.get_by_role("banner")).to_contain_text(gebruiker.get_rol_display())
    # htmx and our script load from our own server under the strict CSP.
    assert page.evaluate("() => typeof htmx") == "object"


def test_wrong_password_shows_a_dutch_error(page, inloggen, consulent):
    inloggen(consulent.username, "verkeerd-wachtwoord")
    expect(page).to_have_url(re.compile(r"/accounts/inloggen/$"))
    expect(page.get_by_role("alert")).to_contain_text("Gebruikersnaam of wachtwoord klopt niet")
    expect(page.get_by_role("alert")).to_be_focused()  # keyboard users start at what went wrong


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, text: (e.innerText || e.value || '').trim(),
                name: e.getAttribute('name'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                visible: e.getBoundingClientRect().width > 0}; }"""
    )


def tab_until(page, predicate, limit=30) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        assert current["outline"] != "none" and current["width"] >= 2, f"geen zichtbare focus op {current}"
        if predicate(current):
            return current
    raise AssertionError("met Tab niet gevonden")


def test_keyboard_only_walk(page, live_server, teamleider):
    page.goto("/accounts/inloggen/")
    # First Tab: the skip link, visible when focused; Enter moves focus to the main content.
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Direct naar de inhoud" and first["visible"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "inhoud"
    # Then the form, by keyboard only.
    tab_until(page, lambda f: f["name"] == "username")
    page.keyboard.type(teamleider.username)
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "password"
    page.keyboard.type("correct-paard-batterij-niet")
    tab_until(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Inloggen")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht van het team")
    # Through the navigation to the logout button.
    tab_until(page, lambda f: f["tag"] == "A" and f["text"] == "Start")
    tab_until(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Uitloggen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/inloggen/$"))
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/inloggen/\?next=/$"))


def test_accessibility_of_login_and_error(page, axe, inloggen, consulent):
    page.goto("/accounts/inloggen/")
    assert axe(page) == []
    inloggen(consulent.username, "verkeerd-wachtwoord")
    assert axe(page) == []


@pytest.mark.parametrize("rol", list(HOMES))
def test_accessibility_of_each_home(request, page, axe, inloggen, rol):
    inloggen(request.getfixturevalue(rol).username)
    expect(page.get_by_role("heading", level=1)).to_have_text(HOMES[rol])
    assert axe(page) == []


def test_person_page_shows_household_and_is_accessible(page, axe, inloggen, consulent, inwoner_overvecht):
    partner = InwonerFactory(huishouden=inwoner_overvecht.huishouden, voornamen="Piet", achternaam="Visser",
                             rol="partner")
    inloggen(consulent.username)
    page.goto(f"/personen/{inwoner_overvecht.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(inwoner_overvecht.naam)
    expect(page.get_by_text("Zambesidreef")).to_be_visible()
    expect(page.get_by_role("link", name=partner.naam)).to_be_visible()
    assert inwoner_overvecht.bsn not in page.url
    assert axe(page) == []


def test_audit_page_is_accessible(page, axe, inloggen, beheerder, consulent, inwoner_overvecht):
    inloggen(consulent.username)
    page.goto(f"/personen/{inwoner_overvecht.pk}/")
    page.context.clear_cookies()
    inloggen(beheerder.username)
    page.goto("/audit/")
    expect(page.get_by_role("table")).to_contain_text(consulent.username)
    assert axe(page) == []
    page.get_by_label("Vanaf (dd-mm-jjjj)").fill("31-31-2026")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("alert")).to_contain_text("Vanaf (dd-mm-jjjj)")
    assert axe(page) == []


def test_refused_person_page_is_dutch_and_accessible(page, axe, inloggen, consulent, inwoner_zuid):
    inloggen(consulent.username)
    response = page.goto(f"/personen/{inwoner_zuid.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    expect(page.locator("body")).not_to_contain_text(inwoner_zuid.achternaam)
    assert axe(page) == []


def test_two_factor_login_with_an_authenticator_code(page, axe, inloggen, settings, consulent):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.VROEGHULP_2FA_VERPLICHT = True
    inloggen(consulent.username)
    expect(page).to_have_url(re.compile(r"/accounts/tweestaps/$"))
    expect(page.get_by_role("img", name="QR-code om uw authenticator-app te koppelen")).to_be_visible()
    assert axe(page) == []
    device = TOTPDevice.objects.get(user=consulent)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werkvoorraad")


def test_lockout_page_is_dutch_and_accessible(page, axe, inloggen, consulent):
    for _ in range(5):
        inloggen(consulent.username, "verkeerd-wachtwoord")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account tijdelijk geblokkeerd")
    assert axe(page) == []
    page.context.clear_cookies()
    inloggen("t.overvecht-bestaat-niet", "x")  # another account is not blocked by this one
    expect(page.get_by_role("alert")).to_contain_text("Gebruikersnaam of wachtwoord klopt niet")


def test_not_found_page_is_dutch_and_accessible(page, axe, inloggen, teamleider):
    inloggen(teamleider.username)
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    assert axe(page) == []


def test_keyboard_only_search_in_the_audit_trail(page, inloggen, beheerder, consulent, inwoner_overvecht):
    from vroeghulp.audit import services as audit

    audit.log_read(consulent, inwoner_overvecht, doel="Vroegsignalering", persoon_id=inwoner_overvecht.pk)
    inloggen(beheerder.username)
    tab_until(page, lambda f: f["tag"] == "A" and f["text"] == "Audittrail")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audittrail")
    tab_until(page, lambda f: f["name"] == "gebruiker")
    page.keyboard.type("iemand-anders")
    tab_until(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Zoeken")
    page.keyboard.press("Enter")
    expect(page.get_by_role("table")).to_contain_text("0 gebeurtenissen")
    tab_until(page, lambda f: f["name"] == "gebruiker")
    page.keyboard.press("Control+A")
    page.keyboard.type(consulent.username)
    page.keyboard.press("Enter")  # Enter in a field submits the form
    expect(page.get_by_role("table")).to_contain_text("1 gebeurtenis")
    expect(page.get_by_role("table")).to_contain_text("Vroegsignalering")
