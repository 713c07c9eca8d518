"""Reading and checking a large file in a second process (issue 4: a million signals in one file,
on a 2-core machine).

Reading (decoding, CSV/XLSX/JSON parsing) and the checks need no database: bytes in, checked
blocks out (``opslag.controleer``). For a large file a child process does that work, so that
while it reads and checks block n+1, this process stores and matches block n. The answer is the
same as in one process (``test_intake_parallel.py`` compares both); only the work is spread.

- Small files, the upload screen below the threshold and the API stay in one process: starting
  the child (a fresh interpreter with Django) costs about a second.
- The child runs at most about two blocks ahead (a socket, no queue): memory stays bounded.
- When the child cannot start (an application server whose ``sys.executable`` is no Python, no
  ``pass_fds``), ``verwerk_bestand`` reads in this process instead, with a warning in the log.
- A refusal of the file (``Weigering``) raised in the child is raised here, at the same point as
  in one process; any other error there becomes ``LezenMislukt`` with only its type (an
  exception text could carry personal data). Nothing is stored in either case: the delivery's
  transaction rolls back.
- When this process stops (an error, a crash, a kill), the child finds its socket closed and ends.

Setting ``VROEGHULP_INTAKE_PARALLEL_VANAF_MB`` (default 8; 0 = always; ``uit`` or negative = never;
read with ``common.instellingen``). The child needs no setting: the checks' settings (threshold,
PC4 areas) come with the ``Controleur`` the parent sends it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path

from vroeghulp.common import instellingen
from vroeghulp.signalering.intake.codes import Weigering

STANDAARD_VANAF_MB = 8


class LezenMislukt(RuntimeError):
    """The reading process failed for another reason than a refusal of the file."""


def gebruiken(data: bytes) -> bool:
    """Read this file in a second process?"""
    vanaf = instellingen.tekst("VROEGHULP_INTAKE_PARALLEL_VANAF_MB", str(STANDAARD_VANAF_MB)).lower()
    if vanaf == "uit":
        return False
    megabytes = float(instellingen.bedrag("VROEGHULP_INTAKE_PARALLEL_VANAF_MB", str(STANDAARD_VANAF_MB)))
    if megabytes == 0:
        return True  # always (tests)
    return megabytes > 0 and len(data) >= megabytes * 1024 * 1024 and (os.cpu_count() or 1) > 1


class ParalleleBron:
    """A ``lezen.Bron`` whose rows are read and checked by a child process.

    Starting it reads the file's format (or raises its refusal, as ``lezen.lees`` does); the
    rows follow, checked, from ``gecontroleerd(controleur)``. The child is a fresh interpreter
    (``python -c _START``), not a fork of this process and its database connections, and it
    does not import this program's main module again (as multiprocessing's spawn would)."""

    aantal = None
    rijen = None

    def __init__(self, data: bytes, bestandsnaam: str, *, max_rijen: int):
        hier, daar = socket.socketpair()
        pakket = str(Path(__file__).resolve().parents[3])  # the directory holding vroeghulp
        omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (pakket, os.environ.get("PYTHONPATH", "")) if p)}
        with daar:
            try:
                self._proces = subprocess.Popen(
                    [sys.executable, "-c", _START, str(daar.fileno())], pass_fds=[daar.fileno()], env=omgeving,
                    stdin=subprocess.DEVNULL,
                )
            except (OSError, ValueError) as fout:  # ValueError: no pass_fds (Windows)
                hier.close()
                raise LezenMislukt(f"het leesproces startte niet ({type(fout).__name__})") from None
        self._pijp = Connection(hier.detach())
        self.waarschuwingen: list = []
        try:
            self._zend((data, bestandsnaam, max_rijen))
            self.formaat, self.codering, self.scheidingsteken = self._ontvang()
        except BaseException:
            self.sluit()
            raise

    def _zend(self, inhoud) -> None:
        try:
            self._pijp.send(inhoud)
        except (BrokenPipeError, ConnectionResetError):
            raise LezenMislukt("het leesproces stopte onverwacht") from None

    def _ontvang(self):
        try:
            soort, inhoud = self._pijp.recv()
        except (EOFError, ConnectionResetError):
            raise LezenMislukt("het leesproces stopte onverwacht") from None
        if soort == "weigering":
            raise inhoud
        if soort == "fout":
            raise LezenMislukt(f"het leesproces gaf een fout ({inhoud})")
        return inhoud

    def gecontroleerd(self, controleur):
        """The checked blocks (as ``opslag.controleer`` returns them), in file order."""
        try:
            self._zend(controleur)
            while True:
                blok = self._ontvang()
                if blok is None:
                    break
                yield blok
            self.waarschuwingen.extend(self._ontvang())
        finally:
            self.sluit()

    def sluit(self) -> None:
        self._pijp.close()
        try:
            self._proces.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proces.kill()
            self._proces.wait()


# The child's program: Django first (the intake package imports models), then ``hoofd``.
_START = (
    "import sys, django; django.setup(); "
    "from vroeghulp.signalering.intake.parallel import hoofd; hoofd(int(sys.argv[1]))"
)


def hoofd(fd: int) -> None:
    """The child process (see ``_START``), talking over the socket ``fd``."""
    verbinding = Connection(fd)
    try:
        _kind(verbinding)
    except (BrokenPipeError, EOFError, ConnectionResetError):
        pass  # the parent stopped: nothing to tell
    finally:
        verbinding.close()


def _kind(pijp) -> None:
    """Read, wait for the checks' settings, then send checked blocks."""
    import gc

    gc.disable()  # as ``opslag.verwerk``: millions of small tuples, no reference cycles
    from vroeghulp.signalering.intake import lezen, opslag
    from vroeghulp.signalering.intake.snel import SnelleControle

    try:
        data, bestandsnaam, max_rijen = pijp.recv()
        bron = lezen.lees(data, bestandsnaam, max_rijen=max_rijen)
        del data
        pijp.send(("bron", (bron.formaat, bron.codering, bron.scheidingsteken)))
        controleur = pijp.recv()
        snel = SnelleControle(controleur)
        for blok in opslag.blokken(bron.rijen):
            pijp.send(("blok", opslag.controleer(controleur, snel, blok)))
        pijp.send(("blok", None))
        pijp.send(("klaar", bron.waarschuwingen))
    except Weigering as weigering:
        pijp.send(("weigering", weigering))
    except (BrokenPipeError, EOFError, ConnectionResetError):
        raise
    except Exception as error:  # noqa: BLE001 - passed on by type only (personal data)
        pijp.send(("fout", type(error).__name__))
