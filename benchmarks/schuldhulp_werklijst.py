"""Benchmark of the schuldhulp worklist (issue 12): ``GET /schuldhulp/`` at 20,000 open trajecten.

The trajecten are spread over the ten demo wijken of Utrecht by their weight (as ``vroeghulp demo``
does), in every open phase, with their Wgs deadlines (``schuldhulp.termijnen``), 8% with a
bedreigende situatie; a third of them have 1-4 debts with a kennisgeving each (half answered), so
a count of overdue messages on the worklist has something to count. The consulent is a member of
one demo team ("Wijkteam Overvecht": Overvecht and Noordoost, about 18% of the trajecten), as in
the demo. Each request is the whole page through Django's test client (session, middleware, the
query, the template, the audit event); p50/p95 over ``--herhalingen`` requests after a warm-up.
Target: p95 <= 150 ms. Every answer is checked: 200, the most urgent traject on top. The CPU time
of each request in this process is printed as well: on a shared machine the wall clock also
measures the others' work.

    .venv/bin/python benchmarks/schuldhulp_werklijst.py [--trajecten 20000] [--herhalingen 200]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_shwerklijst .venv/bin/python benchmarks/schuldhulp_werklijst.py

SQLite: a fresh database file in a temporary directory. PostgreSQL: the database in DATABASE_URL
is dropped and created again (use a database of its own!). Prints JSON: the figures, the query
and its plan, the machine and the load.
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import voorbereiden  # noqa: E402  (the benchmark next to this one: database and migrate)

BLOK = 2_000
TEAM = "Wijkteam Overvecht"


def machine() -> dict:
    import sqlite3

    model = next((regel.split(":", 1)[1].strip() for regel in
                  subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
                  if regel.startswith("Model name")), "?")
    return {"cores": os.cpu_count(), "model": model, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "load_bij_start": [round(x, 2) for x in os.getloadavg()]}


def _fasen(rng: random.Random):
    """An open phase, weighted roughly as a municipality's caseload (most in the early phases)."""
    from vroeghulp.schuldhulp.models import Fase as F

    return rng.choices(
        [F.AANMELDING, F.INTAKE, F.STABILISATIE, F.PLAN_VAN_AANPAK, F.SCHULDREGELING, F.SANERINGSKREDIET,
         F.BETALINGSREGELING, F.NAZORG, F.DOORVERWIJZING],
        weights=[15, 15, 20, 10, 20, 4, 8, 6, 2])[0]


