"""Invalid requests give one Dutch reason per wrong field; dates outside the rules give a clear error."""

import copy

import pytest

from vroeghulp.regels.service import InvoerFout, PeildatumBuitenBereik, bereken


def _fouten(verzoek, **kwargs):
    with pytest.raises(InvoerFout) as fout:
        bereken(verzoek, **kwargs)
    return {p["name"]: p["reason"] for p in fout.value.invalid_params}


def _met(basis, pad, waarde):
    verzoek = copy.deepcopy(basis)
    doel = verzoek
    for stap in pad[:-1]:
        doel = doel[stap]
    doel[pad[-1]] = waarde
    return verzoek


def test_ongeldige_geboortedatum(contracts_verzoek):
    fouten = _fouten(_met(contracts_verzoek, ["huishouden", "personen", 0, "geboortedatum"], "1990-02-30"))
    assert "huishouden.personen[0].geboortedatum" in fouten


def test_geboortedatum_na_peildatum(contracts_verzoek):
    fouten = _fouten(_met(contracts_verzoek, ["huishouden", "personen", 2, "geboortedatum"], "2026-05-01"))
    assert fouten["huishouden.personen[2].geboortedatum"] == "De geboortedatum ligt na de peildatum."


def test_negatief_bedrag_en_tekst(contracts_verzoek):
    verzoek = _met(contracts_verzoek, ["huishouden", "personen", 0, "toetsingsinkomen"], -1)
    verzoek = _met(verzoek, ["huishouden", "vermogen"], "veel")
    fouten = _fouten(verzoek)
    assert set(fouten) == {"huishouden.personen[0].toetsingsinkomen", "huishouden.vermogen"}


def test_geen_aanvrager(contracts_verzoek):
    fouten = _fouten(_met(contracts_verzoek, ["huishouden", "personen", 0, "rol"], "medebewoner"))
    assert fouten["huishouden.personen"] == "Er moet precies één aanvrager zijn."


def test_twee_partners(contracts_verzoek):
    verzoek = copy.deepcopy(contracts_verzoek)
    verzoek["huishouden"]["personen"].append({"rol": "partner", "geboortedatum": "1980-01-01"})
    assert _fouten(verzoek)["huishouden.personen"] == "Er mag maximaal één partner zijn."


def test_onbekende_rol_en_regeling(contracts_verzoek):
    verzoek = _met(contracts_verzoek, ["huishouden", "personen", 2, "rol"], "oma")
    verzoek["regelingen"] = ["zorgtoeslag", "kinderbijslag"]
    fouten = _fouten(verzoek)
    assert "huishouden.personen[2].rol" in fouten and "regelingen[1]" in fouten


def test_verzekerd_moet_ja_nee_zijn(contracts_verzoek):
    fouten = _fouten(_met(contracts_verzoek, ["huishouden", "personen", 0, "verzekerd"], "ja"))
    assert "huishouden.personen[0].verzekerd" in fouten


def test_kostendelers_minstens_een(contracts_verzoek):
    assert "huishouden.kostendelers" in _fouten(_met(contracts_verzoek, ["huishouden", "kostendelers"], 0))


def test_geen_huishouden():
    assert "huishouden" in _fouten({"peildatum": "2026-01-01"})


def test_peildatum_geen_datum(contracts_verzoek):
    assert "peildatum" in _fouten(contracts_verzoek, peildatum="1-1-2026")


@pytest.mark.parametrize("datum", ["2023-12-31", "2027-01-01"])
def test_peildatum_buiten_bereik(contracts_verzoek, datum):
    with pytest.raises(PeildatumBuitenBereik, match="rekenregels gelden van 01-01-2024 tot en met 31-12-2026"):
        bereken(contracts_verzoek, peildatum=datum)
