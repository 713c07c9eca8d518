"""Intake across processes, against a real database file (SQLite) and, when DATABASE_URL points
to PostgreSQL, a separate PostgreSQL database:

- crash test: ``vroeghulp signalen importeer`` of 100,000 rows killed with SIGKILL half-way
  leaves none of the rows (and a run to the end leaves all of them);
- concurrency: four imports at the same time with overlapping IDs never lose or double a signal;
- with matching while storing: four partners' imports at the same time over the same households
  give one case per household and period, and a killed import leaves no case behind.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from vroeghulp.personen.tests.factories import bsn_from_seed

pytestmark = pytest.mark.slow

VROEGHULP = str(Path(sys.executable).with_name("vroeghulp"))
KOP = "ID;bedrag;ontstaansdatum;signaaldatum;burgerservicenummer;postcode;huisnummer;achternaam\n"


def csv_bestand(pad: Path, ids, bedrag="412,50") -> Path:
    with pad.open("w", encoding="utf-8") as uit:
        uit.write(KOP)
        for i in ids:
            uit.write(f"P-{i:07d};{bedrag};03-12-2025;10-01-2026;{bsn_from_seed(i + 1)};35{i % 70 + 11:02d}AB;{i % 500 + 1};Jansen\n")
    return pad


class Database:
    """A migrated database outside the test runner's, reachable from subprocesses."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        basis = os.environ.get("DATABASE_URL", "")
        self.postgres = basis.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            deel = urlparse(basis)
            self.naam = f"vh_intake_proces_{os.getpid()}"
            self.url = deel._replace(path=f"/{self.naam}").geturl()
            self._beheer = deel._replace(path="/postgres").geturl()
            self._sql_beheer(f'DROP DATABASE IF EXISTS "{self.naam}"', f'CREATE DATABASE "{self.naam}"')
        else:
            self.pad = tmp / "intake.sqlite3"
            self.url = f"sqlite:///{self.pad}"
        self.env = {
            **os.environ, "DATABASE_URL": self.url, "VROEGHULP_OMGEVING": "test",
            "DJANGO_SETTINGS_MODULE": "vroeghulp.settings", "VROEGHULP_VAR_DIR": str(tmp),
            "VROEGHULP_POSTCODES_PC4": "3451-3455,3511-3585", "VROEGHULP_MATCHEN_NA_INTAKE": "0",
            "VROEGHULP_DB_CONN_MAX_AGE": "0",
        }
        self.run("migrate", "--no-input", "-v", "0")
        self.run("shell", "-c", (
            "from vroeghulp.signalering.models import Signaalpartner as P;"
            "P.objects.get_or_create(code='energie', defaults={'naam': 'Energie', 'type': 'Energie'})"
        ))

    def _sql_beheer(self, *opdrachten):
        import psycopg

        with psycopg.connect(self._beheer, autocommit=True) as verbinding:
            for opdracht in opdrachten:
                verbinding.execute(opdracht)

    def run(self, *args, **kwargs):
        return subprocess.run([VROEGHULP, *args], env=self.env, check=True, capture_output=True, timeout=600, **kwargs)

    def start(self, *args, **extra_env):
        return subprocess.Popen([VROEGHULP, *args], env={**self.env, **extra_env}, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def query(self, sql):
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url) as verbinding:
                return verbinding.execute(sql).fetchall()
        with sqlite3.connect(self.pad, timeout=30) as verbinding:
            return verbinding.execute(sql).fetchall()

    def aantal(self):
        return self.query("SELECT COUNT(*) FROM signalering_vroegsignaal")[0][0]

    def leeg(self):
        for tabel in ("signalering_vroegsignaal", "signalering_aanlevering", "zaken_vroegsignaalzaak"):
            self.query(f"DELETE FROM {tabel}") if not self.postgres else self._leeg_pg(tabel)

    def _leeg_pg(self, tabel):
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as verbinding:
            verbinding.execute(f"DELETE FROM {tabel}")

    def weg(self):
        if self.postgres:
            self._sql_beheer(f'DROP DATABASE IF EXISTS "{self.naam}" WITH (FORCE)')


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("intake_db"))
    yield db
    db.weg()


def _leesprocessen(database) -> list[int]:
    """Reading processes (intake.parallel) started for this test's database."""
    gevonden = []
    for pad in Path("/proc").glob("[0-9]*"):
        try:
            if b"intake.parallel import hoofd" in (pad / "cmdline").read_bytes() and (
                    database.url.encode() in (pad / "environ").read_bytes()):
                gevonden.append(int(pad.name))
        except OSError:
            continue
    return gevonden


