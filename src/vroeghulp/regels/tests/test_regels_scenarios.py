"""Scenario tests: expected amounts written down from official examples or hand calculations
(the source and the calculation are next to each case in tests/scenarios/<regeling>/*.yaml)."""

from collections import defaultdict
from decimal import Decimal

import numpy as np
import pytest

from vroeghulp.regels.batch import bereken_batch, tabel_uit_situaties
from vroeghulp.regels.invoer import valideer
from vroeghulp.regels.service import REGELINGEN, bereken
from vroeghulp.regels.tests.conftest import laad_scenarios, verzoek_uit

SCENARIOS = laad_scenarios()


def test_er_zijn_scenarios_voor_elke_eigen_regeling():
    regelingen = {naam for _, s in SCENARIOS for naam in s["verwacht"]}
    assert {"zorgtoeslag", "kindgebonden_budget", "bijstandsnorm"} <= regelingen


@pytest.mark.parametrize("scenario", [s for _, s in SCENARIOS], ids=[i for i, _ in SCENARIOS])
def test_scenario(scenario):
    assert scenario.get("bron"), "elk scenario noemt zijn bron"
    uitkomsten = bereken(verzoek_uit(scenario))["uitkomsten"]
    for regeling, verwacht in scenario["verwacht"].items():
        for veld, waarde in verwacht.items():
            gekregen = uitkomsten[regeling][veld]
            if isinstance(waarde, bool):
                assert gekregen is waarde, f"{regeling}.{veld}"
            else:
                assert gekregen == Decimal(str(waarde)), f"{regeling}.{veld}: {gekregen} != {waarde}"


def test_batch_geeft_dezelfde_bedragen_als_bereken():
    """All scenarios of one peildatum in one vectorised simulation give the same figures."""
    per_datum = defaultdict(list)
    for _, scenario in SCENARIOS:
        per_datum[str(scenario["peildatum"])].append(scenario)
    for scenarios in per_datum.values():
        situaties = [valideer(verzoek_uit(s), bekende_regelingen=REGELINGEN) for s in scenarios]
        uitkomst = bereken_batch(tabel_uit_situaties(situaties))
        for i, scenario in enumerate(scenarios):
            for regeling, verwacht in scenario["verwacht"].items():
                for veld, waarde in verwacht.items():
                    if veld in REGELINGEN[regeling].velden:
                        assert np.isclose(float(uitkomst[regeling][veld][i]), float(waarde), atol=0.001), (
                            f"{scenario['naam']}: {regeling}.{veld}"
                        )
