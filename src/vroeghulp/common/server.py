"""``vroeghulp server``: the production web server, granian with ``vroeghulp.wsgi:application``.

Why granian: it reads and writes HTTP in Rust, outside the GIL, so a worker's Python thread
only runs the application. With gunicorn's gthread workers the HTTP parsing, the access line
and four threads per worker all queued on one GIL; at 20 clients on two cores that cost
1 ms of CPU per request and put p99 above 100 ms (issue 10 load test, docs/performance.md).

Settings come from the environment, like the Django settings (docs/interfaces.md section 1);
the options after the word override them for one start.
"""

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from vroeghulp.common.env import env, env_int
from vroeghulp.common.logging import install

TARGET = "vroeghulp.wsgi:application"
# Client, time, request line (BSNs masked by the log record factory), status, time in the server.
ACCESS_LOG_FORMAT = '%(addr)s [%(time)s] "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).0fms'
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


@dataclass(frozen=True)
class Instellingen:
    host: str
    port: int
    uds: Path | None
    workers: int
    threads: int
    log_level: str


class Fout(Exception):
    """A setting we refuse; its text names the setting and the problem (in Dutch)."""


class Adres(NamedTuple):
    host: str
    port: int
    uds: Path | None


def _adres(waarde: str) -> Adres:
    """``host:poort``, ``[ipv6]:poort`` or ``unix:/pad``."""
    waarde = waarde.strip()
    if waarde.startswith("unix:"):
        return Adres("", 0, Path(waarde.removeprefix("unix:")))
    host, scheiding, poort = waarde.rpartition(":")
    if not scheiding or not host or not poort.isdigit() or not 0 < int(poort) < 65536:
        raise Fout(f"VROEGHULP_BIND: '{waarde}' is geen adres; gebruik host:poort (127.0.0.1:8000) of unix:/pad.")
    return Adres(host.removeprefix("[").removesuffix("]"), int(poort), None)


def instellingen(argv: list[str]) -> Instellingen:
    parser = argparse.ArgumentParser(prog="vroeghulp server", description="De webserver voor productie.")
    parser.add_argument("--bind", default=env("VROEGHULP_BIND", "127.0.0.1:8000"),
                        help="host:poort of unix:/pad (VROEGHULP_BIND)")
    parser.add_argument("--workers", type=int, default=None, help="aantal processen (VROEGHULP_WORKERS)")
    parser.add_argument("--threads", type=int, default=None, help="threads per proces (VROEGHULP_THREADS)")
    args = parser.parse_args(argv)
    try:
        # One Python thread per process by default: a second one only waits for the GIL (issue 10);
        # more processes (2 per core + 1) keep serving while one waits for a large upload.
        workers = args.workers if args.workers is not None else env_int(
            "VROEGHULP_WORKERS", min(2 * (os.cpu_count() or 1) + 1, 8))
        threads = args.threads if args.threads is not None else env_int("VROEGHULP_THREADS", 1)
    except ValueError:
        raise Fout("VROEGHULP_WORKERS en VROEGHULP_THREADS: gebruik een heel getal.") from None
    if workers < 1 or threads < 1:
        raise Fout("VROEGHULP_WORKERS en VROEGHULP_THREADS: minstens 1.")
    if "," in args.bind:
        raise Fout("VROEGHULP_BIND: één adres; zet een tweede adres op de proxy ervoor.")
    niveau = env("VROEGHULP_LOGLEVEL", "warning").lower()
    if niveau not in LOG_LEVELS:
        raise Fout(f"VROEGHULP_LOGLEVEL: kies uit {', '.join(LOG_LEVELS)}.")
    adres = _adres(args.bind)
    return Instellingen(host=adres.host, port=adres.port, uds=adres.uds, workers=workers, threads=threads,
                        log_level=niveau)


def main(argv: list[str]) -> int:
    """Check the settings here (a clear message instead of a worker that fails to start), then
    run granian in this process, so a service manager's signals reach its main process directly
    (TERM: stop gracefully, HUP: new workers)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.conf import settings

        settings.SECRET_KEY  # noqa: B018  (imports the settings, which check production)
        gekozen = instellingen(argv)
    except (ImproperlyConfigured, Fout) as fout:
        print(fout, file=sys.stderr)
        return 2
    install()  # the main process's own records are scrubbed too; the workers install it with Django

    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server

    Server(
        TARGET,
        address=gekozen.host or "127.0.0.1",
        port=gekozen.port or 8000,
        uds=gekozen.uds,
        interface=Interfaces.WSGI,
        workers=gekozen.workers,
        blocking_threads=gekozen.threads,
        websockets=False,
        log_level=LogLevels(gekozen.log_level),
        log_access=True,
        log_access_format=ACCESS_LOG_FORMAT,
        respawn_failed_workers=True,  # a worker that dies is replaced
        workers_kill_timeout=30,  # after TERM, 30 s to finish what runs, then killed
    ).serve()
    return 0