def vullen(aantal: int, seed: int = 12):
    """Wijken, teams, residents and ``aantal`` open trajecten, in bulk (no services: speed)."""
    from django.db import connection, transaction

    from vroeghulp.accounts.models import Gebruiker, Rol, Team
    from vroeghulp.gebieden import utrecht
    from vroeghulp.gebieden.models import Buurt, Gemeente, Wijk
    from vroeghulp.personen.models import Adres, Huishouden, Inwoner
    from vroeghulp.schuldhulp import termijnen
    from vroeghulp.schuldhulp.models import (
        Aanmeldingswijze, Bedreiging, Bericht, Berichtsoort, Fase as F, Reactie, Schuld, Schuldeiser,
        Schuldeisersoort, Traject,
    )

    rng = random.Random(seed)
    vandaag = dt.date.today()
    with transaction.atomic():
        gemeente = Gemeente.objects.create(code=utrecht.GEMEENTECODE, naam=utrecht.GEMEENTENAAM)
        wijken, buurten, gewichten = {}, [], []
        for data in utrecht.WIJKEN:
            wijk = Wijk.objects.create(code=data.code, naam=data.naam, gemeente=gemeente)
            wijken[data.naam] = wijk
            b = data.buurten[0]
            buurten.append(Buurt.objects.create(code=b.code, naam=b.naam, wijk=wijk))
            gewichten.append(data.huishoudens)
        team = Team.objects.create(naam=TEAM)
        team.wijken.set([wijken["Overvecht"], wijken["Noordoost"]])
        consulent = Gebruiker.objects.create_user("bench", password="x" * 12, rol=Rol.CONSULENT,
                                                  first_name="Carla", last_name="Consulent")
        consulent.teams.set([team])
        collegas = [consulent] + [Gebruiker.objects.create_user(f"collega{i}", password="x" * 12, rol=Rol.CONSULENT,
                                                                first_name="Collega", last_name=str(i))
                                  for i in range(5)]

        buurt_van = rng.choices(buurten, weights=gewichten, k=aantal)
        adressen = [Adres(postcode=f"35{i // 676 % 100:02d}{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}",
                          huisnummer=i + 1, straatnaam="Benchstraat", plaatsnaam="Utrecht", buurt=buurt_van[i])
                    for i in range(aantal)]
        Adres.objects.bulk_create(adressen, batch_size=BLOK)
        huishoudens = Huishouden.objects.bulk_create([Huishouden(adres=a) for a in adressen], batch_size=BLOK)
        inwoners = Inwoner.objects.bulk_create(
            [Inwoner(bsn=f"{100000000 + i:09d}", voorletters="A.", achternaam=f"Bench{i}",
                     geboortedatum=dt.date(1960 + i % 45, 1 + i % 12, 1 + i % 28), geslacht="Vrouw",
                     huishouden=h, rol="aanvrager") for i, h in enumerate(huishoudens)], batch_size=BLOK)

        bedreigingen = [b for b in Bedreiging.values if b]
        trajecten = []
        for i, inwoner in enumerate(inwoners):
            fase = _fasen(rng)
            aanmeld = vandaag - dt.timedelta(days=rng.randint(0, 400 if fase not in (F.AANMELDING, F.INTAKE) else 70))
            bedreiging = rng.choice(bedreigingen) if rng.random() < 0.08 else ""
            gesprek = None if fase == F.AANMELDING else min(vandaag, aanmeld + dt.timedelta(days=rng.randint(1, 30)))
            beschikking = None
            if fase not in (F.AANMELDING, F.INTAKE, F.STABILISATIE):
                beschikking = min(vandaag, gesprek + dt.timedelta(days=rng.randint(7, 60)))
            t = termijnen.bereken(aanmelddatum=aanmeld, bedreiging=bool(bedreiging), datum_eerste_gesprek=gesprek,
                                  beschikkingsdatum=beschikking, open_=True)
            trajecten.append(Traject(
                inwoner=inwoner, huishouden_id=inwoner.huishouden_id, wijk_id=buurt_van[i].wijk_id,
                aanmeldingswijze=rng.choice(Aanmeldingswijze.values), bedreiging=bedreiging, fase=fase,
                consulent=rng.choice(collegas) if rng.random() < 0.9 else None, aanmelddatum=aanmeld,
                datum_eerste_gesprek=gesprek, aanmelding_einddatum=gesprek, beschikkingsdatum=beschikking,
                plan_van_aanpak_datum=beschikking, verwachte_weken=26 if beschikking else None,
                eerste_gesprek_uiterlijk=t.eerste_gesprek_uiterlijk, beschikking_uiterlijk=t.beschikking_uiterlijk,
                deadline=t.deadline, deadline_soort=t.deadline_soort))
        Traject.objects.bulk_create(trajecten, batch_size=BLOK)

        eisers = [Schuldeiser.objects.create(naam=f"{soort.label} {n}", soort=soort)
                  for soort in Schuldeisersoort for n in range(2)]
        schulden = []
        for traject in trajecten:
            if traject.fase in (F.AANMELDING, F.INTAKE) or rng.random() < 0.5:
                continue
            for _ in range(rng.randint(1, 4)):
                schulden.append(Schuld(traject=traject, schuldeiser=rng.choice(eisers),
                                       bedrag=Decimal(rng.randint(50, 5000)), ontstaansdatum=traject.aanmelddatum))
        Schuld.objects.bulk_create(schulden, batch_size=BLOK)
        berichten = []
        for schuld in schulden:
            verzonden = min(vandaag, schuld.traject.aanmelddatum + dt.timedelta(days=rng.randint(5, 60)))
            beantwoord = rng.random() < 0.5
            berichten.append(Bericht(
                traject=schuld.traject, schuld=schuld, soort=Berichtsoort.KENNISGEVING, verzonden_op=verzonden,
                antwoord_uiterlijk=verzonden + dt.timedelta(days=14),
                reactie=Reactie.AKKOORD if beantwoord else "", reactie_op=verzonden if beantwoord else None))
        Bericht.objects.bulk_create(berichten, batch_size=BLOK)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    zichtbaar = Traject.objects.filter(wijk__teams=team).count()
    return consulent, zichtbaar, len(schulden), len(berichten)


