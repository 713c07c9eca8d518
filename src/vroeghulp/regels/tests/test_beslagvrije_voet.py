"""Beslagvrije voet: YAML scenarios (hand calculations), the lid 8 self-check and the uitkomst.

Expected amounts come from the law text (art. 475da-475dc Rv, texts valid 2026-01-01 and 2026-07-01 here;
2024 and 2025 in test_normhuur_2024_2025.py) and the published parameters; never from running this code.
"""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openfisca_core.periods import period
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tools.test_runner import run_tests

from vroeghulp.regels.system import systeem
from vroeghulp.regels.uitkomsten.beslagvrije_voet import REGELING

SCENARIOS = Path(__file__).parent / "scenarios" / "beslagvrije_voet"
CENT = Decimal("0.01")


def _d(waarde) -> Decimal:
    return Decimal(repr(float(waarde)))


def _c(waarde) -> Decimal:
    return _d(waarde).quantize(CENT, rounding=ROUND_HALF_UP)


def _simulatie(personen: dict, huishouden: dict):
    situatie = {"personen": personen, "huishoudens": {"h": huishouden}}
    return SimulationBuilder().build_from_entities(systeem(), situatie)


def test_scenarios():
    # OpenFisca-format files; the contract_*.yaml files run through bereken in test_regels_scenarios.py.
    bestanden = [str(p) for p in sorted(SCENARIOS.glob("*.yaml")) if not p.name.startswith("contract_")]
    assert bestanden
    assert run_tests(systeem(), bestanden) == 0


@pytest.mark.parametrize(
    ("datum", "verwacht_alleenstaande", "verwacht_gehuwden"),
    [
        # Art. 475da lid 1, text valid 2026-01-01 and 2026-07-01.
        ("2026-01-01", Decimal("2191.42"), Decimal("2881.41")),
        ("2026-07-01", Decimal("2208.48"), Decimal("2905.79")),
    ],
)
def test_lid_8_maximum_volgt_uit_de_toeslagparameters(datum, verwacht_alleenstaande, verwacht_gehuwden):
    """Lid 8: the maximum is the beslagvrije voet where the huurtoeslag term reaches its cap, i.e.
    95% × A + (lid 3 cap) + (H − J), with that period's parameters, to the cent.

    Hand check 2026-01-01: 95% × 1.401,50 = 1.331,43; 2.119 / 12 − 47 = 129,58; 932,93 − 202,52 = 730,41;
    sum 2.191,42. Gehuwden: 95% × 2.002,13 = 1.902,02; 2 × 2.119 / 12 − 106 = 247,17;
    932,93 − 200,71 = 732,22; sum 2.881,41. On 2026-07-01 A = 1.419,46 and B = 2.027,79
    (Participatiewet art. 21, text valid 2026-07-01) give 2.208,48 and 2.905,79.
    """
    p = systeem().parameters(datum)
    bvv, ht, zt = p.beslagvrije_voet, p.huurtoeslag, p.zorgtoeslag
    premie = _d(zt.standaardpremie) / 12
    alleenstaande = (
        _c(_d(bvv.percentage_norm) * _d(p.bijstand.norm_alleenstaande))
        + (premie - _d(bvv.zorgbedrag_participatiewet.alleenstaande)).quantize(CENT, ROUND_HALF_UP)
        + _d(ht.maximale_huurgrens) - _d(ht.basishuur.eenpersoonshuishouden)
    )
    gehuwden = (
        _c(_d(bvv.percentage_norm) * _d(p.bijstand.norm_gehuwden))
        + (2 * premie - _d(bvv.zorgbedrag_participatiewet.gehuwden)).quantize(CENT, ROUND_HALF_UP)
        + _d(ht.maximale_huurgrens) - _d(ht.basishuur.meerpersoonshuishouden)
    )
    assert alleenstaande == verwacht_alleenstaande == _c(bvv.maximum.alleenstaande)
    assert gehuwden == verwacht_gehuwden == _c(bvv.maximum.gehuwden_zonder_kinderen)


