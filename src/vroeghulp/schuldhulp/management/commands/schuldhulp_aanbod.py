"""``vroeghulp schuldhulp aanbod [BESTAND|-]`` (docs/interfaces.md sections 1 and 7).

Reads a settlement-offer request as JSON from the file or standard input and prints the offer as
JSON. Invalid input: the problem object (as the API sends it, with ``invalid_params``) on standard
output, one Dutch line on standard error, exit 2. Needs no database.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from vroeghulp.regels.cli import foutregel, geen_getal, json_tekst
from vroeghulp.schuldhulp.aanbod import bereken_aanbod, als_dict
from vroeghulp.schuldhulp.aanbod_invoer import AanbodInvoerFout, valideer_aanbod


def _leesfout(fout: OSError) -> str:
    if isinstance(fout, FileNotFoundError):
        return _("het bestand bestaat niet")
    if isinstance(fout, IsADirectoryError):
        return _("dit is een map, geen bestand")
    if isinstance(fout, PermissionError):
        return _("u mag dit bestand niet lezen")
    return _("het bestand kan niet worden gelezen")


class Weigering(Exception):
    def __init__(self, titel: str, detail: str, invalid_params=None):
        super().__init__(titel)
        self.probleem = {"type": "about:blank", "title": titel, "status": 400, "detail": detail}
        if invalid_params:
            self.probleem["invalid_params"] = invalid_params


def _lees(bestand: str) -> dict:
    try:
        data = sys.stdin.buffer.read() if bestand == "-" else Path(bestand).read_bytes()
    except (OSError, ValueError) as fout:  # ValueError: a NUL in the path
        reden = _leesfout(fout) if isinstance(fout, OSError) else _("de naam van het bestand is ongeldig")
        raise Weigering(_("Bestand niet te lezen"), _("Kan het bestand niet lezen: %s.") % reden) from None
    try:
        tekst = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as fout:
        raise Weigering(_("Ongeldige tekens"), _(
            "De invoer is geen geldige UTF-8 (byte %(n)s). Sla het bestand op als UTF-8.") % {"n": fout.start + 1}
        ) from None
    try:
        return json.loads(tekst, parse_constant=geen_getal)
    except json.JSONDecodeError as fout:
        raise Weigering(_("Ongeldige JSON"), _(
            "De invoer is geen geldige JSON (regel %(n)s).") % {"n": fout.lineno}) from None
    except RecursionError:
        raise Weigering(_("Ongeldige JSON"), _(
            "De JSON is te diep genest: er zitten te veel lijsten of objecten in elkaar.")) from None
    except ValueError:  # NaN/Infinity, or an integer of more than 4300 digits
        raise Weigering(_("Ongeldige JSON"), _(
            "De invoer bevat een getal dat JSON niet kent of dat te lang is.")) from None


class Command(BaseCommand):
    help = "Berekent het aanbod aan schuldeisers (schuldregeling) uit een JSON-verzoek."
    requires_system_checks = []  # a calculation: no database, no checks

    def add_arguments(self, parser):
        parser.add_argument("bestand", nargs="?", default="-",
                            help="Pad naar het JSON-bestand; zonder of met - leest het standaardinvoer.")

    def handle(self, *args, bestand="-", **options):
        try:
            verzoek = _lees(bestand)
            try:
                invoer = valideer_aanbod(verzoek)
            except AanbodInvoerFout as fout:
                raise Weigering(_("Ongeldige invoer"), _("Een of meer velden zijn niet goed ingevuld."),
                                fout.invalid_params) from None
        except Weigering as weigering:
            self.stdout.write(json_tekst(weigering.probleem))
            self.stderr.write(foutregel(weigering.probleem))
            sys.exit(2)
        aanbod = bereken_aanbod(invoer.afloscapaciteit_per_maand, invoer.looptijd_maanden, invoer.schulden)
        self.stdout.write(json_tekst(als_dict(aanbod)))