@pytest.mark.parametrize("lezen", ["tweede_proces", "zelfde_proces"])
def test_killed_import_leaves_all_or_nothing(database, tmp_path, lezen):
    """Also with the file read and checked in a second process (intake.parallel): that process
    ends by itself once the import is killed."""
    database.leeg()
    bestand = csv_bestand(tmp_path / "groot.csv", range(100_000))
    proces = database.start("signalen", "importeer", str(bestand), "--partner", "energie", "-v", "2", "--samenvatting",
                            VROEGHULP_INTAKE_PARALLEL_VANAF_MB="0" if lezen == "tweede_proces" else "uit")
    begin = time.monotonic()
    regel = proces.stderr.readline()
    while regel and not regel.startswith("verwerkt:"):
        regel = proces.stderr.readline()
    assert regel.startswith("verwerkt:"), "de import meldde geen voortgang"
    verwerkt = int(regel.split(":")[1])
    assert 0 < verwerkt < 100_000  # half-way: some rows written inside the open transaction
    assert bool(_leesprocessen(database)) == (lezen == "tweede_proces")
    proces.send_signal(signal.SIGKILL)
    proces.wait(timeout=60)
    assert proces.returncode == -signal.SIGKILL
    tot = time.monotonic() + 15
    while _leesprocessen(database) and time.monotonic() < tot:
        time.sleep(0.1)
    assert not _leesprocessen(database), "het leesproces liep door na het stoppen van de import"
    assert database.aantal() in (0, 100_000)
    assert database.aantal() == 0, f"gestopt na {time.monotonic() - begin:.1f} s"
    assert database.query("SELECT COUNT(*) FROM signalering_aanlevering")[0][0] == 0

    af = database.run("signalen", "importeer", str(bestand), "--partner", "energie", "--samenvatting")
    assert b'"geaccepteerd": 100000' in af.stdout
    assert database.aantal() == 100_000


def test_concurrent_imports_never_lose_or_double(database, tmp_path):
    database.leeg()
    bestanden = [
        csv_bestand(tmp_path / f"deel{n}.csv", range(n * 1_500, n * 1_500 + 3_000), bedrag=f"{400 + n}")
        for n in range(4)
    ]
    alle_ids = {i for n in range(4) for i in range(n * 1_500, n * 1_500 + 3_000)}
    processen = [database.start("signalen", "importeer", str(b), "--partner", "energie", "--samenvatting") for b in bestanden]
    for proces in processen:
        uit, fout = proces.communicate(timeout=600)
        assert proces.returncode == 0, fout
    assert database.aantal() == len(alle_ids)
    assert database.query(
        "SELECT COUNT(*) FROM (SELECT extern_id FROM signalering_vroegsignaal GROUP BY extern_id HAVING COUNT(*) > 1) d"
    )[0][0] == 0


MET_MATCHING = {"VROEGHULP_MATCHEN_NA_INTAKE": "1", "VROEGHULP_BRP_BRON": "uit"}


def test_concurrent_imports_with_matching_make_one_case_per_household(database, tmp_path):
    """Matching while storing holds the matching lock until the delivery commits (PostgreSQL;
    SQLite serialises writers): deliveries of four partners over the same addresses at the same
    time must not make two cases for one household."""
    database.leeg()
    partners = ("energie", "water", "huur", "zorg")
    aanmaken = [
        f"P.objects.get_or_create(code='{code}', defaults={{'naam': '{code}', 'type': '{soort}'}})"
        for code, soort in zip(partners[1:], ("Water", "Huur", "Zorg"))
    ]
    database.run("shell", "-c", "from vroeghulp.signalering.models import Signaalpartner as P; " + "; ".join(aanmaken))
    bestanden = [csv_bestand(tmp_path / f"p{n}.csv", range(n * 700, n * 700 + 2_000)) for n in range(4)]
    processen = [
        database.start("signalen", "importeer", str(b), "--partner", code, "--samenvatting", **MET_MATCHING)
        for b, code in zip(bestanden, partners)
    ]
    for proces in processen:
        _uit, fout = proces.communicate(timeout=600)
        assert proces.returncode == 0, fout
    assert database.aantal() == 8_000
    assert database.query("SELECT COUNT(*) FROM signalering_vroegsignaal WHERE zaak_id IS NULL")[0][0] == 0
    huishoudens = database.query("SELECT COUNT(DISTINCT huishoudsleutel) FROM signalering_vroegsignaal")[0][0]
    assert huishoudens == len({(i % 70, i % 500) for i in range(4_100)})  # the addresses in the files
    assert database.query(
        "SELECT COUNT(*) FROM (SELECT huishoudsleutel, startdatum_matchingperiode FROM zaken_vroegsignaalzaak "
        "GROUP BY huishoudsleutel, startdatum_matchingperiode HAVING COUNT(*) > 1) d"
    )[0][0] == 0
    assert database.query("SELECT COUNT(*) FROM zaken_vroegsignaalzaak")[0][0] == huishoudens


def test_killed_import_with_matching_leaves_no_case(database, tmp_path):
    database.leeg()
    bestand = csv_bestand(tmp_path / "groot.csv", range(60_000))
    proces = database.start("signalen", "importeer", str(bestand), "--partner", "energie", "-v", "2", "--samenvatting",
                            **MET_MATCHING)
    regel = proces.stderr.readline()
    while regel and not regel.startswith("verwerkt:"):
        regel = proces.stderr.readline()
    assert regel.startswith("verwerkt:"), "de import meldde geen voortgang"
    proces.send_signal(signal.SIGKILL)
    proces.wait(timeout=60)
    assert database.aantal() == 0
    assert database.query("SELECT COUNT(*) FROM zaken_vroegsignaalzaak")[0][0] == 0
