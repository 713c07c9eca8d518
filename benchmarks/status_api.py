"""Benchmark of the partner status API (issue 10): ``GET /api/v1/signalen/status?sinds=...`` at
1,000,000 signals of several partners, first pages and deep pages (``na=`` from ``volgende``),
through Django's test client (middleware, token check, audit event: the whole request).

    .venv/bin/python benchmarks/status_api.py [--signalen 1000000] [--partners 5] [--herhalingen 200]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_status .venv/bin/python benchmarks/status_api.py

SQLite: a fresh database file in a temporary directory. PostgreSQL: the database in DATABASE_URL
is dropped and created again (use a database of its own!). The signals are written as the intake
writes them (one INSERT/COPY per 5,000 rows, no cases: the status API does not read them), with
status dates spread over 400 days; then ANALYZE, as the intake does after a large delivery.
Target: one page (1,000 signals) <= 20 ms. Prints p50/p95 per kind of page and the query plan.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import voorbereiden  # noqa: E402  (the benchmark next to this one)

BLOK = 5_000
EERSTE_DAG = dt.date(2025, 1, 1)
DAGEN = 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signalen", type=int, default=1_000_000)
    parser.add_argument("--partners", type=int, default=5)
    parser.add_argument("--herhalingen", type=int, default=200, help="requests per kind of page")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-status-"))
    voorbereiden(tmp)

    import django

    django.setup()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
    from vroeghulp.common import pgarray
    from vroeghulp.signalering.intake.opslag import _KOLOMMEN, _TABEL
    from vroeghulp.signalering.models import Aanlevering, Signaalpartner

    postgres = connection.vendor == "postgresql"
    partners = [Signaalpartner.objects.create(code=f"p{i}", naam=f"Partner {i}", type="Energie")
                for i in range(args.partners)]
    aanleveringen = [Aanlevering.objects.create(partner=p, kanaal="opdrachtregel") for p in partners]
    nu = timezone.now()
    ontvangen = nu if postgres else connection.ops.adapt_datetimefield_value(nu)
    datums = [EERSTE_DAG + dt.timedelta(days=d) for d in range(DAGEN)]
    if not postgres:
        datums = [d.isoformat() for d in datums]
    bedrag = Decimal("123.45") if postgres else "123.45"
    signaaldatum = datums[0]
    kolommen = list(_KOLOMMEN)  # ends with vorig_bedrag

    begin = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, args.signalen, BLOK):
            rijen = []
            for i in range(start, min(start + BLOK, args.signalen)):
                p = i % args.partners
                rijen.append((
                    f"S-{i:08d}", bedrag, None, signaaldatum, False, False, False, "", "", "3511AB",
                    str(i % 999 + 1), "", None, "", "", "", "", "", "", "", "", f"A:3511AB{i % 999 + 1}", "[]",
                    partners[p].pk, aanleveringen[p].pk, ontvangen, False, False, "Nog niet opgepakt",
                    datums[i * 7_919 % DAGEN], None,
                ))
            if postgres:
                pgarray.kopieer(cursor, _TABEL, kolommen, rijen)
            else:
                cursor.executemany(
                    f"INSERT INTO {_TABEL} ({', '.join(kolommen)}) VALUES ({', '.join(['%s'] * len(kolommen))})",
                    rijen)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    laden = time.perf_counter() - begin

    partner = partners[0]
    client_api = ApiClient.objects.create(naam="status", signaalpartner=partner,
                                          scopes=[Scope.SIGNALEN_STATUS.value])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.nieuw(client_api)[1]}"}
    import vroeghulp.wsgi  # noqa: F401  (as the application server imports it)

    client = Client()
    sinds = (EERSTE_DAG + dt.timedelta(days=30)).isoformat()

    def vraag(url: str) -> tuple[float, dict]:
        begin = time.perf_counter()
        antwoord = client.get(url, **auth)
        duur = time.perf_counter() - begin
        assert antwoord.status_code == 200, antwoord.content[:300]
        return duur, antwoord.json()

    # cursors at several depths of this partner's list: follow 'volgende' once through the list
    url = f"/api/v1/signalen/status?sinds={sinds}"
    diepe = []
    pagina_nummer = 0
    while url:
        _duur, data = vraag(url)
        url = data["volgende"]
        pagina_nummer += 1
        if url and pagina_nummer % 10 == 0:
            diepe.append(url.split("testserver", 1)[1])
    paginas = pagina_nummer

    def meet(urls: list[str]) -> dict:
        tijden = []
        for herhaling in range(args.herhalingen):
            duur, data = vraag(urls[herhaling % len(urls)])
            assert len(data["resultaten"]) == 1000
            tijden.append(duur * 1000)
        tijden.sort()
        return {"p50_ms": round(statistics.median(tijden), 2),
                "p95_ms": round(tijden[int(len(tijden) * 0.95) - 1], 2),
                "max_ms": round(tijden[-1], 2), "aantal": len(tijden)}

    eerste = meet([f"/api/v1/signalen/status?sinds={sinds}"])
    diep = meet(diepe)

    def query_van(url: str) -> str:
        with CaptureQueriesContext(connection) as vragen:
            vraag(url)
        return next(q["sql"] for q in vragen.captured_queries if _TABEL in q["sql"] and "ORDER BY" in q["sql"])

    def alleen_query(sqls: list[str]) -> dict:
        """The page's SELECT alone (the rest of a request: token, audit event, JSON)."""
        tijden = []
        with connection.cursor() as cursor:
            for herhaling in range(args.herhalingen):
                begin = time.perf_counter()
                cursor.execute(sqls[herhaling % len(sqls)])
                cursor.fetchall()
                tijden.append((time.perf_counter() - begin) * 1000)
        tijden.sort()
        return {"p50_ms": round(statistics.median(tijden), 2), "p95_ms": round(tijden[int(len(tijden) * 0.95) - 1], 2)}

    sql = query_van(diepe[len(diepe) // 2])
    query_eerste = alleen_query([query_van(f"/api/v1/signalen/status?sinds={sinds}")])
    query_diep = alleen_query([query_van(url) for url in diepe[:20]])
    with connection.cursor() as cursor:
        cursor.execute(("EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN ") + sql)
        plan = [" ".join(str(k) for k in rij[-1:]) for rij in cursor.fetchall()]

    print(json.dumps({
        "database": connection.vendor, "signalen": args.signalen, "partners": args.partners,
        "signalen_van_partner": args.signalen // args.partners, "paginas_van_partner": paginas,
        "laden_s": round(laden, 1), "eerste_pagina": eerste, "diepe_pagina": diep,
        "alleen_query_eerste": query_eerste, "alleen_query_diep": query_diep,
        "query": sql, "plan": plan, "load": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
    }, indent=2, ensure_ascii=False))
    if not postgres:
        for pad in tmp.iterdir():
            pad.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()
