"""`vroeghulp demo` as a user runs it: a SQLite file under var/ in the working directory."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

VROEGHULP = Path(sys.executable).with_name("vroeghulp")


def vroeghulp_demo(cwd: Path, *args: str, code: int = 0) -> str:
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "VROEGHULP_OMGEVING", "VROEGHULP_VAR_DIR", "DJANGO_SETTINGS_MODULE"}}
    uit = subprocess.run([str(VROEGHULP), "demo", "--alleen-data", *args], cwd=cwd, env=env,
                         capture_output=True, text=True, timeout=300)
    assert uit.returncode == code, uit.stderr
    return uit.stdout + uit.stderr


def tel(db: Path, tabel: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0]


@pytest.mark.slow
def test_cli_creates_the_sqlite_file_is_idempotent_and_rebuilds_for_another_size(tmp_path):
    uit = vroeghulp_demo(tmp_path, "--huishoudens", "40")
    db = tmp_path / "var" / "vroeghulp.sqlite3"
    assert db.exists() and "consulent" in uit
    assert tel(db, "personen_huishouden") == 40
    inwoners = tel(db, "personen_inwoner")

    assert "bestonden al" in vroeghulp_demo(tmp_path, "--huishoudens", "40")
    assert (tel(db, "personen_huishouden"), tel(db, "personen_inwoner")) == (40, inwoners)

    assert "opnieuw gemaakt" in vroeghulp_demo(tmp_path, "--huishoudens", "25")
    assert tel(db, "personen_huishouden") == 25
    assert tel(db, "demo_demodataset") == 1

    # Residents the demo did not make: the file is only wiped when asked with --opnieuw.
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM demo_demodataset")
    assert "--opnieuw" in vroeghulp_demo(tmp_path, "--huishoudens", "25", code=1)
    assert tel(db, "personen_huishouden") == 25
    vroeghulp_demo(tmp_path, "--huishoudens", "25", "--opnieuw")
    assert tel(db, "demo_demodataset") == 1


@pytest.mark.django_db
def test_the_demo_refuses_to_run_in_production():
    with override_settings(PRODUCTIE=True), pytest.raises(CommandError, match="productie"):
        call_command("demo", huishoudens=5, alleen_data=True)
