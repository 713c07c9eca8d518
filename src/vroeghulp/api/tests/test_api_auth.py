"""Token and session on the API (issue 10 point 2), with Django's CSRF check switched on.

Django's test client skips CSRF unless ``enforce_csrf_checks=True``; every test here turns it on,
because the bug was a CSRF check that ran before the token was looked at.
"""

import json

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.api.berekeningen import VOORBEELD

URL = "/api/v1/berekeningen"
OPERATIES = [  # every API operation: (method, path, body)
    ("post", URL, VOORBEELD),
    ("post", "/api/v1/signalen", {"signalen": [{"ID": "X"}]}),
    ("get", "/api/v1/signalen/status?sinds=2026-01-01", None),
    ("get", "/api/v1/signalen/X/status", None),
]


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def berekeningen_token(db):
    client = ApiClient.objects.create(naam="Zelfcheck-portaal", scopes=[Scope.BEREKENINGEN])
    return ApiToken.nieuw(client)[1]


def _post(client, body=VOORBEELD, **headers):
    return client.post(URL, data=json.dumps(body), content_type="application/json", headers=headers)


def _csrf_cookie(client) -> str:
    """A CSRF token as the browser has it: the cookie Django sets on a page with a form."""
    client.get("/", follow=True)  # without a second factor: the login step's form sets it
    return client.cookies["csrftoken"].value


def test_token_client_calculates_without_csrf(csrf_client, berekeningen_token):
    response = _post(csrf_client, Authorization=f"Bearer {berekeningen_token}")
    assert response.status_code == 200, response.content
    # the example request of docs/interfaces.md section 3: zorgtoeslag 1.243,51 per year (worked out in test_berekeningen_api)
    assert response.json()["uitkomsten"]["zorgtoeslag"]["per_jaar"] == 1243.51


def test_token_counts_alone_even_with_a_session(csrf_client, consulent):
    # A logged-in browser that also sends a (wrong) token is judged on the token: 401, not CSRF.
    csrf_client.force_login(consulent)
    response = _post(csrf_client, Authorization="Bearer onzin")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_anonymous_gets_401_problem_json_with_www_authenticate(csrf_client, db):
    response = _post(csrf_client)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["status"] == 401 and body["title"] == "Niet geautoriseerd"
    assert "CSRF" not in response.content.decode()


def test_session_without_csrf_token_is_refused_in_dutch(csrf_client, consulent):
    csrf_client.force_login(consulent)
    response = _post(csrf_client)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "csrf"
    assert response.json()["title"] == "Formulier verlopen"


def test_session_with_csrf_token_calculates(csrf_client, consulent):
    csrf_client.force_login(consulent)
    token = _csrf_cookie(csrf_client)
    response = _post(csrf_client, **{"X-CSRFToken": token})
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(("methode", "pad", "body"), OPERATIES)
def test_session_without_second_factor_gets_nothing_from_any_operation(
    csrf_client, consulent, settings, methode, pad, body
):
    settings.VROEGHULP_2FA_VERPLICHT = True
    TOTPDevice.objects.create(user=consulent, name="telefoon", confirmed=True)
    csrf_client.force_login(consulent)  # logged in with a password only: not verified
    token = _csrf_cookie(csrf_client)
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body else {}
    response = getattr(csrf_client, methode)(pad, headers={"X-CSRFToken": token}, **kwargs)
    assert response.status_code in (401, 403), response.content
    assert response["Content-Type"] == "application/problem+json"


def test_session_without_second_factor_is_told_why(csrf_client, consulent, settings):
    settings.VROEGHULP_2FA_VERPLICHT = True
    csrf_client.force_login(consulent)
    response = _post(csrf_client, **{"X-CSRFToken": _csrf_cookie(csrf_client)})
    assert response.status_code == 403
    assert response.json()["code"] == "tweestaps"
