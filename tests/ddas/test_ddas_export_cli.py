"""``vroeghulp ddas export``: bad input is exit 2 with a Dutch message naming the option, and a
kill -9 in the middle of an export leaves no half file at the final path."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("opties, melding", [
    (["--van", "2026-13-01", "--tot", "2026-12-31"], "--van: '2026-13-01' is geen datum"),
    (["--van", "2026-02-01", "--tot", "2026-01-31"], "--tot: 2026-01-31 ligt voor --van 2026-02-01"),
    (["--soort", "armoede", "--van", "2026-01-01", "--tot", "2026-01-31"], "--soort: 'armoede' kennen we niet"),
    (["--van", "2026-01-01", "--tot", "2026-01-31", "--uitvoer", "/bestaat/niet/x.json"], "--uitvoer: de map"),
])
def test_bad_input_exit_2(db, opties, melding):
    with pytest.raises(CommandError) as fout:
        call_command("ddas_export", *opties)
    assert fout.value.returncode == 2 and melding in str(fout.value)


def test_export_to_a_file(db, tmp_path):
    call_command("ddas_export", "--soort", "schuldhulpverlening", "--van", "2026-01-01", "--tot", "2026-01-31",
                 "--uitvoer", str(tmp_path / "shv.json"))
    doc = json.loads((tmp_path / "shv.json").read_text(encoding="utf-8"))
    assert doc["startdatumLevering"] == "2026-01-01" and doc["leveringen"][0]["schuldhulptrajecten"] == []
    assert [p.name for p in tmp_path.iterdir()] == ["shv.json"]  # no temp file left


def _env(tmp: Path) -> dict:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}", "VROEGHULP_OMGEVING": "test",
            "DJANGO_SETTINGS_MODULE": "vroeghulp.settings", "VROEGHULP_VAR_DIR": str(tmp)}


def test_kill_9_leaves_no_half_file(tmp_path):
    env = _env(tmp_path)
    subprocess.run([sys.executable, "-m", "vroeghulp", "migrate", "--no-input", "-v", "0"], env=env, check=True)
    # 300,000 signals and their cases, made in SQL by the benchmark's filler: the export takes seconds
    subprocess.run([sys.executable, str(ROOT / "benchmarks/ddas_export.py"), "--vul", "300000"], env=env, check=True)
    doel = tmp_path / "uit" / "levering.json"
    doel.parent.mkdir()
    opdracht = [sys.executable, "-m", "vroeghulp", "ddas", "export", "--van", "2025-01-01", "--tot", "2025-12-31",
                "--uitvoer", str(doel)]
    proces = subprocess.Popen(opdracht, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        eind = time.monotonic() + 120
        while time.monotonic() < eind:  # wait until the temp file holds a few MB: mid-way
            delen = list(doel.parent.glob(".levering.json.*.deel"))
            if delen and delen[0].stat().st_size > 5_000_000:
                break
            assert proces.poll() is None, "the export ended before it could be killed"
            time.sleep(0.05)
        else:
            pytest.fail("no temp file grew")
        os.kill(proces.pid, signal.SIGKILL)
        proces.wait()
    finally:
        if proces.poll() is None:
            proces.kill()
    assert proces.returncode == -signal.SIGKILL
    assert not doel.exists()  # the final path: absent, not half
    # the next export completes and replaces nothing half: the file is whole JSON with every signal
    subprocess.run(opdracht, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    doc = json.loads(doel.read_text(encoding="utf-8"))
    assert len(doc["leveringen"][0]["vroegsignalen"]) == 300_000
