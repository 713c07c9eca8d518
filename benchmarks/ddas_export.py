"""Benchmark of the DDAS vroegsignalering export (issue 14): a year of N signals (default
1,000,000) with a case per two signals, streamed to a file by ``vroeghulp ddas export``.

    .venv/bin/python benchmarks/ddas_export.py [--signalen 1000000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_ddas .venv/bin/python benchmarks/ddas_export.py

SQLite: a fresh database file in a temporary directory. PostgreSQL: the database in DATABASE_URL
is dropped and created again (use a database of its own!). The data is made by SQL in the
database (a recursive CTE / generate_series), so the setup is quick. Each export runs as the CLI
in a fresh process; its wall time and peak RSS (ru_maxrss of that child) are measured for a
month and for the year: flat memory means the year's peak is about the month's.
Target: the year in <= 30 s. Results go to stdout as JSON (docs/performance.md).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import voorbereiden  # noqa: E402  (the database, dropped and created, and migrate)

JAAR = 2025


def vul(n: int) -> None:
    """N signals spread over the year, 11 partners (one per DDAS type), a case per two signals,
    70% with a BSN, a contact attempt on every fourth case."""
    import django

    django.setup()
    from django.db import connection, transaction

    from vroeghulp.signalering.models import PartnerType, Signaalpartner

    pg = connection.vendor == "postgresql"
    for i, t in enumerate(PartnerType.values):
        Signaalpartner.objects.create(code=f"p{i}", naam=f"Partner {i}", type=t)
    p0 = Signaalpartner.objects.order_by("id").first().id
    if pg:
        reeks = lambda m: f"generate_series(1, {m}) AS r(i)"  # noqa: E731
        dag = lambda expr: f"(DATE '{JAAR}-01-01' + ({expr}))"  # noqa: E731
        nu, waar, onwaar = "now()", "TRUE", "FALSE"
        tekst = lambda expr: f"({expr})::text"  # noqa: E731
    else:
        reeks = lambda m: f"(WITH RECURSIVE t(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM t WHERE i < {m}) SELECT i FROM t) AS r"  # noqa: E731
        dag = lambda expr: f"date('{JAAR}-01-01', '+' || ({expr}) || ' days')"  # noqa: E731
        nu, waar, onwaar = "datetime('now')", "1", "0"
        tekst = lambda expr: f"CAST(({expr}) AS TEXT)"  # noqa: E731
    zaken = (n + 1) // 2
    with transaction.atomic(), connection.cursor() as c:
        # case k holds signals 2k-1 and 2k; its matchingsdatum is the day of its first signal
        c.execute(f"""
            INSERT INTO zaken_vroegsignaalzaak (id, huishoudsleutel, status, matchsoort, matchingsdatum,
                startdatum_matchingperiode, einddatum_matchingperiode, resultaat, crisis, warme_overdracht,
                totaal_bedrag, deadline_soort, aangemaakt, gewijzigd, reden_toelichting)
            SELECT i, 'hh' || {tekst('i')}, 'nieuw', 'meervoudig', {dag('((2 * i - 1) * 365) / ' + str(n + 1))},
                {dag('((2 * i - 1) * 365) / ' + str(n + 1))}, {dag('((2 * i - 1) * 365) / ' + str(n + 1))}, '',
                {onwaar}, {onwaar}, 500, '', {nu}, {nu}, ''
            FROM {reeks(zaken)}""")
        c.execute(f"""
            INSERT INTO signalering_vroegsignaal (id, partner_id, extern_id, bedrag, ontstaansdatum, signaaldatum,
                crisissignaal, warme_overdracht, eindelevering, klantnummer, toestemming_inwoner, bsn, postcode,
                huisnummer, huisnummertoevoeging, geboortedatum, geslachtsaanduiding, voorletters, voorvoegsel,
                achternaam, straatnaam, plaatsnaam, telefoonnummer, email, ontvangen, huishoudsleutel, herhaling,
                waarschuwingen, zaak_id, status, status_datum)
            SELECT i, {p0} + (i % 11), 'B' || {tekst('i')}, 50 + (i % 900) + 0.5, NULL, {dag('(i * 365) / ' + str(n + 1))},
                CASE WHEN i % 50 = 0 THEN {waar} ELSE {onwaar} END, {onwaar}, {onwaar}, '', {onwaar},
                CASE WHEN i % 10 < 7 THEN {tekst('100000000 + i')} ELSE '' END, '3511AB', {tekst('1 + i % 200')}, '',
                NULL, 'Onbekend', '', '', 'Jansen', 'Straat', 'Utrecht', '', '', {nu}, 'hh' || {tekst('(i + 1) / 2')},
                {onwaar}, '[]', (i + 1) / 2, 'Nog niet opgepakt', {dag('(i * 365) / ' + str(n + 1))}
            FROM {reeks(n)}""")
        c.execute(f"""
            INSERT INTO zaken_contactpoging (zaak_id, soort, datum, dagdeel, bereikt, notitie, vastgelegd)
            SELECT id, 'Brief', matchingsdatum, 'Ochtend', {onwaar}, '', {nu}
            FROM zaken_vroegsignaalzaak WHERE id % 4 = 0""")
    if pg:
        with connection.cursor() as c:
            c.execute("ANALYZE")
            for tabel in ("signalering_vroegsignaal", "zaken_vroegsignaalzaak"):
                c.execute(f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), (SELECT max(id) FROM {tabel}))")
    connection.close()


def exporteer(van: str, tot: str, uitvoer: Path) -> dict:
    start = time.perf_counter()
    proces = subprocess.Popen([sys.executable, "-m", "vroeghulp", "ddas", "export", "--van", van, "--tot", tot,
                               "--uitvoer", str(uitvoer)], env=os.environ, stderr=subprocess.PIPE, text=True)
    melding = proces.stderr.read()
    # wait4: the resource use of this one child (RUSAGE_CHILDREN would mix in migrate and the filler)
    _pid, status, gebruik = os.wait4(proces.pid, 0)
    duur = time.perf_counter() - start
    proces.returncode = os.waitstatus_to_exitcode(status)
    assert proces.returncode == 0, melding
    return {"periode": f"{van}..{tot}", "seconden": round(duur, 2), "cpu_s": round(gebruik.ru_utime + gebruik.ru_stime, 2),
            "piek_rss_mb": round(gebruik.ru_maxrss / 1024, 1), "bestand_mb": round(uitvoer.stat().st_size / 1e6, 1),
            "melding": melding.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signalen", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        url = voorbereiden(tmp)
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--vul", str(args.signalen)], env=os.environ, check=True) \
            if "--vul" not in sys.argv else None
        vullen = time.perf_counter() - start
        maand = exporteer(f"{JAAR}-03-01", f"{JAAR}-03-31", tmp / "maand.json")
        jaar = exporteer(f"{JAAR}-01-01", f"{JAAR}-12-31", tmp / "jaar.json")
        with open(tmp / "jaar.json", encoding="utf-8") as f:
            doc = json.load(f)
        lev = doc["leveringen"][0]
        print(json.dumps({"database": urlparse(url).scheme, "signalen": args.signalen, "vullen_s": round(vullen, 1),
                          "maand": maand, "jaar": jaar,
                          "in_jaarbestand": {"vroegsignalen": len(lev["vroegsignalen"]),
                                             "vroegsignaalzaken": len(lev["vroegsignaalzaken"])},
                          "python": sys.version.split()[0], "cpus": os.cpu_count()}, indent=2))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--vul":
        vul(int(sys.argv[2]))
    else:
        main()
