"""Home screen per role, the menu, and Dutch error pages without personal data."""

import pytest

from vroeghulp.common.views import server_error
from vroeghulp.personen.tests.factories import InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("rol", "titel", "tekst"), [
    ("consulent", "Mijn werkvoorraad", "Er staan nog geen zaken voor u klaar"),
    ("teamleider", "Overzicht van het team", "Werkvoorraad van het team"),
    ("analist", "Cijfers en monitor", "nooit gegevens van personen"),
    ("beheerder", "Beheer", "Gebruikers en teams"),
])
def test_each_role_has_its_own_home(request, client, rol, titel, tekst):
    client.force_login(request.getfixturevalue(rol))
    page = client.get("/").content.decode()
    assert f'<h1 class="utrecht-heading-1">{titel}</h1>' in page
    assert tekst in page


def test_consulent_home_names_own_teams_and_wijken(client, consulent):
    client.force_login(consulent)
    assert "Wijkteam Overvecht: Overvecht" in client.get("/").content.decode()


def test_analist_sees_counts_per_wijk_with_small_cells_suppressed(client, analist, inwoner_overvecht, inwoner_zuid):
    for _ in range(5):
        InwonerFactory(huishouden=inwoner_overvecht.huishouden)
    client.force_login(analist)
    response = client.get("/")
    wijken = {w.naam: w.inwoners for w in response.context["wijken"]}
    assert wijken == {"Overvecht": 6, "Zuid": None}
    page = response.content.decode()
    assert "minder dan 5" in page
    assert inwoner_overvecht.achternaam not in page and inwoner_zuid.achternaam not in page


@pytest.mark.parametrize(("rol", "ziet_beheer"), [
    ("beheerder", True), ("consulent", False), ("teamleider", False), ("analist", False),
])
def test_menu_shows_beheer_only_to_the_beheerder(request, client, rol, ziet_beheer):
    client.force_login(request.getfixturevalue(rol))
    page = client.get("/").content.decode()
    assert ('href="/audit/"' in page) is ziet_beheer
    assert ('href="/accounts/gebruikers/"' in page) is ziet_beheer
    assert 'aria-current="page"' in page  # "Start" is marked as the current page


def test_page_has_landmarks_and_skip_link(client, consulent):
    client.force_login(consulent)
    page = client.get("/").content.decode()
    assert page.index('href="#inhoud"') < page.index("<header")
    for landmark in ('<header', '<nav class="utrecht-nav-bar vh-nav" aria-label="Hoofdmenu"', '<main id="inhoud"', '<footer'):
        assert landmark in page
    assert '<html lang="nl"' in page


def test_assets_come_from_our_own_server(client, db):
    page = client.get("/accounts/inloggen/").content.decode()
    assert "http://" not in page.replace('xmlns="http://www.w3.org', "") and "https://" not in page
    assert "<script>" not in page and "style=" not in page


def test_strict_csp_header(client, db):
    csp = client.get("/accounts/inloggen/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_not_found_page_is_dutch(client, consulent):
    client.force_login(consulent)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_server_error_page_is_dutch_and_shows_no_details(rf, db):
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser
    request.user = AnonymousUser()
    response = server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging iets mis" in page and "Traceback" not in page


def test_csrf_failure_page_is_dutch(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/accounts/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()


def test_unknown_api_address_answers_problem_json(client, db):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Niet gevonden"


def test_api_server_error_answers_problem_json(rf):
    response = server_error(rf.get("/api/v1/berekeningen"))
    assert response.status_code == 500
    assert response.headers["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("rol", ["consulent", "teamleider", "analist", "beheerder"])
def test_every_menu_item_opens_for_the_role_that_sees_it(request, client, rol):
    from vroeghulp.common.menu import menu_for

    user = request.getfixturevalue(rol)
    client.force_login(user)
    fake = type("R", (), {"user": user, "path": "/"})()
    for item in menu_for(fake):
        assert client.get(item["url"]).status_code == 200, (rol, item["url"])


def test_ketenpartner_home_and_menu(client, db):
    from vroeghulp.accounts.models import Rol
    from vroeghulp.accounts.tests.factories import GebruikerFactory

    from vroeghulp.signalering.tests.factories import SignaalpartnerFactory

    huisarts = SignaalpartnerFactory(code="huisarts-test", naam="Huisartsenpraktijk", informeel=True)
    client.force_login(GebruikerFactory(rol=Rol.KETENPARTNER, signaalpartner=huisarts))
    response = client.get("/")
    assert response.status_code == 200
    assert "Warme overdracht" in response.content.decode()
    for item in response.context["MENU"]:
        assert client.get(item["url"]).status_code == 200, item["url"]
