"""BSN never in logs or on screens: the log filter scrubs it, the person page masks it."""

import logging

from django.conf import settings

from vroeghulp.common.bsn import is_valid_bsn, mask_bsn, normalize_bsn
from vroeghulp.common.logging import ScrubBsnFilter


def record(msg, *args):
    return logging.LogRecord("vroeghulp", logging.WARNING, __file__, 1, msg, args, None)


def test_log_filter_scrubs_bsn_in_message_and_arguments():
    for rec in (record("Signaal voor 123456782 afgewezen"), record("Signaal voor %s afgewezen", "123456782")):
        assert ScrubBsnFilter().filter(rec) is True
        assert rec.getMessage() == "Signaal voor ********* afgewezen"


def test_log_filter_leaves_other_numbers():
    rec = record("Zaak 12345 en postcode 3561AB, bedrag 1234567890")
    ScrubBsnFilter().filter(rec)
    assert rec.getMessage() == "Zaak 12345 en postcode 3561AB, bedrag 1234567890"


def test_every_log_handler_scrubs_bsn():
    for name, handler in settings.LOGGING["handlers"].items():
        assert "scrub_bsn" in handler.get("filters", []), name


def test_bsn_helpers():
    assert is_valid_bsn("123456782") and not is_valid_bsn("123456789") and not is_valid_bsn("000000000")
    assert normalize_bsn("12.345.678 2") == "123456782" and normalize_bsn("12345672") == "012345672"
    assert mask_bsn("123456782") == "******782"


def test_person_page_shows_only_the_masked_bsn(client, consulent, inwoner_overvecht):
    client.force_login(consulent)
    page = client.get(f"/personen/{inwoner_overvecht.pk}/").content.decode()
    assert inwoner_overvecht.bsn not in page
    assert mask_bsn(inwoner_overvecht.bsn) in page
