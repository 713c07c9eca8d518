"""Issue 10 point 5: no BSN in any log line, the access lines of the development server
(``vroeghulp demo``) and of the production server (``vroeghulp server``) included.

999140590 is a valid BSN (11-proef: 9*9 + 8*9 + 7*9 + 6*1 + 5*4 + 4*0 + 3*5 + 2*9 - 1*0 = 275
= 25 * 11) in the block of the demo data (99...)."""

import io
import logging

import pytest
import structlog

from vroeghulp.common.logging import MASK, _ScrubbingFactory, scrub_record
from vroeghulp.common.tests import logscan, servers

BSN = "999140590"


def _record(msg, *args, exc_info=None, stack_info=None):
    record = logging.LogRecord("vroeghulp.test", logging.WARNING, __file__, 1, msg, args, exc_info)
    record.stack_info = stack_info
    return record


def test_scrub_record_masks_message_arguments_traceback_and_stack():
    try:
        raise ValueError(f"Onbekend BSN {BSN}")
    except ValueError:
        import sys

        exc_info = sys.exc_info()
    record = scrub_record(_record("Signaal voor %s", BSN, exc_info=exc_info, stack_info=f"stack {BSN}"))
    text = logging.Formatter().format(record)
    assert BSN not in text
    assert f"Signaal voor {MASK}" in text and f"ValueError: Onbekend BSN {MASK}" in text
    assert record.stack_info == f"stack {MASK}"


def test_a_logger_with_its_own_handler_and_no_propagation_is_scrubbed_too():
    """The gap of issue 10: a filter on the root handler does not see django.server or granian.access.
    Records made through the factory are scrubbed before any handler sees them."""
    stream = io.StringIO()
    logger = logging.Logger("eigen.logger")  # not in the hierarchy: its own handler only
    logger.propagate = False
    logger.addHandler(logging.StreamHandler(stream))
    previous = logging.getLogRecordFactory()
    logging.setLogRecordFactory(_ScrubbingFactory(logging.LogRecord))
    try:
        logger.warning('"GET /personen/%s/ HTTP/1.1" 404', BSN)
    finally:
        logging.setLogRecordFactory(previous)
    assert stream.getvalue() == f'"GET /personen/{MASK}/ HTTP/1.1" 404\n'


def test_django_loggers_in_this_process_are_scrubbed(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("django.server").info('"GET /personen/%s/ HTTP/1.1" 404 179', BSN)
        logging.getLogger("django.request").warning("Not Found: /personen/%s/", BSN)
        logging.getLogger("django.security.DisallowedHost").error("Invalid HTTP_HOST header: '%s.nl'", BSN)
    assert BSN not in caplog.text
    assert caplog.text.count(MASK) == 3


def test_structlog_writes_through_logging_with_the_bsn_masked(caplog):
    with caplog.at_level(logging.WARNING):
        structlog.get_logger("vroeghulp.test").warning("signaal geweigerd", bsn=BSN, pad=f"/personen/{BSN}/")
    assert BSN not in caplog.text
    assert f"bsn='{MASK}'" in caplog.text and f"pad='/personen/{MASK}/'" in caplog.text


def test_the_run_scan_finds_demo_and_factory_bsns_and_nothing_else():
    from vroeghulp.personen.tests.factories import bsn_from_seed

    assert logscan.leaked_lines(f"a\nGET /personen/{BSN}/ 404\nb") == [f"GET /personen/{BSN}/ 404"]
    assert logscan.leaked_lines(f"Signaal {bsn_from_seed(42)}") != []
    # 999140591 fails the 11-proef (sum 274); 9991405900 has ten digits; a mask is no BSN.
    assert logscan.leaked_lines(f"999140591 9991405900 {MASK} /personen/{MASK}/") == []


@pytest.mark.slow
def test_development_server_of_the_demo_masks_bsns_in_its_access_lines(tmp_path):
    """``vroeghulp demo`` serves through Django's runserver (django.server logger)."""
    port = servers.free_port()
    env = servers.clean_env(VROEGHULP_VAR_DIR=str(tmp_path))
    with servers.serve("demo", "--huishoudens", "0", "--poort", str(port), env=env, port=port) as server:
        assert servers.get(f"{server.base}/personen/{BSN}/?bsn={BSN}").status == 302  # to the login
        assert servers.get(f"{server.base}/api/v1/signalen/{BSN}/status").status == 401
    log = server.output
    assert f'"GET /personen/{MASK}/?bsn={MASK} HTTP/1.1" 302' in log
    assert f"Unauthorized: /api/v1/signalen/{MASK}/status" in log
    assert BSN not in log


@pytest.mark.slow
def test_production_server_masks_bsns_in_its_access_and_error_log(tmp_path):
    """granian writes its access line through Python's logging, outside Django's LOGGING: the
    record factory masks it. The query string is not logged at all (a search by name or BSN
    stays out of the log); a request granian refuses itself (a bad header) is not logged.
    (The full production run on PostgreSQL is in test_productieserver.py; this one needs no
    database.)"""
    port = servers.free_port()
    env = servers.clean_env(VROEGHULP_OMGEVING="demo", VROEGHULP_VAR_DIR=str(tmp_path),
                            VROEGHULP_BIND=f"127.0.0.1:{port}", VROEGHULP_WORKERS="1")
    with servers.serve("server", env=env, port=port) as server:
        assert servers.get(f"{server.base}/personen/{BSN}/?bsn={BSN}").status == 302
        answer = servers.raw(port, f"GET /personen/{BSN}/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   f"X-{BSN} fout: 1\r\n\r\n".encode())
        assert answer.startswith(b"HTTP/1.1 400")
        host = servers.raw(port, f"GET /personen/ HTTP/1.1\r\nHost: {BSN}.nl\r\n\r\n".encode())
        assert host.startswith(b"HTTP/1.1 400")
    log = server.output
    assert f'"GET /personen/{MASK}/ HTTP/1.1" 302' in log
    assert "bsn=" not in log
    assert f"Invalid HTTP_HOST header: '{MASK}.nl'" in log
    assert BSN not in log
