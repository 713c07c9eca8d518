"""Load test of the production server (issue 10): ``vroeghulp server`` with production settings on
PostgreSQL, 20 concurrent clients for 30 s on the partner status API, loopback only.

    .venv/bin/python benchmarks/server_last.py [--signalen 150000] [--clients 20] [--duur 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vh_bench_server .venv/bin/python benchmarks/server_last.py

The database in DATABASE_URL (default ``vh_bench_server_last`` on 127.0.0.1:5432) is dropped and
created again: use a database of its own. It gets ``--signalen`` signals of the partner (imported
with ``vroeghulp signalen importeer`` and matched, status dates spread over a year) plus a third
as many of another partner. Half the requests ask ``GET /api/v1/signalen/status?sinds=`` for one of
the last 7 days (a page of up to 1,000 signals), half ``GET /api/v1/signalen/{ID}/status`` for a
random stored ID; every request is audited, as in production. The load comes from ``wrk``
(Debian: ``apt-get install wrk``), a closed loop of ``--clients`` connections.
Also the CPU time per request of the server, its PostgreSQL backends and wrk, each measured per
process, and the ceiling that gives on this machine's cores (what a run would reach if nothing
else ran): on a shared machine the figure to compare between runs.
Target: >= 400 requests/s, p99 <= 100 ms, 0 errors. Results as JSON on stdout.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[0]
sys.path.insert(0, str(ROOT))
from intake import maak_csv  # noqa: E402  (the same realistic rows as the intake benchmark)

VROEGHULP = str(Path(sys.executable).with_name("vroeghulp"))
KEY = "bench-" + "x7#Qm2!vL9@pR4$wT6%" * 3
BSN = re.compile(r"(?<!\d)\d{9}(?!\d)")

LUA = r"""
local ids = {%(ids)s}
local dates = {%(dates)s}
local headers = {["Authorization"] = "Bearer %(token)s", ["X-Forwarded-Proto"] = "https",
                 ["Host"] = "127.0.0.1"}
