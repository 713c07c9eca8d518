"""Bad input for the settlement offer: the command line (exit 2, the problem object on stdout, a
Dutch line on stderr) and POST /api/v1/schuldhulp/aanbod (400 problem+json) name the same fields.
Auth as for the other calculations: scope `berekeningen` or a staff session."""

import io
import json
import subprocess
import sys

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.cli import main as vroeghulp

URL = "/api/v1/schuldhulp/aanbod"
GOED = {"afloscapaciteit_per_maand": 150.00, "looptijd_maanden": 18,
        "schulden": [{"id": "cjib-1", "schuldeiser": "CJIB", "bedrag": 1200.00, "preferent": True},
                     {"id": "huur-1", "schuldeiser": "Woonstichting", "bedrag": 2400.00, "preferent": False}]}


def met(**velden):
    return {**GOED, **velden}


def schuld(**velden):
    return met(schulden=[{"id": "a", "bedrag": 100, **velden}])


# (request, the fields the refusal must name); every reason must be Dutch (checked below)
SLECHT = [
    (met(afloscapaciteit_per_maand=-1), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand="150,00"), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand="1e3"), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand=True), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand=None), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand=10**40), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand=1e300), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand=0.001), ["afloscapaciteit_per_maand"]),
    (met(afloscapaciteit_per_maand=[150]), ["afloscapaciteit_per_maand"]),
    ({k: v for k, v in GOED.items() if k != "afloscapaciteit_per_maand"}, ["afloscapaciteit_per_maand"]),
    (met(looptijd_maanden=0), ["looptijd_maanden"]),
    (met(looptijd_maanden=61), ["looptijd_maanden"]),
    (met(looptijd_maanden=18.5), ["looptijd_maanden"]),
    (met(looptijd_maanden="18"), ["looptijd_maanden"]),
    (met(looptijd_maanden=True), ["looptijd_maanden"]),
    (met(schulden=[]), ["schulden"]),
    (met(schulden={"id": "a"}), ["schulden"]),
    (met(schulden=[{"id": "a", "bedrag": 1}] * 1001), ["schulden"]),
    (met(schulden=["a"]), ["schulden[0]"]),
    (schuld(bedrag=-5), ["schulden[0].bedrag"]),
    (schuld(bedrag=0), ["schulden[0].bedrag"]),
    (schuld(bedrag="0.00"), ["schulden[0].bedrag"]),
    (schuld(bedrag="12.345"), ["schulden[0].bedrag"]),
    (schuld(bedrag="twaalf"), ["schulden[0].bedrag"]),
    (schuld(bedrag="12\n"), ["schulden[0].bedrag"]),
    (schuld(bedrag="١٢"), ["schulden[0].bedrag"]),  # Arabic-Indic digits are no amount here
    (schuld(bedrag=1_000_000_000.01), ["schulden[0].bedrag"]),
    (schuld(preferent="ja"), ["schulden[0].preferent"]),
    (schuld(id=""), ["schulden[0].id"]),
    (schuld(id="   "), ["schulden[0].id"]),
    (schuld(id=7), ["schulden[0].id"]),
    (schuld(id="x" * 101), ["schulden[0].id"]),
    (schuld(id="a\udfffb"), ["schulden[0].id"]),
    (schuld(id="a\x00b"), ["schulden[0].id"]),
    (schuld(schuldeiser=None), ["schulden[0].schuldeiser"]),
    (schuld(schuldeiser="\ud800"), ["schulden[0].schuldeiser"]),
    (schuld(rente=3), ["schulden[0].rente"]),
    (met(looptijd=12), ["looptijd"]),
    (met(schulden=[{"id": "a", "bedrag": 1}, {"id": "b", "bedrag": 2}, {"id": "a", "bedrag": "x"}]),
     ["schulden[2].id", "schulden[2].bedrag"]),
    (met(schulden=[{"bedrag": 1}, {"id": "a"}]), ["schulden[0].id", "schulden[1].bedrag"]),
]
ENGELS = ("should", "must", "invalid", "field", "required", "value")


def _json(body) -> str:
    return json.dumps(body, ensure_ascii=True)  # lone surrogates as escapes, as a client sends them


def cli(tekst: str, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(tekst.encode("utf-8"))))
    with pytest.raises(SystemExit) as einde:
        vroeghulp(["schuldhulp", "aanbod", "-"])
        raise SystemExit(0)
    uit = capsys.readouterr()
    return einde.value.code, uit.out, uit.err


@pytest.mark.parametrize(("body", "velden"), SLECHT)
def test_cli_refuses_with_exit_2_naming_the_field(body, velden, capsys, monkeypatch):
    code, uit, fout = cli(_json(body), capsys, monkeypatch)
    assert code == 2
    probleem = json.loads(uit)
    assert [p["name"] for p in probleem["invalid_params"]] == velden
    assert probleem["title"] == "Ongeldige invoer"
    for p in probleem["invalid_params"]:
        assert not any(woord in p["reason"].lower() for woord in ENGELS), p["reason"]
    assert fout.startswith("Ongeldige invoer:") and velden[0] in fout


