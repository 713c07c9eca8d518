"""Benchmark of the signal intake (issue 4): N signals from one CSV file, read, validated,
stored and matched, and one API request of 10,000 signals.

    .venv/bin/python benchmarks/intake.py [--rijen 1000000] [--zonder-matching]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_intake .venv/bin/python benchmarks/intake.py

SQLite: a fresh database file in a temporary directory (WAL, as in production). PostgreSQL: the
database in DATABASE_URL is dropped and created again (use a database of its own!).
Targets: >= 50,000 signals/s on SQLite, >= 20,000/s on PostgreSQL, API request <= 1 s.
Results go to stdout as JSON; copy them into docs/performance.md with the machine load.
"""

import argparse
import functools
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

GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)
KOP = (
    "ID;bedrag;ontstaansdatum;signaaldatum;crisissignaal;warmeOverdracht;eindelevering;klantnummer;"
    "burgerservicenummer;postcode;huisnummer;huisnummertoevoeging;geboortedatum;geslachtsaanduiding;"
    "voorletters;voorvoegsel;achternaam;straatnaam;plaatsnaam;telefoonnummer;email\n"
)


def bsn(seed: int) -> str:
    basis = f"{(10_000_000 + seed * 7_919) % 100_000_000:08d}"
    totaal = sum(int(c) * w for c, w in zip(basis, GEWICHTEN))
    for laatste in range(10):
        if (totaal - laatste) % 11 == 0:
            return basis + str(laatste)
    return bsn(seed + 1_000_003)


def maak_csv(pad: Path, rijen: int, huishoudens: int) -> None:
    """Realistic rows: all 21 columns, Dutch formats, 1 in 50 with an error, 1 in 100 a repeat.

    Row i belongs to household (i × 7,919) mod ``huishoudens`` (its address and BSN), so the
    signals of a household are spread over the file as in a real delivery. The default, 4 households
    per 5 signals, follows Divosa's figures (half the meldingen have one
    signal); ``--huishoudens 2400`` is close to the earlier benchmark
    (about 400 signals per address: few cases, each updated by every block)."""
    postcodes = [f"{pc}{a}{b}" for pc in range(3511, 3586) for a in "ABCE" for b in "ABGK"]
    datums = [f"{d:02d}-{m:02d}-2025" for m in range(1, 12) for d in range(1, 28)]
    with pad.open("w", encoding="cp1252", newline="") as uit:
        uit.write(KOP)
        for i in range(rijen):
            nummer = i - 1 if i % 100 == 99 else i  # a repeat of the previous ID
            h = nummer * 7_919 % huishoudens
            bedrag = f"{50 + (i * 37) % 4_000},{i % 100:02d}"
            ontstaan = datums[i % len(datums)]
            postcode = postcodes[h % len(postcodes)]
            huisnummer = h // len(postcodes) + 1
            b = bsn(h + 1) if i % 50 else "123456789"  # 1 in 50 fails the 11-proef
            uit.write(
                f"BENCH-{nummer:08d};{bedrag};{ontstaan};10-01-2026;nee;nee;nee;K{i:07d};{b};"
                f"{postcode[:4]} {postcode[4:]};{huisnummer};{'A' if h % 7 == 0 else ''};"
                f"{1940 + h % 60}-{h % 12 + 1:02d}-{h % 28 + 1:02d};{'Vrouw' if h % 2 else 'Man'};"
                f"A.;{'van' if h % 5 == 0 else ''};Jansen{h % 1000};Dorpsstraat;Utrecht;06{h % 100_000_000:08d};"
                f"inwoner{h}@example.nl\n"
            )