local counter = 0
function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init(args) math.randomseed(seed) end
function request()
  counter = counter + 1
  local path
  if counter %% 2 == 0 then
    path = "/api/v1/signalen/status?sinds=" .. dates[math.random(#dates)]
  else
    path = "/api/v1/signalen/" .. ids[math.random(#ids)] .. "/status"
  end
  return wrk.format("GET", path, headers)
end
function done(summary, latency, requests)
  io.write(string.format('{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "errors_status": %%d, "errors_connect": %%d, "errors_read": %%d, ' ..
    '"errors_write": %%d, "errors_timeout": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout))
end
"""


def run(*args: str, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([VROEGHULP, *args], env=env, check=True, text=True, capture_output=True, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database(url: str) -> None:
    import psycopg

    naam = urlsplit(url).path.lstrip("/")
    with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl(), autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        verbinding.execute(f'CREATE DATABASE "{naam}"')


def vullen(url: str, env: dict, signalen: int, tmp: Path) -> list[str]:
    """Two partners' signals through the intake; status dates spread over the last year (the
    intake gives every signal today's date). Returns a sample of the partner's stored IDs."""
    import psycopg

    run("shell", "-c", "from vroeghulp.signalering.models import Signaalpartner as P; "
        "P.objects.create(code='energie', naam='Energie', type='Energie'); "
        "P.objects.create(code='water', naam='Water', type='Water')", env=env)
    for code, aantal in (("energie", signalen), ("water", signalen // 3)):
        bestand = tmp / f"{code}.csv"
        maak_csv(bestand, aantal, max(1, aantal * 4 // 5))
        if code == "water":  # other IDs, other households
            tekst = bestand.read_text(encoding="cp1252").replace("BENCH-", "WATER-")
            bestand.write_text(tekst, encoding="cp1252")
        run("signalen", "importeer", str(bestand), "--partner", code, "--samenvatting", env=env, timeout=1800)
    with psycopg.connect(url, autocommit=True) as verbinding:
        verbinding.execute("UPDATE signalering_vroegsignaal SET status_datum = CURRENT_DATE - (id % 365)::int")
        verbinding.execute("VACUUM ANALYZE signalering_vroegsignaal")
        rijen = verbinding.execute(
            "SELECT s.extern_id FROM signalering_vroegsignaal s JOIN signalering_signaalpartner p "
            "ON p.id = s.partner_id WHERE p.code = 'energie' ORDER BY random() LIMIT 2000").fetchall()
        aantallen = dict(verbinding.execute(
            "SELECT p.code, count(*) FROM signalering_vroegsignaal s JOIN signalering_signaalpartner p "
            "ON p.id = s.partner_id GROUP BY p.code").fetchall())
    print(f"signalen: {aantallen}", file=sys.stderr)
    return [r[0] for r in rijen]


def wacht(base: str, proces: subprocess.Popen, log: Path) -> None:
    for _ in range(300):
        if proces.poll() is not None:
            sys.exit(f"De server stopte:\n{log.read_text()}")
        try:
            urllib.request.urlopen(base + "/gezond/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"De server antwoordde niet:\n{log.read_text()}")


def cpu_seconden(pids: list[int]) -> dict[int, float]:
    """User + system CPU time so far of each of these processes (the ones still alive)."""
    import psutil

    tijden = {}
    for pid in pids:
        try:
            cpu = psutil.Process(pid).cpu_times()
        except psutil.Error:
            continue
        tijden[pid] = cpu.user + cpu.system
    return tijden


def cpu_verschil(voor: dict[int, float], na: dict[int, float]) -> float:
    """CPU seconds used between the two readings; a process started in between counts whole
    (a server thread that opened its database connection during the run)."""
    return sum(tijd - voor.get(pid, 0.0) for pid, tijd in na.items())


def server_pids(master: int) -> list[int]:
    import psutil

    return [master, *(kind.pid for kind in psutil.Process(master).children(recursive=True))]


def backend_pids(url: str) -> list[int]:
    """The PostgreSQL backends of the server's database (persistent connections, CONN_MAX_AGE)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as verbinding:
        rijen = verbinding.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [r[0] for r in rijen]


def wrk(base: str, script: Path, clients: int, duur: int, threads: int) -> dict:
    uit = subprocess.run(["wrk", f"-t{threads}", f"-c{clients}", f"-d{duur}s", "--timeout", "5s",
                          "-s", str(script), base], capture_output=True, text=True, check=True)
    cijfers = json.loads(uit.stdout.strip().splitlines()[-1])
    return cijfers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signalen", type=int, default=150_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duur", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (VROEGHULP_THREADS, default 1)")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--hergebruik", action="store_true",
                        help="keep the database of the previous run (no drop, no import)")
    parser.add_argument("--in-proces", action="store_true",
                        help="no server, no wrk: CPU per request of the WSGI handler in this process "
                        "(production settings, the database of the previous run)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk ontbreekt: installeer het met 'apt-get install wrk' (Debian/Ubuntu).")
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vh_bench_server_last")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Deze benchmark draait op PostgreSQL: zet DATABASE_URL=postgres://...")
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-server-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VROEGHULP_", "DJANGO_"))}
    env.update(DATABASE_URL=url, VROEGHULP_OMGEVING="productie", VROEGHULP_SECRET_KEY=KEY,
               VROEGHULP_ALLOWED_HOSTS="127.0.0.1", VROEGHULP_VAR_DIR=str(tmp), VROEGHULP_BRP_BRON="uit",
               VROEGHULP_POSTCODES_PC4="3451-3455,3511-3585", VROEGHULP_BIND=f"127.0.0.1:{port}",
               VROEGHULP_WORKERS=str(args.workers))
    if "VROEGHULP_DB_PREPARED" in os.environ:  # to compare with prepared statements off
        env["VROEGHULP_DB_PREPARED"] = os.environ["VROEGHULP_DB_PREPARED"]
    if args.threads:
        env["VROEGHULP_THREADS"] = str(args.threads)
    if args.in_proces:
        in_proces(env)
        return
    begin = time.perf_counter()
    ids_pad = Path(tempfile.gettempdir()) / "vh-bench-server-ids.json"
    if args.hergebruik and ids_pad.exists():
        ids = json.loads(ids_pad.read_text())
    else:
        database(url)
        run("migrate", "--noinput", "-v0", env=env)
        ids = vullen(url, env, args.signalen, tmp)
        ids_pad.write_text(json.dumps(ids))
    klaarzetten = time.perf_counter() - begin
    token = run("partners", "token", "energie", env=env).stdout.strip()
    vandaag = dt.date.today()
    script = tmp / "status.lua"
    script.write_text(LUA % {
        "ids": ", ".join(json.dumps(i) for i in ids),
        "dates": ", ".join(f'"{vandaag - dt.timedelta(days=d)}"' for d in range(1, 8)),
        "token": token,
    })
    log = tmp / "server.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as uit:
        proces = subprocess.Popen([VROEGHULP, "server"], env=env, stdout=uit, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        wacht(base, proces, log)
        wrk(base, script, args.clients, 3, args.wrk_threads)  # warm-up: connections, caches
        # CPU per request of each party, measured per process: what the figures would be on
        # cores of their own, whatever else runs on this machine.
        servers = server_pids(proces.pid)
        cpu_voor = (cpu_seconden(servers), cpu_seconden(backend_pids(url)), _kinderen_cpu())
        load_voor = os.getloadavg()
        cijfers = wrk(base, script, args.clients, args.duur, args.wrk_threads)
        load_na = os.getloadavg()
        backends = backend_pids(url)
        cpu_na = (cpu_seconden(servers), cpu_seconden(backends), _kinderen_cpu())
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
    serverlog = log.read_text(encoding="utf-8", errors="backslashreplace")
    fouten_in_log = [r for r in serverlog.splitlines() if "Traceback" in r or "[ERROR]" in r]
    seconden = cijfers["duration_us"] / 1e6
    # The server's own time per request (access log, dt_ms): without the queue in front of it.
    binnen = sorted(int(m) for m in re.findall(r'" 200 (\d+)ms$', serverlog, re.MULTILINE))
    in_server = {f"p{p}_ms": binnen[min(len(binnen) - 1, len(binnen) * p // 100)] for p in (50, 99)} if binnen else {}
    verschillen = (cpu_verschil(cpu_voor[0], cpu_na[0]), cpu_verschil(cpu_voor[1], cpu_na[1]), cpu_na[2] - cpu_voor[2])
    cpu_ms = {naam: round(seconden_cpu * 1000 / cijfers["requests"], 2)
              for naam, seconden_cpu in zip(("server", "postgresql", "wrk"), verschillen)}
    cpu_ms["samen"] = round(sum(cpu_ms.values()), 2)
    resultaat = {
        "per_s": round(cijfers["requests"] / seconden),
        # the ceiling on this machine's cores if nothing else ran: cores / CPU per request
        "cpu_per_verzoek_ms": cpu_ms,
        "plafond_per_s": round((os.cpu_count() or 1) * 1000 / cpu_ms["samen"]) if cpu_ms["samen"] else None,
        "postgresql_backends": len(backends),
        "p50_ms": round(cijfers["p50_us"] / 1000, 1),
        "p95_ms": round(cijfers["p95_us"] / 1000, 1),
        "p99_ms": round(cijfers["p99_us"] / 1000, 1),
        "max_ms": round(cijfers["max_us"] / 1000, 1),
        "verzoeken": cijfers["requests"],
        "fouten": {k.removeprefix("errors_"): v for k, v in cijfers.items() if k.startswith("errors_")},
        "fouten_in_serverlog": fouten_in_log[:5],
        "bsn_in_serverlog": sum(1 for _ in BSN.finditer(serverlog)),
        "toegangsregels": serverlog.count('HTTP/1.1" 200'),
        "tijd_in_server": in_server,
        "clients": args.clients, "duur_s": args.duur, "workers": args.workers,
        "threads": int(env.get("VROEGHULP_THREADS", 1)), "signalen_partner": args.signalen,
        "klaarzetten_s": round(klaarzetten, 1),
        "load_voor": [round(x, 2) for x in load_voor], "load_na": [round(x, 2) for x in load_na],
        "machine": {"nproc": os.cpu_count(), "cpu": _cpu(), "python": platform.python_version()},
    }
    print(json.dumps(resultaat, indent=2))
    shutil.rmtree(tmp, ignore_errors=True)


def in_proces(env: dict, rondes: int = 3, verzoeken: int = 300) -> None:
    """CPU per request of the application alone: Django's WSGI handler with production settings
    called in this process on the database of the previous run (PostgreSQL's own CPU is in its
    backend, not here), ``rondes`` x ``verzoeken`` of each kind, time.process_time, the lowest
    round (the one least disturbed by other work on the machine)."""
    import io
    import random

    ids_pad = Path(tempfile.gettempdir()) / "vh-bench-server-ids.json"
    if not ids_pad.exists():
        sys.exit("Eerst een gewone run: --in-proces meet op de database van de vorige run.")
    ids = json.loads(ids_pad.read_text())
    token = run("partners", "token", "energie", env=env).stdout.strip()
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vroeghulp.settings"
    from vroeghulp.wsgi import application

    vandaag = dt.date.today()

    def omgeving(pad: str) -> dict:
        pad, _, query = pad.partition("?")
        return {"REQUEST_METHOD": "GET", "PATH_INFO": pad, "QUERY_STRING": query, "SCRIPT_NAME": "",
                "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "443", "SERVER_PROTOCOL": "HTTP/1.1",
                "HTTP_HOST": "127.0.0.1", "HTTP_AUTHORIZATION": f"Bearer {token}",
                "HTTP_X_FORWARDED_PROTO": "https", "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http",
                "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
                "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False}

    def verzoek(pad: str) -> None:
        statussen = []
        antwoord = application(omgeving(pad), lambda status, headers, exc_info=None: statussen.append(status))
        try:
            b"".join(antwoord)
        finally:
            antwoord.close()
        if not statussen[0].startswith("200"):
            sys.exit(f"{pad}: {statussen[0]}")

    soorten = {
        "een_signaal": lambda: f"/api/v1/signalen/{random.choice(ids)}/status",
        "pagina": lambda: f"/api/v1/signalen/status?sinds={vandaag - dt.timedelta(days=random.randint(1, 7))}",
    }
    for maak in soorten.values():  # warm-up: connection, caches, the first of each kind
        for _ in range(20):
            verzoek(maak())
    from django.db import connection

    with connection.cursor() as cursor:  # the one backend of this process (persistent connection)
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    resultaat = {}
    for naam, maak in soorten.items():
        paden = [[maak() for _ in range(verzoeken)] for _ in range(rondes)]
        tijden, pg_tijden = [], []
        for ronde in paden:
            pg_begin = cpu_seconden([backend])[backend]
            begin = time.process_time()
            for pad in ronde:
                verzoek(pad)
            tijden.append((time.process_time() - begin) * 1000 / verzoeken)
            pg_tijden.append((cpu_seconden([backend])[backend] - pg_begin) * 1000 / verzoeken)
        resultaat[naam] = {"cpu_ms": round(min(tijden), 3), "rondes_ms": [round(t, 3) for t in tijden],
                           "postgresql_ms": round(min(pg_tijden), 3),
                           "postgresql_rondes_ms": [round(t, 3) for t in pg_tijden]}
    resultaat["load"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(resultaat, indent=2))


def _kinderen_cpu() -> float:
    """CPU time of the finished child processes (wrk): the server is still running, so not in it."""
    import resource

    gebruik = resource.getrusage(resource.RUSAGE_CHILDREN)
    return gebruik.ru_utime + gebruik.ru_stime


def _cpu() -> str:
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                return regel.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
