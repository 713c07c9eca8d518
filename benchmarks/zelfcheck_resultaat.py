"""Benchmark of the zelfcheck result page (issue 15): server time of ``POST /zelfcheck/uitkomst/``.

The household of the browser test (a single parent of 35 with children of 4 and 9, kale huur € 650,
net € 1.150 / gross € 1.300 a month, a garnishment, Overvecht), its signed answers made once by
walking through the questions, then the result page requested ``--herhalingen`` times after
``--opwarmen`` through Django's test client (middleware, CSRF, the signature, three calculations of
``regels.service.bereken`` — the result and the two "what ifs" — the local schemes and help points of
a configured municipality, the template). Every answer is checked (200, the kindgebonden budget of
€ 714). Also the size of each page in bytes (target ≤ 60 KB besides the stylesheet) and the time of
the PDF. Target: result page p95 ≤ 100 ms.

    .venv/bin/python benchmarks/zelfcheck_resultaat.py [--herhalingen 200]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_zelfcheck .venv/bin/python benchmarks/zelfcheck_resultaat.py

SQLite: a fresh database file in a temporary directory. PostgreSQL: the database in DATABASE_URL is
dropped and created again (use a database of its own!). Prints JSON.
"""

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import voorbereiden  # noqa: E402  (database and migrate)
from schuldhulp_overzicht import meten  # noqa: E402
from schuldhulp_werklijst import machine  # noqa: E402

STAPPEN = [
    {"vraag": "partner", "partner": "nee"},
    {"vraag": "leeftijd", "leeftijd": "35"},
    {"vraag": "kinderen", "kinderen": "ja", "leeftijden": "4, 9"},
    {"vraag": "woning", "woning": "huur"},
    {"vraag": "huur", "huur": "650"},
    {"vraag": "inkomen", "netto": "1150", "bruto": "1300", "per": "maand"},
    {"vraag": "vermogen", "vermogen": "0"},
    {"vraag": "beslag", "beslag": "ja"},
    {"vraag": "wijk", "wijk": "WK034403"},
]
TOKEN = re.compile(rb'name="antwoorden" value="([^"]+)"')


def vullen():
    """The municipality's wijken and what a beheerder configures: 8 local schemes, 4 help points per wijk."""
    from vroeghulp.gebieden import utrecht
    from vroeghulp.gebieden.models import Gemeente, Wijk
    from vroeghulp.zelfcheck.models import Hulppunt, Hulpsoort, LokaleRegeling

    gemeente = Gemeente.objects.create(code=utrecht.GEMEENTECODE, naam=utrecht.GEMEENTENAAM)
    wijken = [Wijk.objects.create(code=w.code, naam=w.naam, gemeente=gemeente) for w in utrecht.WIJKEN]
    for i, procent in enumerate((100, 105, 110, 115, 120, 125, 130, 150)):
        LokaleRegeling.objects.create(naam=f"Regeling {i}", omschrijving="Korting.", inkomensgrens_procent=procent,
                                      aanvragen="Bij de gemeente.")
    for wijk in wijken:
        for soort in Hulpsoort.values:
            Hulppunt.objects.create(soort=soort, naam=f"{soort} {wijk.naam}", wijk=wijk, adres="Straat 1",
                                    openingstijden="ma-vr 9-12 uur")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=200)
    parser.add_argument("--opwarmen", type=int, default=20)
    args = parser.parse_args()
    info = machine()
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-zelfcheck-"))
    try:
        voorbereiden(tmp)
        import django

        django.setup()
        from django.test import Client

        import vroeghulp.wsgi  # noqa: F401  (as the application server imports it)

        vullen()
        client = Client()
        groottes = {"start": len(client.get("/zelfcheck/").content)}
        antwoord = client.post("/zelfcheck/vraag/", {})
        for stap in STAPPEN:  # the screen of each question, as shown before it is answered
            groottes[f"vraag {stap['vraag']}"] = len(antwoord.content)
            token = TOKEN.search(antwoord.content).group(1)
            antwoord = client.post("/zelfcheck/vraag/", {**stap, "antwoorden": token.decode()})
        token = TOKEN.search(antwoord.content).group(1).decode()
        assert b"Uw uitkomst" in antwoord.content
        groottes["uitkomst"] = len(antwoord.content)
        groottes["hulp"] = len(client.post("/zelfcheck/hulp/", {"antwoorden": token}).content)

        def uitkomst():
            antwoord = client.post("/zelfcheck/uitkomst/", {"antwoorden": token})
            assert antwoord.status_code == 200, antwoord.status_code
            assert "€ 714</strong> per maand".encode() in antwoord.content

        def pdf():
            antwoord = client.post("/zelfcheck/uitkomst.pdf", {"antwoorden": token})
            assert antwoord.status_code == 200 and antwoord.content.startswith(b"%PDF-")

        begin = time.perf_counter()
        uitkomst()
        eerste = round((time.perf_counter() - begin) * 1000, 1)
        print(json.dumps({
            "machine": info,
            "database": django.db.connection.vendor,
            "uitkomst": meten(uitkomst, args.herhalingen, args.opwarmen),
            "pdf": meten(pdf, 10, 2),
            "groottes_bytes": groottes,
            "grootste_kb": round(max(groottes.values()) / 1024, 1),
            "doel": {"uitkomst_p95_ms": 100, "pagina_kb": 60},
            "eerste_verzoek_ms": eerste,
        }, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
