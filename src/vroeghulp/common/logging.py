"""A log filter that removes anything that looks like a BSN (9 digits) from log records."""

import logging
import re

BSN_PATTERN = re.compile(r"(?<!\d)\d{9}(?!\d)")
MASK = "*********"


def scrub(text: str) -> str:
    return BSN_PATTERN.sub(MASK, text)


class ScrubBsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the record
            return True
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True
