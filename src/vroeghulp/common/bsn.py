"""Burgerservicenummer: the 11-proef (Besluit BRP / Wet algemene bepalingen BSN)."""

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_valid_bsn(value: str) -> bool:
    """True for a 9-digit number that passes the 11-proef and is not all zeros."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    return sum(int(d) * w for d, w in zip(value, WEIGHTS)) % 11 == 0


def normalize_bsn(value: str) -> str:
    """Strip spaces and dots; restore a leading zero that a spreadsheet dropped (8 digits)."""
    digits = "".join(ch for ch in str(value) if not ch.isspace() and ch != ".")
    if digits.isdigit() and len(digits) == 8:
        digits = "0" + digits
    return digits


def mask_bsn(value: str) -> str:
    """Show only the last three digits, e.g. for a screen that must confirm identity."""
    return "******" + value[-3:] if value else ""
