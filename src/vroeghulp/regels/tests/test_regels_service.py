"""``bereken`` with the example request of docs/interfaces.md and the response shape."""

from decimal import Decimal

from vroeghulp.regels.service import REGELINGEN, bereken, rekenregels_versie


def test_contracts_voorbeeld_zorgtoeslag(contracts_verzoek):
    # Hand calculation with the 2026 parameters (Wzt art. 2, tekst 2026-01-01; standaardpremie 2.119;
    # drempelinkomen 29.736):
    #   gezamenlijk toetsingsinkomen        26.200 + 7.000 = 33.200
    #   normpremie   4,289% × 29.736        = 1.275,37704
    #              + 13,73% × (33.200 − 29.736 = 3.464) = 475,6072   → 1.750,98424
    #   2 × 2.119 − 1.750,98424             = 2.487,01576
    #   partner niet verzekerd (art. 2 lid 4): 50% = 1.243,50788 → per jaar 1.243,51
    #   per maand 1.243,51 / 12 = 103,63 → 103 (naar beneden)
    zorgtoeslag = bereken(contracts_verzoek)["uitkomsten"]["zorgtoeslag"]
    assert zorgtoeslag["recht"] is True
    assert zorgtoeslag["per_jaar"] == Decimal("1243.51")
    assert zorgtoeslag["per_maand"] == Decimal("103")
    assert zorgtoeslag["toelichting"] and all(isinstance(t, str) for t in zorgtoeslag["toelichting"])
    assert all(set(b) == {"titel", "url"} for b in zorgtoeslag["bronnen"])


def test_antwoord_vorm(contracts_verzoek):
    antwoord = bereken(contracts_verzoek)
    assert set(antwoord) == {"peildatum", "uitkomsten", "rekenregels_versie"}
    assert antwoord["peildatum"] == "2026-01-01"
    assert list(antwoord["uitkomsten"]) == contracts_verzoek["regelingen"]
    assert antwoord["rekenregels_versie"] == rekenregels_versie()
    bijstand = antwoord["uitkomsten"]["bijstandsnorm"]
    assert isinstance(bijstand["per_maand"], Decimal) and isinstance(bijstand["vakantietoeslag_per_maand"], Decimal)


def test_zonder_regelingen_alle_regelingen(contracts_verzoek):
    verzoek = {k: v for k, v in contracts_verzoek.items() if k != "regelingen"}
    assert set(bereken(verzoek)["uitkomsten"]) == set(REGELINGEN)


def test_peildatum_argument_wint(contracts_verzoek):
    antwoord = bereken(contracts_verzoek, peildatum="2025-03-01")
    assert antwoord["peildatum"] == "2025-03-01"


def test_geen_recht_geeft_nul_en_reden():
    verzoek = {"peildatum": "2026-01-01", "regelingen": ["zorgtoeslag"],
               "huishouden": {"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01",
                                            "toetsingsinkomen": 90000}]}}
    zorgtoeslag = bereken(verzoek)["uitkomsten"]["zorgtoeslag"]
    assert zorgtoeslag["recht"] is False and zorgtoeslag["per_jaar"] == 0 and zorgtoeslag["per_maand"] == 0
    assert "inkomen is te hoog" in zorgtoeslag["toelichting"][-1]


def test_registry_bevat_eigen_regelingen():
    assert {"zorgtoeslag", "kindgebonden_budget", "bijstandsnorm"} <= set(REGELINGEN)
    for regeling in REGELINGEN.values():
        assert callable(regeling.uitkomst) and regeling.velden


def test_elke_eigen_uitkomst_legt_uit_en_noemt_de_wet(contracts_verzoek):
    verzoek = dict(contracts_verzoek, regelingen=["zorgtoeslag", "kindgebonden_budget", "bijstandsnorm"])
    for naam, uitkomst in bereken(verzoek)["uitkomsten"].items():
        assert len(uitkomst["toelichting"]) >= 2, naam
        assert all(b["url"].startswith("https://wetten.overheid.nl/BWBR") for b in uitkomst["bronnen"]), naam
