"""Benchmark of the worklist page (issue 5): 50,000 open cases, p50/p95 of the full page.

Creates a temporary database (SQLite file in a temp dir, or a fresh PostgreSQL database when
``--database-url postgres://…/name`` is given; the database is dropped afterwards), migrates it,
fills it with one municipality (10 wijken), N households with a person each, N open cases in all
open states with 1–3 signals of several partner types, contact attempts on the picked-up ones,
and times ``GET /zaken/?…`` through Django's test client for a consulent whose team covers
every wijk (worst case: all N cases visible). Each request renders the whole page, writes its
audit event, and counts the filtered cases.

    .venv/bin/python benchmarks/worklist.py [--zaken 50000] [--herhaal 6]
    .venv/bin/python benchmarks/worklist.py --database-url postgres://postgres@127.0.0.1:5432/vh_bench_worklist
"""

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone as dt_timezone
from decimal import Decimal
from pathlib import Path

FILTERS = [
    "",
    "crisis=ja",
    "signaaltype=Energie",
    "soort=meervoudig",
    "termijn=verlopen",
    "toegewezen=mij",
    "bedrag_min=500&bedrag_max=2000",
    "status=nieuw&crisis=ja",
    "signaaltype=Huur&termijn=week",
    "pagina=40",
    "warme_overdracht=on",
    "wijk={wijk}&status=opgepakt",
    "status=hulp_aangeboden",
    "toegewezen=niemand&soort=opeenvolgend&bedrag_min=1000",
]


def machine() -> str:
    import sqlite3

    model = next((regel.split(":", 1)[1].strip() for regel in
                  subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
                  if regel.startswith("Model name")), "?")
    load = os.getloadavg()[0]
    return (f"{os.cpu_count()} cores (nproc), Model name: {model}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, load average {load:.1f} at start")


