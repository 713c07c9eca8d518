"""No input reaches a 500 (issue 10 points 3, 5 and 6): numbers out of range, Unicode oddities,
bodies the contract does not allow, odd Hosts and methods. Each answer is a Dutch problem+json."""

import copy
import json

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.api.berekeningen import VOORBEELD
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory

BEREKENINGEN = "/api/v1/berekeningen"
SIGNALEN = "/api/v1/signalen"
ENGELS = ("recursion", "codec", "decode", "Traceback", "Error", "Field required", "Input should")


@pytest.fixture
def tokens(db):
    partner = SignaalpartnerFactory(code="energie")
    aanleveraar = ApiClient.objects.create(
        naam="Energie", signaalpartner=partner, scopes=[Scope.SIGNALEN_AANLEVEREN, Scope.SIGNALEN_STATUS])
    rekenaar = ApiClient.objects.create(naam="Portaal", scopes=[Scope.BEREKENINGEN])
    return {
        SIGNALEN: {"Authorization": f"Bearer {ApiToken.nieuw(aanleveraar)[1]}"},
        BEREKENINGEN: {"Authorization": f"Bearer {ApiToken.nieuw(rekenaar)[1]}"},
    }


@pytest.fixture
def intake_instellingen(settings, monkeypatch):
    """Postcodes of the demo municipality; matching (run after the answer) is not under test here."""
    from vroeghulp.signalering.intake import opslag

    settings.VROEGHULP_POSTCODES_PC4 = "3451-3455,3511-3585"
    monkeypatch.setattr(opslag, "roep_matching_aan", lambda ids: None)


def _probleem(response, status) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    tekst = response.content.decode("utf-8")
    assert not any(woord in tekst for woord in ENGELS), tekst
    body = json.loads(tekst)
    assert body["status"] == status and body["title"]
    return body


def _post(client, pad, data, headers, content_type="application/json"):
    return client.post(pad, data=data, content_type=content_type, headers=headers)


@pytest.mark.parametrize("veld", ["toetsingsinkomen", "netto_inkomen_per_maand"])
@pytest.mark.parametrize("waarde", [1e30, 10**30, "1e30", 1e308])
def test_huge_amount_is_400_naming_the_field(client, tokens, veld, waarde):
    body = copy.deepcopy(VOORBEELD)
    body["huishouden"]["personen"][0][veld] = waarde
    probleem = _probleem(_post(client, BEREKENINGEN, json.dumps(body), tokens[BEREKENINGEN]), 400)
    assert probleem["invalid_params"] == [{
        "name": f"huishouden.personen[0].{veld}",
        "reason": "Het bedrag is te groot: vul hoogstens 1.000.000.000 euro in."}]


@pytest.mark.parametrize(("pad", "waarde", "naam"), [
    (("woning", "kale_huur_per_maand"), 1e30, "huishouden.woning.kale_huur_per_maand"),
    (("kostendelers",), 10**30, "huishouden.kostendelers"),
    (("vtlb_nominale_correcties",), "veel", "huishouden.vtlb_nominale_correcties"),
    (("woning_soort",), "kasteel", None),  # a name the rules fill themselves is ignored, not used
])
def test_other_fields_out_of_range_are_400(client, tokens, pad, waarde, naam):
    body = copy.deepcopy(VOORBEELD)
    doel = body["huishouden"]
    for deel in pad[:-1]:
        doel = doel[deel]
    doel[pad[-1]] = waarde
    response = _post(client, BEREKENINGEN, json.dumps(body), tokens[BEREKENINGEN])
    if naam is None:
        assert response.status_code == 200
    else:
        assert [p["name"] for p in _probleem(response, 400)["invalid_params"]] == [naam]


DIEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("pad", [BEREKENINGEN, SIGNALEN])
@pytest.mark.parametrize(("data", "content_type", "status", "code"), [
    (DIEP, "application/json", 400, "te_diep"),
    (b'{"signalen": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json", 400, "te_diep"),
    (b'{"a": "\xff\xfe"}', "application/json", 400, "geen_utf8"),
    ('{"signalen": []}'.encode("utf-16"), "application/json", 400, "geen_utf8"),
    ('{"signalen": []}'.encode("utf-16-le"), "application/json", 400, "geen_json"),  # valid UTF-8 with NULs
    (b'{"signalen": []}', "text/plain", 415, "content_type"),
    (b'{"signalen": []}', "application/json; charset=utf-16", 415, "content_type"),
    (b'{"signalen": []}', "application/x-www-form-urlencoded", 415, "content_type"),
    (b'[{"ID": "1"}]', "application/json", 400, "json_vorm"),
    (b'"tekst"', "application/json", 400, "json_vorm"),
    (b"12", "application/json", 400, "json_vorm"),
    (b'{"a": NaN}', "application/json", 400, "geen_json"),
    (b'{"a": ' + b"1" * 5000 + b"}", "application/json", 400, "geen_json"),
])
def test_bodies_the_contract_does_not_allow(client, tokens, pad, data, content_type, status, code):
    probleem = _probleem(_post(client, pad, data, tokens[pad], content_type=content_type), status)
    assert probleem["code"] == code
    assert not Vroegsignaal.objects.exists()


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8",
                                          "Application/JSON;charset=UTF-8"])
