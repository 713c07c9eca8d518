"""``vroeghulp bereken``: JSON in, JSON out; invalid input prints a problem object and exits 2."""

import io
import json
import subprocess
import sys

import pytest

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


def _draai_bytes(argv, invoer: bytes):
    """As from a shell: bytes on stdin; returns (exit code, stdout, stderr)."""
    klaar = subprocess.run([sys.executable, "-m", "vroeghulp.regels.cli", *argv], input=invoer,
                           capture_output=True, timeout=120)
    return klaar.returncode, klaar.stdout.decode("utf-8"), klaar.stderr.decode("utf-8")



@pytest.mark.parametrize(("invoer", "titel"), [
    (b"\xff\xfe{", "Ongeldige tekens"),
    ('{"huishouden": {}}'.encode("utf-16"), "Ongeldige tekens"),
    (b"[" * 100_000 + b"]" * 100_000, "Ongeldige JSON"),
    (b'{"a": NaN}', "Ongeldige JSON"),
    (b'{"a": ' + b"1" * 5000 + b"}", "Ongeldige JSON"),
    (b'{"huishouden": {"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01", '
     b'"toetsingsinkomen": 1e30}]}, "regelingen": ["\\udfff"]}', "Ongeldige invoer"),
])
def test_slechte_invoer_geeft_nederlandse_melding_en_code_2_zonder_traceback(invoer, titel):
    code, uit, fout = _draai_bytes(["-"], invoer)
    assert code == 2
    assert json.loads(uit)["title"] == titel
    assert fout.startswith(titel) and "Traceback" not in fout and "Error" not in fout


def test_te_groot_bedrag_noemt_het_veld():
    verzoek = {"huishouden": {"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01",
                                            "toetsingsinkomen": 1e30}]}}
    code, uit = _draai(["-"], json.dumps(verzoek))
    assert code == 2
    assert json.loads(uit)["invalid_params"] == [{"name": "huishouden.personen[0].toetsingsinkomen",
                                                  "reason": "Het bedrag is te groot: vul hoogstens 1.000.000.000 euro in."}]


def test_bestand_dat_niet_bestaat(tmp_path):
    code, uit = _draai([str(tmp_path / "weg.json")])
    assert code == 2 and "bestaat niet" in json.loads(uit)["detail"]