def voorbereiden(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        deel = urlparse(url)
        naam = deel.path.lstrip("/")
        with psycopg.connect(deel._replace(path="/postgres").geturl(), autocommit=True) as verbinding:
            verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
            verbinding.execute(f'CREATE DATABASE "{naam}"')
    else:
        url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.update({
        "DATABASE_URL": url, "VROEGHULP_OMGEVING": "test", "DJANGO_SETTINGS_MODULE": "vroeghulp.settings",
        "VROEGHULP_VAR_DIR": str(tmp), "VROEGHULP_POSTCODES_PC4": "3451-3455,3511-3585",
        "VROEGHULP_INTAKE_MAX_RIJEN": "5000000",
        # No BRP link, as in production without VROEGHULP_BRP_URL: matching then keys households by
        # address and creates their cases. (The local test BRP knows no residents in this empty
        # database and would mark every signal "geen inwoner", skipping case creation.)
        "VROEGHULP_BRP_BRON": "uit",
    })
    subprocess.run([sys.executable, "-m", "vroeghulp", "migrate", "--no-input", "-v", "0"], check=True, env=os.environ)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, default=1_000_000)
    parser.add_argument("--zonder-matching", action="store_true")
    parser.add_argument("--huishoudens", type=int, default=None,
                        help="number of households (default: 4 per 5 signals)")
    parser.add_argument("--profiel", type=Path, default=None,
                        help="write a cProfile of the file import to this path (pstats format)")
    parser.add_argument("--profiel-api", type=Path, default=None,
                        help="write a cProfile of the first API request after the import to this path")
    args = parser.parse_args()
    if args.zonder_matching:  # neither while storing nor afterwards
        os.environ["VROEGHULP_MATCHEN_NA_INTAKE"] = "0"
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-intake-"))
    url = voorbereiden(tmp)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
    from vroeghulp.signalering.intake import opslag, verwerk_bestand
    from vroeghulp.signalering.models import Kanaal, Signaalpartner, Vroegsignaal
    from vroeghulp.zaken.models import Vroegsignaalzaak

    partner = Signaalpartner.objects.create(code="energie", naam="Energie", type="Energie")

    # One API request of 10,000 signals (another partner, so nothing is a repeat), three rounds:
    # first in the fresh process on the empty database, then again after the file import. The WSGI
    # module is imported first, as the application server does when a worker starts.
    import vroeghulp.wsgi  # noqa: F401
    from vroeghulp.zaken.models import Vroegsignaalzaak as Zaak

    api_partner = Signaalpartner.objects.create(code="water", naam="Water", type="Water")
    api_client = ApiClient.objects.create(naam="water-api", signaalpartner=api_partner,
                                          scopes=[Scope.SIGNALEN_AANLEVEREN.value])
    token = ApiToken.nieuw(api_client)[1]
    postcodes = [f"{pc} {a}{b}" for pc in range(3511, 3586) for a in "ABCE" for b in "ABGK"]

    def api_body(ronde: int) -> str:
        """10,000 signals of 10,000 households no other request or the file has (house numbers
        from 2,000 up): each request looks up and creates its own cases, as real deliveries do."""
        signalen = []
        for i in range(10_000):
            h = ronde * 10_000 + i
            signalen.append({
                "ID": f"W-{i}", "bedrag": "123,45", "ontstaansdatum": "2025-11-01", "signaaldatum": "2026-01-10",
                "klantnummer": f"K{i}", "client": {
                    "burgerservicenummer": bsn(h + 5_000_000), "postcode": postcodes[h % len(postcodes)],
                    "huisnummer": str(2_000 + h // len(postcodes)), "achternaam": "Jansen",
                    "telefoonnummer": "0612345678", "email": "a@example.nl"}})
        return json.dumps({"signalen": signalen})

    gemeten = {}
    echte_matching = opslag.roep_matching_aan

    def gemeten_matching(ids):
        begin = time.perf_counter()
        if not args.zonder_matching:
            echte_matching(ids)
        gemeten.setdefault("matching_s", []).append(time.perf_counter() - begin)

    opslag.roep_matching_aan = gemeten_matching

    def api_rondes(eerste_ronde: int):
        """[(until the answer, matching after it)] for three requests."""
        rondes = []
        for ronde in range(eerste_ronde, eerste_ronde + 3):
            body = api_body(ronde)
            Vroegsignaal.objects.filter(partner=api_partner).delete()
            Zaak.objects.filter(signalen__isnull=True).delete()
            gemeten.pop("matching_s", None)
            begin_api = time.perf_counter()
            post = Client().post
            if args.profiel_api and ronde == 3:
                import cProfile

                profiel_api = cProfile.Profile()
                post = functools.partial(profiel_api.runcall, post)
            antwoord = post("/api/v1/signalen", data=body, content_type="application/json",
                            HTTP_AUTHORIZATION=f"Bearer {token}")
            totaal_api = time.perf_counter() - begin_api
            if args.profiel_api and ronde == 3:
                profiel_api.dump_stats(args.profiel_api)
            assert antwoord.status_code == 200 and antwoord.json()["geaccepteerd"] == 10_000, antwoord.content[:300]
            # matching runs after the answer is sent (response closer); the test client waits for it
            matching_api = sum(gemeten.pop("matching_s", [0.0]))
            rondes.append((round(totaal_api - matching_api, 3), round(matching_api, 3)))
        Vroegsignaal.objects.filter(partner=api_partner).delete()
        Zaak.objects.filter(signalen__isnull=True).delete()
        return rondes

    bestand = tmp / "signalen.csv"
    t = time.perf_counter()
    huishoudens = args.huishoudens or max(1, args.rijen * 4 // 5)
    maak_csv(bestand, args.rijen, huishoudens)
    maken = time.perf_counter() - t

    api_leeg = api_rondes(0)
    load_voor = os.getloadavg()
    begin = time.perf_counter()
    data = bestand.read_bytes()
    if args.profiel:
        import cProfile

        profiel = cProfile.Profile()
        rapport = profiel.runcall(verwerk_bestand, partner, data, bestandsnaam=bestand.name,
                                  kanaal=Kanaal.OPDRACHTREGEL)
        profiel.dump_stats(args.profiel)
    else:
        rapport = verwerk_bestand(partner, data, bestandsnaam=bestand.name, kanaal=Kanaal.OPDRACHTREGEL)
    totaal = time.perf_counter() - begin
    # Keep the counts, drop the report of a million rows: a web worker answering the next API
    # request does not hold it, and Python's garbage collector would walk its ten million
    # objects during that request (measured: 1.4 s of the first request after the import).
    telling = {"geaccepteerd": rapport.geaccepteerd, "dubbel": rapport.dubbel, "afgewezen": rapport.afgewezen}
    del rapport
    opgeslagen = Vroegsignaal.objects.count()
    matching_bestand = sum(gemeten.pop("matching_s", [0.0]))

    api_na_import = api_rondes(3)

    resultaat = {
        "database": connection.vendor,
        "rijen": args.rijen,
        "huishoudens": huishoudens,
        "zaken": Vroegsignaalzaak.objects.count(),
        "bestand_mb": round(len(data) / 1e6, 1),
        "csv_maken_s": round(maken, 1),
        "totaal_s": round(totaal, 2),
        "signalen_per_s": round(args.rijen / totaal),
        # the file is matched while it is stored (part of totaal_s); this is matching after the
        # commit, which only runs for what could not be matched then (repeats of older signals)
        "matching_achteraf_s": round(matching_bestand, 2),
        "matching": "uit" if args.zonder_matching else "aan",
        "intake_zonder_matching_s": round(totaal - matching_bestand, 2),
        "intake_zonder_matching_per_s": round(args.rijen / (totaal - matching_bestand)),
        **telling,
        "opgeslagen": opgeslagen,
        # one API request of 10,000 signals: (seconds until the answer, matching after it)
        "api_eerste_in_nieuw_proces": api_leeg,
        "api_na_import": api_na_import,
        "load_voor": [round(x, 2) for x in load_voor],
        "load_na": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
    }
    print(json.dumps(resultaat, indent=2))
    if url.startswith("sqlite"):
        for pad in tmp.iterdir():
            pad.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()
