"""POST /api/v1/berekeningen: contract example, auth, and problem+json for bad input."""

import copy
import json

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.api.berekeningen import VOORBEELD

URL = "/api/v1/berekeningen"


@pytest.fixture
def token(db):
    client = ApiClient.objects.create(naam="Zelfcheck-portaal", scopes=[Scope.BEREKENINGEN])
    return ApiToken.nieuw(client)[1]


def post(client, body, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **headers)


def test_contract_example_gives_the_contract_zorgtoeslag(client, token):
    # docs/interfaces.md section 3: a partner who is not insured gets half. By hand with the 2026 figures
    # (standaardpremie 2.119, drempelinkomen 29.736, 4,289% / 13,730%), toetsingsinkomen 33.200:
    # normpremie = 0,04289 * 29.736 + 0,1373 * (33.200 - 29.736) = 1.275,377 + 475,607 = 1.750,984;
    # zorgtoeslag = 2 * 2.119 - 1.750,984 = 2.487,016; half for the uninsured partner (art. 2 lid 4)
    # = 1.243,508 -> 1.243,51 in cents as the Dienst Toeslagen shows it; per month 103,63 -> 103.
    response = post(client, VOORBEELD, token)
    assert response.status_code == 200, response.content
    zorgtoeslag = response.json()["uitkomsten"]["zorgtoeslag"]
    assert zorgtoeslag["recht"] is True
    assert zorgtoeslag["per_jaar"] == 1243.51
    assert zorgtoeslag["per_maand"] == 103
    assert zorgtoeslag["bronnen"] and zorgtoeslag["toelichting"]
    assert b'"per_jaar": 1243.51' in response.content  # a JSON number, not a string


def test_staff_session_may_calculate(client, consulent):
    client.force_login(consulent)
    assert post(client, VOORBEELD).status_code == 200


def test_anonymous_or_wrong_scope_is_refused_with_problem_json(client, db):
    response = post(client, VOORBEELD)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    other = ApiClient.objects.create(naam="Energiebedrijf", scopes=[Scope.SIGNALEN_AANLEVEREN])
    assert post(client, VOORBEELD, ApiToken.nieuw(other)[1]).status_code == 401


def test_invalid_field_is_named_in_invalid_params(client, token):
    body = copy.deepcopy(VOORBEELD)
    body["huishouden"]["personen"][0]["geboortedatum"] = "31-02-1990"
    response = post(client, body, token)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = [p["name"] for p in response.json()["invalid_params"]]
    assert names == ["huishouden.personen[0].geboortedatum"]


def test_not_json_is_refused(client, token):
    response = post(client, "{niet: json", token)
    assert response.status_code == 400
    assert response.json()["title"] == "Ongeldige JSON"


def test_peildatum_outside_known_years_is_422(client, token):
    body = copy.deepcopy(VOORBEELD)
    body["peildatum"] = "2019-01-01"
    response = post(client, body, token)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_openapi_lists_every_regeling():
    from vroeghulp.api.berekeningen import REGELINGEN
    from vroeghulp.regels.service import REGELINGEN as IN_DE_REGELS

    assert list(REGELINGEN) == list(IN_DE_REGELS)