@pytest.fixture
def token(db):
    client = ApiClient.objects.create(naam="Schuldhulpportaal", scopes=[Scope.BEREKENINGEN])
    return ApiToken.nieuw(client)[1]


def post(client, data, token=None, content_type="application/json"):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(URL, data=data, content_type=content_type, **headers)


@pytest.mark.parametrize(("body", "velden"), SLECHT)
def test_api_refuses_with_400_problem_json_naming_the_field(body, velden, client, token):
    response = post(client, _json(body), token)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalid_params"]] == velden


def test_cli_and_api_give_the_contract_answer(client, token, capsys, monkeypatch):
    # hand calculation in test_aanbod_voorbeelden: CJIB capped at 1200, huur 1500 = 62.5%
    verwacht = {
        "pool": "2700.00", "totaal_schulden": "3600.00", "percentage_concurrent": "62.50",
        "percentage_preferent": "100.00",
        "aanbod": [{"id": "cjib-1", "bedrag": "1200.00", "percentage": "100.00", "preferent": True},
                   {"id": "huur-1", "bedrag": "1500.00", "percentage": "62.50", "preferent": False}],
        "totaal_aanbod": "2700.00", "volledig_betaald": False,
    }
    response = post(client, json.dumps(GOED), token)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == verwacht
    code, uit, _fout = cli(json.dumps(GOED), capsys, monkeypatch)
    assert code == 0 and json.loads(uit) == verwacht


def test_amounts_as_strings_and_the_default_looptijd_of_18_months(client, token):
    # no looptijd: 18 months, 100.50 x 18 = 1809.00 over one claim of 2000.00 = 90.45%
    body = {"afloscapaciteit_per_maand": "100.50", "schulden": [{"id": "x", "bedrag": "2000.00"}]}
    antwoord = post(client, json.dumps(body), token).json()
    assert (antwoord["pool"], antwoord["aanbod"][0]["bedrag"], antwoord["aanbod"][0]["percentage"]) == (
        "1809.00", "1809.00", "90.45")


def test_not_json_nan_and_a_list_are_refused(client, token):
    assert post(client, "{niet: json", token).json()["code"] == "geen_json"
    assert post(client, '{"afloscapaciteit_per_maand": NaN, "schulden": []}', token).json()["code"] == "geen_json"
    assert post(client, "[1, 2]", token).json()["code"] == "json_vorm"
    assert post(client, "a=1", token, content_type="text/plain").status_code == 415


def test_cli_refuses_unreadable_input_with_exit_2(capsys, monkeypatch, tmp_path):
    code, uit, fout = cli('{"afloscapaciteit_per_maand": NaN}', capsys, monkeypatch)
    assert code == 2 and json.loads(uit)["title"] == "Ongeldige JSON"
    code, uit, _ = cli("{niet", capsys, monkeypatch)
    assert code == 2 and "geen geldige JSON" in json.loads(uit)["detail"]
    with pytest.raises(SystemExit) as einde:
        vroeghulp(["schuldhulp", "aanbod", str(tmp_path / "bestaat-niet.json")])
    assert einde.value.code == 2
    assert "het bestand bestaat niet" in capsys.readouterr().err
    bestand = tmp_path / "utf16.json"
    bestand.write_bytes(json.dumps(GOED).encode("utf-16"))
    with pytest.raises(SystemExit) as einde:
        vroeghulp(["schuldhulp", "aanbod", str(bestand)])
    assert einde.value.code == 2 and "UTF-8" in capsys.readouterr().err


def test_anonymous_and_wrong_scope_get_401_and_staff_may_use_a_session(client, consulent, db):
    assert post(client, json.dumps(GOED)).status_code == 401
    ander = ApiClient.objects.create(naam="Energiebedrijf", scopes=[Scope.SIGNALEN_AANLEVEREN])
    assert post(client, json.dumps(GOED), ApiToken.nieuw(ander)[1]).status_code == 401
    client.force_login(consulent)
    assert post(client, json.dumps(GOED)).status_code == 200


def test_the_console_script_exits_0_and_2(tmp_path):
    # the real process, as a user runs it: exit codes come from the console script itself
    bestand = tmp_path / "verzoek.json"
    bestand.write_text(json.dumps(GOED), encoding="utf-8")
    omgeving = {"VROEGHULP_OMGEVING": "test", "PATH": "/usr/bin:/bin"}
    goed = subprocess.run([sys.executable, "-m", "vroeghulp", "schuldhulp", "aanbod", str(bestand)],
                          capture_output=True, env=omgeving, timeout=120)
    assert goed.returncode == 0, goed.stderr
    assert json.loads(goed.stdout)["totaal_aanbod"] == "2700.00"
    fout = subprocess.run([sys.executable, "-m", "vroeghulp", "schuldhulp", "aanbod", "-"],
                          input=b'{"schulden": []}', capture_output=True, env=omgeving, timeout=120)
    assert fout.returncode == 2
    assert "afloscapaciteit_per_maand" in fout.stderr.decode("utf-8")
