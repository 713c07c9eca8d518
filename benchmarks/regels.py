"""Benchmark of the rules (issue 3): one household through ``bereken`` and 1,000,000 synthetic
households through ``bereken_batch``, all regelingen. Prints the figures; run with
``.venv/bin/python benchmarks/regels.py [--huishoudens N]``."""

import argparse
import os
import platform
import statistics
import time
from datetime import date

import numpy as np

from vroeghulp.regels.batch import ROL_CODE, Tabel, bereken_batch
from vroeghulp.regels.service import REGELINGEN, bereken
from vroeghulp.regels.system import systeem
from vroeghulp.regels.voorbeeld import contracts_verzoek

VOORBEELD = contracts_verzoek()
del VOORBEELD["regelingen"]  # all regelingen


def synthetische_tabel(n: int, seed: int = 3) -> Tabel:
    """n households: aanvrager, partner in half of them, 0–3 children; incomes and rents spread out."""
    rng = np.random.default_rng(seed)
    partner = rng.random(n) < 0.5
    kinderen = rng.integers(0, 4, n)
    per_huishouden = 1 + partner + kinderen
    huishouden = np.repeat(np.arange(n), per_huishouden)
    eerste = np.cumsum(per_huishouden) - per_huishouden
    positie = np.arange(len(huishouden)) - eerste[huishouden]
    rol = np.where(positie == 0, ROL_CODE["aanvrager"], ROL_CODE["kind"])
    rol[(positie == 1) & partner[huishouden]] = ROL_CODE["partner"]
    volwassen = rol != ROL_CODE["kind"]
    dagen = np.where(volwassen, rng.integers(20 * 365, 80 * 365, len(rol)), rng.integers(30, 18 * 365, len(rol)))
    geboortedatum = np.datetime64("2026-01-01") - dagen.astype("timedelta64[D]")
    inkomen = np.where(volwassen, rng.gamma(2.0, 15000.0, len(rol)), 0.0).round()
    netto = np.where(volwassen, (inkomen / 12 * 0.8).round(2), 0.0)
    return Tabel(
        peildatum=date(2026, 1, 1),
        personen={
            "huishouden": huishouden,
            "rol": rol,
            "geboortedatum": geboortedatum,
            "verzekerd": rng.random(len(rol)) < 0.98,
            "toetsingsinkomen": inkomen,
            "netto_inkomen_per_maand": netto,
        },
        huishoudens={
            "vermogen": rng.gamma(1.0, 20000.0, n).round(),
            "kale_huur": rng.uniform(300, 1200, n).round(2),
            "servicekosten": rng.uniform(0, 60, n).round(2),
            "kostendelers": np.where(rng.random(n) < 0.1, 2, 1) + partner,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--huishoudens", type=int, default=1_000_000)
    parser.add_argument("--herhalingen", type=int, default=200)
    parser.add_argument("--rondes", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    systeem()
    print(f"Systeem opbouwen (eenmalig): {(time.perf_counter() - start) * 1000:.0f} ms")

    for _ in range(20):  # warm-up
        bereken(VOORBEELD)
    # Several rounds: on a shared machine the quietest round shows what the code costs.
    medianen, cpu_medianen, alle = [], [], []
    for _ in range(args.rondes):
        tijden, cpu = [], []
        for _ in range(args.herhalingen):
            start, start_cpu = time.perf_counter(), time.process_time()
            bereken(VOORBEELD)
            tijden.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        medianen.append(statistics.median(tijden))
        cpu_medianen.append(statistics.median(cpu))
        alle += tijden
    alle.sort()
    print(f"Eén huishouden, alle {len(REGELINGEN)} regelingen ({', '.join(REGELINGEN)}), incl. toelichting, "
          f"{args.rondes} rondes van {args.herhalingen}: mediaan per ronde "
          f"{', '.join(f'{m * 1000:.2f}' for m in medianen)} ms; beste ronde {min(medianen) * 1000:.2f} ms; "
          f"alles samen mediaan {statistics.median(alle) * 1000:.2f} ms, p95 {alle[int(len(alle) * 0.95)] * 1000:.2f} ms; "
          f"CPU-tijd mediaan {statistics.median(cpu_medianen) * 1000:.2f} ms")

    start = time.perf_counter()
    tabel = synthetische_tabel(args.huishoudens)
    opbouw = time.perf_counter() - start
    start, start_cpu = time.perf_counter(), time.process_time()
    uitkomst = bereken_batch(tabel)
    duur, duur_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    personen = len(tabel.personen["huishouden"])
    print(f"Batch: {args.huishoudens:,} huishoudens ({personen:,} personen), alle regelingen: {duur:.2f} s (CPU {duur_cpu:.2f} s) "
          f"(synthetische tabel maken: {opbouw:.2f} s)")
    for naam, velden in uitkomst.items():
        if "recht" in velden:
            print(f"  {naam}: recht bij {velden['recht'].mean():.1%}")
    print(f"Machine: {os.cpu_count()} cpu's, {platform.processor() or platform.machine()}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
