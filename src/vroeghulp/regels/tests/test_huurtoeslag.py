"""Huurtoeslag 2026: YAML scenarios (hand calculations from the law text) and the uitkomst."""

from decimal import Decimal
from pathlib import Path

from openfisca_core.periods import period
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tools.test_runner import run_tests

from vroeghulp.regels.system import systeem
from vroeghulp.regels.uitkomsten.huurtoeslag import REGELING

SCENARIOS = Path(__file__).parent / "scenarios" / "huurtoeslag"


def _simulatie(personen: dict, huishouden: dict):
    situatie = {"personen": personen, "huishoudens": {"h": huishouden}}
    return SimulationBuilder().build_from_entities(systeem(), situatie)


def test_scenarios():
    # OpenFisca-format files; the contract_*.yaml files run through bereken in test_regels_scenarios.py.
    bestanden = [str(p) for p in sorted(SCENARIOS.glob("*.yaml")) if not p.name.startswith("contract_")]
    assert bestanden
    assert run_tests(systeem(), bestanden) == 0


def test_uitkomst_volgens_contract():
    # Hand calculation (huurtoeslag_2026.yaml): 361,85 − 57,9375 = 303,9125 per maand.
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2026": 26000}}},
        {"aanvragers": ["a"], "kale_huur": {"2026-03": 600}},
    )
    uitkomst = REGELING.uitkomst(sim, period("2026-03"), 0)
    assert uitkomst["recht"] is True
    assert uitkomst["per_maand"] == Decimal(303)
    assert uitkomst["per_jaar"] == Decimal("3646.95")
    assert any("202,52" in stap for stap in uitkomst["toelichting"])
    assert all(b["url"].startswith("https://") for b in uitkomst["bronnen"])


def test_geen_recht_met_reden():
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2026": 20000}}},
        {"aanvragers": ["a"], "kale_huur": {"2026-03": 600}, "vermogen": {"2026": 50000}},
    )
    uitkomst = REGELING.uitkomst(sim, period("2026-03"), 0)
    assert uitkomst == uitkomst | {"recht": False, "per_jaar": Decimal("0.00"), "per_maand": Decimal(0)}
    assert "vermogen" in uitkomst["toelichting"][-1]


def test_koopwoning_geen_recht():
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}}},
        {"aanvragers": ["a"], "kale_huur": {"2026-03": 600}, "woning_soort": {"2026-03": "koop"}},
    )
    assert not sim.calculate("huurtoeslag_recht", "2026-03")[0]
    assert REGELING.uitkomst(sim, period("2026-03"), 0)["recht"] is False


def test_2024_ouderenhuishouden_niet_berekend():
    """2024 ouderenhuishoudens had AOW-based minimum-inkomensijkpunten that are in no law text."""
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1950-01-01"}, "toetsingsinkomen": {"2024": 20000}}},
        {"aanvragers": ["a"], "kale_huur": {"2024-03": 600}},
    )
    uitkomst = REGELING.uitkomst(sim, period("2024-03"), 0)
    assert uitkomst["recht"] is False
    assert uitkomst["berekend"] is False
    assert "AOW-leeftijd" in uitkomst["toelichting"][0]
    assert [b["url"] for b in uitkomst["bronnen"]] == ["https://wetten.overheid.nl/BWBR0008659/2024-01-01#Artikel17"]


def test_2025_uitkomst_met_normhuur():
    """huurtoeslag_2024_2025.yaml: normhuur 285,35, basishuur 248,21, huurtoeslag 449,55 → € 449."""
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1998-01-01"}, "toetsingsinkomen": {"2025": 25000}}},
        {"aanvragers": ["a"], "kale_huur": {"2025-02": 900}},
    )
    uitkomst = REGELING.uitkomst(sim, period("2025-02"), 0)
    assert uitkomst["recht"] is True and "berekend" not in uitkomst
    assert uitkomst["per_maand"] == Decimal(449)
    assert uitkomst["per_jaar"] == Decimal("5394.60")
    assert any("285,35" in stap for stap in uitkomst["toelichting"])
    assert any("248,21" in stap for stap in uitkomst["toelichting"])
    assert uitkomst["bronnen"][0]["url"] == "https://wetten.overheid.nl/BWBR0008659/2025-01-01#Artikel19"


def test_2024_huur_te_hoog_met_reden():
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2024": 15000}}},
        {"aanvragers": ["a"], "kale_huur": {"2024-03": 870}, "servicekosten": {"2024-03": 20}},
    )
    uitkomst = REGELING.uitkomst(sim, period("2024-03"), 0)
    assert uitkomst["recht"] is False and "berekend" not in uitkomst
    assert "879,66" in uitkomst["toelichting"][-1]
