"""BSNs never reach a log line: anything that looks like one (9 digits) is masked.

Two layers, because a filter only works on the handlers it is attached to: loggers with their
own handlers (``django.server``, granian's ``granian.access`` and ``_granian``, a library's logger) would
bypass it. ``install()`` therefore wraps the process's log record factory, so every record is
scrubbed when it is created, whoever logs it and wherever it goes. ``ScrubBsnFilter`` stays on
our handlers for records that are built without the factory. ``configure`` is Django's
``LOGGING_CONFIG`` (settings), so the Django processes, the development server and the server's
workers all install it; ``vroeghulp server`` calls ``install()`` for its main process.
"""

import logging
import logging.config
import re
from typing import Any

BSN_PATTERN = re.compile(r"(?<!\d)\d{9}(?!\d)")
MASK = "*********"


def scrub(text: str) -> str:
    return BSN_PATTERN.sub(MASK, text)


def scrub_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask BSNs in the message, the traceback and the stack of ``record`` (in place)."""
    try:
        message = record.getMessage()
    except Exception:  # a broken format string must not hide the record
        return record
    scrubbed = scrub(message)
    if scrubbed != message:
        record.msg, record.args = scrubbed, None
    if record.exc_info and not record.exc_text:
        # Formatters reuse exc_text when it is set, so the traceback they print is this one.
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    return record


class ScrubBsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        scrub_record(record)
        return True


class _ScrubbingFactory:
    """Wraps the previous record factory; marked so that installing twice does not wrap twice."""

    def __init__(self, wrapped):
        self.wrapped = wrapped

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        return scrub_record(self.wrapped(*args, **kwargs))


def install() -> None:
    """Scrub every log record of this process at creation (idempotent)."""
    factory = logging.getLogRecordFactory()
    if not isinstance(factory, _ScrubbingFactory):
        logging.setLogRecordFactory(_ScrubbingFactory(factory))


def _scrub_event(_logger, _method, event_dict: dict) -> dict:
    """structlog processor: mask BSNs in every string value before rendering."""
    return {k: scrub(v) if isinstance(v, str) else v for k, v in event_dict.items()}


def configure_structlog() -> None:
    """structlog, if anyone uses it, renders into the standard library's logging (so through
    our handlers and the factory), with BSNs masked in every field as well."""
    import structlog

    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.stdlib.add_log_level,
            _scrub_event,
            structlog.processors.KeyValueRenderer(key_order=["event"]),
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def configure(logging_settings: dict) -> None:
    """Django's LOGGING_CONFIG: the usual dictConfig, then the factory and structlog."""
    logging.config.dictConfig(logging_settings)
    install()
    configure_structlog()