def test_formule_raakt_het_maximum_bij_een_hoog_inkomen():
    """With both terms at their caps the lid 2 formula lands on the lid 1 maximum (within half a cent)."""
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}, "toetsingsinkomen": {"2026": 90000}}},
        {"aanvragers": ["a"]},
    )
    formule = float(sim.calculate("bvv_volgens_formule", "2026-02")[0])
    assert abs(formule - 2191.42) < 0.005


def test_uitkomst_volgens_contract():
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2026": 35000},
               "netto_inkomen_per_maand": {"2026-03": 2300}}},
        {"aanvragers": ["a"]},
    )
    uitkomst = REGELING.uitkomst(sim, period("2026-03"), 0)
    # Hand calculation in beslagvrije_voet_2026.yaml: 1.331,425 + 60,2293 + 260,4375 = 1.652,09.
    assert uitkomst["per_maand"] == Decimal("1652.09")
    assert uitkomst["per_maand"].as_tuple().exponent == -2
    assert uitkomst["toelichting"] and all(isinstance(stap, str) for stap in uitkomst["toelichting"])
    assert any("1.652,09" in stap for stap in uitkomst["toelichting"])
    assert all(b["url"].startswith("https://") and b["titel"] for b in uitkomst["bronnen"])


def test_uitkomst_95_procent_regel_in_toelichting():
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2026": 20000},
               "netto_inkomen_per_maand": {"2026-03": 1200}}},
        {"aanvragers": ["a"]},
    )
    uitkomst = REGELING.uitkomst(sim, period("2026-03"), 0)
    assert uitkomst["per_maand"] == Decimal("1140.00")  # 95% × 1.200
    assert any("95%" in stap for stap in uitkomst["toelichting"])


def test_2024_berekend():
    """Peildata in 2024 are computed with the texts valid 2024-01-01 and 2024-07-01 (lid 2 as in 2025):
    beslagvrije_voet_2024.yaml, 1.219,6385 + 59,020225 + 273,21264 = 1.551,87."""
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2024": 32000},
               "netto_inkomen_per_maand": {"2024-03": 2200, "2024-08": 2200}}},
        {"aanvragers": ["a"]},
    )
    uitkomst = REGELING.uitkomst(sim, period("2024-03"), 0)
    assert uitkomst["berekend"] is True
    assert uitkomst["per_maand"] == Decimal("1551.87")
    assert any("273,21" in stap for stap in uitkomst["toelichting"])
    assert all("/2024-01-01#" in b["url"] for b in uitkomst["bronnen"][:3])
    assert all("/2024-07-01#" in b["url"] for b in REGELING.uitkomst(sim, period("2024-08"), 0)["bronnen"][:3])
    # The lid 1 maxima of 2024 (texts valid 2024-01-01 and 2024-07-01).
    assert float(sim.calculate("bvv_maximum", "2024-03")[0]) == pytest.approx(1996.21)
    assert float(sim.calculate("bvv_maximum", "2024-08")[0]) == pytest.approx(2019.60)


def test_2025_berekend_met_de_kwadratische_huurterm():
    """2025 (beslagvrije_voet_2025.yaml): 1.278,1775 + 75,2815 + 315,01879 = 1.668,48."""
    sim = _simulatie(
        {"a": {"geboortedatum": {"ETERNITY": "1986-01-01"}, "toetsingsinkomen": {"2025": 35000},
               "netto_inkomen_per_maand": {"2025-03": 2300}}},
        {"aanvragers": ["a"]},
    )
    uitkomst = REGELING.uitkomst(sim, period("2025-03"), 0)
    assert uitkomst["berekend"] is True
    assert uitkomst["per_maand"] == Decimal("1668.48")
    assert any("315,02" in stap for stap in uitkomst["toelichting"])
    assert all("/2025-01-01#" in b["url"] for b in uitkomst["bronnen"][:3])
    # The lid 1 maxima of 2025 (text valid 2025-01-01 and 2025-07-01).
    assert float(sim.calculate("bvv_maximum", "2025-03")[0]) == pytest.approx(2071.24)
    assert float(sim.calculate("bvv_maximum", "2025-08")[0]) == pytest.approx(2093.67)
