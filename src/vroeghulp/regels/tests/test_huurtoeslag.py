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


def test_voor_2026_niet_berekend():
    """The 2024-2025 normhuur factors were not found: no amount rather than a guessed one."""
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2025": 20000}}},
        {"aanvragers": ["a"], "kale_huur": {"2025-03": 600}},
    )
    uitkomst = REGELING.uitkomst(sim, period("2025-03"), 0)
    assert uitkomst["recht"] is False
    assert uitkomst["berekend"] is False
    assert "2026" in uitkomst["toelichting"][0]
