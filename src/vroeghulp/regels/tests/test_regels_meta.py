"""Code-health tests: every parameter and variable documents itself; no variable disappears silently;
the package stays free of Django."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from vroeghulp.regels.system import PARAMETERS_DIR, systeem

SNAPSHOT = Path(__file__).parent / "variabelen.txt"


def _parameterbestanden():
    return sorted(p for p in PARAMETERS_DIR.rglob("*.yaml") if p.name != "index.yaml")


def test_elke_map_heeft_een_index():
    for map_ in [PARAMETERS_DIR, *[p for p in PARAMETERS_DIR.rglob("*") if p.is_dir()]]:
        assert (map_ / "index.yaml").exists(), f"{map_} mist index.yaml"


@pytest.mark.parametrize("bestand", _parameterbestanden(), ids=lambda p: str(p.relative_to(PARAMETERS_DIR)))
def test_parameter_heeft_eenheid_label_en_bron(bestand):
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    metadata = data.get("metadata") or {}
    for sleutel in ("unit", "label", "reference"):
        assert metadata.get(sleutel), f"{bestand.name}: metadata.{sleutel} ontbreekt"
    bronnen = metadata["reference"] if isinstance(metadata["reference"], list) else [metadata["reference"]]
    assert any(str(b).startswith("https://") for b in bronnen), f"{bestand.name}: geen URL als reference"
    # A bracket/scale parameter has no plain 'values'; a plain one starts on a date.
    if "values" in data:
        assert all(len(str(d)) == 10 for d in data["values"]), f"{bestand.name}: waarden per begindatum"


def test_elke_variabele_heeft_label_en_bron():
    for naam, variabele in systeem().variables.items():
        assert variabele.label, f"{naam} mist een label"
        assert variabele.reference, f"{naam} mist een reference"


def test_booleans_heten_naar_een_vraag_of_toestand():
    # 'is_*' variables must be boolean (PolicyEngine convention).
    for naam, variabele in systeem().variables.items():
        if naam.startswith("is_"):
            assert variabele.value_type is bool, naam


def test_geen_variabele_verdwenen():
    """A snapshot of variable names: removing or renaming one breaks callers. New names are fine;
    add them to variabelen.txt (one per line, sorted)."""
    bekend = {r.strip() for r in SNAPSHOT.read_text(encoding="utf-8").splitlines() if r.strip()}
    verdwenen = bekend - set(systeem().variables)
    assert not verdwenen, f"Variabelen verdwenen: {sorted(verdwenen)}"


def test_regels_importeert_geen_django():
    code = (
        "import sys, vroeghulp.regels.service, vroeghulp.regels.batch, vroeghulp.regels.cli;"
        "from vroeghulp.regels.service import bereken;"
        "bereken({'peildatum': '2026-01-01', 'huishouden': {'personen': [{'rol': 'aanvrager', 'geboortedatum': '1990-01-01'}]}});"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django geladen'"
    )
    resultaat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PATH": ""})
    assert resultaat.returncode == 0, resultaat.stderr
