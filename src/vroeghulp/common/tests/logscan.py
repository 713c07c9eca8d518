"""Everything logged during a test run, scanned for BSNs of the demo and test data at the end.

``start`` wraps the log record factory (after Django installed the scrubbing one), so it sees every
record any logger of this process makes, whatever its handlers or ``propagate``; tests that start
a server add its output with ``add_output``. ``finish`` (at session end, so also with ``-x`` or a
single file) fails the run if a line holds a 9-digit number that passes the 11-proef and belongs
to the demo or test data. Hooks: ``pytest_configure``/``pytest_sessionfinish`` in
``vroeghulp/conftest.py``; both are idempotent because ``tests/browser`` imports that conftest too.
"""

import logging
import re
import shutil
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import pytest

from vroeghulp.common.bsn import is_valid_bsn

NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
REPO = Path(__file__).resolve().parents[4]
_FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")


class _State:
    directory: Path | None = None
    file = None
    lock = threading.Lock()
    finished = False


def start() -> None:
    if _State.directory is not None:
        return
    _State.directory = Path(tempfile.mkdtemp(prefix="vroeghulp-logscan-"))
    _State.file = open(_State.directory / "log.txt", "a", encoding="utf-8", errors="backslashreplace")
    wrapped = logging.getLogRecordFactory()

    def capture(*args, **kwargs):
        record = wrapped(*args, **kwargs)
        try:
            line = _FORMAT.format(record)
        except Exception:  # a broken record is the logging module's business, not ours
            return record
        _write(line)
        return record

    logging.setLogRecordFactory(capture)


def add_output(source: str, text: str) -> None:
    """Output of a process a test started (a server's log), scanned like the records."""
    _write("\n".join(f"{source}: {line}" for line in text.splitlines()))


def _write(text: str) -> None:
    if _State.file is None:
        return
    with _State.lock:
        _State.file.write(text + "\n")
        _State.file.flush()


def finish(session: pytest.Session) -> None:
    if _State.directory is None or _State.finished:
        return
    _State.finished = True
    _State.file.close()
    leaks = leaked_lines((_State.directory / "log.txt").read_text(encoding="utf-8"))
    shutil.rmtree(_State.directory, ignore_errors=True)
    if leaks:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = ("BSN's uit de demo- of testgegevens in logregels van deze testrun:\n"
                   + "\n".join(leaks[:20]))
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_sep("=", "BSN in logregels", red=True)
            reporter.write_line(message)
        else:
            print(message)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def leaked_lines(text: str) -> list[str]:
    return [line for line in text.splitlines()
            if any(is_testdata_bsn(m.group()) for m in NINE_DIGITS.finditer(line))]


def is_testdata_bsn(value: str) -> bool:
    """A valid BSN from the demo (all start with 99, like the BRP test persons), from the
    factories (``bsn_from_seed``) or written in a test file."""
    if not is_valid_bsn(value):
        return False
    return value.startswith("99") or _is_factory_bsn(value) or value in _literal_bsns()


# bsn_from_seed(n): base = 10000000 + (n * 7919) % 89999999, then the check digit. 7919 is prime
# and does not divide 89999999, so the seed of a base is base * 7919^-1 (mod 89999999).
_MODULUS, _FACTOR, _MAX_SEED = 89_999_999, 7919, 10_000_000


def _is_factory_bsn(value: str) -> bool:
    from vroeghulp.personen.tests.factories import bsn_from_seed

    seed = (int(value[:8]) - 10_000_000) * pow(_FACTOR, -1, _MODULUS) % _MODULUS
    # bsn_from_seed retries with seed + 1000003 when no check digit fits.
    return any(0 <= s < _MAX_SEED and bsn_from_seed(s) == value for s in (seed, seed - 1_000_003))


@lru_cache(maxsize=1)
def _literal_bsns() -> frozenset[str]:
    found = set()
    for folder in (REPO / "src", REPO / "tests"):
        for path in folder.rglob("test*.py"):
            found.update(m for m in NINE_DIGITS.findall(path.read_text(encoding="utf-8")) if is_valid_bsn(m))
    return frozenset(found)
