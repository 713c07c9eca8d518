"""The regels tests are plain Python: no database, no Django settings needed by the code under test."""

from pathlib import Path

import pytest
import yaml

SCENARIO_DIR = Path(__file__).parent / "scenarios"


def laad_scenarios():
    """Every scenario in tests/scenarios/<regeling>/*.yaml as (id, scenario dict)."""
    gevonden = []
    for bestand in sorted(SCENARIO_DIR.glob("*/*.yaml")):
        for nummer, scenario in enumerate(yaml.safe_load(bestand.read_text(encoding="utf-8")) or []):
            if isinstance(scenario, dict) and "verwacht" in scenario:
                gevonden.append((f"{bestand.parent.name}/{bestand.stem}#{nummer + 1}", scenario))
    return gevonden


def verzoek_uit(scenario: dict) -> dict:
    """The calculation request (docs/interfaces.md section 3) for a scenario (only the regelingen it checks)."""
    return {
        "peildatum": str(scenario["peildatum"]),
        "huishouden": _als_tekst(scenario["huishouden"]),
        "regelingen": list(scenario["verwacht"]),
    }


def _als_tekst(waarde):
    # YAML turns 1990-04-01 into a date; the contract sends strings.
    if isinstance(waarde, dict):
        return {k: _als_tekst(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_als_tekst(v) for v in waarde]
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    return waarde


@pytest.fixture(scope="session")
def contracts_verzoek():
    """The example request of docs/interfaces.md section 3, verbatim."""
    from vroeghulp.regels.voorbeeld import contracts_verzoek as verzoek

    return verzoek()
