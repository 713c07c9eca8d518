"""``vroeghulp bereken``: JSON in, JSON out; invalid input prints a problem object and exits 2."""

import io
import json

from vroeghulp.regels.cli import main


def _draai(argv, invoer=""):
    uit = io.StringIO()
    code = main(argv, stdin=io.StringIO(invoer), stdout=uit, stderr=io.StringIO())
    return code, uit.getvalue()


def test_leest_stdin_en_schrijft_bedragen_met_twee_decimalen(contracts_verzoek):
    code, uit = _draai(["bereken", "-"], json.dumps(contracts_verzoek))
    assert code == 0
    assert '"per_jaar": 1243.51' in uit and '"per_maand": 103.00' in uit
    assert json.loads(uit)["uitkomsten"]["zorgtoeslag"]["per_maand"] == 103


def test_leest_bestand(tmp_path, contracts_verzoek):
    bestand = tmp_path / "situatie.json"
    bestand.write_text(json.dumps(contracts_verzoek), encoding="utf-8")
    code, uit = _draai([str(bestand)])
    assert code == 0 and json.loads(uit)["peildatum"] == "2026-01-01"


def test_ongeldige_invoer_geeft_probleem_en_code_2():
    verzoek = {"huishouden": {"personen": [{"rol": "aanvrager", "geboortedatum": "morgen"}]}}
    code, uit = _draai(["-"], json.dumps(verzoek))
    probleem = json.loads(uit)
    assert code == 2 and probleem["status"] == 400
    assert probleem["invalid_params"][0]["name"] == "huishouden.personen[0].geboortedatum"


def test_geen_json_en_datum_buiten_bereik():
    assert _draai(["-"], "{niet json")[0] == 2
    verzoek = {"peildatum": "2030-01-01", "huishouden": {"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01"}]}}
    code, uit = _draai(["-"], json.dumps(verzoek))
    assert code == 2 and json.loads(uit)["status"] == 422
