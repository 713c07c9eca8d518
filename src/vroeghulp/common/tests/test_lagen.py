"""The layers of the apps are enforced: import-linter checks the contracts in pyproject.toml
(``[tool.importlinter]``, docs/adr/0002-matching-bij-zaken.md) in the test command, and an
upward import makes that check fail."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
SRC = ROOT / "src"


def _lint(cwd: Path, src: Path) -> subprocess.CompletedProcess:
    """import-linter on ``cwd/pyproject.toml`` with ``src`` on the path (no cache files written)."""
    return subprocess.run(
        [sys.executable, "-c",
         "import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"],
        cwd=cwd, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120,
    )


def test_contracten_gelden_voor_het_project():
    uitkomst = _lint(ROOT, SRC)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    # every contract ran (a contract that is not loaded cannot fail)
    assert "Contracts: 4 kept, 0 broken." in uitkomst.stdout


@pytest.fixture
def kopie(tmp_path) -> Path:
    """The Python files of the project and its pyproject.toml in tmp_path."""
    shutil.copytree(SRC / "vroeghulp", tmp_path / "src" / "vroeghulp",
                    ignore=lambda _map, namen: [n for n in namen if "." in n and not n.endswith(".py")])
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(("bestand", "regel", "verwacht"), [
    # signalering sits below zaken: the kind of import matching used to make
    ("signalering/api.py", "from vroeghulp.zaken import models as _z", "vroeghulp.signalering is not allowed to import vroeghulp.zaken"),
    # regels imports no Django
    ("regels/voorbeeld.py", "import django.db as _d", "vroeghulp.regels is not allowed to import django"),
    # the monitor reads only
    ("monitor/apps.py", "from vroeghulp.zaken import workflow as _w", "vroeghulp.monitor is not allowed to import vroeghulp.zaken.workflow"),
    # schuldhulp and zelfcheck are independent of each other
    ("schuldhulp/apps.py", "from vroeghulp.zelfcheck import apps as _a", "vroeghulp.schuldhulp is not allowed to import vroeghulp.zelfcheck"),
])
def test_een_verboden_import_laat_de_controle_falen(kopie, bestand, regel, verwacht):
    schoon = _lint(kopie, kopie / "src")
    assert schoon.returncode == 0, schoon.stdout  # the copy itself keeps every contract
    pad = kopie / "src" / "vroeghulp" / bestand
    pad.write_text(pad.read_text() + f"\n{regel}\n")
    kapot = _lint(kopie, kopie / "src")
    assert kapot.returncode == 1
    assert verwacht in " ".join(kapot.stdout.split()), kapot.stdout