def opzetten(database_url: str | None, var_dir: Path):
    os.environ["VROEGHULP_OMGEVING"] = "test"
    os.environ["VROEGHULP_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vroeghulp.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def maak_postgres(url: str) -> None:
    import psycopg

    basis, naam = url.rsplit("/", 1)
    with psycopg.connect(basis + "/postgres", autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        verbinding.execute(f'CREATE DATABASE "{naam}"')


def verwijder_postgres(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    basis, naam = url.rsplit("/", 1)
    with psycopg.connect(basis + "/postgres", autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}"')


def vullen(aantal: int, seed: int = 5):
    from django.db import transaction

    from vroeghulp.accounts.models import Gebruiker, Rol, Team
    from vroeghulp.gebieden.models import Buurt, Gemeente, Wijk
    from vroeghulp.personen.models import Adres, Huishouden, Inwoner
    from vroeghulp.signalering.models import PartnerType, Signaalpartner, Signaalstatus, Vroegsignaal
    from vroeghulp.zaken.models import Contactpoging, DeadlineSoort, Vroegsignaalzaak, Zaakstatus

    rng = random.Random(seed)
    vandaag = date.today()
    nu = datetime.now(dt_timezone.utc)
    with transaction.atomic():
        gemeente = Gemeente.objects.create(code="0344", naam="Utrecht")
        wijken = [Wijk.objects.create(code=f"WK0344{i:02d}", naam=f"Wijk {i}", gemeente=gemeente) for i in range(10)]
        buurten = [Buurt.objects.create(code=f"BU0344{i:02d}{j:02d}", naam=f"Buurt {i}-{j}", wijk=w)
                   for i, w in enumerate(wijken) for j in range(5)]
        team = Team.objects.create(naam="Wijkteam Alles")
        team.wijken.set(wijken)
        consulent = Gebruiker.objects.create_user("bench", password="x" * 12, rol=Rol.CONSULENT,
                                                  first_name="Bench", last_name="Consulent")
        consulent.teams.set([team])
        collegas = [consulent] + [
            Gebruiker.objects.create_user(f"collega{i}", password="x" * 12, rol=Rol.CONSULENT) for i in range(5)]
        partners = [Signaalpartner.objects.create(code=t.lower().replace(" ", "-"), naam=t, type=t)
                    for t in (PartnerType.HUUR, PartnerType.ENERGIE, PartnerType.WATER, PartnerType.ZORG)]

        adressen = [Adres(postcode=f"35{i // 10000 % 100:02d}{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}",
                          huisnummer=i + 1, straatnaam="Benchstraat", plaatsnaam="Utrecht",
                          buurt=buurten[i % len(buurten)]) for i in range(aantal)]
        Adres.objects.bulk_create(adressen, batch_size=5000)
        huishoudens = [Huishouden(adres=a) for a in adressen]
        Huishouden.objects.bulk_create(huishoudens, batch_size=5000)
        inwoners = [Inwoner(bsn=f"{100000000 + i:09d}", voorletters="A.", achternaam=f"Bench{i}",
                            geboortedatum=date(1970 + i % 40, 1 + i % 12, 1 + i % 28), geslacht="Vrouw",
                            huishouden=h, rol="aanvrager") for i, h in enumerate(huishoudens)]
        Inwoner.objects.bulk_create(inwoners, batch_size=5000)

        statussen = [Zaakstatus.NIEUW] * 5 + [Zaakstatus.OPGEPAKT] * 3 + [Zaakstatus.CONTACT_GELEGD, Zaakstatus.HULP_AANGEBODEN]
        zaken = []
        for i, inwoner in enumerate(inwoners):
            status = rng.choice(statussen)
            matching = vandaag - timedelta(days=rng.randint(0, 60))
            crisis = rng.random() < 0.08
            contact = matching + timedelta(days=4) if crisis else None
            hulp = matching + timedelta(days=28)
            if crisis and status in (Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT):
                deadline, soort = contact, DeadlineSoort.EERSTE_CONTACT
            elif status != Zaakstatus.HULP_AANGEBODEN:
                deadline, soort = hulp, DeadlineSoort.HULPAANBOD
            else:
                deadline, soort = None, ""
            zaken.append(Vroegsignaalzaak(
                huishoudsleutel=f"A:{adressen[i].postcode}:{adressen[i].huisnummer}:", inwoner=inwoner,
                wijk_id=buurten[i % len(buurten)].wijk_id, status=status,
                matchsoort=rng.choice(["enkelvoudig"] * 5 + ["meervoudig"] * 1 + ["opeenvolgend"] * 4),
                matchingsdatum=matching, startdatum_matchingperiode=matching.replace(day=1),
                einddatum_matchingperiode=matching, crisis=crisis, warme_overdracht=rng.random() < 0.01,
                totaal_bedrag=Decimal(rng.randint(50, 4000)), deadline=deadline, deadline_soort=soort,
                contact_uiterlijk=contact, hulpaanbod_uiterlijk=hulp,
                toegewezen_aan=None if status == Zaakstatus.NIEUW else rng.choice(collegas),
                datum_opgepakt=None if status == Zaakstatus.NIEUW else matching + timedelta(days=1),
            ))
        Vroegsignaalzaak.objects.bulk_create(zaken, batch_size=2000)
        signalen, pogingen = [], []
        nummer = 0
        for zaak in zaken:
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                nummer += 1
                signalen.append(Vroegsignaal(
                    partner=rng.choice(partners), extern_id=f"B-{nummer}", bedrag=Decimal(rng.randint(50, 1500)),
                    signaaldatum=zaak.matchingsdatum, ontvangen=nu, huishoudsleutel=zaak.huishoudsleutel,
                    zaak=zaak, inwoner_id=zaak.inwoner_id, wijk_id=zaak.wijk_id, crisissignaal=zaak.crisis,
                    status=Signaalstatus.NOG_NIET_OPGEPAKT if zaak.status == Zaakstatus.NIEUW else Signaalstatus.OPGEPAKT,
                    status_datum=zaak.matchingsdatum,
                ))
            if zaak.status != Zaakstatus.NIEUW:
                for k in range(rng.randint(0, 3)):
                    pogingen.append(Contactpoging(zaak=zaak, soort=rng.choice(["Telefoon", "Huisbezoek", "Brief"]),
                                                  datum=zaak.matchingsdatum + timedelta(days=k + 1),
                                                  dagdeel=rng.choice(["Ochtend", "Middag", "Avond"]),
                                                  bereikt=zaak.status != Zaakstatus.OPGEPAKT and k == 0))
        Vroegsignaal.objects.bulk_create(signalen, batch_size=2000)
        Contactpoging.objects.bulk_create(pogingen, batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return consulent, wijken, len(signalen), len(pogingen)


def meten(consulent, wijken, herhaal: int):
    from django.test import Client

    client = Client()
    client.force_login(consulent)
    urls = [f"/zaken/?{f.format(wijk=wijken[3].pk)}" for f in FILTERS]
    for url in urls:  # warm-up: templates, query plans, caches
        assert client.get(url).status_code == 200
    per_url = {url: [] for url in urls}
    for _ in range(herhaal):
        for url in urls:
            begin = time.perf_counter()
            response = client.get(url)
            per_url[url].append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, url
    return per_url


def p95(waarden):
    waarden = sorted(waarden)
    return waarden[min(len(waarden) - 1, int(round(0.95 * (len(waarden) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--zaken", type=int, default=50_000)
    parser.add_argument("--herhaal", type=int, default=6, help="rounds over the %d filter sets" % len(FILTERS))
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        if args.database_url:
            maak_postgres(args.database_url)
        try:
            begin = time.perf_counter()
            opzetten(args.database_url, Path(tmp))
            consulent, wijken, n_signalen, n_pogingen = vullen(args.zaken)
            from django.db import connection

            print(f"{connection.vendor}: {args.zaken} open cases, {n_signalen} signals, {n_pogingen} contact attempts"
                  f" (created in {time.perf_counter() - begin:.0f} s)")
            per_url = meten(consulent, wijken, args.herhaal)
            alle = [t for tijden in per_url.values() for t in tijden]
            for url, tijden in per_url.items():
                print(f"  {url:<45} p50 {statistics.median(tijden):6.1f} ms  p95 {p95(tijden):6.1f} ms")
            print(f"ALL {len(alle)} requests: p50 {statistics.median(alle):.1f} ms, p95 {p95(alle):.1f} ms,"
                  f" max {max(alle):.1f} ms (target p95 <= 300 ms)")
        finally:
            if args.database_url:
                verwijder_postgres(args.database_url)


if __name__ == "__main__":
    main()
