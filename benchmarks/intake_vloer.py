"""The write floor of the intake (issue 4): only the INSERTs (SQLite) or binary COPYs (PostgreSQL)
of N signal rows and their new cases, as the intake writes them, in one transaction. The rows are
built before the clock starts; nothing is read, checked or matched. What this takes is the least
any intake can take on this machine with this schema (see docs/performance.md).

    .venv/bin/python benchmarks/intake_vloer.py [--rijen 1000000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_vloer .venv/bin/python benchmarks/intake_vloer.py

Same database setup and household mix as benchmarks/intake.py (4 households per 5 signals).
"""

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import voorbereiden  # noqa: E402  (the benchmark next to this one)

BLOK = 5_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, default=1_000_000)
    parser.add_argument("--zonder-zaakindexen", action="store_true",
                        help="drop the secondary indexes of the cases first (what do they cost?)")
    args = parser.parse_args()
    voorbereiden(Path(tempfile.mkdtemp(prefix="vh-bench-vloer-")))

    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from vroeghulp.common import pgarray
    from vroeghulp.signalering.intake.opslag import _KOLOMMEN, _TABEL
    from vroeghulp.signalering.models import Aanlevering, Signaalpartner
    from vroeghulp.zaken.models import Vroegsignaalzaak

    postgres = connection.vendor == "postgresql"
    partner = Signaalpartner.objects.create(code="energie", naam="Energie", type="Energie")
    aanlevering = Aanlevering.objects.create(partner=partner, kanaal="opdrachtregel")
    nu = timezone.now()

    def d(jaar, maand, dag):
        datum = dt.date(jaar, maand, dag)
        return datum if postgres else datum.isoformat()

    def bedrag(tekst):
        return Decimal(tekst) if postgres else tekst

    ontvangen = nu if postgres else connection.ops.adapt_datetimefield_value(nu)
    zaak_kolommen = ["id", "huishoudsleutel", "status", "matchsoort", "matchingsdatum",
                     "startdatum_matchingperiode", "einddatum_matchingperiode", "resultaat", "crisis",
                     "warme_overdracht", "totaal_bedrag", "deadline", "aangemaakt", "gewijzigd",
                     "deadline_soort", "reden_toelichting", "contact_uiterlijk", "hulpaanbod_uiterlijk"]
    signaal_kolommen = list(_KOLOMMEN) + ["id", "zaak_id"]  # _KOLOMMEN ends with vorig_bedrag
    huishoudens = max(1, args.rijen * 4 // 5)
    zaak_van: dict[int, int] = {}
    blokken = []
    for begin in range(0, args.rijen, BLOK):
        zaken, signalen = [], []
        for i in range(begin, min(begin + BLOK, args.rijen)):
            h = i * 7_919 % huishoudens
            sleutel = f"A:{3511 + h % 75}AB{h // 75 + 1}"
            if h not in zaak_van:
                zaak_van[h] = len(zaak_van) + 1
                zaken.append((zaak_van[h], sleutel, "nieuw", "enkelvoudig", d(2026, 11, 23), d(2026, 1, 1),
                              d(2026, 1, 31), "", False, False, bedrag("123.45"), d(2026, 12, 21), ontvangen,
                              ontvangen, "hulpaanbod", "", None, d(2026, 12, 21)))
            signalen.append((
                f"BENCH-{i:08d}", bedrag("123.45"), d(2025, 11, 1), d(2026, 1, 10), False, False, False,
                f"K{i:07d}", "123456782", f"{3511 + h % 75}AB", str(h // 75 + 1), "", d(1970, 1, 1), "Vrouw",
                "A.", "", "Jansen12", "Dorpsstraat", "Utrecht", "0612345678", "a@example.nl", sleutel, "[]",
                partner.pk, aanlevering.pk, ontvangen, False, False, "Nog niet opgepakt", d(2026, 11, 23), None,
                i + 1, zaak_van[h],
            ))
        blokken.append((zaken, signalen))

    zaak_tabel = Vroegsignaalzaak._meta.db_table
    if args.zonder_zaakindexen:  # this benchmark's own database only
        with connection.cursor() as cursor:
            for index in connection.introspection.get_constraints(cursor, zaak_tabel).items():
                naam, kenmerken = index
                if kenmerken["index"] and not kenmerken["primary_key"] and not kenmerken["unique"]:
                    cursor.execute(f'DROP INDEX "{naam}"')
    tijd = {"zaken_s": 0.0, "signalen_s": 0.0}

    def schrijf(tabel, kolommen, rijen, soort):
        begin = time.perf_counter()
        with connection.cursor() as cursor:
            if postgres:
                pgarray.kopieer(cursor, tabel, kolommen, rijen)
            else:
                cursor.executemany(
                    f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({', '.join(['%s'] * len(kolommen))})", rijen)
        tijd[soort] += time.perf_counter() - begin

    begin = time.perf_counter()
    with transaction.atomic():
        for zaken, signalen in blokken:
            if zaken:
                schrijf(zaak_tabel, zaak_kolommen, zaken, "zaken_s")
            schrijf(_TABEL, signaal_kolommen, signalen, "signalen_s")
        voor_commit = time.perf_counter()
    totaal = time.perf_counter() - begin
    print(json.dumps({
        "database": connection.vendor, "rijen": args.rijen, "zaken": len(zaak_van),
        "zaakindexen": "weg" if args.zonder_zaakindexen else "alle",
        "zaken_s": round(tijd["zaken_s"], 1), "signalen_s": round(tijd["signalen_s"], 1),
        "commit_s": round(totaal - (voor_commit - begin), 1), "totaal_s": round(totaal, 1),
        "hoogstens_per_s": round(args.rijen / totaal), "load": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