def _meest_dringend(consulent) -> int:
    """The traject that belongs on top, worked out here without the view's query: the nearest
    deadline, then the earliest aanmelding, then the id; trajecten without a deadline last."""
    from vroeghulp.schuldhulp.models import OPEN_FASEN, Traject

    rijen = Traject.objects.filter(wijk_id__in=consulent.wijk_ids(), fase__in=OPEN_FASEN).values_list(
        "deadline", "aanmelddatum", "id")
    return min(rijen, key=lambda r: (r[0] is None, r[0] or dt.date.max, r[1], r[2]))[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trajecten", type=int, default=20_000)
    parser.add_argument("--herhalingen", type=int, default=200)
    parser.add_argument("--opwarmen", type=int, default=20)
    args = parser.parse_args()
    info = machine()
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-shwerklijst-"))
    try:
        voorbereiden(tmp)
        import django

        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        import vroeghulp.wsgi  # noqa: F401  (as the application server imports it)

        begin = time.perf_counter()
        consulent, zichtbaar, n_schulden, n_berichten = vullen(args.trajecten)
        laden = time.perf_counter() - begin
        bovenaan = _meest_dringend(consulent)
        client = Client()
        client.force_login(consulent)

        cpu = []

        def vraag() -> float:
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            antwoord = client.get("/schuldhulp/")
            duur = (time.perf_counter() - begin) * 1000
            cpu.append((time.thread_time() - begin_cpu) * 1000)
            assert antwoord.status_code == 200, antwoord.status_code
            eerste = re.search(rb'data-traject="(\d+)"', antwoord.content)
            assert eerste and int(eerste[1]) == bovenaan, (eerste and eerste[1], bovenaan)
            return duur

        for _ in range(args.opwarmen):  # templates, query plans, caches
            vraag()
        cpu.clear()
        tijden = sorted(vraag() for _ in range(args.herhalingen))
        cpu.sort()
        with CaptureQueriesContext(connection) as vragen:
            vraag()
        sql = next(q["sql"] for q in vragen.captured_queries
                   if q["sql"].startswith('SELECT "schuldhulp_traject"') and "ORDER BY" in q["sql"])
        with connection.cursor() as cursor:
            cursor.execute(("EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN ") + sql)
            plan = [str(rij[-1]) for rij in cursor.fetchall()]
        print(json.dumps({
            "database": connection.vendor, "trajecten": args.trajecten, "zichtbaar_voor_team": zichtbaar,
            "schulden": n_schulden, "berichten": n_berichten, "laden_s": round(laden, 1),
            "aantal": len(tijden), "p50_ms": round(statistics.median(tijden), 1),
            "p95_ms": round(tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))], 1),
            "max_ms": round(tijden[-1], 1), "doel_p95_ms": 150,
            # CPU of this process per request (with SQLite: the query too; with PostgreSQL its backend's
            # CPU is not in it): what a request costs, whatever else runs on a shared machine
            "cpu_p50_ms": round(statistics.median(cpu), 1), "cpu_p95_ms": round(cpu[round(0.95 * (len(cpu) - 1))], 1), "queries_per_verzoek": len(vragen.captured_queries),
            "query": sql, "plan": plan, "machine": info, "load_bij_einde": [round(x, 2) for x in os.getloadavg()],
            "tijdstip_utc": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        }, indent=2, ensure_ascii=False))
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
