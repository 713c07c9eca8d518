"""Login, logout, lockout after repeated failures (django-axes) and TOTP two-factor login."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.tests.factories import GebruikerFactory

PASSWORD = "correct-paard-batterij-niet"
LOGIN = "/accounts/inloggen/"


@pytest.fixture
def medewerker(db):
    return GebruikerFactory(username="j.devries")


def test_login_with_correct_password_reaches_home(client, medewerker):
    response = client.post(LOGIN, {"username": "j.devries", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_gives_a_dutch_error(client, medewerker):
    response = client.post(LOGIN, {"username": "j.devries", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def test_empty_fields_are_named_in_dutch(client, db):
    page = client.post(LOGIN, {"username": "", "password": ""}).content.decode()
    assert 'aria-describedby="id_username-fout"' in page
    assert 'id="id_username-fout"' in page
    assert "Dit veld is verplicht" in page


def test_logout_only_by_post(client, medewerker):
    client.force_login(medewerker)
    assert client.get("/accounts/uitloggen/").status_code == 405
    assert client.post("/accounts/uitloggen/").headers["Location"] == LOGIN
    assert client.get("/").status_code == 302


def test_five_failures_lock_the_account_with_a_dutch_page(client, medewerker):
    for _ in range(4):
        assert client.post(LOGIN, {"username": "j.devries", "password": "fout"}).status_code == 200
    locked = client.post(LOGIN, {"username": "j.devries", "password": "fout"})
    assert locked.status_code == 429
    assert "Account tijdelijk geblokkeerd" in locked.content.decode()
    # Even the right password does not get in while locked.
    again = client.post(LOGIN, {"username": "j.devries", "password": PASSWORD})
    assert again.status_code == 429
    assert client.get("/").status_code == 302


def test_lockout_of_one_account_does_not_block_another(client, medewerker):
    GebruikerFactory(username="p.bakker")
    for _ in range(5):
        client.post(LOGIN, {"username": "j.devries", "password": "fout"})
    assert client.post(LOGIN, {"username": "p.bakker", "password": PASSWORD}).status_code == 302


# --- Two-factor login (TOTP), required for staff in production --------------------------------


@pytest.fixture
def tweestaps(settings):
    settings.VROEGHULP_2FA_VERPLICHT = True


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_without_second_factor_staff_is_sent_to_tweestaps(client, medewerker, tweestaps):
    client.force_login(medewerker)
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/tweestaps/"
    for path in ("/audit/", "/personen/1/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"] == f"/accounts/tweestaps/?next={path.replace('/', '%2F')}", path


def test_first_visit_sets_up_an_authenticator_with_a_qr_code(client, medewerker, tweestaps):
    client.force_login(medewerker)
    page = client.get("/accounts/tweestaps/").content.decode()
    assert "Scan deze code met uw authenticator-app" in page
    assert 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=medewerker)
    assert device.confirmed is False
    # The same secret as text for who cannot scan.
    import base64
    assert base64.b32encode(device.bin_key).decode().rstrip("=")[:4] in page
    assert "utrecht-nav-list__link" not in page  # no menu before the second factor, only logout
    assert "Uitloggen" in page


def test_valid_code_confirms_the_device_and_opens_the_app(client, medewerker, tweestaps):
    client.force_login(medewerker)
    client.get("/accounts/tweestaps/")
    device = TOTPDevice.objects.get(user=medewerker)
    response = client.post("/accounts/tweestaps/", {"code": current_code(device)})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200


def test_after_the_code_the_page_asked_for_opens(client, medewerker, tweestaps):
    device = TOTPDevice.objects.create(user=medewerker, name="Authenticator", confirmed=True)
    client.force_login(medewerker)
    response = client.post("/accounts/tweestaps/", {"code": current_code(device), "next": "/accounts/gebruikers/"})
    assert response.headers["Location"] == "/accounts/gebruikers/"


def test_next_page_elsewhere_is_ignored(client, medewerker, tweestaps):
    device = TOTPDevice.objects.create(user=medewerker, name="Authenticator", confirmed=True)
    client.force_login(medewerker)
    response = client.post("/accounts/tweestaps/", {"code": current_code(device), "next": "https://kwaad.example/"})
    assert response.headers["Location"] == "/"


def test_wrong_code_is_refused_in_dutch(client, medewerker, tweestaps):
    device = TOTPDevice.objects.create(user=medewerker, name="Authenticator", confirmed=True)
    client.force_login(medewerker)
    wrong = f"{(int(current_code(device)) + 1) % 1000000:06d}"
    response = client.post("/accounts/tweestaps/", {"code": wrong})
    assert response.status_code == 200
    assert "Deze code klopt niet of is verlopen" in response.content.decode()
    assert client.get("/").headers["Location"] == "/accounts/tweestaps/"


def test_code_must_be_six_digits(client, medewerker, tweestaps):
    client.force_login(medewerker)
    page = client.post("/accounts/tweestaps/", {"code": "12ab"}).content.decode()
    assert "id_code-fout" in page


def test_confirmed_device_asks_only_for_the_code(client, medewerker, tweestaps):
    TOTPDevice.objects.create(user=medewerker, name="Authenticator", confirmed=True)
    client.force_login(medewerker)
    page = client.get("/accounts/tweestaps/").content.decode()
    assert "Vul de code van 6 cijfers" in page and "data:image/svg" not in page
