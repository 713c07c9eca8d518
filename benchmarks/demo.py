"""Benchmark of ``vroeghulp demo --alleen-data --huishoudens N`` (issue 2).

Runs the real command in a subprocess, in a fresh temporary var dir each time (so the SQLite
database is created and migrated from scratch), and once more on the filled database to time
the idempotent rerun. Prints the figures and the machine; run with
``.venv/bin/python benchmarks/demo.py [--huishoudens 100000] [--herhaal 3]``.
"""

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VROEGHULP = Path(sys.executable).with_name("vroeghulp")


def draai(var_dir: Path, huishoudens: int) -> float:
    env = dict(os.environ, VROEGHULP_VAR_DIR=str(var_dir), VROEGHULP_OMGEVING="demo")
    env.pop("DATABASE_URL", None)  # the embedded SQLite database is what the demo promises
    begin = time.perf_counter()
    subprocess.run(
        [str(VROEGHULP), "demo", "--alleen-data", "--huishoudens", str(huishoudens)],
        env=env, cwd=var_dir.parent, check=True, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - begin


def machine() -> str:
    model = next((regel.split(":", 1)[1].strip() for regel in
                  subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
                  if regel.startswith("Model name")), "?")
    return (f"{os.cpu_count()} cores (nproc), Model name: {model}, Python {platform.python_version()},"
            f" SQLite {sqlite3.sqlite_version}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--huishoudens", type=int, default=100_000)
    parser.add_argument("--herhaal", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    tijden = []
    for _ in range(args.herhaal):
        with tempfile.TemporaryDirectory() as tmp:
            var_dir = Path(tmp) / "var"
            tijden.append(draai(var_dir, args.huishoudens))
            if len(tijden) == 1:
                nogmaals = draai(var_dir, args.huishoudens)
                grootte = (var_dir / "vroeghulp.sqlite3").stat().st_size / 1e6
    print(f"demo --alleen-data --huishoudens {args.huishoudens}, fresh database (incl. migrate):"
          f" min {min(tijden):.1f} s, median {statistics.median(tijden):.1f} s over {len(tijden)} runs")
    print(f"second run on the filled database (nothing added): {nogmaals:.1f} s;"
          f" database file {grootte:.0f} MB")


if __name__ == "__main__":
    main()
