"""API clients are separate from staff: a hashed bearer token, scopes per action."""

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.api.auth import TokenAuth

pytestmark = pytest.mark.django_db


@pytest.fixture
def cbs():
    client = ApiClient.objects.create(naam="CBS", scopes=[Scope.DDAS_LEVERING])
    token, waarde = ApiToken.nieuw(client)
    return client, token, waarde


def test_token_with_the_scope_identifies_the_client(rf, cbs):
    client, token, waarde = cbs
    request = rf.get("/ddas/v1/gegevens")
    assert TokenAuth(Scope.DDAS_LEVERING).authenticate(request, waarde) == client
    assert request.api_client == client
    token.refresh_from_db()
    assert token.laatst_gebruikt is not None


def test_token_without_the_scope_is_refused(rf, cbs):
    _, _, waarde = cbs
    assert TokenAuth(Scope.SIGNALEN_AANLEVEREN).authenticate(rf.get("/"), waarde) is None


def test_revoked_or_unknown_token_is_refused(rf, cbs):
    _, token, waarde = cbs
    assert TokenAuth(Scope.DDAS_LEVERING).authenticate(rf.get("/"), "vh_onbekend") is None
    token.ingetrokken = token.aangemaakt
    token.save()
    assert TokenAuth(Scope.DDAS_LEVERING).authenticate(rf.get("/"), waarde) is None


def test_a_token_cannot_log_in_to_the_staff_screens(client, cbs):
    _, _, waarde = cbs
    response = client.get("/", headers={"Authorization": f"Bearer {waarde}"})
    assert response.status_code == 302 and "/accounts/inloggen/" in response.headers["Location"]