def test_allowed_content_types(client, tokens, content_type):
    assert _post(client, BEREKENINGEN, json.dumps(VOORBEELD), tokens[BEREKENINGEN], content_type).status_code == 200


@pytest.mark.parametrize("tekst", ["\udfff", "A\ud800B", "\x00", "\ufffe", "\uffff", "\U0010ffff"])
def test_unicode_oddities_in_a_signal_never_give_500(client, tokens, tekst, intake_instellingen):
    signalen = [
        {"ID": f"SURR{tekst}", "bedrag": 412, "signaaldatum": "2026-01-10",
         "client": {"burgerservicenummer": "123456782", "achternaam": f"Dijk{tekst}"}},
        {"ID": "GOED-1", "bedrag": 412, "signaaldatum": "2026-01-10",
         "client": {"postcode": "3563 AB", "huisnummer": "1", "achternaam": f"A{tekst}"}},
    ]
    # json.dumps writes a lone surrogate as the escape "\udfff", as a partner system would send it
    response = _post(client, SIGNALEN, json.dumps({"signalen": signalen}), tokens[SIGNALEN])
    assert response.status_code == 200, response.content
    antwoord = json.loads(response.content.decode("utf-8"))  # valid UTF-8, valid JSON
    assert antwoord["ontvangen"] == 2
    # what is reported is what is stored
    assert antwoord["geaccepteerd"] + antwoord["dubbel"] == Vroegsignaal.objects.count() <= 2


@pytest.mark.parametrize("tekst", ["\udfff", "\x00", "\ufffe"])
def test_unicode_oddities_in_a_calculation(client, tokens, tekst):
    body = copy.deepcopy(VOORBEELD)
    body["regelingen"] = [f"zorg{tekst}"]
    body["huishouden"]["personen"][0]["rol"] = f"aanvrager{tekst}"
    probleem = _probleem(_post(client, BEREKENINGEN, json.dumps(body), tokens[BEREKENINGEN]), 400)
    assert {p["name"] for p in probleem["invalid_params"]} >= {"regelingen[0]", "huishouden.personen[0].rol"}


@pytest.mark.parametrize("pad", [
    "/api/v1/signalen/a%00b/status", "/api/v1/signalen/%00/status", "/api/v1/signalen/" + "x" * 101 + "/status",
    "/api/v1/signalen/a%0Ab/status", "/api/v1/signalen/%ED%BF%BF/status",
])
def test_odd_signal_id_in_the_path_is_404(client, tokens, pad):
    _probleem(client.get(pad, headers=tokens[SIGNALEN]), 404)


@pytest.mark.parametrize("query", ["sinds=2026-01-01%00", "sinds=2026-01-01&na=2026-01-01_1%00",
                                   "sinds=2026-01-01&na=2026-01-01_" + "9" * 30, "sinds=2026-01-01&na=%00",
                                   "sinds=99999-01-01", "sinds=2026-02-30"])
def test_odd_status_query_is_400(client, tokens, query):
    _probleem(client.get(f"/api/v1/signalen/status?{query}", headers=tokens[SIGNALEN]), 400)


@pytest.mark.parametrize("pad", [BEREKENINGEN, SIGNALEN, "/api/v1/signalen/X/status", "/api/v1/signalen/status"])
@pytest.mark.parametrize("methode", ["PUT", "DELETE", "PATCH", "TRACE"])
def test_odd_methods_are_405_with_allow(client, tokens, pad, methode):
    response = client.generic(methode, pad, headers=tokens[SIGNALEN])
    _probleem(response, 405)
    assert response["Allow"] in ("POST", "GET")


@pytest.mark.parametrize("pad", ["/api/v1/signalen/status", "/", "/accounts/inloggen/", "/zaken/"])
def test_host_not_allowed_is_400(client, db, pad):
    response = client.get(pad, headers={"Host": "aanvaller.example"})
    assert response.status_code == 400
    if pad.startswith("/api/"):
        _probleem(response, 400)
    else:
        assert "Ongeldig verzoek" in response.content.decode()


def test_unexpected_error_is_a_dutch_500_without_python_text(client, tokens, monkeypatch):
    from vroeghulp.regels import service

    def kapot(*args, **kwargs):
        raise RuntimeError("geheime interne tekst")

    monkeypatch.setattr(service, "bereken", kapot)
    response = _post(client, BEREKENINGEN, json.dumps(VOORBEELD), tokens[BEREKENINGEN])
    body = _probleem(response, 500)
    assert "geheime" not in response.content.decode() and body["title"] == "Er ging iets mis"
