"""The beheerder's overview of staff, teams and API clients."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.models import ApiClient, ApiToken

pytestmark = pytest.mark.django_db


def test_beheerder_sees_staff_teams_and_api_clients(client, beheerder, consulent):
    TOTPDevice.objects.create(user=consulent, name="Authenticator", confirmed=True)
    ApiClient.objects.create(naam="CBS", scopes=["ddas"])
    client.force_login(beheerder)
    page = client.get("/accounts/gebruikers/").content.decode()
    assert "c.overvecht" in page and "Wijkteam Overvecht" in page and "Overvecht" in page
    assert "Ingesteld" in page and "Nog niet ingesteld" in page
    assert "CBS" in page and "ddas" in page


@pytest.mark.parametrize("rol", ["consulent", "teamleider", "analist"])
def test_other_roles_are_refused(request, client, rol):
    client.force_login(request.getfixturevalue(rol))
    assert client.get("/accounts/gebruikers/").status_code == 403


def test_api_tokens_are_stored_only_as_hash(db):
    client = ApiClient.objects.create(naam="Energie Noord", scopes=["signalen:aanleveren"])
    token, waarde = ApiToken.nieuw(client)
    assert waarde not in (token.sleutel_hash, token.prefix) and len(token.sleutel_hash) == 64
    assert ApiToken.zoek(waarde) == token
    assert ApiToken.zoek(waarde + "x") is None
    client.actief = False
    client.save()
    assert ApiToken.zoek(waarde) is None
