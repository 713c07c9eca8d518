"""Benchmark of one traject with 60 creditors (issue 12): the debt overview, the settlement page and the letters.

One traject of a resident in Overvecht with 60 debts at 60 creditors of every kind (10 preferent,
20 with a balance the creditor confirmed, one garnishment, one paid and one disputed debt that
stay out of the offer), their signals' timeline, a kennisgeving to each creditor (40 answered),
an afloscapaciteit and a schuldregeling proposal sent to the 58 creditors in it, with answers
(akkoord, weigering, geen reactie) for half of them. The consulent is a member of the team of
Overvecht. Measured, through Django's test client (session, middleware, the queries, the
template, the audit event), p50/p95 over ``--herhalingen`` requests after ``--opwarmen``:

- ``GET /schuldhulp/<pk>/schulden/``: the debt overview (table, totals, timeline);
- ``GET /schuldhulp/<pk>/regeling/``: the settlement page (the offer per creditor with the
  answer controls, the dwangakkoord numbers);

and, ``--pdf-herhalingen`` times each, the PDFs a consulent downloads:

- ``GET /schuldhulp/<pk>/regeling/voorstel/<id>/brieven.pdf``: the 58 proposal letters;
- ``GET /schuldhulp/<pk>/berichten/brieven.pdf?bericht=…``: the 60 kennisgevingen.

Target: both pages p95 <= 150 ms (issue 12, acceptance); the letters "in a few seconds". Every
answer is checked (200, the amounts or page counts). The CPU time of this process per request is
printed too: on a shared machine the wall clock also measures the others' work.

    .venv/bin/python benchmarks/schuldhulp_overzicht.py [--herhalingen 100] [--pdf-herhalingen 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_shoverzicht .venv/bin/python benchmarks/schuldhulp_overzicht.py
    .venv/bin/python benchmarks/schuldhulp_overzicht.py --profiel /tmp/regeling.prof --alleen regeling

SQLite: a fresh database file in a temporary directory. PostgreSQL: the database in DATABASE_URL
is dropped and created again (use a database of its own!). Prints JSON: the figures, queries per
request, the machine and the load.
"""

import argparse
import cProfile
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import voorbereiden  # noqa: E402  (the benchmark next to this one: database and migrate)
from schuldhulp_werklijst import machine  # noqa: E402

SCHULDEISERS = 60
TEAM = "Wijkteam Overvecht"


