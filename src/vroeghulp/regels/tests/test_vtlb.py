"""Vtlb and afloscapaciteit: YAML scenarios (hand calculations) and the uitkomst."""

from decimal import Decimal
from pathlib import Path

from openfisca_core.periods import period
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tools.test_runner import run_tests

from vroeghulp.regels.system import systeem
from vroeghulp.regels.uitkomsten.vtlb import REGELING

SCENARIOS = Path(__file__).parent / "scenarios" / "vtlb"


def test_scenarios():
    # OpenFisca-format files; the contract_*.yaml files run through bereken in test_regels_scenarios.py.
    bestanden = [str(p) for p in sorted(SCENARIOS.glob("*.yaml")) if not p.name.startswith("contract_")]
    assert bestanden
    assert run_tests(systeem(), bestanden) == 0


def test_looptijd_is_18_maanden_vanaf_juli_2023():
    # Fw art. 349a lid 1 (anderhalf jaar) for regelingen from 1-7-2023.
    assert systeem().parameters("2026-01-01").vtlb.looptijd_maanden == 18


def test_uitkomst_volgens_contract():
    situatie = {
        "personen": {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2026": 35000},
                           "netto_inkomen_per_maand": {"2026-03": 2300}}},
        "huishoudens": {"h": {"aanvragers": ["a"]}},
    }
    sim = SimulationBuilder().build_from_entities(systeem(), situatie)
    uitkomst = REGELING.uitkomst(sim, period("2026-03"), 0)
    # Hand calculation (vtlb_2026.yaml): 2.300,00 − 1.652,09 = 647,91; × 18 = 11.662,38.
    assert uitkomst["vtlb_per_maand"] == Decimal("1652.09")
    assert uitkomst["afloscapaciteit_per_maand"] == Decimal("647.91")
    assert uitkomst["afloscapaciteit_looptijd"] == Decimal("11662.38")
    assert uitkomst["looptijd_maanden"] == 18
    assert any("18 maanden" in stap for stap in uitkomst["toelichting"])


def test_pgl_correctie_staat_als_aanwijzing_in_de_toelichting():
    from vroeghulp.regels.service import bereken

    verzoek = {"peildatum": "2026-03-01", "regelingen": ["vtlb"], "huishouden": {"personen": [
        {"rol": "aanvrager", "geboortedatum": "1950-01-01", "toetsingsinkomen": 20000, "netto_inkomen_per_maand": 1600}]}}
    uitkomst = bereken(verzoek)["uitkomsten"]["vtlb"]
    # Hand calculation (vtlb_2026.yaml): 0,95 × (1.564,69 − 1.401,50) = 155,03; not added to the vtlb.
    assert uitkomst["vtlb_per_maand"] == Decimal("1331.43")
    assert any("155,03" in stap and "niet vanzelf" in stap for stap in uitkomst["toelichting"])
    assert any("nvvk.nl" in bron["url"] for bron in uitkomst["bronnen"])
