"""Benchmark of the monitor's dashboard (issue 13): 1,000,000 signals and their cases, p50/p95 of
the dashboard page, its charts and a CSV download, target p95 <= 300 ms.

Creates a temporary database (SQLite file in a temp dir, or a fresh PostgreSQL database when
``--database-url postgres://…/name`` is given; dropped afterwards), migrates it, fills one
municipality (10 wijken, 50 buurten, one focus wijk) with N signals over 24 months of 4 partner
types, grouped into cases (1-3 signals each) with residents and addresses, contact attempts,
results and a few schuldhulptrajecten; runs ``vroeghulp monitor bijwerken --alles`` (timed: the
first fill; the nightly run counts only the last two months), then times the analist's requests
through Django's test client: the dashboard with several filters, the three SVG charts and a
CSV download. Each request reads the pre-aggregated cells, suppresses and renders.

    .venv/bin/python benchmarks/monitor_dashboard.py [--signalen 1000000] [--herhaal 10]
    .venv/bin/python benchmarks/monitor_dashboard.py --database-url postgres://postgres@127.0.0.1:5432/vh_bench_monitor
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone as dt_timezone
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from worklist import machine, maak_postgres, opzetten, verwijder_postgres  # noqa: E402

PARTNERTYPEN = ("Huur", "Energie", "Water", "Zorg")
RESULTATEN = ("Definitief geen contact kunnen krijgen", "(Budget)advies en/of quick fix",
              "Vervolghulp en/of verwijzing financieel", "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering",
              "Niet opgepakt: herhaalde melding")


def _maand_terug(d: date, n: int) -> date:
    t = d.year * 12 + d.month - 1 - n
    return date(t // 12, t % 12 + 1, 1)


def vullen(aantal: int, seed: int = 13):
    from django.db import connection, transaction

    from vroeghulp.accounts.models import Gebruiker, Rol
    from vroeghulp.gebieden.models import Buurt, Gemeente, Postcode, Wijk
    from vroeghulp.personen.models import Adres, Huishouden, Inwoner
    from vroeghulp.schuldhulp.models import Traject
    from vroeghulp.signalering.models import Signaalpartner, Vroegsignaal
    from vroeghulp.zaken.models import Contactpoging, Vroegsignaalzaak

    rng = random.Random(seed)
    vandaag = date.today()
    nu = datetime.now(dt_timezone.utc)
    with transaction.atomic():
        gemeente = Gemeente.objects.create(code="0344", naam="Utrecht")
        wijken = [Wijk.objects.create(code=f"WK0344{i:02d}", naam=f"Wijk {i}", gemeente=gemeente, focusgebied=i == 3)
                  for i in range(10)]
        buurten = [Buurt.objects.create(code=f"BU0344{i:02d}{j:02d}", naam=f"Buurt {i}-{j}", wijk=w)
                   for i, w in enumerate(wijken) for j in range(5)]
        analist = Gebruiker.objects.create_user("bench", password="x" * 12, rol=Rol.ANALIST)
        consulent = Gebruiker.objects.create_user("consulent", password="x" * 12, rol=Rol.CONSULENT)
        partners = [Signaalpartner.objects.create(code=t.lower(), naam=t, type=t) for t in PARTNERTYPEN]
    n_zaken = int(aantal / 1.6)
    signalen_klaar = 0
    blok = 50_000
    for start in range(0, n_zaken, blok):
        eind = min(n_zaken, start + blok)
        with transaction.atomic():
            adressen = [Adres(postcode=f"{3500 + i // 400 % 100:04d}{chr(65 + i // 20 % 20)}{chr(65 + i % 20)}",
                              huisnummer=i + 1, straatnaam="Benchstraat", plaatsnaam="Utrecht",
                              buurt=buurten[i % len(buurten)]) for i in range(start, eind)]
            Adres.objects.bulk_create(adressen, batch_size=5000)
            huishoudens = [Huishouden(adres=a) for a in adressen]
            Huishouden.objects.bulk_create(huishoudens, batch_size=5000)
            inwoners = [Inwoner(bsn=f"{100000000 + i:09d}", voorletters="A.", achternaam=f"Bench{i}",
                                geboortedatum=date(1970 + i % 40, 1 + i % 12, 1 + i % 28), geslacht="Vrouw",
                                huishouden=h, rol="aanvrager") for i, h in zip(range(start, eind), huishoudens)]
            Inwoner.objects.bulk_create(inwoners, batch_size=5000)
            zaken = []
            for i, inwoner in zip(range(start, eind), inwoners):
                matching = _maand_terug(vandaag, rng.randint(0, 23)) + timedelta(days=rng.randint(0, 27))
                stap = rng.random()
                opgepakt = matching + timedelta(days=2) if stap > 0.2 else None
                afgerond = matching + timedelta(days=rng.randint(10, 60)) if stap > 0.4 else None
                if afgerond and afgerond > vandaag:
                    afgerond = None
                zaken.append(Vroegsignaalzaak(
                    huishoudsleutel=f"B:{i}", inwoner=inwoner, wijk_id=buurten[i % len(buurten)].wijk_id,
                    status="afgerond" if afgerond else ("opgepakt" if opgepakt else "nieuw"),
                    matchsoort=rng.choice(["enkelvoudig"] * 5 + ["meervoudig"] + ["opeenvolgend"] * 4),
                    matchingsdatum=matching, startdatum_matchingperiode=matching.replace(day=1),
                    einddatum_matchingperiode=matching, datum_opgepakt=opgepakt,
                    datum_hulp_aangeboden=matching + timedelta(days=8) if stap > 0.7 else None,
                    datum_afgerond=afgerond, resultaat=rng.choice(RESULTATEN) if afgerond else "",
                    totaal_bedrag=Decimal(rng.randint(50, 4000))))
            Vroegsignaalzaak.objects.bulk_create(zaken, batch_size=5000)
            signalen, pogingen, trajecten = [], [], []
            for zaak, adres in zip(zaken, adressen):
                for _ in range(rng.choice([1, 1, 2, 2, 3]) if signalen_klaar < aantal else 0):
                    signalen_klaar += 1
                    signalen.append(Vroegsignaal(
                        partner=rng.choice(partners), extern_id=f"B-{signalen_klaar}", bedrag=Decimal(rng.randint(50, 1500)),
                        signaaldatum=zaak.matchingsdatum - timedelta(days=rng.randint(0, 5)), ontvangen=nu,
                        huishoudsleutel=zaak.huishoudsleutel, zaak=zaak, inwoner_id=zaak.inwoner_id,
                        wijk_id=zaak.wijk_id, postcode=adres.postcode, huisnummer=str(adres.huisnummer),
                        bsn="" if rng.random() < 0.05 else "123456782",
                        status="Opgepakt" if zaak.datum_opgepakt else "Nog niet opgepakt", status_datum=zaak.matchingsdatum))
                if zaak.datum_opgepakt:
                    for k in range(rng.randint(1, 3)):
                        pogingen.append(Contactpoging(zaak=zaak, soort=rng.choice(["Telefoon", "Huisbezoek", "Brief"]),
                                                      datum=zaak.datum_opgepakt + timedelta(days=k),
                                                      dagdeel=rng.choice(["Ochtend", "Middag", "Avond"]),
                                                      bereikt=k == 0 and rng.random() < 0.5))
                if zaak.resultaat.startswith("Vervolghulp") and rng.random() < 0.3:
                    trajecten.append(Traject(inwoner_id=zaak.inwoner_id, huishouden_id=zaak.inwoner.huishouden_id,
                                             wijk_id=zaak.wijk_id, zaak=zaak, aanmeldingswijze="vroegsignalering",
                                             aanmelddatum=zaak.datum_afgerond, eerste_gesprek_uiterlijk=zaak.datum_afgerond,
                                             stabilisatie_startdatum=zaak.datum_afgerond if rng.random() < 0.6 else None,
                                             fase="stabilisatie"))
            Vroegsignaal.objects.bulk_create(signalen, batch_size=5000)
            Contactpoging.objects.bulk_create(pogingen, batch_size=5000)
            Traject.objects.bulk_create(trajecten, batch_size=5000)
            Postcode.objects.bulk_create([Postcode(postcode=a.postcode, buurt=a.buurt) for a in adressen],
                                         batch_size=5000, ignore_conflicts=True)
        print(f"  {eind:,} zaken, {signalen_klaar:,} signalen", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return analist, wijken, buurten, signalen_klaar


def urls(wijken, buurten, periode: str) -> list[str]:
    jaar = periode.split(":")[1][:4]
    kwartaal = f"kwartaal:{jaar}-01-01"
    filters = ["", f"periode={periode}", f"periode={periode}&wijk={wijken[2].pk}",
               f"periode={periode}&buurt={buurten[7].pk}", f"periode={periode}&focusgebied=on",
               f"periode={periode}&partnertype=Energie", f"periode={kwartaal}", f"periode=jaar:{jaar}-01-01",
               f"periode={kwartaal}&wijk={wijken[5].pk}&partnertype=Huur"]
    uit = [f"/monitor/?{f}" for f in filters]
    uit += [f"/monitor/grafiek/{n}.svg?periode={periode}&wijk={wijken[2].pk}" for n in ("trechter", "trend", "resultaten")]
    uit += [f"/monitor/download/gebieden.csv?periode={periode}", f"/monitor/download/trend.xlsx?periode={periode}"]
    return uit


def meten(analist, lijst: list[str], herhaal: int):
    from django.test import Client

    client = Client()
    client.force_login(analist)
    for url in lijst:  # warm-up
        assert client.get(url).status_code == 200, url
    tijden = {url: [] for url in lijst}
    for _ in range(herhaal):
        for url in lijst:
            begin = time.perf_counter()
            antwoord = client.get(url)
            tijden[url].append((time.perf_counter() - begin) * 1000)
            assert antwoord.status_code == 200, url
    return tijden


def p95(waarden):
    return statistics.quantiles(waarden, n=20)[18] if len(waarden) >= 2 else waarden[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signalen", type=int, default=1_000_000)
    parser.add_argument("--herhaal", type=int, default=10)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        if args.database_url:
            maak_postgres(args.database_url)
        try:
            opzetten(args.database_url, Path(tmp))
            import vroeghulp.urls  # noqa: F401  (fail now, not after the fill, if the URLconf cannot load)
            from django.db import connection

            print(f"Database: {connection.vendor}")
            begin = time.perf_counter()
            analist, wijken, buurten, n = vullen(args.signalen)
            print(f"Gevuld: {n:,} signalen in {time.perf_counter() - begin:.0f} s")
            from vroeghulp.monitor.bijwerken import bijwerken
            from vroeghulp.monitor.models import Contactcel, Monitorcel

            begin = time.perf_counter()
            bijwerking = bijwerken(alles=True)
            print(f"monitor bijwerken --alles: {time.perf_counter() - begin:.1f} s, {bijwerking.cellen:,} cellen "
                  f"({Monitorcel.objects.count():,} monitorcellen, {Contactcel.objects.count():,} contactcellen)")
            begin = time.perf_counter()
            bijwerken()
            print(f"monitor bijwerken (nachtelijk, vorige en deze maand): {time.perf_counter() - begin:.1f} s")
            vorige = _maand_terug(date.today(), 1)
            tijden = meten(analist, urls(wijken, buurten, f"maand:{vorige.isoformat()}"), args.herhaal)
            alle = []
            for url, t in tijden.items():
                alle += t
                print(f"  p50 {statistics.median(t):6.1f} ms  p95 {p95(t):6.1f} ms  {url}")
            print(f"Alle {len(alle)} verzoeken: p50 {statistics.median(alle):.1f} ms, p95 {p95(alle):.1f} ms "
                  f"(doel p95 <= 300 ms)")
        finally:
            if args.database_url:
                verwijder_postgres(args.database_url)


if __name__ == "__main__":
    main()