def vullen():
    """The resident, the consulent and the traject with its 60 debts, messages and proposal, through
    the services (as the screens do), except the proposal letters: those are what is measured."""
    from django.db import connection, transaction

    from vroeghulp.accounts.models import Gebruiker, Rol, Team
    from vroeghulp.gebieden import utrecht
    from vroeghulp.gebieden.models import Buurt, Gemeente, Wijk
    from vroeghulp.personen.models import Adres, Huishouden, Inwoner
    from vroeghulp.schuldhulp import berichten, regeling, schulden, workflow
    from vroeghulp.schuldhulp.models import (
        Aanmeldingswijze, Berichtsoort, Fase, Reactie, Schuld, Schuldeiser, Schuldeisersoort, Schuldstatus,
        Voorstel, Voorstelstatus,
    )

    gemeente = Gemeente.objects.create(code=utrecht.GEMEENTECODE, naam=utrecht.GEMEENTENAAM)
    data = next(w for w in utrecht.WIJKEN if w.naam == "Overvecht")
    wijk = Wijk.objects.create(code=data.code, naam=data.naam, gemeente=gemeente)
    buurt = Buurt.objects.create(code=data.buurten[0].code, naam=data.buurten[0].naam, wijk=wijk)
    team = Team.objects.create(naam=TEAM)
    team.wijken.set([wijk])
    consulent = Gebruiker.objects.create_user("bench", password="x" * 12, rol=Rol.CONSULENT,
                                              first_name="Carla", last_name="Consulent")
    consulent.teams.set([team])
    adres = Adres.objects.create(postcode="3563AB", huisnummer=12, straatnaam="Benchstraat", plaatsnaam="Utrecht",
                                 buurt=buurt)
    inwoner = Inwoner.objects.create(bsn="100000009", voorletters="A.", achternaam="Bench",
                                     geboortedatum=dt.date(1984, 5, 1), geslacht="Vrouw",
                                     huishouden=Huishouden.objects.create(adres=adres), rol="aanvrager",
                                     netto_inkomen_per_maand=Decimal("1650.00"))
    traject = workflow.aanmelden(inwoner.pk, door=consulent, aanmeldingswijze=Aanmeldingswijze.INLOOP)
    traject = workflow.overgang(traject, Fase.INTAKE, door=consulent)
    traject = workflow.overgang(traject, Fase.PLAN_VAN_AANPAK, door=consulent, verwachte_weken=26)

    soorten = list(Schuldeisersoort.values)
    vandaag = dt.date.today()
    with transaction.atomic():
        eisers = Schuldeiser.objects.bulk_create([
            Schuldeiser(naam=f"Schuldeiser {i:02d} {Schuldeisersoort(soorten[i % len(soorten)]).label}",
                        soort=soorten[i % len(soorten)], postadres=f"Postbus {100 + i}\n3500 AA Utrecht")
            for i in range(SCHULDEISERS)])
    for i, eiser in enumerate(eisers):
        status = Schuldstatus.OPEN
        if i == 7:
            status = Schuldstatus.BESLAG
        elif i == 58:
            status = Schuldstatus.BETAALD
        elif i == 59:
            status = Schuldstatus.BETWIST
        elif i % 9 == 4:
            status = Schuldstatus.BETALINGSREGELING
        schulden.toevoegen(traject.pk, door=consulent, schuldeiser=eiser.naam, soort=eiser.soort,
                           kenmerk=f"K-{1000 + i}", bedrag=Decimal(150 + 97 * i) + Decimal("0.45"),
                           ontstaansdatum=vandaag - dt.timedelta(days=30 + 11 * i), status=status,
                           preferent=i % 6 == 0, beslag_per_maand=Decimal("210.00") if i == 7 else None)
    schuld_ids = list(Schuld.objects.filter(traject=traject).order_by("id").values_list("id", flat=True))
    # a confirmed balance for a third of them, as a saldo reaction on the kennisgeving sets it
    kennisgevingen = berichten.verstuur(traject.pk, schuld_ids, Berichtsoort.KENNISGEVING, door=consulent,
                                        verzonden_op=vandaag - dt.timedelta(days=40))
    for i, bericht in enumerate(kennisgevingen):
        if i % 3 == 0:
            berichten.reactie_vastleggen(bericht.pk, Reactie.SALDO, door=consulent, saldo=Decimal(140 + 97 * i),
                                         ontvangen_op=vandaag - dt.timedelta(days=30))
        elif i % 3 == 1:
            berichten.reactie_vastleggen(bericht.pk, Reactie.AKKOORD, door=consulent,
                                         ontvangen_op=vandaag - dt.timedelta(days=31))

    berekening = regeling.afloscapaciteit_invoeren(traject.pk, "185.00", "uitkomst vtlb-calculator", door=consulent)
    voorstel = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=berekening.pk, door=consulent)
    # sent as regeling.versturen does, without making its letters here (those are measured below)
    with transaction.atomic():
        regels = list(voorstel.regels.all())
        nieuw = berichten.verstuur(traject.pk, [r.schuld_id for r in regels], Berichtsoort.BETALINGSVOORSTEL,
                                   door=consulent, verzonden_op=vandaag - dt.timedelta(days=7))
        for r, b in zip(regels, nieuw, strict=True):
            r.bericht = b
        type(regels[0]).objects.bulk_update(regels, ["bericht"])
        Voorstel.objects.filter(pk=voorstel.pk).update(status=Voorstelstatus.VERZONDEN, verzonden_op=nieuw[0].verzonden_op)
    for i, r in enumerate(regels):  # answers from half of the creditors
        if i % 2 == 0:
            reactie = (Reactie.AKKOORD, Reactie.AKKOORD, Reactie.AKKOORD, Reactie.WEIGERING,
                       Reactie.GEEN_REACTIE)[i // 2 % 5]
            berichten.reactie_vastleggen(r.bericht_id, reactie, door=consulent, ontvangen_op=vandaag - dt.timedelta(days=2))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return consulent, traject, Voorstel.objects.get(pk=voorstel.pk), [b.pk for b in kennisgevingen]


def _percentiel(tijden: list[float], p: float) -> float:
    tijden = sorted(tijden)
    return tijden[min(len(tijden) - 1, round(p * (len(tijden) - 1)))]


def meten(vraag, herhalingen: int, opwarmen: int) -> dict:
    for _ in range(opwarmen):  # templates, query plans, caches
        vraag()
    tijden, cpu = [], []
    for _ in range(herhalingen):
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        vraag()
        tijden.append((time.perf_counter() - begin) * 1000)
        cpu.append((time.thread_time() - begin_cpu) * 1000)
    return {"aantal": len(tijden), "p50_ms": round(statistics.median(tijden), 1),
            "p95_ms": round(_percentiel(tijden, 0.95), 1), "max_ms": round(max(tijden), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1), "cpu_p95_ms": round(_percentiel(cpu, 0.95), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=100)
    parser.add_argument("--opwarmen", type=int, default=10)
    parser.add_argument("--pdf-herhalingen", type=int, default=3)
    parser.add_argument("--alleen", choices=["schulden", "regeling", "brieven", "kennisgevingen"], action="append",
                        help="measure only these (repeatable); default all")
    parser.add_argument("--profiel", type=Path, default=None,
                        help="write a cProfile (pstats) of the measured requests to this path")
    args = parser.parse_args()
    info = machine()
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-shoverzicht-"))
    try:
        voorbereiden(tmp)
        import django

        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        import vroeghulp.wsgi  # noqa: F401  (as the application server imports it)
        from pypdf import PdfReader

        begin = time.perf_counter()
        consulent, traject, voorstel, kennisgevingen = vullen()
        laden = time.perf_counter() - begin
        client = Client()
        client.force_login(consulent)
        pool = f'data-pool="{voorstel.pool}"'.encode()

        def schulden():
            antwoord = client.get(f"/schuldhulp/{traject.pk}/schulden/")
            assert antwoord.status_code == 200, antwoord.status_code
            assert antwoord.content.count(b"data-schuld=") == SCHULDEISERS

        def regeling():
            antwoord = client.get(f"/schuldhulp/{traject.pk}/regeling/")
            assert antwoord.status_code == 200, antwoord.status_code
            assert antwoord.content.count(b"data-regel=") == SCHULDEISERS - 2 and pool in antwoord.content

        def pdf(url: str, brieven: int):
            def vraag():
                antwoord = client.get(url)
                assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf", antwoord.status_code
                pdf.paginas = len(PdfReader(__import__("io").BytesIO(antwoord.content)).pages)
                pdf.bytes = len(antwoord.content)
                assert pdf.paginas >= brieven, (pdf.paginas, brieven)
            return vraag

        brieven_url = f"/schuldhulp/{traject.pk}/regeling/voorstel/{voorstel.pk}/brieven.pdf"
        kennis_url = f"/schuldhulp/{traject.pk}/berichten/brieven.pdf?" + "&".join(f"bericht={b}" for b in kennisgevingen)
        metingen = {
            "schulden": (schulden, args.herhalingen, args.opwarmen),
            "regeling": (regeling, args.herhalingen, args.opwarmen),
            "brieven": (pdf(brieven_url, SCHULDEISERS - 2), args.pdf_herhalingen, 1),
            "kennisgevingen": (pdf(kennis_url, SCHULDEISERS), args.pdf_herhalingen, 1),
        }
        profiel = cProfile.Profile() if args.profiel else None
        uitkomst = {}
        for naam, (vraag, n, warm) in metingen.items():
            if args.alleen and naam not in args.alleen:
                continue
            if profiel:
                profiel.enable()
            uitkomst[naam] = meten(vraag, n, warm)
            if profiel:
                profiel.disable()
            if naam in ("brieven", "kennisgevingen"):
                uitkomst[naam].update(paginas=pdf.paginas, kilobytes=round(pdf.bytes / 1024))
            with CaptureQueriesContext(connection) as vragen:
                vraag()
            sql = [q["sql"] for q in vragen.captured_queries]
            # writes other than the audit events a read must write (a GET should write nothing else)
            anders = [s for s in sql if s.split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
                      and "audit_auditevent" not in s]
            uitkomst[naam].update(queries_per_verzoek=len(sql), schrijvend_buiten_audit=len(anders))
        if profiel:
            profiel.dump_stats(args.profiel)
        print(json.dumps({
            "database": connection.vendor, "schuldeisers": SCHULDEISERS, "laden_s": round(laden, 1),
            **uitkomst, "doel_p95_ms": 150, "machine": info,
            "load_bij_einde": [round(x, 2) for x in os.getloadavg()],
            "tijdstip_utc": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        }, indent=2, ensure_ascii=False))
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
