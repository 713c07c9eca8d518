"""The household key of a signal (``Vroegsignaal.huishoudsleutel``, max 40 characters).

The household is the address: ``A:<postcode><huisnummer>-<huisletter+toevoeging>`` (postcode
without space, upper case; house number without leading zeros; letter and addition upper case,
only letters and digits, so ``12 bis``, ``12-BIS`` and ``12, toevoeging Bis`` meet). Without a
usable address the key is ``B:`` + a keyed hash of the BSN (never the BSN itself: the key also
lives on the case and in worklists). Rotating ``SECRET_KEY`` changes these keys (BSN-only
households then start a new history).

Here, in signalering and not in the matching (``zaken.matching``), because the intake writes the
key of every signal it stores, also when matching runs later or not at all; matching builds the
key from the BRP address with the same functions.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from django.conf import settings

_PC = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
_NR = re.compile(r"^0*([0-9]{1,5})(.*)$")
_NIET_ALFANUM = re.compile(r"[^0-9A-Z]")


def normaliseer_postcode(postcode: str) -> str:
    return "".join(str(postcode or "").split()).upper()


@lru_cache(maxsize=65536)
def adres(postcode: str, huisnummer, huisletter: str, toevoeging: str) -> tuple[str | None, str]:
    """(key, normalised postcode) of an address; cached: a chunk holds many signals per address."""
    if _al_schoon(postcode, huisnummer, huisletter, toevoeging):
        return f"A:{postcode}{huisnummer}", postcode
    sleutel = adres_sleutel(postcode, huisnummer, huisletter, toevoeging)
    return sleutel, (normaliseer_postcode(postcode) if sleutel else "")


def _al_schoon(postcode, huisnummer, huisletter, toevoeging) -> bool:
    """True for an address as the intake stores most of them (``3563AB``, ``12``, no letter or
    addition): its key is then ``A:`` + postcode + number, without the regular expressions below
    (a million signals a file; ``test_matching_eigenschappen`` checks both give the same key)."""
    return (
        not huisletter and not toevoeging and type(postcode) is str and type(huisnummer) is str
        and len(postcode) == 6 and postcode.isascii() and postcode[0] != "0" and postcode[:4].isdigit()
        and postcode[4:].isalpha() and postcode[4:].isupper()
        and 0 < len(huisnummer) <= 5 and huisnummer.isascii() and huisnummer.isdigit() and huisnummer[0] != "0"
    )


def adres_sleutel(postcode: str, huisnummer, huisletter: str = "", toevoeging: str = "") -> str | None:
    """``A:3563AB12-BIS`` (``A:3563AB12`` without addition) or None when postcode or house number
    is not usable."""
    if _al_schoon(postcode, huisnummer, huisletter, toevoeging):
        return f"A:{postcode}{huisnummer}"
    return adres_sleutel_algemeen(postcode, huisnummer, huisletter, toevoeging)


def adres_sleutel_algemeen(postcode, huisnummer, huisletter="", toevoeging="") -> str | None:
    """``adres_sleutel`` without the shortcut for clean addresses (the property test compares)."""
    pc = normaliseer_postcode(postcode)
    m = _NR.match(str(huisnummer or "").strip().upper())
    if not _PC.match(pc) or not m:
        return None
    rest = _NIET_ALFANUM.sub("", f"{m.group(2)}{huisletter or ''}{toevoeging or ''}".upper())
    return (f"A:{pc}{m.group(1)}-{rest}" if rest else f"A:{pc}{m.group(1)}")[:40]


@lru_cache(maxsize=4)
def _zout(geheim: str) -> bytes:
    return hashlib.sha256(("vroeghulp-huishoudsleutel:" + geheim).encode()).digest()


def bsn_sleutel(bsn: str) -> str:
    """A pseudonym of the BSN: never the BSN itself in a key."""
    return "B:" + hashlib.sha256(_zout(settings.SECRET_KEY) + bsn.encode()).hexdigest()[:32]


def huishoudsleutel(*, bsn: str = "", postcode: str = "", huisnummer="", toevoeging: str = "",
                    huisletter: str = "") -> str:
    """The household key of a signal as the intake knows it (before the BRP check)."""
    return adres_sleutel(postcode, huisnummer, huisletter, toevoeging) or (
        bsn_sleutel(bsn) if bsn else "?"
    )
