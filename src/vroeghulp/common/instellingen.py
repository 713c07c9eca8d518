"""The one reader of the application's own settings (``VROEGHULP_...``) at run time.

A setting comes from Django's settings when they define it (tests override them there), else
from the environment, else the default. The typed readers turn the value into what the code
needs and refuse a value they cannot use with ``ImproperlyConfigured``, naming the variable, in
Dutch: a typo in the configuration stops the action with a clear message instead of a traceback
deep in the intake. ``settings.py`` itself reads the environment with ``common.env``.

Works without configured Django settings too (a process that only reads files): then only the
environment and the defaults count.
"""

from __future__ import annotations

import os
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from vroeghulp.common.env import TRUE

FALSE = {"0", "false", "nee", "no", "off"}


def waarde(naam: str, standaard: object = None) -> object:
    """The value as set: Django's setting (any type) when set and not empty, else the
    environment's text when not empty, else ``standaard``."""
    try:
        ingesteld = getattr(settings, naam, None)
    except ImproperlyConfigured:  # no Django settings in this process
        ingesteld = None
    if ingesteld is None or ingesteld == "":
        ingesteld = os.environ.get(naam)
    return standaard if ingesteld is None or ingesteld == "" else ingesteld


def _fout(naam: str, soort: str, ingesteld: object) -> ImproperlyConfigured:
    getoond = str(ingesteld)
    getoond = getoond if len(getoond) <= 40 else getoond[:40] + "…"
    return ImproperlyConfigured(f"{naam} moet {soort} zijn, niet '{getoond}'. Pas de instelling aan.")


def tekst(naam: str, standaard: str = "") -> str:
    return str(waarde(naam, standaard)).strip()


def geheel_getal(naam: str, standaard: int) -> int:
    ingesteld = waarde(naam, standaard)
    if isinstance(ingesteld, bool):
        raise _fout(naam, "een geheel getal", ingesteld)
    try:
        return int(str(ingesteld).strip())
    except ValueError:
        raise _fout(naam, "een geheel getal", ingesteld) from None


def bedrag(naam: str, standaard: str) -> Decimal:
    """A decimal number; a comma counts as the decimal point (``50,00``)."""
    ingesteld = waarde(naam, standaard)
    try:
        getal = Decimal(str(ingesteld).strip().replace(",", "."))
    except InvalidOperation:
        raise _fout(naam, "een getal", ingesteld) from None
    if not getal.is_finite() or isinstance(ingesteld, bool):
        raise _fout(naam, "een getal", ingesteld)
    return getal


def aan_uit(naam: str, standaard: bool) -> bool:
    """True or False; in the environment ``1/true/ja/yes/on`` or ``0/false/nee/no/off``."""
    ingesteld = waarde(naam, standaard)
    if isinstance(ingesteld, bool):
        return ingesteld
    tekst_waarde = str(ingesteld).strip().lower()
    if tekst_waarde in TRUE:
        return True
    if tekst_waarde in FALSE:
        return False
    raise _fout(naam, "aan (1, ja) of uit (0, nee)", ingesteld)
